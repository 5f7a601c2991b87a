"""A miniature Gemma tokenizer in the files ``save_pretrained`` writes for GemmaTokenizerFast.

``tokenizer.json`` has the structure transformers' ``GemmaConverter``
(``convert_slow_tokenizer.py``) gives Gemma's: a BPE model with ``byte_fallback``,
``fuse_unk`` and ``<unk>``; ids 0–3 ``<pad>``, ``<eos>``, ``<bos>``, ``<unk>``; the 256
byte pieces ``<0x00>``…``<0xFF>``; normalizer Replace " " → "▁" (no dummy prefix: a
prompt's first word has no "▁"); pre-tokenizer Split on " " merged with the previous;
TemplateProcessing putting ``<bos>`` first (``add_bos_token``); decoder Replace "▁" → " ",
ByteFallback, Fuse. The pieces are single characters (lowercase and uppercase letters,
digits, a few marks, "▁") and every prefix of a few dozen prompt words, with and without
"▁"; the merges are every split of a piece into two pieces, ordered by the piece's id as
the converter orders SentencePiece's (``SentencePieceExtractor``).
"""

from __future__ import annotations

import json
from pathlib import Path

SPACE = "\u2581"
SPECIALS = ["<pad>", "<eos>", "<bos>", "<unk>"]
BYTES = [f"<0x{b:02X}>" for b in range(256)]
CHARS = [SPACE] + [chr(c) for c in range(ord("a"), ord("z") + 1)] + [chr(c) for c in range(ord("A"), ord("Z") + 1)]
CHARS += [str(d) for d in range(10)] + list(",.-'")
WORDS = (
    "a an the of on in at with and photo painting portrait of red blue green white black yellow orange "
    "purple cat dog bird horse fish astronaut woman man child old young small large tall beautiful "
    "sitting riding standing flying garden forest mountain lake river city street house sky cloud "
    "sunset night light dark detailed high quality oil watercolor style"
).split()
MAX_LENGTH = 256


def pieces() -> list[str]:
    """Every piece after the bytes, in id order: characters, then the words' prefixes, shortest first."""
    prefixes: list[str] = []
    for form in ("▁", ""):
        for word in dict.fromkeys(WORDS):
            text = (SPACE if form else "") + word
            prefixes += [text[:k] for k in range(2, len(text) + 1)]
    longer = sorted(dict.fromkeys(p for p in prefixes if p not in CHARS), key=len)
    return CHARS + longer


def vocab() -> dict[str, int]:
    return {t: i for i, t in enumerate(SPECIALS + BYTES + pieces())}


def merges(v: dict[str, int]) -> list[list[str]]:
    """(left, right) for every piece split into two pieces, by (piece id, left id, right id)."""
    found = []
    for piece, i in v.items():
        if i < len(SPECIALS) + len(BYTES) or len(piece) < 2:
            continue
        for k in range(1, len(piece)):
            left, right = piece[:k], piece[k:]
            if left in v and right in v:
                found.append((i, v[left], v[right], [left, right]))
    return [m[3] for m in sorted(found)]


def added_token(i: int, content: str) -> dict:
    return {"id": i, "content": content, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False, "special": True}


def tokenizer_json() -> dict:
    v = vocab()
    bos = {"SpecialToken": {"id": "<bos>", "type_id": 0}}
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [added_token(i, t) for i, t in enumerate(SPECIALS)],
        "normalizer": {"type": "Replace", "pattern": {"String": " "}, "content": SPACE},
        "pre_tokenizer": {"type": "Split", "pattern": {"String": " "}, "behavior": "MergedWithPrevious", "invert": False},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [bos, {"Sequence": {"id": "A", "type_id": 0}}],
            "pair": [bos, {"Sequence": {"id": "A", "type_id": 0}}, bos, {"Sequence": {"id": "B", "type_id": 1}}],
            "special_tokens": {"<bos>": {"id": "<bos>", "ids": [v["<bos>"]], "tokens": ["<bos>"]}},
        },
        "decoder": {
            "type": "Sequence",
            "decoders": [
                {"type": "Replace", "pattern": {"String": SPACE}, "content": " "},
                {"type": "ByteFallback"},
                {"type": "Fuse"},
            ],
        },
        "model": {
            "type": "BPE", "dropout": None, "unk_token": "<unk>", "continuing_subword_prefix": None,
            "end_of_word_suffix": None, "fuse_unk": True, "byte_fallback": True, "ignore_merges": False,
            "vocab": v, "merges": merges(v),
        },
    }  # fmt: skip


def tokenizer_config() -> dict:
    """GemmaTokenizerFast's tokenizer_config.json keys (no padding side: the node pads on the right, docs/lumina.md)."""
    return {
        "add_bos_token": True,
        "add_eos_token": False,
        "added_tokens_decoder": {str(i): {k: x for k, x in added_token(i, t).items() if k != "id"} for i, t in enumerate(SPECIALS)},
        "bos_token": "<bos>",
        "clean_up_tokenization_spaces": False,
        "eos_token": "<eos>",
        "model_max_length": MAX_LENGTH,
        "pad_token": "<pad>",
        "tokenizer_class": "GemmaTokenizer",
        "unk_token": "<unk>",
    }


def special_tokens_map() -> dict:
    return {name: {"content": t, "lstrip": False, "normalized": False, "rstrip": False, "single_word": False}
            for name, t in (("bos_token", "<bos>"), ("eos_token", "<eos>"), ("pad_token", "<pad>"), ("unk_token", "<unk>"))}  # fmt: skip


def write_tokenizer(folder: Path) -> int:
    """Writes the three files into ``folder`` (created); returns the vocabulary size."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {"tokenizer.json": tokenizer_json(), "tokenizer_config.json": tokenizer_config(), "special_tokens_map.json": special_tokens_map()}
    for name, content in files.items():
        (folder / name).write_text(json.dumps(content, indent=2, ensure_ascii=False) + "\n")
    return len(vocab())
