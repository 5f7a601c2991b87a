"""The card (``model.json``) of a converted Lumina-Next model directory
(docs/model-contract.md, "Lumina-Next in latent space"): the fields every
``ras-ready/3`` card has, with ``family: "nextdit"``, the prompt stage, the time,
RoPE, attention and guidance conventions of diffusers' ``LuminaText2ImgPipeline``.
"""

from __future__ import annotations

import torch

from lumina_graph import GRAPHS, PROMPT_GRAPH
from lumina_next import LuminaNextConfig

FORMAT = "ras-ready/3"
#: diffusers' LuminaText2ImgPipeline: 30 steps, guidance 4.0, CFG on the first 3 latent channels.
RECOMMENDED = {"steps": 30, "guidance": 4.0}
GUIDANCE_CHANNELS = 3
#: The pipeline's RoPE table (384 × 384 tokens, θ 10000) and its default watershed.
ROPE_THETA, ROPE_MAX, SCALING_WATERSHED = 10000, 384, 1.0
#: The pixels of one "16" in diffusers' base_sequence_length = (default_image_size // 16)².
BASE_PIXELS = 16


def base_sequence_length(cfg: LuminaNextConfig, vae_scale: int) -> int:
    """Proportional attention's base, as the pipeline computes it: (sample_size · vae scale // 16)²
    (4096 for Lumina-Next-SFT at 1024²)."""
    return (cfg.sample_size * vae_scale // BASE_PIXELS) ** 2


def default_grid(cfg: LuminaNextConfig) -> list[int]:
    """The token grid of the default image, the 1 of RoPE's scaling factor (64 × 64 at 1024²)."""
    side = cfg.sample_size // cfg.patch_size
    return [side, side]


def card_of(cfg: LuminaNextConfig, parts: dict, export: dict, test_model: bool) -> dict:
    """The card; ``parts``: text (the Gemma entry), decoder, preview, vocabulary size, shift,
    base_sequence_length, weights' description, params; ``export``: measured differences."""
    p, heads = cfg.patch_size, cfg.num_attention_heads
    text, decoder = parts["text"], parts["decoder"]
    grid = default_grid(cfg)
    return {
        "format": FORMAT,
        "family": "nextdit",
        "stages": {"text": [text], "compose": "nextdit", "prompt": PROMPT_GRAPH, "transformer": dict(GRAPHS), "decoder": decoder},
        "graphs": dict(GRAPHS),
        "weights_file": "model.weights",
        "weights": parts["weights"],
        "storage": "float16",
        "patch": p,
        "channels": cfg.in_channels,
        "out_channels": cfg.out_channels,
        "token_dim": p * p * cfg.in_channels,
        "hidden": cfg.hidden_size,
        "layers": cfg.num_layers,
        "heads": heads,
        "kv_heads": cfg.kv_heads,
        "head_dim": cfg.head_dim,
        "grid": {"default": grid, "min": [1, 1], "max": [ROPE_MAX, ROPE_MAX]},
        "token_layout": "row-major grid; token features ordered (py, px, channel)",
        "time": {"scale": 1, "shift": parts["shift"], "input": "one_minus_sigma", "output": "data_minus_noise"},
        "rope": {"theta": ROPE_THETA, "max": [ROPE_MAX, ROPE_MAX], "default_grid": grid, "scaling_watershed": SCALING_WATERSHED},
        "attention": {"base_sequence_length": parts["base_sequence_length"]},
        "guidance_channels": GUIDANCE_CHANNELS,
        "cond": {
            "kind": "prompt",
            "text_tokens": text["length"],
            "cross_attention_dim": cfg.cross_attention_dim,
            "caption_dim": min(cfg.hidden_size, 1024),
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
