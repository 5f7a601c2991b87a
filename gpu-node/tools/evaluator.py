"""Train, export and document the measurement classifier (issue 3, "Evaluator").

Trains EvaluatorNet on ``shapes.sample`` with seeds disjoint from the DiT's
(the DiT uses 20261125 * 1_000_003 + step), measures it on held-out seeds,
exports an opset-17 ONNX graph with dynamic batch, checks it in
onnxruntime-node, and writes next to it: evaluator.json (the card),
real-stats.json (feature mean/covariance of held-out real images, for the
Fréchet distance) and golden.json (torch outputs on a few images).

    /usr/bin/python3 gpu-node/tools/evaluator.py --out gpu-node/models/evaluator
    /usr/bin/python3 gpu-node/tools/evaluator.py --out gpu-node/models/evaluator --fixture-only
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

import numpy as np
import torch
from torch.nn import functional as F

import shapes
from evaluator_io import (
    GOLDEN_COUNT,
    GOLDEN_SEED,
    GOLDEN_TOLERANCE,
    export_onnx,
    run_onnx,
    stats_json,
    write_fixture,
)
from evaluator_net import EvaluatorNet, augment

TRAIN_SEED_BASE = 5_000_000_000  # step s trains on shapes.sample(TRAIN_SEED_BASE + s, batch)
HELDOUT_SEED_BASE = 6_000_000_000  # chunk c is shapes.sample(HELDOUT_SEED_BASE + c, HELDOUT_CHUNK)
HELDOUT_CHUNK = 1024


def train(steps: int, batch: int, lr: float, seed: int, log_every: int = 100) -> EvaluatorNet:
    """AdamW with a short warm-up and linear decay, bf16 autocast, fresh data every step."""
    torch.manual_seed(seed)
    gen = torch.Generator().manual_seed(seed)
    model = EvaluatorNet()
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=1e-4)
    warm = max(1, steps // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, (steps - s) / (steps - warm)))
    model.train()
    start = time.time()
    for step in range(steps):
        images, labels = shapes.sample(TRAIN_SEED_BASE + step, batch)
        x = augment(torch.from_numpy(images), gen)
        with torch.autocast("cpu", dtype=torch.bfloat16):
            logits, _ = model(x)
        loss = F.cross_entropy(logits.float(), torch.from_numpy(labels), label_smoothing=0.05)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        sched.step()
        if step % log_every == 0 or step == steps - 1:
            print(f"step {step} loss {loss.item():.4f} {time.time() - start:.0f}s", flush=True)
    return model.eval()


@torch.no_grad()
def heldout(model: EvaluatorNet, chunks: int) -> dict:
    """Accuracy, confusion matrix (rows = true, cols = predicted) and feature stats."""
    feats, confusion = [], np.zeros((shapes.NUM_CLASSES, shapes.NUM_CLASSES), dtype=np.int64)
    for c in range(chunks):
        images, labels = shapes.sample(HELDOUT_SEED_BASE + c, HELDOUT_CHUNK)
        logits, f = model(torch.from_numpy(images))
        np.add.at(confusion, (labels, logits.argmax(1).numpy()), 1)
        feats.append(f.double().numpy())
    features = np.concatenate(feats)
    return {
        "count": len(features),
        "accuracy": float(np.trace(confusion) / confusion.sum()),
        "confusion": confusion.tolist(),
        "mean": features.mean(axis=0).tolist(),
        "cov": np.cov(features, rowvar=False).tolist(),  # n − 1 normalisation, as featureStats in TS
    }


@torch.no_grad()
def golden(model: EvaluatorNet) -> dict:
    images, labels = shapes.sample(GOLDEN_SEED, GOLDEN_COUNT)
    logits, features = model(torch.from_numpy(images))
    return {
        "seed": GOLDEN_SEED,
        "count": GOLDEN_COUNT,
        "labels": labels.tolist(),
        "tolerance": GOLDEN_TOLERANCE,
        "logits": logits.flatten().tolist(),
        "features": features.flatten().tolist(),
    }


def max_abs_diff(onnx_path: Path, ref: dict) -> dict:
    images, _ = shapes.sample(ref["seed"], ref["count"])
    got = run_onnx(onnx_path, images)
    return {k: float(np.abs(got[k].ravel() - np.asarray(ref[k])).max()) for k in ("logits", "features")}


def card(model: EvaluatorNet, args, stats: dict, diffs: dict, wall: float) -> dict:
    return {
        "format": "shapes-evaluator/1",
        "graph": "evaluator.onnx",
        "purpose": "measurement only: class accuracy and Fréchet distance of generated images",
        "labels": shapes.CLASS_NAMES,
        "input": {"name": "image", "dtype": "float32", "dims": ["B", 3, 32, 32], "range": [-1, 1], "layout": "NCHW"},
        "outputs": {
            "logits": {"dtype": "float32", "dims": ["B", shapes.NUM_CLASSES]},
            "features": {"dtype": "float32", "dims": ["B", model.feature_dim], "note": "penultimate (GAP)"},
        },
        "feature_dim": model.feature_dim,
        "params": sum(p.numel() for p in model.parameters()),
        "training": {
            "data": "shapes.sample(seed, batch)",
            "seeds": f"{TRAIN_SEED_BASE} + step, step in [0, {args.steps})",
            "steps": args.steps,
            "batch": args.batch,
            "images_seen": args.steps * args.batch,
            "lr": args.lr,
            "torch_seed": args.seed,
            "augmentation": "hflip, colour gain ±10% / offset ±0.1, 3×3 blur σ 0.3–1 on half, noise σ 0–0.12",
            "wall_s": round(wall, 1),
        },
        "heldout": {
            "seeds": f"{HELDOUT_SEED_BASE} + c, c in [0, {args.heldout_chunks}), {HELDOUT_CHUNK} images each",
            "count": stats["count"],
            "accuracy": stats["accuracy"],
            "confusion": stats["confusion"],
            "confusion_axes": "rows = true class, columns = predicted class",
        },
        "real_stats": "real-stats.json",
        "export": {"opset": 17, "torch": torch.__version__, "max_abs_diff_vs_torch": diffs, "checked_on": "golden.json"},
    }


def write_json(path: Path, obj: dict, compact: bool = False) -> None:
    """Compact, or indented with every innermost list (labels, a confusion row) on one line."""
    if compact:
        text = json.dumps(obj, separators=(",", ":"))
    else:
        flat = lambda m: "[" + ", ".join(v.strip() for v in m.group(1).split(",")) + "]"  # noqa: E731
        text = re.sub(r"\[([^\[\]{}]*)\]", flat, json.dumps(obj, indent=2, ensure_ascii=False))
    path.write_text(text + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--steps", type=int, default=1500)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--heldout-chunks", type=int, default=8)
    ap.add_argument("--fixture-only", action="store_true", help="only (re)write fixture.json")
    args = ap.parse_args()
    torch.set_num_threads(1)  # a background DiT training job owns the other cores
    args.out.mkdir(parents=True, exist_ok=True)
    write_fixture(args.out / "fixture.json")
    if args.fixture_only:
        return
    start = time.time()
    model = train(args.steps, args.batch, args.lr, args.seed)
    wall = time.time() - start
    stats = heldout(model, args.heldout_chunks)
    print(f"held-out accuracy {stats['accuracy']:.4f} on {stats['count']}")
    export_onnx(model, args.out / "evaluator.onnx")
    ref = golden(model)
    diffs = max_abs_diff(args.out / "evaluator.onnx", ref)
    if max(diffs.values()) > GOLDEN_TOLERANCE:
        raise RuntimeError(f"ONNX graph disagrees with torch: {diffs}")
    write_json(args.out / "golden.json", ref, compact=True)
    real = {"count": stats["count"], **stats_json(stats["mean"], stats["cov"])}
    write_json(args.out / "real-stats.json", {"seeds": f"{HELDOUT_SEED_BASE} + c", **real}, compact=True)
    write_json(args.out / "evaluator.json", card(model, args, stats, diffs, wall))
    print(json.dumps({"accuracy": stats["accuracy"], "max_abs_diff": diffs}))


if __name__ == "__main__":
    main()
