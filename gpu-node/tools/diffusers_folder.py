"""A model's diffusers folder, and building a model from streamed tensors: the
parts every family's checkpoint loader shares (mmdit_checkpoint.py,
lumina_checkpoint.py).

A diffusers transformer folder is ``config.json`` plus
``diffusion_pytorch_model.safetensors`` (or shards and their
``diffusion_pytorch_model.safetensors.index.json``); a pipeline folder holds it
under ``transformer/``. Tensors are read one at a time from memory-mapped files
and the model is built on the meta device, given storage once, and filled by
``load_state_dict(strict=True)``, so a checkpoint is never in memory twice.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

import torch
from torch import nn

from safetensors_io import open_checkpoint, save_file, save_sharded

WEIGHTS = "diffusion_pytorch_model.safetensors"


def transformer_folder(path: Path) -> Path | None:
    """``path`` itself when it holds config.json, its ``transformer/`` when that does, else None."""
    if path.is_dir() and (path / "config.json").is_file():
        return path
    if path.is_dir() and (path / "transformer" / "config.json").is_file():
        return path / "transformer"
    return None


def read_folder(folder: Path) -> tuple[dict, Iterator[tuple[str, torch.Tensor]]]:
    """The folder's config.json (as a dict) and its tensors, streamed."""
    try:
        config = json.loads((folder / "config.json").read_text())
    except json.JSONDecodeError as e:
        raise ValueError(f"{folder / 'config.json'}: not JSON ({e})") from None
    ckpt = open_checkpoint(folder)
    return config, ((k, ckpt.get(k)) for k in ckpt.keys())


def materialize(model: nn.Module, tensors: Iterator[tuple[str, torch.Tensor]], dtype: torch.dtype) -> nn.Module:
    """A meta-device ``model`` given CPU storage in ``dtype`` and filled strictly from ``tensors``, in eval mode."""
    model = model.to(dtype)
    model.to_empty(device="cpu")
    model.reset_constants()
    model.load_state_dict(dict(tensors), strict=True)
    return model.eval()


def write_folder(folder: str | Path, config: dict, state: dict[str, torch.Tensor], max_shard_bytes: int | None = None) -> None:
    """A diffusers transformer folder: config.json and the weights (sharded past ``max_shard_bytes``)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    state = {k: v.contiguous() for k, v in state.items()}
    if max_shard_bytes is None:
        save_file(state, folder / WEIGHTS, metadata={"format": "pt"})
    else:
        save_sharded(state, folder, max_shard_bytes)
