"""The PyTorch reference for the bench's gpu section: one step of dit.py's
RAS-ready forward (a CFG pair, batch 2), dense and at each ratio, timed on a
CUDA GPU in fp32 (the exported math) and in bf16 with SDPA (what PyTorch would
serve). Prints JSON: a list of rows, or {"skipped": reason} without CUDA.

    python3 gpu-node/tools/bench_torch.py --specs '[{"name": ..., "hidden": ...}]' [--quick]
"""

from __future__ import annotations

import argparse
import json
import math
import statistics

import torch

from dit import DiT, DiTConfig

ROWS = 2


def step_ms(model: DiT, tokens: int, n: int, dtype: torch.dtype, reps: int) -> float:
    """Median ms of one forward over n of `tokens` tokens with full caches."""
    cfg, dev = model.cfg, "cuda"
    x = torch.randn(ROWS, n, cfg.token_dim, device=dev, dtype=dtype)
    index = torch.randperm(tokens, device=dev)[:n].sort().values.repeat(ROWS, 1)
    t = torch.full((ROWS,), 500.0, device=dev)
    cond = torch.tensor([1, cfg.null_class], device=dev)
    cache = [torch.zeros(ROWS, cfg.heads, tokens, cfg.head_dim, device=dev, dtype=dtype) for _ in range(cfg.depth)]
    grid_w = torch.tensor([int(tokens**0.5)], device=dev)
    times = []
    with torch.no_grad(), torch.autocast("cuda", dtype=dtype, enabled=dtype != torch.float32):
        for k in range(reps + 2):
            start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
            start.record()
            model.run(x, index, t, cond, grid_w, cache, cache)
            end.record()
            torch.cuda.synchronize()
            if k >= 2:
                times.append(start.elapsed_time(end))
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--specs", required=True, help="JSON list of bench model specs (name, hidden, depth, heads, patch, channels)")
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    if not torch.cuda.is_available():
        print(json.dumps({"skipped": f"PyTorch {torch.__version__} sees no CUDA GPU"}))
        return
    rows = []
    ratios = [0.25] if args.quick else [0.5, 0.25]
    for spec in json.loads(args.specs):
        cfg = DiTConfig(**{k: spec[k] for k in ("hidden", "depth", "heads", "patch", "channels")}, num_classes=16)
        model = DiT(cfg).cuda().eval()
        model.randomize(1)
        for tokens in [256] if args.quick else [1024, 4096]:
            for kind, dtype, attention in (("fp32", torch.float32, "unfused"), ("bf16+sdpa", torch.bfloat16, "sdpa")):
                model.attention = attention
                dense = step_ms(model, tokens, tokens, dtype, 5)
                for ratio in ratios:
                    ras = step_ms(model, tokens, math.ceil(ratio * tokens), dtype, 5)
                    rows.append({"model": spec["name"], "tokens": tokens, "runtime": f"pytorch {torch.__version__} {kind}",
                                 "ratio": ratio, "dense_ms": round(dense, 2), "ras_ms": round(ras, 2),
                                 "speedup": round(dense / ras, 3), "device": torch.cuda.get_device_name()})
        del model
        torch.cuda.empty_cache()
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
