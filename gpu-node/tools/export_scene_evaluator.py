"""The scenes evaluator from a training call's checkpoint, as files the TypeScript bench reads.

Takes the evaluator a train_prompted.py call trained (the ``evaluator`` of its
checkpoint.pt, a lean one too) and writes to ``--out``
(gpu-node/models/scene-evaluator/ is the committed one):

- evaluator.onnx (opset 17, dynamic batch: image [B,3,64,64] → logits [B,9,33],
  features [B,F]): batch norm folded into the convolutions and the weights
  stored in fp16, computed in fp32 (scene_evaluator_files.stored_net,
  half_storage.store_half); checked in onnxruntime-node against that PyTorch net;
- evaluator.json, the card: cell classes and layout, the attributes of an
  object class, the accuracy and 33×33 confusion on real renders measured here;
- real-stats.json: feature mean/covariance of the real renders of the held-out
  captions, the reference of the Fréchet distance;
- heldout-captions.json: those captions with their per-cell labels;
- golden.json: the TypeScript tests' check (scene_evaluator_files.golden).

    /usr/bin/python3 gpu-node/tools/export_scene_evaluator.py --checkpoint OUT/checkpoint.pt \
        --out gpu-node/models/scene-evaluator
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import onnx
import torch

import scene_evaluator
import scene_evaluator_files as files
import scenes
from evaluator_io import run_onnx, stats_json
from half_storage import store_half
from prompted_eval import compact_json
from shapes import SHAPES

TOLERANCE = 1e-4


def export(net: scene_evaluator.SceneEvaluatorNet, path: Path) -> None:
    """The graph, its weights stored in fp16 (each read through a Cast to fp32)."""
    with torch.no_grad():
        torch.onnx.export(net, (torch.zeros(2, 3, scenes.SIZE, scenes.SIZE),), str(path), opset_version=17,
                          input_names=["image"], output_names=["logits", "features"],
                          dynamic_axes={"image": {0: "B"}, "logits": {0: "B"}, "features": {0: "B"}})  # fmt: skip
    model = onnx.load(str(path))
    kept = store_half(model)
    if kept:
        raise RuntimeError(f"weights fp16 does not hold exactly: {kept}")
    onnx.checker.check_model(model)
    onnx.save(model, str(path))


def check_graph(net, path: Path, images: torch.Tensor) -> dict:
    """Worst |ORT − torch| of each output on ``images``; raises above TOLERANCE."""
    with torch.no_grad():
        logits, features = net(images)
    got = run_onnx(path, images.numpy())
    diff = {k: float(np.abs(got[k] - v.numpy()).max()) for k, v in (("logits", logits), ("features", features))}
    if max(diff.values()) > TOLERANCE:
        raise RuntimeError(f"ONNX graph disagrees with torch: {diff}")
    return diff


def card(net, ckpt: dict, real: dict, heldout: dict, diff: dict) -> dict:
    return {
        "format": "scenes-evaluator/1",
        "graph": "evaluator.onnx",
        "purpose": "measurement only: prompt accuracy and Fréchet distance of generated scenes",
        "cells": {"grid": scenes.GRID, "order": "row-major", "phrases": list(scenes.CELL_PHRASES),
                  "pixels": f"cell (r, c) spans [c·{scenes.SIZE}/3, (c+1)·{scenes.SIZE}/3) × the same in y"},  # fmt: skip
        "cell_classes": ["empty", *(scenes.object_name(o) for o in range(scenes.NUM_OBJECTS))],
        "attributes": {
            "object": "class 1 + o, o = (size · colours + colour) · shapes + shape",
            "size": list(scenes.SIZES),
            "colour": list(scenes.COLOUR_NAMES),
            "shape": list(SHAPES),
        },
        "feature_dim": net.feature_dim,
        "input": {"name": "image", "dtype": "float32", "dims": ["B", 3, 64, 64], "range": [-1, 1], "layout": "NCHW"},
        "outputs": {"logits": {"dims": ["B", 9, scenes.NUM_CELL_CLASSES]},
                    "features": {"dims": ["B", net.feature_dim], "note": "penultimate (GAP)"}},  # fmt: skip
        "training": {"by": "train_prompted.py", "call_state": ckpt["state"], "note": ckpt.get("evaluator_note")},
        "storage": "batch norm folded into the convolutions; weights fp16, computed in fp32; measured as stored",
        "real": real,
        "heldout": heldout,
        "export": {"opset": 17, "torch": torch.__version__, "max_abs_diff_vs_torch": diff},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--real-count", type=int, default=1024, help="real renders of any captions to measure on")
    args = ap.parse_args()
    torch.set_num_threads(1)
    ckpt = torch.load(args.checkpoint, map_location="cpu")
    if "evaluator" not in ckpt:
        raise ValueError(f"--checkpoint {args.checkpoint}: no 'evaluator' state (not a train_prompted.py checkpoint)")
    net = files.stored_net(ckpt["evaluator"])
    args.out.mkdir(parents=True, exist_ok=True)
    graph = args.out / "evaluator.onnx"
    export(net, graph)
    images, labels = files.real_heldout_images()
    diff = check_graph(net, graph, images[:8])
    real_images, layout = scenes.batch("evaluator-real", 0, args.real_count)
    real_pred, _ = scene_evaluator.read(net, real_images)
    pred, feats = scene_evaluator.read(net, images)
    axes = {"confusion_axes": "rows = true cell class, columns = read"}
    real = {"seeds": f"{scenes.SEEDS['evaluator-real']} + 0, {args.real_count} scenes (any captions)",
            **scene_evaluator.score(real_pred, layout.labels), **axes}  # fmt: skip
    heldout = {"seeds": "heldout-captions.json's real renders", **scene_evaluator.score(pred, labels), **axes}
    (args.out / "evaluator.json").write_text(compact_json(card(net, ckpt, real, heldout, diff)) + "\n")
    mean, cov = scene_evaluator.feature_stats(feats)
    stats = {"seeds": heldout["seeds"], "count": len(feats), **stats_json(mean, cov)}
    (args.out / "real-stats.json").write_text(json.dumps(stats, separators=(",", ":")) + "\n")
    (args.out / "heldout-captions.json").write_text(json.dumps(files.heldout_captions(), indent=0) + "\n")
    (args.out / "golden.json").write_text(json.dumps(files.golden(net, TOLERANCE), separators=(",", ":")) + "\n")
    summary = {k: heldout[k] for k in ("prompt_acc", "object_acc")} | {"real_prompt_acc": real["prompt_acc"]}
    print(json.dumps({**summary, "max_abs_diff": diff}))


if __name__ == "__main__":
    main()
