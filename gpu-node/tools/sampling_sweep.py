"""Dense prompt accuracy of the prompted scenes model at several sampling settings (guidance,
shift, steps) on the validation captions: the "heldout" split's batch 1 (the evaluation's
captions are batch 0, binding_probe's batch 2), from the same noise for every setting. A card's
recommended settings are chosen from these, never from the evaluation's captions
(docs/scenes.md, "Sampling settings").

    /usr/bin/python3 gpu-node/tools/sampling_sweep.py --weights W.fp16.pt --checkpoint C.pt \\
        [--count 128] [--settings 3:1:28,1.5:1:28,5:1:28,7:1:28,3:3:28]

Prints one JSON object per setting (guidance, shift, steps, the accuracies, seconds).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from types import SimpleNamespace

import torch

import prompted
import prompted_eval
import scene_evaluator
import scene_tokenizer
import scenes

VALIDATION_BATCH = 1
SCORES = ("prompt_acc", "object_acc", "shape_acc", "colour_acc", "size_acc", "empty_cell_acc")


def parse_settings(text: str) -> list[tuple[float, float, int]]:
    """"g:shift:steps,…" as [(guidance, shift, steps)]."""
    out = []
    for item in text.split(","):
        parts = item.split(":")
        if len(parts) != 3:
            raise ValueError(f"{item!r} is not guidance:shift:steps")
        out.append((float(parts[0]), float(parts[1]), int(parts[2])))
    return out


def settings_arg(text: str) -> list[tuple[float, float, int]]:
    """parse_settings for argparse: its message, not argparse's "invalid value"."""
    try:
        return parse_settings(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


@torch.no_grad()
def sweep(model, evaluator, settings, count: int = 128, batch: int = 64, bf16: bool | None = None, seed: int = 11):
    """Yields, per (guidance, shift, steps), the evaluator's scores of dense samples of the
    validation captions (all from one noise draw)."""
    bf16 = prompted.cpu_bf16() if bf16 is None else bf16
    _, layout = scenes.batch("heldout", VALIDATION_BATCH, count, "cpu")
    ids = scenes.to_device(scene_tokenizer.layout_ids(layout), "cpu")
    noise = prompted_eval.noise_for(count, "cpu", seed)
    for guidance, shift, steps in settings:
        t0 = time.monotonic()
        run = SimpleNamespace(eval_batch=batch, steps=steps, guidance=guidance, shift=shift)
        x = prompted_eval.generate(model, ids, noise, run, bf16)
        pred, _ = scene_evaluator.read(evaluator, x)
        score = scene_evaluator.score(pred, layout.labels)
        yield {"guidance": guidance, "shift": shift, "steps": steps, "count": count,
               **{k: round(float(score[k]), 4) for k in SCORES}, "seconds": round(time.monotonic() - t0, 1)}  # fmt: skip


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--weights", type=Path, required=True, help="prompted.py weights file (weights.fp16.pt)")
    ap.add_argument("--checkpoint", type=Path, required=True, help="train_prompted.py checkpoint (its evaluator)")
    ap.add_argument("--count", type=int, default=128)
    ap.add_argument("--settings", type=settings_arg, default=parse_settings("3:1:28,1.5:1:28,5:1:28,7:1:28,3:3:28"))
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args(argv)
    for flag, path in (("--weights", args.weights), ("--checkpoint", args.checkpoint)):
        if not path.is_file():
            ap.error(f"{flag}: no file {path}")
    torch.set_num_threads(args.threads)
    model, evaluator = prompted_eval.load_trained(args.weights, args.checkpoint)
    for row in sweep(model, evaluator, args.settings, args.count):
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
