"""The word-level vocabulary of the scene captions and its Hugging Face tokenizer.json.

The node reads the same file through the tokenizers library SD3's pipeline uses
(a WordLevel model, lower-case normaliser, whitespace pre-tokenizer, fixed
padding to TEXT_LEN with [PAD], truncation at TEXT_LEN; [UNK] for any other
word, which the API refuses by name). Ids: [PAD] 0, [UNK] 1, then the grammar's
words in a fixed order. The empty caption (all [PAD]) is the unconditional
input for classifier-free guidance.

    /usr/bin/python3 gpu-node/tools/scene_tokenizer.py OUT/tokenizer.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

import scenes

PAD, UNK = "[PAD]", "[UNK]"
TEXT_LEN = 40  # the longest caption (4 objects, 8 words each, 3 "and") has 35 words


def _words() -> list[str]:
    words: list[str] = ["a", "and"]
    for phrase in [*scenes.SIZES, *scenes.COLOUR_NAMES, *scenes.SHAPES, *scenes.CELL_PHRASES]:
        words += [w for w in phrase.split() if w not in words]
    return words


VOCAB = {PAD: 0, UNK: 1, **{w: i + 2 for i, w in enumerate(_words())}}
PAD_ID, UNK_ID = VOCAB[PAD], VOCAB[UNK]


def tokenizer_json() -> dict:
    """The tokenizer in the Hugging Face tokenizers serialisation (format version 1.0)."""
    special = lambda tok: {  # noqa: E731
        "id": VOCAB[tok], "content": tok, "single_word": False, "lstrip": False,
        "rstrip": False, "normalized": False, "special": True,
    }
    return {
        "version": "1.0",
        "truncation": {"direction": "Right", "max_length": TEXT_LEN, "strategy": "LongestFirst", "stride": 0},
        "padding": {
            "strategy": {"Fixed": TEXT_LEN}, "direction": "Right", "pad_to_multiple_of": None,
            "pad_id": PAD_ID, "pad_type_id": 0, "pad_token": PAD,
        },
        "added_tokens": [special(PAD), special(UNK)],
        "normalizer": {"type": "Lowercase"},
        "pre_tokenizer": {"type": "Whitespace"},
        "post_processor": None,
        "decoder": None,
        "model": {"type": "WordLevel", "vocab": VOCAB, "unk_token": UNK},
    }


def unknown_words(text: str) -> list[str]:
    """The words of ``text`` outside the vocabulary, in order, each once."""
    out: list[str] = []
    for w in text.lower().split():
        if w not in VOCAB and w not in out:
            out.append(w)
    return out


def tokenize(texts: list[str]) -> np.ndarray:
    """[B, TEXT_LEN] int64 ids of captions of the grammar (padded with [PAD]).
    Raises ValueError naming every unknown word, or a caption that is too long."""
    out = np.full((len(texts), TEXT_LEN), PAD_ID, dtype=np.int64)
    for i, text in enumerate(texts):
        bad = unknown_words(text)
        if bad:
            raise ValueError(f"texts[{i}]: unknown words {', '.join(bad)}")
        words = text.lower().split()
        if len(words) > TEXT_LEN:
            raise ValueError(f"texts[{i}]: {len(words)} words, at most {TEXT_LEN}")
        out[i, : len(words)] = [VOCAB[w] for w in words]
    return out


def _phrase_table() -> tuple[np.ndarray, np.ndarray]:
    """Ids of "a <object> <cell phrase>" for every (cell, object): [9, 32, 8] and lengths [9, 32]."""
    width = 8
    table = np.full((9, scenes.NUM_OBJECTS, width), PAD_ID, dtype=np.int64)
    length = np.zeros((9, scenes.NUM_OBJECTS), dtype=np.int64)
    for c, place in enumerate(scenes.CELL_PHRASES):
        for o in range(scenes.NUM_OBJECTS):
            words = f"a {scenes.object_name(o)} {place}".split()
            table[c, o, : len(words)] = [VOCAB[w] for w in words]
            length[c, o] = len(words)
    return table, length


_TABLE, _LENGTH = _phrase_table()


def layout_ids(layout: scenes.Layout) -> np.ndarray:
    """tokenize([caption of each scene]) without building strings: [n, TEXT_LEN]."""
    n, slots = len(layout), scenes.MAX_OBJECTS
    seg = np.full((n, slots, 1 + _TABLE.shape[2]), PAD_ID, dtype=np.int64)  # ["and"] + phrase, per slot
    seg[:, 1:, 0] = VOCAB["and"]
    seg[:, :, 1:] = _TABLE[layout.cell, layout.obj]
    width = np.arange(seg.shape[2])
    valid = width[None, None] < 1 + _LENGTH[layout.cell, layout.obj][..., None]
    valid[:, 0, 0] = False  # no "and" before the first object
    valid &= layout.present[..., None]
    valid = valid.reshape(n, -1)
    order = np.argsort(~valid, axis=1, kind="stable")  # the valid tokens, in order, to the left
    ids = np.where(np.take_along_axis(valid, order, axis=1), np.take_along_axis(seg.reshape(n, -1), order, axis=1), PAD_ID)
    out = np.full((n, TEXT_LEN), PAD_ID, dtype=np.int64)
    out[:, : min(TEXT_LEN, ids.shape[1])] = ids[:, :TEXT_LEN]
    return out


if __name__ == "__main__":
    Path(sys.argv[1]).write_text(json.dumps(tokenizer_json(), indent=2) + "\n")
