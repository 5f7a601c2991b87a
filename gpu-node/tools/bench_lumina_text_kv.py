"""What computing the cross-attention's text K/V once per prompt saves per step, on
this machine's CPU (issue 20, item 2): a step of the NextDiT RAS forward with the
prompt encoded once (``lumina_ras.encode_prompt`` outside the step, as the node
does) against the same step with ``encode_prompt`` inside it (the official RAS
code recomputes every layer's text K/V each step). The self-attention path is the
same in both; the difference is every layer's ``norm1_context`` + ``attn2.to_k`` /
``to_v`` (+ ``norm_k``) over T text tokens, and the caption pooling.

CPU time (``time.process_time``) on one thread, the two variants alternated in
blocks (A B, then B A, …) so a loaded machine's drift falls on both. Prints JSON:
per-step medians, their ratio, and ``encode_prompt`` alone.

    /usr/bin/python3 gpu-node/tools/bench_lumina_text_kv.py [--pairs 5] [--reps 2] [--tokens 1024]

The model is a miniature of Lumina-Next-SFT with every width divided by 8 (hidden
288 = 4 heads of 72 over 1 KV head, the same 4:1 grouping; Gemma features of 256,
not 2048), so the text K/V's share of a layer's linear work is the full model's;
attention, which scales with the width only once, weighs more here than at full
width. The share per layer does not depend on the layer count (4 here, 24 there).
"""

from __future__ import annotations

import argparse
import ctypes
import json
import math
import statistics
import time

import torch

import lumina_ras
from bench_lumina_torch import ROWS, TEXT, step, step_inputs
from lumina_next import LuminaNextConfig, LuminaNextDiT2DModel

#: Lumina-Next-SFT's widths divided by 8 (2304 → 288, 2048 → 256, 32:8 heads → 4:1), 4 layers.
MINI = LuminaNextConfig(hidden_size=288, num_layers=4, num_attention_heads=4, num_kv_heads=1, cross_attention_dim=256)


#: glibc's mallopt parameter numbers (malloc.h).
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3


def keep_buffers() -> None:
    """Let glibc keep a step's freed buffers (up to its 32 MiB mmap ceiling) for the next
    op instead of unmapping and faulting them in again: measured here, that kernel time
    was a third of a step's CPU time and most of its spread."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(M_MMAP_THRESHOLD, 32 * 2**20)
        libc.mallopt(M_TRIM_THRESHOLD, 2**30)
    except (OSError, AttributeError):
        pass  # not glibc: its allocator is left as it is


def cpu_ms(fn, reps: int) -> float:
    """CPU ms per call of ``fn`` over ``reps`` calls."""
    start = time.process_time()
    for _ in range(reps):
        fn()
    return (time.process_time() - start) * 1e3 / reps


def compare(model, feeds: dict, pairs: int, reps: int) -> dict:
    """Alternated blocks of the step with the prompt encoded once (A) and every step (B)."""
    with torch.no_grad():
        prompt = lumina_ras.encode_prompt(model, feeds["features"], feeds["mask"])
        once = lambda: step(model, feeds, prompt)  # noqa: E731
        every = lambda: step(model, feeds)  # noqa: E731
        encode = lambda: lumina_ras.encode_prompt(model, feeds["features"], feeds["mask"])  # noqa: E731
        once(), every()  # warm-up
        a, b, e = [], [], []
        for p in range(pairs):
            for variant in ("ab" if p % 2 == 0 else "ba"):
                (a if variant == "a" else b).append(cpu_ms(once if variant == "a" else every, reps))
            e.append(cpu_ms(encode, reps))
    ma, mb = statistics.median(a), statistics.median(b)
    return {
        "step_ms_prompt_once": round(ma, 2),
        "step_ms_prompt_every_step": round(mb, 2),
        "ratio_every_over_once": round(mb / ma, 4),
        "median_pair_difference_ms": round(statistics.median(y - x for x, y in zip(a, b)), 2),
        "encode_prompt_ms": round(statistics.median(e), 2),
        "samples_once": [round(x, 1) for x in a],
        "samples_every": [round(x, 1) for x in b],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pairs", type=int, default=5, help="A/B block pairs (alternating order)")
    ap.add_argument("--reps", type=int, default=2, help="steps per block")
    ap.add_argument("--tokens", type=int, default=1024, help="image tokens N (a square grid)")
    ap.add_argument("--ratios", default="1,0.25", help="token ratios timed (1 = dense)")
    args = ap.parse_args()
    keep_buffers()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    model = LuminaNextDiT2DModel.from_config(MINI).eval()
    model.randomize(1)
    rows = []
    for ratio in (float(r) for r in args.ratios.split(",")):
        n = math.ceil(ratio * args.tokens)
        feeds = step_inputs(model, args.tokens, n, torch.float32, "cpu")
        result = compare(model, feeds, args.pairs, args.reps)
        rows.append({"config": "sft/8 widths, 4 layers", "tokens": args.tokens, "run": n, "text_tokens": TEXT, "rows": ROWS,
                     "threads": 1, "pairs": args.pairs, "reps": args.reps, **result})  # fmt: skip
    print(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
