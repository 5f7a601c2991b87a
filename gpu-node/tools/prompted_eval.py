"""The prompted model's measurement at the end of a training call (train_prompted.py).

The held-out captions (the "heldout" seed range, batch 0), their real renders
and the fixed noise the model samples them from; the evaluator's accuracy on
real scenes; the dense samples' prompt accuracy and their Fréchet distance to
the real renders of the same captions; and the time all this will take, which
the training call sets aside before it trains.
"""

from __future__ import annotations

import json
import math
import re
import time

import numpy as np
import torch

import prompted
import scene_evaluator
import scene_tokenizer
import scenes


def heldout(count: int, device) -> tuple[torch.Tensor, torch.Tensor, np.ndarray, list[str]]:
    """The evaluation's held-out captions: (real renders, ids, cell labels, captions), batch 0."""
    images, layout = scenes.batch("heldout", 0, count, device)
    ids = scenes.to_device(scene_tokenizer.layout_ids(layout), device)
    return images, ids, layout.labels, [scenes.caption(lab) for lab in layout.labels]


def load_trained(weights, checkpoint) -> tuple[prompted.PromptedModel, scene_evaluator.SceneEvaluatorNet]:
    """A run's model from its weights file and the evaluator from its checkpoint, both in eval mode
    (what the probes between sessions read)."""
    model, _ = prompted.load_weights(weights)
    evaluator = scene_evaluator.SceneEvaluatorNet()
    evaluator.load_state_dict(torch.load(checkpoint, map_location="cpu")["evaluator"])
    return model.eval(), evaluator.eval()


def noise_for(count: int, device, seed: int = 7) -> torch.Tensor:
    """The evaluation's starting noise, drawn on the CPU (the same on every device)."""
    gen = torch.Generator().manual_seed(seed)
    return torch.randn(count, 3, scenes.SIZE, scenes.SIZE, generator=gen).to(device)


def generate(model, ids, noise, args, bf16: bool) -> torch.Tensor:
    """Dense samples of ``ids`` from ``noise``, ``args.eval_batch`` captions at a time."""
    out = [prompted.sample(model, ids[i : i + args.eval_batch], noise[i : i + args.eval_batch], args.steps,
                           args.guidance, args.shift, bf16) for i in range(0, len(ids), args.eval_batch)]  # fmt: skip
    return torch.cat(out)


def sample_row(model, ids, noise, args, bf16: bool) -> np.ndarray:
    """One progress row: dense samples as [n,H,W,3] uint8."""
    return scenes.to_uint8(prompted.sample(model, ids, noise, args.steps, args.guidance, args.shift, bf16))


def measure_evaluator(net, args, device, real_heldout: torch.Tensor, labels_heldout: np.ndarray) -> dict:
    """The evaluator on real scenes ("evaluator-real") and on the real renders of the
    held-out captions (the ceiling of the model's prompt accuracy), with the latter's features."""
    images, layout = scenes.batch("evaluator-real", 0, args.real_count, device)
    pred, _ = scene_evaluator.read(net, images)
    pred_h, feats_h = scene_evaluator.read(net, real_heldout)
    return {
        "real": {"seeds": f"{scenes.SEEDS['evaluator-real']} + 0", **scene_evaluator.score(pred, layout.labels)},
        "real_heldout": {"seeds": f"{scenes.SEEDS['heldout']} + 0", **scene_evaluator.score(pred_h, labels_heldout)},
        "_features_heldout": feats_h,
    }


def estimate_reserve(ema, args, device, bf16: bool) -> float:
    """Seconds the end of the call will take: the evaluation's sampling, timed on
    two steps of one batch (after a warm-up call), plus a margin for the
    evaluator's reading and the files."""
    ids = torch.zeros(min(args.eval_batch, args.eval_count), scene_tokenizer.TEXT_LEN, dtype=torch.long, device=device)
    noise = noise_for(len(ids), device)
    prompted.sample(ema, ids, noise, 1, args.guidance, args.shift, bf16)
    sync(device)
    t0 = time.monotonic()
    prompted.sample(ema, ids, noise, 2, args.guidance, args.shift, bf16)
    sync(device)
    per_step = (time.monotonic() - t0) / 2
    batches = math.ceil(args.eval_count / args.eval_batch)
    return 1.25 * per_step * args.steps * batches + (3.0 if args.quick else 15.0)


def compact_json(obj) -> str:
    """Indented JSON with every innermost list (a loss-curve point, a confusion row) on one line."""
    flat = lambda m: "[" + ", ".join(v.strip() for v in m.group(1).split(",")) + "]"  # noqa: E731
    return re.sub(r"\[([^\[\]{}]*)\]", flat, json.dumps(obj, indent=1, ensure_ascii=False))


def sync(device) -> None:
    if torch.device(device).type == "cuda":
        torch.cuda.synchronize()


def dense(ema, evaluator, ids, labels: np.ndarray, noise, feats_real: np.ndarray, args, bf16: bool):
    """(the dense samples, their scores and Fréchet distance to the real renders)."""
    images = generate(ema, ids, noise, args, bf16)
    pred, feats = scene_evaluator.read(evaluator, images)
    fd = scene_evaluator.frechet(scene_evaluator.feature_stats(feats), scene_evaluator.feature_stats(feats_real))
    return images, {"fd_vs_real_renders": fd, **scene_evaluator.score(pred, labels)}
