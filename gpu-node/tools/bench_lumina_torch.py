"""The PyTorch reference for the gpu section's Lumina-Next rows: one step of the
NextDiT RAS forward (lumina_ras.py) for a CFG pair (batch 2), dense and at each
ratio, with 256 text tokens, timed in fp32 (spelled-out attention, the exported
math) and in bf16 autocast with SDPA (what PyTorch would serve). The prompt's
text K/V and caption embedding are computed once (``encode_prompt``) outside
the step, as the node does; a second row per precision times the step with
``encode_prompt`` inside it, as the official RAS code does, and ``text_kv_ms``
is that call alone (issue 20, item 2: what computing them once saves); only for the
last precision (bf16+SDPA where PyTorch has it), to keep the tool's time down. Before
timing, a subset with caches fresh from the dense step is checked against it.
Prints JSON rows, or {"skipped": reason} without CUDA.

    python3 gpu-node/tools/bench_lumina_torch.py [--config sft|tiny] [--quick] [--device cpu]

The model is Lumina-Next-SFT's shape (24 layers, hidden 2304, 32 heads over 8
KV heads) with PyTorch's default (random) init: timing needs no trained weights.
"""

from __future__ import annotations

import argparse
import json
import math

import torch

import lumina_ras
from bench_mmdit_torch import timed
from lumina_next import LUMINA_NEXT_SFT, LuminaNextConfig, LuminaNextDiT2DModel
from lumina_rope import rope_table

ROWS, TEXT = 2, 256
#: The pipeline's proportional attention at 1024² (docs/model-contract.md, the NextDiT card).
BASE_SEQUENCE_LENGTH = 4096
CONFIGS = {
    "sft": LUMINA_NEXT_SFT,
    "tiny": LuminaNextConfig(hidden_size=64, num_layers=2, num_attention_heads=4, num_kv_heads=2, multiple_of=32, cross_attention_dim=64),
}


def prompt_inputs(cfg: LuminaNextConfig, dev, gen, text: int = TEXT) -> tuple:
    """Random Gemma features [ROWS, T, cross] and their mask: the image's prompt fills all T
    tokens, the negative prompt 8 (the rest padding, as rows padded to the longest)."""
    features = torch.randn(ROWS, text, cfg.cross_attention_dim, device=dev, generator=gen)
    mask = torch.ones(ROWS, text, dtype=torch.int64, device=dev)
    mask[1, 8:] = 0
    return features, mask


def step_inputs(model, tokens: int, n: int, dtype, dev, seed: int = 0, text: int = TEXT) -> dict:
    """One step over ``n`` of ``tokens`` image tokens (a square grid): everything but the prompt's
    encoding, whose inputs come as ``features`` and ``mask``."""
    cfg = model.config
    gen = torch.Generator(device=dev).manual_seed(seed)
    side = math.isqrt(tokens)
    index = torch.randperm(tokens, device=dev, generator=gen)[:n].sort().values.repeat(ROWS, 1)
    features, mask = prompt_inputs(cfg, dev, gen, text)
    caches = lumina_ras.empty_caches(model, ROWS, tokens, dtype)
    return {
        "x": torch.randn(ROWS, n, cfg.patch_size**2 * cfg.in_channels, device=dev, generator=gen),
        "token_index": index,
        "timestep": torch.full((ROWS,), 0.5, device=dev),
        "rope_table": rope_table(cfg.head_dim, side, side).to(dev),
        "grid_w": side,
        "caches": {k: [t.to(dev) for t in ts] for k, ts in caches.items()},
        "features": features,
        "mask": mask,
    }


def step(model, feeds: dict, prompt: dict | None = None) -> dict:
    """One RAS step; with ``prompt`` None it encodes the prompt first (the official code's way)."""
    if prompt is None:
        prompt = lumina_ras.encode_prompt(model, feeds["features"], feeds["mask"])
    args = [feeds[k] for k in ("x", "token_index", "timestep")]
    return lumina_ras.run(model, *args, prompt, feeds["rope_table"], feeds["grid_w"], feeds["caches"], BASE_SEQUENCE_LENGTH)


def subset_error(model, tokens: int, dtype, dev, autocast) -> float:
    """Worst |v_subset − v_dense| over a quarter of the tokens, caches fresh from the dense step."""
    feeds = step_inputs(model, tokens, tokens, dtype, dev)
    with torch.no_grad(), autocast():
        dense = step(model, feeds)
        idx = feeds["token_index"][:, ::4]
        x = torch.stack([feeds["x"][b, idx[b]] for b in range(ROWS)])
        sub = step(model, {**feeds, "x": x, "token_index": idx, "caches": lumina_ras.next_caches(dense)})
    want = torch.stack([dense["v"][b, idx[b]] for b in range(ROWS)])
    return (sub["v"].float() - want.float()).abs().max().item()


def kind_rows(model, name: str, tokens: int, ratios, kind, dev, every_step: bool) -> list[dict]:
    """A precision's rows: the step with the prompt encoded once and, with ``every_step``, encoded every step."""
    label, dtype, attention, amp = kind
    model.attention = attention
    autocast = (lambda: torch.autocast(dev, dtype=dtype)) if amp else torch.no_grad
    error = subset_error(model, tokens, dtype, dev, autocast)

    def timer(feeds, once: bool):
        with torch.no_grad(), autocast():
            prompt = lumina_ras.encode_prompt(model, feeds["features"], feeds["mask"]) if once else None

        def go():
            with torch.no_grad(), autocast():
                step(model, feeds, prompt)

        return timed(go, dev, 5)

    feeds = {n: step_inputs(model, tokens, n, dtype, dev) for n in {tokens, *(math.ceil(r * tokens) for r in ratios)}}

    def encode():
        with torch.no_grad(), autocast():
            lumina_ras.encode_prompt(model, feeds[tokens]["features"], feeds[tokens]["mask"])

    text_kv = timed(encode, dev, 5)
    rows = []
    for once, suffix in ((True, ""), (False, ", text K/V every step"))[: 2 if every_step else 1]:
        dense = timer(feeds[tokens], once)
        for ratio in ratios:
            ras = timer(feeds[math.ceil(ratio * tokens)], once)
            rows.append({
                "model": name, "tokens": tokens, "cross_text_tokens": TEXT, "rows": ROWS,
                "runtime": f"pytorch {torch.__version__} {label}{suffix}", "ratio": ratio,
                "dense_ms": round(dense, 2), "ras_ms": round(ras, 2), "speedup": round(dense / ras, 3),
                "ideal": round(tokens / math.ceil(ratio * tokens), 3), "text_kv_ms": round(text_kv, 3),
                "subset_vs_dense_max_abs": error,
                "device": torch.cuda.get_device_name() if dev == "cuda" else "cpu",
            })  # fmt: skip
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", choices=sorted(CONFIGS), default="sft")
    ap.add_argument("--quick", action="store_true", help="256 tokens, r = 0.25 only")
    ap.add_argument("--device", default="cuda")
    args = ap.parse_args()
    dev = args.device
    if dev == "cuda" and not torch.cuda.is_available():
        print(json.dumps({"skipped": f"PyTorch {torch.__version__} sees no CUDA GPU"}))
        return
    model = LuminaNextDiT2DModel.from_config(CONFIGS[args.config], device=dev).eval()
    kinds = [("fp32", torch.float32, "unfused", False)]
    if hasattr(torch.nn.functional, "scaled_dot_product_attention"):
        kinds.append(("bf16+sdpa", torch.bfloat16, "sdpa", True))
    name = "lumina-next-sft" if args.config == "sft" else f"lumina-{args.config}"
    tokens, ratios = (256, [0.25]) if args.quick else (4096, [0.5, 0.25])
    rows = [kind_rows(model, name, tokens, ratios, kind, dev, kind is kinds[-1]) for kind in kinds]
    print(json.dumps([row for kind in rows for row in kind]))


if __name__ == "__main__":
    main()
