"""Procedural captioned scenes for the prompted model: 1–4 objects on a 3×3 grid.

A scene is 64×64 RGB. Each object is (size, colour, shape) — the shapes and
colours of shapes.py in two sizes — in its own cell of a 3×3 grid, at a free
position inside that cell; a large object may reach into a neighbouring cell and
be partly covered (large objects are drawn first, small ones on top, so no
object is ever hidden). Backgrounds are muted two-colour gradients, half of them
with a low-contrast texture (stripes or smooth noise). The caption names every
object in reading order of the cells, e.g. "a small red circle at the top left
and a large blue square on the right".

The scene *layout* (objects, cells, positions, colours, background) is drawn
from a seed with numpy (PCG64), so it is the same on every machine; the pixels
are rendered in torch in batches, on whatever device is given (the GPU trains
on scenes rendered on the fly).

Held-out captions: every object o (of 32) has one held-out cell, (5·o + 2) mod 9
(32 of the 288 object-at-cell pairs, 3–4 per cell, every size, colour and shape
among them). Training scenes never hold an object at its held-out cell; every
held-out scene holds at least one. Seed ranges, 1e9 batches each, disjoint from
each other and from the shapes tooling's (evaluator.py 5e9–7e9, train.py from 2e13):
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from shapes import COLOURS, SHAPES

SIZE = 64
GRID = 3
SUPERSAMPLE = 2
MAX_OBJECTS = 4
SIZES = ("small", "large")
RADIUS = {"small": (4.2, 5.4), "large": (7.6, 9.6)}  # pixels at 64×64
CELL_PHRASES = (
    "at the top left",
    "at the top",
    "at the top right",
    "on the left",
    "in the middle",
    "on the right",
    "at the bottom left",
    "at the bottom",
    "at the bottom right",
)
COLOUR_NAMES = tuple(COLOURS)
# Object o = (size · 4 + colour) · 4 + shape; a cell's label is 0 (empty) or 1 + o.
OBJECTS = tuple((s, c, h) for s in SIZES for c in COLOUR_NAMES for h in SHAPES)
NUM_OBJECTS = len(OBJECTS)
NUM_CELL_CLASSES = NUM_OBJECTS + 1
HELD_OUT_CELL = np.array([(5 * o + 2) % 9 for o in range(NUM_OBJECTS)])

SEEDS = {  # batch i of a split is drawn from SEEDS[split] + i
    "train": 11_000_000_000,
    "evaluator-train": 12_000_000_000,
    "evaluator-real": 13_000_000_000,
    "heldout": 14_000_000_000,
}
SPLIT_POLICY = {"train": "train", "evaluator-train": "any", "evaluator-real": "any", "heldout": "heldout"}
__doc__ += "".join(f"    {k}: {v} + batch index ({SPLIT_POLICY[k]} captions)\n" for k, v in SEEDS.items())


def object_name(o: int) -> str:
    size, colour, shape = OBJECTS[o]
    return f"{size} {colour} {shape}"


@dataclass
class Layout:
    """What a batch of scenes holds. Slots are sorted by cell (caption order);
    ``present`` is False for unused slots."""

    present: np.ndarray  # [n, 4] bool
    cell: np.ndarray  # [n, 4] int, 0..8
    obj: np.ndarray  # [n, 4] int, 0..31
    centre: np.ndarray  # [n, 4, 2] float, pixels (x, y)
    radius: np.ndarray  # [n, 4] float, pixels
    rgb: np.ndarray  # [n, 4, 3] float
    bg: dict  # background parameters, arrays of length n

    @property
    def labels(self) -> np.ndarray:
        """[n, 9] cell labels: 0 empty, 1 + object."""
        out = np.zeros((len(self.present), GRID * GRID), dtype=np.int64)
        rows, slots = np.nonzero(self.present)
        out[rows, self.cell[rows, slots]] = 1 + self.obj[rows, slots]
        return out

    def __len__(self) -> int:
        return len(self.present)


def caption(labels: np.ndarray) -> str:
    """The caption of one scene from its [9] cell labels."""
    parts = [f"a {object_name(lab - 1)} {CELL_PHRASES[c]}" for c, lab in enumerate(labels) if lab > 0]
    return " and ".join(parts)


def _objects(rng: np.random.Generator, n: int, policy: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    count = rng.integers(1, MAX_OBJECTS + 1, n)
    cells = np.argsort(rng.random((n, GRID * GRID)), axis=1)[:, :MAX_OBJECTS]
    present = np.arange(MAX_OBJECTS)[None] < count[:, None]
    obj = rng.integers(0, NUM_OBJECTS, (n, MAX_OBJECTS))
    if policy == "train":
        while True:  # redraw the objects that would sit at their held-out cell
            bad = HELD_OUT_CELL[obj] == cells
            if not bad.any():
                break
            obj[bad] = rng.integers(0, NUM_OBJECTS, int(bad.sum()))
    elif policy == "heldout":  # slot 0 (always present) holds a held-out pair
        choice = rng.integers(0, 1 << 30, n)
        for i in range(n):
            held = np.flatnonzero(HELD_OUT_CELL == cells[i, 0])
            obj[i, 0] = held[choice[i] % len(held)]
    elif policy != "any":
        raise ValueError(f"policy: unknown {policy!r}")
    order = np.argsort(np.where(present, cells, 99), axis=1)  # caption order, unused slots last
    take = lambda a: np.take_along_axis(a, order, axis=1)  # noqa: E731
    return take(present), take(cells), take(obj)


def base_rgb(obj: np.ndarray) -> np.ndarray:
    """[..., 3] the colour of each object id before its per-object jitter."""
    return np.array(list(COLOURS.values()))[(obj // len(SHAPES)) % len(COLOURS)]


def draw_layout(rng: np.random.Generator, n: int, policy: str = "any") -> Layout:
    """Layouts of ``n`` scenes; ``policy`` is "train", "heldout" or "any" (see the module doc)."""
    present, cell, obj = _objects(rng, n, policy)
    big = (obj // (len(COLOURS) * len(SHAPES))) == 1
    lo = np.where(big, RADIUS["large"][0], RADIUS["small"][0])
    hi = np.where(big, RADIUS["large"][1], RADIUS["small"][1])
    radius = rng.uniform(lo, hi)
    pitch = SIZE / GRID
    row, col = cell // GRID, cell % GRID
    u = rng.random((n, MAX_OBJECTS, 2))
    centre = np.empty((n, MAX_OBJECTS, 2))
    for axis, index in ((0, col), (1, row)):
        start = np.maximum(index * pitch + 0.55 * radius, radius + 0.5)
        stop = np.minimum((index + 1) * pitch - 0.55 * radius, SIZE - radius - 0.5)
        centre[..., axis] = start + u[..., axis] * (stop - start)
    rgb = np.clip(base_rgb(obj) + rng.uniform(-0.06, 0.06, (n, MAX_OBJECTS, 1)), 0, 1)
    grey = rng.uniform(0.2, 0.85, (n, 2, 1))
    bg = {
        "ends": np.clip(grey + rng.uniform(-0.12, 0.12, (n, 2, 3)), 0, 1),
        "angle": rng.uniform(0, 2 * np.pi, n),
        "texture": rng.integers(0, 3, n),  # 0 none, 1 stripes, 2 smooth noise
        "amp": rng.uniform(0.015, 0.05, n),
        "freq": rng.uniform(2.0, 7.0, (n, 2)) * rng.choice([-1.0, 1.0], (n, 2)),
        "phase": rng.uniform(0, 2 * np.pi, n),
        "noise": rng.standard_normal((n, 6, 6)),
    }
    return Layout(present, cell, obj, centre, radius, rgb, bg)


def shape_masks(shape: torch.Tensor, dx: torch.Tensor, dy: torch.Tensor, r: torch.Tensor) -> torch.Tensor:
    """Inside-test of shapes.py's four shapes, chosen per object: shape [..,1,1]."""
    ax, ay = dx.abs(), dy.abs()
    circle = dx * dx + dy * dy <= r * r
    square = torch.maximum(ax, ay) <= 0.82 * r
    triangle = (dy <= 0.5 * r) & (3.0**0.5 * ax - dy <= r)
    arm = 0.32 * r
    cross = ((ax <= arm) & (ay <= r)) | ((ay <= arm) & (ax <= r))
    out = torch.where(shape == 0, circle, square)
    out = torch.where(shape == 2, triangle, out)
    return torch.where(shape == 3, cross, out)


def to_device(array: np.ndarray, device) -> torch.Tensor:
    """A host array on ``device``; to CUDA through pinned memory without blocking,
    so preparing the next batch never waits for the GPU to finish the last step."""
    x = torch.from_numpy(np.ascontiguousarray(array))
    if torch.device(device).type != "cuda":
        return x
    return x.pin_memory().to(device, non_blocking=True)


# The layout's fields in one float32 row per scene (one host-to-device copy per batch).
_FIELDS = (("centre", 8), ("radius", 4), ("rgb", 12), ("obj", 4), ("present", 4), ("ends", 6), ("angle", 1),
           ("texture", 1), ("amp", 1), ("freq", 2), ("phase", 1), ("noise", 36))  # fmt: skip


def _packed(layout: Layout, device) -> dict[str, torch.Tensor]:
    n = len(layout)
    parts = {**layout.bg, "centre": layout.centre, "radius": layout.radius, "rgb": layout.rgb,
             "obj": layout.obj, "present": layout.present}  # fmt: skip
    flat = np.concatenate([np.asarray(parts[k], dtype=np.float32).reshape(n, w) for k, w in _FIELDS], axis=1)
    dev = to_device(flat, device)
    out, col = {}, 0
    for k, w in _FIELDS:
        out[k] = dev[:, col : col + w]
        col += w
    return out


def _background(p: dict[str, torch.Tensor], size: int) -> torch.Tensor:
    n, device = p["angle"].shape[0], p["angle"].device
    lin = torch.linspace(-0.5, 0.5, size, device=device)
    ys, xs = lin[:, None].expand(size, size), lin[None, :].expand(size, size)
    ang = p["angle"][:, :, None]
    proj = torch.cos(ang) * xs + torch.sin(ang) * ys
    lo, hi = proj.amin(dim=(1, 2), keepdim=True), proj.amax(dim=(1, 2), keepdim=True)
    w = ((proj - lo) / (hi - lo))[:, None]  # [n,1,H,W]
    ends = p["ends"].reshape(n, 2, 3)
    img = ends[:, 0, :, None, None] * (1 - w) + ends[:, 1, :, None, None] * w
    freq = p["freq"]
    stripes = torch.sin(2 * np.pi * (freq[:, 0, None, None] * xs + freq[:, 1, None, None] * ys) + p["phase"][:, :, None])
    noise = F.interpolate(p["noise"].reshape(n, 1, 6, 6), size=(size, size), mode="bilinear", align_corners=False)[:, 0]
    kind = p["texture"][:, :, None]
    tex = torch.where(kind == 1, stripes, torch.where(kind == 2, noise * 0.6, torch.zeros_like(stripes)))
    return (img + (p["amp"][:, :, None] * tex)[:, None]).clamp(0, 1)


def render(layout: Layout, device="cpu") -> torch.Tensor:
    """Pixels of ``layout``: [n,3,64,64] float32 in [-1,1] on ``device``."""
    n, big = len(layout), SIZE * SUPERSAMPLE
    p = _packed(layout, device)
    # The background is smooth: render it at 64×64, repeat each pixel for the supersampled grid.
    img = _background(p, SIZE).repeat_interleave(SUPERSAMPLE, 2).repeat_interleave(SUPERSAMPLE, 3)
    grid = (torch.arange(big, device=img.device, dtype=torch.float32) + 0.5) / SUPERSAMPLE
    centre, radius, rgb = p["centre"].reshape(n, MAX_OBJECTS, 2), p["radius"], p["rgb"].reshape(n, MAX_OBJECTS, 3)
    shape = torch.remainder(p["obj"], len(SHAPES))
    large = p["obj"] >= len(COLOURS) * len(SHAPES)
    present = p["present"] > 0
    masks = []
    for k in range(MAX_OBJECTS):
        dx = grid[None, None, :] - centre[:, k, 0, None, None]
        dy = grid[None, :, None] - centre[:, k, 1, None, None]
        masks.append(shape_masks(shape[:, k, None, None], dx, dy, radius[:, k, None, None]) & present[:, k, None, None])
    for draw_large in (True, False):  # large first: small objects are never covered
        for k in range(MAX_OBJECTS):
            mask = masks[k] & (large[:, k] == draw_large)[:, None, None]
            img = torch.where(mask[:, None], rgb[:, k, :, None, None], img)
    img = F.avg_pool2d(img, SUPERSAMPLE)
    return img * 2 - 1


def batch(split: str, index: int, n: int, device="cpu") -> tuple[torch.Tensor, Layout]:
    """Batch ``index`` of ``split`` (a key of SEEDS): (pixels [n,3,64,64], layout)."""
    if split not in SEEDS:
        raise ValueError(f"split: unknown {split!r}, expected one of {sorted(SEEDS)}")
    layout = draw_layout(np.random.default_rng(SEEDS[split] + index), n, SPLIT_POLICY[split])
    return render(layout, device), layout


def to_uint8(images: torch.Tensor) -> np.ndarray:
    """[n,3,H,W] in [-1,1] → [n,H,W,3] uint8."""
    x = ((images.detach().float().clamp(-1, 1) + 1) * 127.5).round().to(torch.uint8)
    return x.permute(0, 2, 3, 1).cpu().numpy()
