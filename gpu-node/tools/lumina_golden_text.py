"""The text half of a Lumina-Next test model's full-pipeline reference (``golden.json``):
two fixed prompts through Gemma's penultimate layer and the prompt graph, in PyTorch.

The ids are the prompts' whole-word pieces with ``<bos>`` first: the mini tokenizer
(mini_gemma_tokenizer.py) holds every word and every prefix of it, ``▁``-forms ranked
first, so its BPE ends at whole words; each prompt is right-padded with ``<pad>`` to a
multiple of 8 (the card's ``pad_to_multiple_of``) and the rows to the longest, mask 0.
"""

from __future__ import annotations

import json
from pathlib import Path

import torch

from export import tensor_json
from gemma_checkpoint import load_text_encoder
from half_storage import round_weights
from lumina_pipeline import PAD_TO_MULTIPLE_OF

#: Lowercase, as the card's ``lowercase`` makes every prompt.
PROMPTS = ("a red cat sitting in the garden", "an astronaut riding a horse")
SPACE = "\u2581"


def prompt_ids(tokenizer: Path, prompts=PROMPTS) -> tuple[torch.Tensor, torch.Tensor]:
    """input_ids and attention_mask [B, T], T the longest prompt's length rounded up to 8."""
    model = json.loads((tokenizer / "tokenizer.json").read_text())["model"]
    vocab = model["vocab"]
    config = json.loads((tokenizer / "tokenizer_config.json").read_text())
    bos, pad = vocab[config["bos_token"]], vocab[config["pad_token"]]
    rows = []
    for prompt in prompts:
        words = prompt.split(" ")
        pieces = [words[0]] + [SPACE + w for w in words[1:]]
        missing = [p for p in pieces if p not in vocab]
        if missing:
            raise ValueError(f"{tokenizer}: no whole-word pieces {missing} for the golden prompt {prompt!r}")
        rows.append([bos] + [vocab[p] for p in pieces])
    length = -(-max(map(len, rows)) // PAD_TO_MULTIPLE_OF) * PAD_TO_MULTIPLE_OF
    ids = torch.tensor([r + [pad] * (length - len(r)) for r in rows], dtype=torch.int64)
    mask = torch.tensor([[1] * len(r) + [0] * (length - len(r)) for r in rows], dtype=torch.int64)
    return ids, mask


def text_golden(root: Path, hidden: str, layers: int) -> tuple[dict, torch.Tensor, torch.Tensor]:
    """{"prompts", "input_ids", "attention_mask", ``hidden``} from the text encoder (weights
    rounded to fp16, as exported), and the features and mask for the prompt graph."""
    ids, mask = prompt_ids(root / "tokenizer")
    model = load_text_encoder(root / "text_encoder")
    round_weights(model)
    with torch.no_grad():
        features = model.encode(ids, mask, layers)
    blob = {"prompts": list(PROMPTS), "input_ids": tensor_json(ids), "attention_mask": tensor_json(mask), hidden: tensor_json(features)}
    return blob, features, mask
