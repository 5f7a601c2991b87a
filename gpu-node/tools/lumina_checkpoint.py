"""Loading a Lumina-Next transformer: from a diffusers folder (strict, sharded
or not: diffusers_folder.py), or from a single file in the original Alpha-VLLM
layout (``consolidated*.safetensors``) through lumina_keys.py's table.

An original file's config is inferred from its shapes: width from
``x_embedder``, heads from ``gate``, KV heads from ``wk``, text width from
``wk_y``, qk-norm from ``q_norm``, learn_sigma from the output width.
``patch_size`` (2 in every release) is given, since patch and channels share
``x_embedder``'s input width. ``multiple_of`` is the largest power of two up
to 256 that gives the stored feed-forward width (any such value builds the
same model).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Iterator

import torch

from diffusers_folder import materialize, read_folder, transformer_folder, write_folder
from lumina_blocks import LuminaFeedForward
from lumina_keys import from_original, key_plan, to_original
from lumina_next import LuminaNextConfig, LuminaNextDiT2DModel
from safetensors_io import open_checkpoint, save_file

Shape = Callable[[str], tuple[int, ...]]


def infer_config(shape: Shape, keys: list[str], sample_size: int = 128, patch_size: int = 2) -> LuminaNextConfig:
    """The config of an original-layout checkpoint from its tensor names and shapes."""
    layers = {int(m.group(1)) for k in keys if (m := re.match(r"layers\.(\d+)\.attention\.", k))}
    if not layers or "x_embedder.weight" not in keys:
        raise ValueError("not a Lumina-Next checkpoint in the original layout: no x_embedder or layers.N.attention")
    hidden, features = shape("x_embedder.weight")
    heads = shape("layers.0.attention.gate")[0]
    in_channels = features // patch_size**2
    out_features = shape("final_layer.linear.weight")[0]
    return LuminaNextConfig(
        sample_size=sample_size,
        patch_size=patch_size,
        in_channels=in_channels,
        hidden_size=hidden,
        num_layers=max(layers) + 1,
        num_attention_heads=heads,
        num_kv_heads=shape("layers.0.attention.wk.weight")[0] // (hidden // heads),
        multiple_of=multiple_of_for(hidden, shape("layers.0.feed_forward.w1.weight")[0]),
        learn_sigma=out_features == 2 * features,
        qk_norm="layers.0.attention.q_norm.weight" in keys,
        cross_attention_dim=shape("layers.0.attention.wk_y.weight")[1],
    )


def multiple_of_for(hidden: int, inner: int) -> int:
    for m in (256, 128, 64, 32, 16, 8, 4, 2, 1):
        if LuminaFeedForward(hidden, m, None, device="meta").linear_1.out_features == inner:
            return m
    raise ValueError(f"feed_forward.w1 is {inner} wide: no multiple_of gives that from width {hidden} (ffn_dim_multiplier is not inferred)")


def open_original(path: Path, sample_size: int = 128, patch_size: int = 2) -> tuple[LuminaNextConfig, Iterator[tuple[str, torch.Tensor]]]:
    """Config and diffusers-named tensors (streamed) of an original-layout file; a key
    the table does not know, or one it needs and the file lacks, is an error naming it."""
    ckpt = open_checkpoint(path)
    keys = ckpt.keys()
    cfg = infer_config(lambda k: ckpt.info(k).shape, keys, sample_size, patch_size)
    plan = key_plan(cfg)
    wanted = {e.original for e in plan}
    unknown, missing = sorted(set(keys) - wanted), sorted(wanted - set(keys))
    if unknown or missing:
        raise ValueError(f"{path}: original-layout keys not in the Lumina-Next table: {unknown[:5]}; missing: {missing[:5]}")
    return cfg, from_original(plan, ckpt.get)


def open_transformer(path: str | Path, sample_size: int = 128, patch_size: int = 2):
    """(config, tensors) of a diffusers folder (or pipeline folder) or an original-layout file."""
    path = Path(path)
    folder = transformer_folder(path)
    if folder is not None:
        config, tensors = read_folder(folder)
        return LuminaNextConfig.from_dict(config), tensors
    if path.is_file():
        return open_original(path, sample_size, patch_size)
    raise FileNotFoundError(f"{path}: neither a diffusers transformer folder (config.json) nor a .safetensors file")


def load_transformer(path: str | Path, dtype=torch.float32, sample_size=128, patch_size=2) -> LuminaNextDiT2DModel:
    """The model of a diffusers folder or an original-layout file, loaded with
    ``load_state_dict(strict=True)``, in ``dtype``, in eval mode."""
    cfg, tensors = open_transformer(path, sample_size, patch_size)
    return materialize(LuminaNextDiT2DModel.from_config(cfg, device="meta"), tensors, dtype)


def save_diffusers(model: LuminaNextDiT2DModel, folder: str | Path, max_shard_bytes: int | None = None) -> None:
    """A diffusers transformer folder: config.json and the weights (sharded past ``max_shard_bytes``)."""
    config = {"_class_name": "LuminaNextDiT2DModel", **model.config.to_dict()}
    write_folder(folder, config, model.state_dict(), max_shard_bytes)


def save_original(model: LuminaNextDiT2DModel, path: str | Path) -> None:
    """A single file in the original layout (the model's two queries must be equal)."""
    state = to_original(key_plan(model.config), model.state_dict())
    save_file({k: v.contiguous() for k, v in state.items()}, path)
