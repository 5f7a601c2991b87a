"""``model.weights``: a checkpoint's tensors in fp16, one after another, streamed.

Each tensor is read (a view of the memory-mapped checkpoint), rounded to fp16,
written at a 64-byte aligned offset and dropped before the next is read, so the
converter never holds more than one. The names are the diffusers state-dict
names (an original single file arrives through mmdit_checkpoint's key table).
Tensors the RAS graphs never read (the last block's text query, whose output is
discarded) are checked but not stored.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import torch

#: fp16's largest finite value: a weight beyond it cannot be stored.
HALF_MAX = 65504.0


def write_weights(
    tensors: Iterable[tuple[str, torch.Tensor]], shapes: dict[str, tuple[int, ...]], used: set[str], path: Path, source: str,
    model: str = "SD3Transformer2DModel",
) -> dict[str, dict]:
    """Writes the ``used`` tensors of ``tensors`` to ``path`` in fp16; returns name ->
    {offset, length, dims}. Every name of ``shapes`` (the model's state dict) must come
    once with its shape, and nothing else: errors name ``source``, the tensor and ``model``
    (the class the names belong to)."""
    placed: dict[str, dict] = {}
    seen: set[str] = set()
    with path.open("wb") as out:
        for name, t in tensors:
            if name not in shapes:
                raise ValueError(f"{source}: tensor {name!r} is not a parameter of {model}")
            if name in seen:
                raise ValueError(f"{source}: tensor {name!r} appears twice")
            if tuple(t.shape) != tuple(shapes[name]):
                raise ValueError(f"{source}: tensor {name!r} has shape {list(t.shape)}, the config gives {list(shapes[name])}")
            seen.add(name)
            if name not in used:
                continue
            half = to_half(name, t, source)
            raw = half.contiguous().numpy().tobytes()
            placed[name] = {"offset": out.tell(), "length": len(raw), "dims": list(t.shape)}
            out.write(raw)
            out.write(b"\0" * (-out.tell() % 64))
    missing = sorted(set(shapes) - seen)
    if missing:
        raise ValueError(f"{source}: {len(missing)} tensors missing, e.g. {missing[:5]}")
    return placed


def to_half(name: str, t: torch.Tensor, source: str) -> torch.Tensor:
    """``t`` in fp16; a finite value past fp16's range is an error naming the tensor."""
    if t.is_floating_point() and t.dtype != torch.float16:
        big = t.abs().max().item() if t.numel() else 0.0
        if big > HALF_MAX and big != float("inf"):
            raise ValueError(f"{source}: tensor {name!r} holds {big:g}, past fp16's range")
    return t.to(torch.float16)
