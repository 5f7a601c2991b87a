"""The miniature SD3 text side's tokenizers (mini_sd3_text.py): a tiny CLIP BPE
vocabulary and a tiny T5 Unigram one, the files ``save_pretrained`` writes for
them, and plain reference tokenizers that compute their ids the way
transformers' CLIPTokenizer and T5TokenizerFast do (for ASCII text), so the
fixtures' ids are known without the tokenizers library.
"""

from __future__ import annotations

import re

WORDS = ["a", "photo", "of", "red", "blue", "cat", "dog", "on", "the", "mat"]
#: The byte-level characters the tiny CLIP vocabulary has ("!" first, id 0, as in CLIP); others are unknown.
CHARS = ["!"] + [chr(c) for c in range(ord("a"), ord("z") + 1)] + [str(d) for d in range(10)]
BOS, EOS = "<|startoftext|>", "<|endoftext|>"
CLIP_SPLIT = re.compile(r"'s|'t|'re|'ve|'m|'ll|'d|[a-zA-Z]+|[0-9]|[^\sa-zA-Z0-9]+")


def clip_merges() -> list[tuple[str, str]]:
    """Each word's merges, left to right: ``p h``, ``ph o``, …, ``phot o</w>``."""
    merges: list[tuple[str, str]] = []
    for word in WORDS:
        pieces = list(word[:-1]) + [word[-1] + "</w>"]
        for k in range(1, len(pieces)):
            pair = ("".join(pieces[:k]), pieces[k])
            if pair not in merges:
                merges.append(pair)
    return merges


def clip_vocab() -> dict[str, int]:
    """Characters, characters + ``</w>``, the merges' results, BOS, EOS: CLIP's order."""
    tokens = CHARS + [c + "</w>" for c in CHARS] + ["".join(m) for m in clip_merges()] + [BOS, EOS]
    return {t: i for i, t in enumerate(dict.fromkeys(tokens))}


def clip_bpe(word: str, ranks: dict[tuple[str, str], int]) -> list[str]:
    """CLIPTokenizer.bpe: merge the lowest-ranked adjacent pair until none is ranked."""
    parts = list(word[:-1]) + [word[-1] + "</w>"]
    while len(parts) > 1:
        pairs = [(ranks.get((a, b), 1 << 30), k) for k, (a, b) in enumerate(zip(parts, parts[1:]))]
        rank, k = min(pairs)
        if rank == 1 << 30:
            break
        parts[k : k + 2] = [parts[k] + parts[k + 1]]
    return parts


def clip_ids(text: str, length: int, pad: str) -> tuple[list[int], int]:
    """CLIPTokenizer(text, padding="max_length", max_length=length, truncation=True): ids and tokens dropped."""
    vocab, ranks = clip_vocab(), {m: i for i, m in enumerate(clip_merges())}
    words = CLIP_SPLIT.findall(re.sub(r"\s+", " ", text).strip().lower())
    content = [vocab.get(t, vocab[EOS]) for w in words for t in clip_bpe(w, ranks)]
    kept = content[: length - 2]
    ids = [vocab[BOS], *kept, vocab[EOS]]
    return ids + [vocab[pad]] * (length - len(ids)), len(content) - len(kept)


T5_SPECIALS = ["<pad>", "</s>", "<unk>"]
SPACE = "\u2581"


def t5_vocab() -> list[tuple[str, float]]:
    """Unigram pieces and log-probabilities: the specials, ``▁word`` pieces, ``▁`` and single letters."""
    pieces = [(s, 0.0) for s in T5_SPECIALS] + [(SPACE + w, -2.0) for w in WORDS] + [(SPACE, -3.0)]
    return pieces + [(chr(c), -5.0) for c in range(ord("a"), ord("z") + 1)]


def t5_piece_ids(piece: str, scores: dict[str, tuple[int, float]]) -> list[int]:
    """Viterbi: the segmentation of ``piece`` with the highest total score (every letter is in the vocabulary)."""
    best: list[tuple[float, list[int]]] = [(0.0, [])] + [(-1e9, [])] * len(piece)
    for end in range(1, len(piece) + 1):
        for start in range(end):
            if piece[start:end] in scores and best[start][0] > -1e9:
                i, s = scores[piece[start:end]]
                if best[start][0] + s > best[end][0]:
                    best[end] = (best[start][0] + s, best[start][1] + [i])
    return best[-1][1]


def t5_ids(text: str, length: int) -> tuple[list[int], int]:
    """T5TokenizerFast(text, padding="max_length", max_length=length, truncation=True) for lowercase ASCII."""
    scores = {p: (i, s) for i, (p, s) in enumerate(t5_vocab())}
    pieces = [SPACE + w for w in text.split()]
    content = [i for p in pieces for i in t5_piece_ids(p, scores)]
    kept = content[: length - 1]
    ids = kept + [T5_SPECIALS.index("</s>")]
    return ids + [T5_SPECIALS.index("<pad>")] * (length - len(ids)), len(content) - len(kept)
