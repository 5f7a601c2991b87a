"""The PyTorch reference for SD3 rows of the bench: one step of the MMDiT's RAS
forward (mmdit_ras.py) for a CFG pair (batch 2), dense and at each ratio, with
333 text tokens, timed in fp32 (spelled-out attention, the exported math) and
in bf16 autocast with SDPA (what PyTorch would serve). Before timing, a subset
with caches fresh from the dense step is checked against it. Prints JSON rows,
or {"skipped": reason} without CUDA.

    python3 gpu-node/tools/bench_mmdit_torch.py [--config sd3-medium|tiny] [--quick] [--device cpu]

The model is SD3-medium's shape with PyTorch's default (random) init: timing
needs no trained weights.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import time

import torch

import mmdit_ras
from mmdit import SD3_MEDIUM, MMDiTConfig, SD3Transformer2DModel

ROWS, TEXT = 2, 333
CONFIGS = {
    "sd3-medium": SD3_MEDIUM,
    "tiny": MMDiTConfig(num_layers=2, num_attention_heads=2, attention_head_dim=32, caption_projection_dim=64, joint_attention_dim=64, pooled_projection_dim=32),
}


def inputs(model, tokens: int, n: int, dtype, dev, seed: int = 0) -> dict:
    cfg = model.config
    gen = torch.Generator(device=dev).manual_seed(seed)
    grid_w = int(math.isqrt(tokens))
    index = torch.randperm(tokens, device=dev, generator=gen)[:n].sort().values.repeat(ROWS, 1)
    return {
        "x": torch.randn(ROWS, n, cfg.patch_size**2 * cfg.in_channels, device=dev, generator=gen),
        "token_index": index,
        "timestep": torch.full((ROWS,), 500.0, device=dev),
        "encoder_hidden_states": torch.randn(ROWS, TEXT, cfg.joint_attention_dim, device=dev, generator=gen),
        "pooled_projections": torch.randn(ROWS, cfg.pooled_projection_dim, device=dev, generator=gen),
        "grid_w": torch.tensor([grid_w], device=dev),
        "caches": {k: [t.to(dev, dtype) for t in ts] for k, ts in mmdit_ras.empty_caches(model, ROWS, tokens).items()},
    }


def timed(fn, dev: str, reps: int) -> float:
    """Median ms of ``fn()`` after two warm-up calls."""
    times = []
    for k in range(reps + 2):
        if dev == "cuda":
            torch.cuda.synchronize()
        start = time.perf_counter()
        fn()
        if dev == "cuda":
            torch.cuda.synchronize()
        if k >= 2:
            times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def subset_error(model, tokens: int, dtype, dev, autocast) -> float:
    """Worst |v_subset − v_dense| over a quarter of the tokens, caches fresh from the dense step."""
    dense_in = inputs(model, tokens, tokens, dtype, dev)
    with torch.no_grad(), autocast():
        dense = model.run(**dense_in)
        idx = dense_in["token_index"][:, ::4]
        x = torch.stack([dense_in["x"][b, idx[b]] for b in range(ROWS)])
        sub = model.run(**{**dense_in, "x": x, "token_index": idx, "caches": mmdit_ras.next_caches(dense)})
    want = torch.stack([dense["v"][b, idx[b]] for b in range(ROWS)])
    return (sub["v"].float() - want.float()).abs().max().item()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", choices=sorted(CONFIGS), default="sd3-medium")
    ap.add_argument("--quick", action="store_true", help="1024 tokens, r = 0.25 only")
    ap.add_argument("--device", default="cuda")
    args = ap.parse_args()
    dev = args.device
    if dev == "cuda" and not torch.cuda.is_available():
        print(json.dumps({"skipped": f"PyTorch {torch.__version__} sees no CUDA GPU"}))
        return
    model = SD3Transformer2DModel.from_config(CONFIGS[args.config], device=dev).eval()
    rows = []
    ratios = [0.25] if args.quick else [0.5, 0.25]
    kinds = [("fp32", torch.float32, "unfused", False)]
    if hasattr(torch.nn.functional, "scaled_dot_product_attention"):
        kinds.append(("bf16+sdpa", torch.bfloat16, "sdpa", True))
    for tokens in [1024] if args.quick else [1024, 4096]:
        for kind, dtype, attention, amp in kinds:
            model.attention = attention
            autocast = (lambda: torch.autocast(dev, dtype=dtype)) if amp else torch.no_grad
            error = subset_error(model, tokens, dtype, dev, autocast)

            def step(feeds):
                def go():
                    with torch.no_grad(), autocast():
                        model.run(**feeds)

                return go

            dense = timed(step(inputs(model, tokens, tokens, dtype, dev)), dev, 5)
            for ratio in ratios:
                n = math.ceil(ratio * tokens)
                ras = timed(step(inputs(model, tokens, n, dtype, dev)), dev, 5)
                rows.append({
                    "model": args.config, "tokens": tokens, "text_tokens": TEXT, "rows": ROWS,
                    "runtime": f"pytorch {torch.__version__} {kind}", "ratio": ratio,
                    "dense_ms": round(dense, 2), "ras_ms": round(ras, 2), "speedup": round(dense / ras, 3),
                    "ideal": round((tokens + TEXT) / (n + TEXT), 3), "subset_vs_dense_max_abs": error,
                    "device": torch.cuda.get_device_name() if dev == "cuda" else "cpu",
                })  # fmt: skip
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
