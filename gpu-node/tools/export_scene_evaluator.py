"""The scenes evaluator from a training call's checkpoint, as files the TypeScript bench reads.

Takes the evaluator a train_prompted.py call trained (its checkpoint.pt) and
writes, like evaluator.py does for shapes: evaluator.onnx (opset 17, dynamic
batch: image [B,3,64,64] → logits [B,9,33], features [B,F]), checked in
onnxruntime-node against torch; evaluator.json (the card: cell classes, the
accuracy and confusion on real held-out renders measured here); real-stats.json
(feature mean/covariance of those renders, for the Fréchet distance).

    /usr/bin/python3 gpu-node/tools/export_scene_evaluator.py --checkpoint OUT/checkpoint.pt --out DIR
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import onnx
import torch

import scene_evaluator
import scenes
from evaluator_io import run_onnx
from prompted_eval import compact_json

TOLERANCE = 1e-4


def export(net: scene_evaluator.SceneEvaluatorNet, path: Path) -> None:
    with torch.no_grad():
        torch.onnx.export(net, (torch.zeros(2, 3, scenes.SIZE, scenes.SIZE),), str(path), opset_version=17,
                          input_names=["image"], output_names=["logits", "features"],
                          dynamic_axes={"image": {0: "B"}, "logits": {0: "B"}, "features": {0: "B"}})  # fmt: skip
    onnx.checker.check_model(onnx.load(str(path)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--count", type=int, default=1024, help="real held-out renders to measure on")
    args = ap.parse_args()
    torch.set_num_threads(1)
    ckpt = torch.load(args.checkpoint, map_location="cpu")
    net = scene_evaluator.SceneEvaluatorNet()
    net.load_state_dict({k: v.float() if v.is_floating_point() else v for k, v in ckpt["evaluator"].items()})
    net.eval()
    args.out.mkdir(parents=True, exist_ok=True)
    export(net, args.out / "evaluator.onnx")
    images, layout = scenes.batch("heldout", 0, args.count)
    pred, feats = scene_evaluator.read(net, images)
    with torch.no_grad():
        logits, features = net(images[:8])
    got = run_onnx(args.out / "evaluator.onnx", images[:8].numpy())
    diff = {k: float(np.abs(got[k] - v.numpy()).max()) for k, v in (("logits", logits), ("features", features))}
    if max(diff.values()) > TOLERANCE:
        raise RuntimeError(f"ONNX graph disagrees with torch: {diff}")
    score = scene_evaluator.score(pred, layout.labels)
    mean, cov = scene_evaluator.feature_stats(feats)
    seeds = f"{scenes.SEEDS['heldout']} + 0, {args.count} scenes (heldout captions)"
    card = {
        "format": "scenes-evaluator/1",
        "graph": "evaluator.onnx",
        "purpose": "measurement only: prompt accuracy and Fréchet distance of generated scenes",
        "cells": "3×3, row-major; per cell 0 = empty, 1 + o = scenes.OBJECTS[o]",
        "cell_classes": ["empty", *(scenes.object_name(o) for o in range(scenes.NUM_OBJECTS))],
        "input": {"name": "image", "dtype": "float32", "dims": ["B", 3, 64, 64], "range": [-1, 1], "layout": "NCHW"},
        "outputs": {"logits": {"dims": ["B", 9, scenes.NUM_CELL_CLASSES]},
                    "features": {"dims": ["B", net.feature_dim], "note": "penultimate (GAP)"}},  # fmt: skip
        "training": {"by": "train_prompted.py, in the call that trained the model", "call_state": ckpt["state"]},
        "heldout": {"seeds": seeds, **score, "confusion_axes": "rows = true cell class, columns = read"},
        "export": {"opset": 17, "torch": torch.__version__, "max_abs_diff_vs_torch": diff},
    }
    (args.out / "evaluator.json").write_text(compact_json(card) + "\n")
    stats = {"seeds": seeds, "count": len(feats), "dim": net.feature_dim, "mean": mean.tolist(), "cov": cov.tolist()}
    (args.out / "real-stats.json").write_text(json.dumps(stats, separators=(",", ":")) + "\n")
    print(json.dumps({"prompt_acc": score["prompt_acc"], "object_acc": score["object_acc"], "max_abs_diff": diff}))


if __name__ == "__main__":
    main()
