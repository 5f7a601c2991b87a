"""Does the prompted scenes model read each word of a caption? A probe in seconds, between
training sessions (docs/scenes.md, "Which words it reads").

Real scenes (the "heldout" split, batch 2: neither the evaluation's batch 0 nor the
validation batch 1) are noised to time t, x_t = (1 − t)·x₀ + t·ε, and the model predicts the
clean image in one step, x̂₀ = x_t − t·v, from (a) the true captions and (b) the captions with
one attribute of every object changed (shape, colour or size: the next value, so every object's
caption disagrees with its image). The scene evaluator reads x̂₀ at the captioned cells; for each
attribute and t it reports how often the read value is the image's and how often it is the
changed caption's. At small t the image decides; at large t only the caption can: a model that
reads the word follows the changed caption there, one that ignores it does not (the image's
value fades and the caption's stays at chance level of a blur). ``image_decides`` adds, from
the renders alone, the t above which the noisy image no longer tells the attribute, and
``--follow`` the sampler's test (``follow``): the noised scenes sampled to the end.

    /usr/bin/python3 gpu-node/tools/binding_probe.py --weights W.fp16.pt --checkpoint C.pt [--count 64]
"""

from __future__ import annotations

import argparse
import copy
import json
from pathlib import Path

import numpy as np
import torch

import prompted
import prompted_eval
import scene_evaluator
import scene_tokenizer
import scenes

ATTRIBUTES = ("shape", "colour", "size")
TIMES = (0.3, 0.5, 0.6, 0.7, 0.8)


def changed(layout: scenes.Layout, attribute: str) -> scenes.Layout:
    """``layout`` with ``attribute`` of every object moved to the next value (cyclically)."""
    n_shapes, n_colours = len(scenes.SHAPES), len(scenes.COLOUR_NAMES)
    size, rest = np.divmod(layout.obj, n_colours * n_shapes)
    colour, shape = np.divmod(rest, n_shapes)
    if attribute == "shape":
        shape = (shape + 1) % n_shapes
    elif attribute == "colour":
        colour = (colour + 1) % n_colours
    elif attribute == "size":
        size = (size + 1) % len(scenes.SIZES)
    else:
        raise ValueError(f"attribute: one of {ATTRIBUTES}, got {attribute!r}")
    out = copy.deepcopy(layout)
    out.obj = (size * n_colours + colour) * n_shapes + shape
    return out


def redrawn(layout: scenes.Layout, attribute: str) -> scenes.Layout:
    """``changed`` with the pixels to match: the next colour's base RGB, or the radius scaled to
    the other size's range (``changed`` alone moves only the caption, which the renderer reads for
    the shape but not for the colour or the size)."""
    out = changed(layout, attribute)
    if attribute == "colour":
        out.rgb = scenes.base_rgb(out.obj)
    elif attribute == "size":
        mid = {name: sum(r) / 2 for name, r in scenes.RADIUS.items()}
        large = layout.obj >= len(scenes.COLOURS) * len(scenes.SHAPES)
        out.radius = layout.radius * np.where(large, mid["small"] / mid["large"], mid["large"] / mid["small"])
    return out


def image_decides(count: int = 512, seed: int = 7, d_primes=(1.0, 2.0)) -> dict:
    """Up to which t the noisy image alone tells one object's attribute apart from the next value:
    one-object scenes, D = ‖x_a − x_b‖ between the two renders; an ideal observer that knows both
    renders and where they sit separates (1 − t)·x_a + t·ε from (1 − t)·x_b + t·ε with
    d′ = (1 − t)·D / t, so d′ = k at t = D / (D + k). Above that t only the caption can decide (a
    real model, which does not know the position, loses the image's word earlier).
    Per attribute and object size: the median D and t at each d′."""
    layout = scenes.draw_layout(np.random.default_rng(seed), count)
    layout.present[:, 1:] = False
    x = scenes.render(layout)
    large = layout.obj[:, 0] >= len(scenes.COLOURS) * len(scenes.SHAPES)
    out: dict = {"scenes": f"{count} one-object scenes (seed {seed})", "d_prime": list(d_primes)}
    for attribute in ATTRIBUTES:
        dist = (x - scenes.render(redrawn(layout, attribute))).flatten(1).norm(dim=1).numpy()
        out[attribute] = {}
        for name, rows in (("small", ~large), ("large", large)):
            d = float(np.median(dist[rows]))
            out[attribute][name] = {"D": round(d, 2), "t": [round(d / (d + k), 3) for k in d_primes]}
    return out


@torch.no_grad()
def predict_clean(model, x0: torch.Tensor, ids: torch.Tensor, t: float, eps: torch.Tensor) -> torch.Tensor:
    """One-step x̂₀ of x₀ noised to ``t`` with ``eps``, conditioned on ``ids`` (no guidance)."""
    hidden, pooled = model.text_encoder(ids)
    xt = (1 - t) * x0 + t * eps
    v = model.transformer(xt, hidden, pooled, torch.full((len(x0),), t * prompted.TIME_SCALE)).float()
    return (xt - t * v).clamp(-1, 1)


def probe(model, evaluator, count: int = 64, times=TIMES, seed: int = 3) -> dict:
    """Per attribute and t: ``{"image": acc vs the image's value, "caption": acc vs the changed
    caption's}`` with the changed captions, and ``"true"``: acc with the true captions."""
    x0, layout, eps, where = _heldout(count, seed)

    def read(lay: scenes.Layout, t: float) -> np.ndarray:
        ids = scenes.to_device(scene_tokenizer.layout_ids(lay), "cpu")
        return scene_evaluator.read(evaluator, predict_clean(model, x0, ids, t, eps))[0]

    return {"scenes": where, "t": list(times), **_rows(layout, times, read)}


def _heldout(count: int, seed: int) -> tuple[torch.Tensor, scenes.Layout, torch.Tensor, str]:
    """The probes' scenes (held-out batch 2), their noise and a line saying which they are."""
    x0, layout = scenes.batch("heldout", 2, count)
    eps = torch.randn(x0.shape, generator=torch.Generator().manual_seed(seed))
    return x0, layout, eps, f"heldout batch 2 ({scenes.SEEDS['heldout'] + 2}), {count}"


def _rows(layout: scenes.Layout, times, read) -> dict:
    """Per attribute, ``read(layout', t)`` (predicted cell labels) scored at each t: ``true`` (the
    true captions, read once per t for every attribute), ``image`` and ``caption`` (the changed
    captions, scored against the image's and the changed caption's value)."""
    true = [scene_evaluator.score(read(layout, t), layout.labels) for t in times]
    out = {}
    for attribute in ATTRIBUTES:
        other, key = changed(layout, attribute), f"{attribute}_acc"
        rows = {"true": [round(s[key], 3) for s in true], "image": [], "caption": []}
        for t in times:
            pred = read(other, t)
            rows["image"].append(round(scene_evaluator.score(pred, layout.labels)[key], 3))
            rows["caption"].append(round(scene_evaluator.score(pred, other.labels)[key], 3))
        out[attribute] = rows
    return out


def follow(model, evaluator, count: int = 64, starts=(0.6, 0.7, 0.8, 0.9), steps: int = 20, guidance: float = 3.0,
           seed: int = 3) -> dict:  # fmt: skip
    """The sampler's own test of reading a word: real scenes noised to ``start`` and sampled to
    the end (Euler, CFG ``guidance``, the schedule's steps below ``start``) from the true captions
    and from the changed ones. One-step predictions at large t are blurs over where an object may
    sit, so a shape does not show in them even when the word is read; here it has to. Per
    attribute and start, as ``probe``: ``true``, ``image`` and ``caption`` accuracies."""
    x0, layout, eps, where = _heldout(count, seed)

    def read(lay: scenes.Layout, s: float) -> np.ndarray:
        ids = scenes.to_device(scene_tokenizer.layout_ids(lay), "cpu")
        x = prompted.sample(model, ids, (1 - s) * x0 + s * eps, steps, guidance, start=s)
        return scene_evaluator.read(evaluator, x)[0]

    return {"scenes": where, "start": list(starts), "steps": steps, "guidance": guidance,
            **_rows(layout, starts, read)}  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--weights", type=Path, required=True, help="prompted.py weights file (weights.fp16.pt)")
    ap.add_argument("--checkpoint", type=Path, required=True, help="train_prompted.py checkpoint (its evaluator)")
    ap.add_argument("--count", type=int, default=64)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--follow", action="store_true", help="also sample to the end from each start (follow)")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    model, evaluator = prompted_eval.load_trained(args.weights, args.checkpoint)
    report = {**probe(model, evaluator, args.count), "image_decides": image_decides()}
    if args.follow:
        report["follow"] = follow(model, evaluator, args.count)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
