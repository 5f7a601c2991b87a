"""The card (``model.json``) of a converted SD3 model directory (docs/model-contract.md,
"SD3 in latent space"): the fields every ``ras-ready/3`` card has, and the latent
pipeline's ``stages.text``, ``compose``, ``decoder`` and linear ``preview``.
"""

from __future__ import annotations

import json
from pathlib import Path

import torch

from mmdit import MMDiTConfig

FORMAT = "ras-ready/3"
GRAPHS = {"unfused": "transformer.onnx", "fused": "transformer.fused.onnx", "fused_fp16": "transformer.fused.fp16.onnx"}
#: SD3's scheduler (FlowMatchEuler, shift 3) and pipeline defaults (28 steps, guidance 7).
TIME = {"scale": 1000, "shift": 3.0}
RECOMMENDED = {"steps": 28, "guidance": 7.0}


def vocabulary_size(root: Path, tokenizer: str) -> int:
    """CLIP-L's vocabulary size: its tokenizer.json's model vocab, else vocab.json."""
    folder = root / tokenizer
    fast, slow = folder / "tokenizer.json", folder / "vocab.json"
    if fast.is_file():
        vocab = json.loads(fast.read_text()).get("model", {}).get("vocab")
        if isinstance(vocab, dict):
            return len(vocab)
    if slow.is_file():
        return len(json.loads(slow.read_text()))
    raise FileNotFoundError(f"{folder}: neither tokenizer.json (with model.vocab) nor vocab.json")


def card_of(cfg: MMDiTConfig, parts: dict, export: dict, test_model: bool) -> dict:
    """The card; ``parts``: text, decoder, preview, vocabulary size, weights' description,
    params; ``export``: measured differences and storage."""
    p, heads, hd = cfg.patch_size, cfg.num_attention_heads, cfg.attention_head_dim
    grid = cfg.sample_size // p
    text = parts["text"]
    decoder = parts["decoder"]
    return {
        "format": FORMAT,
        "family": "mmdit",
        "stages": {
            "text": text,
            "compose": "sd3",
            "transformer": dict(GRAPHS),
            "decoder": decoder,
        },
        "graphs": dict(GRAPHS),
        "weights_file": "model.weights",
        "weights": parts["weights"],
        "storage": "float16",
        "patch": p,
        "channels": cfg.in_channels,
        "token_dim": p * p * cfg.in_channels,
        "hidden": heads * hd,
        "layers": cfg.num_layers,
        "heads": heads,
        "head_dim": hd,
        "dual_attention_layers": sorted(cfg.dual_attention_layers),
        "grid": {"default": [grid, grid], "min": [1, 1], "max": [cfg.pos_embed_max_size] * 2},
        "token_layout": "row-major grid; token features ordered (py, px, channel)",
        "time": dict(TIME),
        "cond": {
            "kind": "prompt",
            "text_tokens": text[0]["length"] + text[2]["length"],
            "joint_attention_dim": cfg.joint_attention_dim,
            "pooled_projection_dim": cfg.pooled_projection_dim,
            "negative": "",
        },
        "vocabulary": {"model": "BPE", "size": parts["vocabulary_size"], "unknown": None},
        "preview": parts["preview"],
        "kv": {"layout": "per-layer [B,H,N,head_dim]"},
        "recommended": dict(RECOMMENDED),
        "sizes": [] if test_model else [[cfg.sample_size * decoder["scale_factor"]] * 2],
        "params": parts["params"],
        "config": cfg.to_dict(),
        "export": {"opset": 17, "torch": torch.__version__, **export},
    }
