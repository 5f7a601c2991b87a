"""Procedural class-conditional image set: coloured shapes on soft backgrounds.

Deterministic from a seed (numpy PCG64), nothing downloaded. A class is
(shape, colour), named e.g. "red circle"; the model card lists the names so the
API can take a prompt as well as a label. Objects are large and backgrounds are
low-saturation gradients, so an image has a clear object region and a
background region (what RAS has to tell apart).
"""

from __future__ import annotations

import numpy as np

SHAPES = ["circle", "square", "triangle", "cross"]
COLOURS = {
    "red": (0.86, 0.16, 0.14),
    "green": (0.15, 0.68, 0.22),
    "blue": (0.14, 0.30, 0.90),
    "yellow": (0.96, 0.84, 0.10),
}
CLASS_NAMES = [f"{c} {s}" for s in SHAPES for c in COLOURS]
NUM_CLASSES = len(CLASS_NAMES)
SUPERSAMPLE = 2


def class_of(shape: str, colour: str) -> int:
    return CLASS_NAMES.index(f"{colour} {shape}")


def shape_mask(kind: str, dx: np.ndarray, dy: np.ndarray, r: np.ndarray) -> np.ndarray:
    """Inside-test for one shape kind; dx, dy [B,H,W] offsets from centre, r [B,1,1]."""
    if kind == "circle":
        return dx**2 + dy**2 <= r**2
    if kind == "square":
        return np.maximum(np.abs(dx), np.abs(dy)) <= 0.82 * r
    if kind == "triangle":  # upright, vertices (0,-r), (±0.87r, 0.5r); y grows downwards
        return (dy <= 0.5 * r) & (np.sqrt(3.0) * np.abs(dx) - dy <= r)
    if kind == "cross":
        arm = 0.32 * r
        return ((np.abs(dx) <= arm) & (np.abs(dy) <= r)) | ((np.abs(dy) <= arm) & (np.abs(dx) <= r))
    raise ValueError(f"unknown shape {kind!r}")


def backgrounds(rng: np.random.Generator, n: int, size: int) -> np.ndarray:
    """Soft two-colour linear gradients of muted colours, [n,H,W,3] in [0,1]."""
    grey = rng.uniform(0.2, 0.85, (n, 2, 1))
    tint = rng.uniform(-0.12, 0.12, (n, 2, 3))
    ends = np.clip(grey + tint, 0.0, 1.0)  # [n, 2 ends, 3]
    angle = rng.uniform(0, 2 * np.pi, n)
    ys, xs = np.mgrid[0:size, 0:size] / (size - 1) - 0.5
    proj = np.cos(angle)[:, None, None] * xs + np.sin(angle)[:, None, None] * ys
    w = (proj - proj.min(axis=(1, 2), keepdims=True)) / np.ptp(proj, axis=(1, 2), keepdims=True)
    return ends[:, None, None, 0] * (1 - w[..., None]) + ends[:, None, None, 1] * w[..., None]


def render(rng: np.random.Generator, labels: np.ndarray, size: int = 32) -> np.ndarray:
    """Images of the given class labels, [n,3,H,W] float32 in [-1, 1]."""
    n = len(labels)
    big = size * SUPERSAMPLE
    bg = backgrounds(rng, n, big)
    radius = rng.uniform(0.26, 0.40, n) * big
    margin = radius + 1
    cx = rng.uniform(margin, big - margin)
    cy = rng.uniform(margin, big - margin)
    ys, xs = np.mgrid[0:big, 0:big] + 0.5
    dx = xs[None] - cx[:, None, None]
    dy = ys[None] - cy[:, None, None]
    r = radius[:, None, None]
    img = bg
    for k, kind in enumerate(SHAPES):
        for j, rgb in enumerate(COLOURS.values()):
            sel = labels == k * len(COLOURS) + j
            if not sel.any():
                continue
            mask = shape_mask(kind, dx[sel], dy[sel], r[sel])
            colour = np.clip(np.array(rgb) + rng.uniform(-0.06, 0.06, (int(sel.sum()), 1, 1, 3)), 0, 1)
            img[sel] = np.where(mask[..., None], colour, img[sel])
    img = img.reshape(n, size, SUPERSAMPLE, size, SUPERSAMPLE, 3).mean(axis=(2, 4))
    return (img.transpose(0, 3, 1, 2) * 2 - 1).astype(np.float32)


def sample(seed: int, n: int, size: int = 32) -> tuple[np.ndarray, np.ndarray]:
    """``n`` images with uniformly drawn labels from ``seed``: (images, labels)."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, NUM_CLASSES, n)
    return render(rng, labels, size), labels


def to_uint8(img: np.ndarray) -> np.ndarray:
    """[3,H,W] in [-1,1] -> [H,W,3] uint8."""
    return (np.clip(img.transpose(1, 2, 0) * 0.5 + 0.5, 0, 1) * 255 + 0.5).astype(np.uint8)
