"""One sheet of the scenes model at the end of each training session (docs/scenes.md).

Each row samples the same 8 held-out captions from the same noise as the training's progress
grids since session 2 (the evaluation set's first 8, ``prompted_eval.noise_for``; dense, 28
steps, guidance 3) with one session's final weights: a ``weights.fp16.pt`` file, or
``COMMIT:PATH`` read with ``git show`` (each session's resume pair was committed once and left
the tree, docs/scenes.md "Resuming"). A first row holds the captions' real renders. What the
model draws for the same prompts, session after session, in one image in place of a grid per
session.

    /usr/bin/python3 gpu-node/tools/sessions_grid.py --out docs/scenes/sessions.png --labels 1,2 \\
        a6a620b:gpu-node/models/scenes-sd3/train/weights.fp16.pt /work/train/run6/weights.fp16.pt
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import torch

import png
import prompted
import prompted_eval
import scenes

ROOT = Path(__file__).resolve().parents[2]
#: train_prompted.py's progress rows: the first 8 of its 256 held-out evaluation captions.
EVAL_COUNT, COLS = 256, 8
STEPS, GUIDANCE, SHIFT = 28, 3.0, 1.0


def load(source: str) -> prompted.PromptedModel:
    """The model of a weights file, or of ``COMMIT:PATH`` in this repository's history."""
    if Path(source).exists():
        return prompted.load_weights(Path(source))[0].eval()
    if ":" not in source:
        raise FileNotFoundError(f"{source}: no such file, and not COMMIT:PATH")
    data = subprocess.run(["git", "show", source], cwd=ROOT, check=True, stdout=subprocess.PIPE).stdout
    with tempfile.NamedTemporaryFile(suffix=".pt") as f:
        f.write(data)
        f.flush()
        return prompted.load_weights(Path(f.name))[0].eval()


def rows(models: list[prompted.PromptedModel], bf16: bool, steps: int = STEPS) -> tuple[np.ndarray, list[str]]:
    """[(1 + len(models))·8, H, W, 3] uint8: the captions' real renders, then a row of samples per
    model; and the 8 captions."""
    real, ids, _, captions = prompted_eval.heldout(EVAL_COUNT, "cpu")
    noise = prompted_eval.noise_for(EVAL_COUNT, "cpu")[:COLS]
    sampling = SimpleNamespace(steps=steps, guidance=GUIDANCE, shift=SHIFT)
    with torch.no_grad():
        out = [prompted_eval.sample_row(m, ids[:COLS], noise, sampling, bf16) for m in models]
    return np.concatenate([scenes.to_uint8(real[:COLS]), *out]), captions[:COLS]


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sources", nargs="+", help="each session's weights.fp16.pt, oldest first: a file or COMMIT:PATH")
    ap.add_argument("--labels", required=True, help="comma-separated row labels, one per source")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--steps", type=int, default=STEPS, help="sampling steps (the progress grids': 28)")
    args = ap.parse_args(argv)
    labels = args.labels.split(",")
    if len(labels) != len(args.sources):
        ap.error(f"{len(labels)} labels for {len(args.sources)} sources")
    torch.set_num_threads(args.threads)
    images, captions = rows([load(s) for s in args.sources], prompted.cpu_bf16(), args.steps)
    png.write(args.out, png.grid(images, captions * (1 + len(args.sources)), COLS, row_labels=["REAL", *labels]))


if __name__ == "__main__":
    main()
