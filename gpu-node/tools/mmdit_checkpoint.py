"""Loading an SD3 / SD3.5 transformer: from a diffusers folder, or from the
original single-file layout through one key mapping.

A diffusers transformer folder is ``config.json`` plus
``diffusion_pytorch_model.safetensors`` (or shards and their
``diffusion_pytorch_model.safetensors.index.json``); it loads with
``load_state_dict(strict=True)``. The original layout (Stability's release
files, as ComfyUI users hold them: ``model.diffusion_model.joint_blocks.N.
{x_block,context_block}.…``, possibly beside ``first_stage_model.`` and
``text_encoders.`` tensors) goes through ``key_plan``, the one table both
directions use (diffusers' ``scripts/convert_sd3_to_diffusers.py`` has the same
names), with its three traps:

- each ``attn.qkv`` (and ``attn2.qkv``) is fused: [q; k; v] along dim 0;
- ``final_layer.adaLN_modulation.1`` and the last block's
  ``context_block.adaLN_modulation.1`` are ordered (shift, scale), where
  diffusers' AdaLayerNormContinuous reads (scale, shift): their halves swap;
- the prefix ``model.diffusion_model.``, absent in some files.

The config is inferred from the keys as diffusers does (layers = highest block
+ 1, heads = layers, width from ``context_embedder``, qk-norm from ``ln_q``,
MMDiT-X blocks from ``attn2``, ``pos_embed_max_size`` = √(table rows)).

Tensors are read one at a time from memory-mapped files and the model is
filled strictly without a second copy (diffusers_folder.py, shared with the
other families' loaders).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import torch

from diffusers_folder import materialize, read_folder, transformer_folder, write_folder
from mmdit import MMDiTConfig, SD3Transformer2DModel
from safetensors_io import Checkpoint, open_checkpoint, save_file

PREFIX = "model.diffusion_model."


@dataclass(frozen=True)
class Entry:
    """One original tensor and the diffusers tensor(s) it holds."""

    original: str
    diffusers: tuple[str, ...]
    transform: str  # "same", "qkv" (fused [q; k; v]) or "swap" ((shift, scale) <-> (scale, shift))


def key_plan(cfg: MMDiTConfig) -> list[Entry]:
    """Every tensor of the original layout for ``cfg``, with its diffusers names."""
    plan = [Entry("pos_embed", ("pos_embed.pos_embed",), "same")]
    plan += same("x_embedder.proj", "pos_embed.proj")
    plan += same("t_embedder.mlp.0", "time_text_embed.timestep_embedder.linear_1")
    plan += same("t_embedder.mlp.2", "time_text_embed.timestep_embedder.linear_2")
    plan += same("y_embedder.mlp.0", "time_text_embed.text_embedder.linear_1")
    plan += same("y_embedder.mlp.2", "time_text_embed.text_embedder.linear_2")
    plan += same("context_embedder", "context_embedder")
    last = cfg.num_layers - 1
    for i in range(cfg.num_layers):
        x, c, d = f"joint_blocks.{i}.x_block", f"joint_blocks.{i}.context_block", f"transformer_blocks.{i}"
        plan += fused(f"{x}.attn.qkv", f"{d}.attn", ("to_q", "to_k", "to_v"))
        plan += fused(f"{c}.attn.qkv", f"{d}.attn", ("add_q_proj", "add_k_proj", "add_v_proj"))
        if cfg.qk_norm:
            plan += [Entry(f"{x}.attn.ln_q.weight", (f"{d}.attn.norm_q.weight",), "same")]
            plan += [Entry(f"{x}.attn.ln_k.weight", (f"{d}.attn.norm_k.weight",), "same")]
            plan += [Entry(f"{c}.attn.ln_q.weight", (f"{d}.attn.norm_added_q.weight",), "same")]
            plan += [Entry(f"{c}.attn.ln_k.weight", (f"{d}.attn.norm_added_k.weight",), "same")]
        plan += same(f"{x}.attn.proj", f"{d}.attn.to_out.0")
        if i in cfg.dual_attention_layers:
            plan += fused(f"{x}.attn2.qkv", f"{d}.attn2", ("to_q", "to_k", "to_v"))
            if cfg.qk_norm:
                plan += [Entry(f"{x}.attn2.ln_q.weight", (f"{d}.attn2.norm_q.weight",), "same")]
                plan += [Entry(f"{x}.attn2.ln_k.weight", (f"{d}.attn2.norm_k.weight",), "same")]
            plan += same(f"{x}.attn2.proj", f"{d}.attn2.to_out.0")
        plan += same(f"{x}.adaLN_modulation.1", f"{d}.norm1.linear")
        plan += same(f"{x}.mlp.fc1", f"{d}.ff.net.0.proj")
        plan += same(f"{x}.mlp.fc2", f"{d}.ff.net.2")
        if i == last:
            plan += same(f"{c}.adaLN_modulation.1", f"{d}.norm1_context.linear", "swap")
        else:
            plan += same(f"{c}.adaLN_modulation.1", f"{d}.norm1_context.linear")
            plan += same(f"{c}.attn.proj", f"{d}.attn.to_add_out")
            plan += same(f"{c}.mlp.fc1", f"{d}.ff_context.net.0.proj")
            plan += same(f"{c}.mlp.fc2", f"{d}.ff_context.net.2")
    plan += same("final_layer.linear", "proj_out")
    plan += same("final_layer.adaLN_modulation.1", "norm_out.linear", "swap")
    return plan


def same(original: str, diffusers: str, transform: str = "same") -> list[Entry]:
    return [Entry(f"{original}.{p}", (f"{diffusers}.{p}",), transform) for p in ("weight", "bias")]


def fused(original: str, module: str, names: tuple[str, str, str]) -> list[Entry]:
    return [Entry(f"{original}.{p}", tuple(f"{module}.{n}.{p}" for n in names), "qkv") for p in ("weight", "bias")]


def swap_halves(t: torch.Tensor) -> torch.Tensor:
    a, b = t.chunk(2, dim=0)
    return torch.cat([b, a], dim=0)


def from_original(plan: list[Entry], get: Callable[[str], torch.Tensor]) -> Iterator[tuple[str, torch.Tensor]]:
    """(diffusers name, tensor) for every entry, reading ``get(original name)`` once each."""
    for e in plan:
        t = get(e.original)
        if e.transform == "qkv":
            yield from zip(e.diffusers, t.chunk(3, dim=0))
        elif e.transform == "swap":
            yield e.diffusers[0], swap_halves(t)
        else:
            yield e.diffusers[0], t


def to_original(plan: list[Entry], state: dict[str, torch.Tensor], prefix: str = PREFIX) -> dict[str, torch.Tensor]:
    """The original layout of a diffusers ``state`` (the same table, backwards)."""
    out = {}
    for e in plan:
        parts = [state[name] for name in e.diffusers]
        t = torch.cat(parts, dim=0) if e.transform == "qkv" else parts[0]
        out[prefix + e.original] = swap_halves(t) if e.transform == "swap" else t
    return out


def original_keys(ckpt: Checkpoint) -> tuple[str, list[str]]:
    """(prefix, the transformer's keys without it): with the prefix present, only
    keys under it are the transformer's (a release file also holds the VAE, and
    maybe the text encoders)."""
    names = ckpt.keys()
    if any(k.startswith(PREFIX) for k in names):
        return PREFIX, [k[len(PREFIX) :] for k in names if k.startswith(PREFIX)]
    return "", list(names)


def infer_config(shape: Callable[[str], tuple[int, ...]], keys: list[str], sample_size: int = 128) -> MMDiTConfig:
    """The config of an original-layout checkpoint from its tensor names and shapes."""
    blocks = {int(m.group(1)) for k in keys if (m := re.match(r"joint_blocks\.(\d+)\.", k))}
    if not blocks or "context_embedder.weight" not in keys:
        raise ValueError("not an SD3 checkpoint in the original layout: no joint_blocks.N or context_embedder")
    layers = max(blocks) + 1
    width, joint = shape("context_embedder.weight")
    _, channels, patch, _ = shape("x_embedder.proj.weight")
    table = shape("pos_embed")[1]
    max_size = math.isqrt(table)
    if max_size * max_size != table:
        raise ValueError(f"pos_embed has {table} rows, not a square grid")
    qk_norm = "rms_norm" if any(".ln_q." in k for k in keys) else None
    dual = tuple(sorted({int(k.split(".")[1]) for k in keys if ".attn2." in k}))
    return MMDiTConfig(
        sample_size=sample_size,
        patch_size=patch,
        in_channels=channels,
        num_layers=layers,
        attention_head_dim=width // layers,
        num_attention_heads=layers,
        joint_attention_dim=joint,
        caption_projection_dim=width,
        pooled_projection_dim=shape("y_embedder.mlp.0.weight")[1],
        out_channels=shape("final_layer.linear.weight")[0] // (patch * patch),
        pos_embed_max_size=max_size,
        dual_attention_layers=dual,
        qk_norm=qk_norm,
    )


def open_original(path: Path, sample_size: int = 128) -> tuple[MMDiTConfig, Iterator[tuple[str, torch.Tensor]]]:
    """Config and diffusers-named tensors (streamed) of an original-layout file;
    a transformer key the mapping does not know, or one it needs and the file
    lacks, is an error naming it."""
    ckpt = open_checkpoint(path)
    prefix, keys = original_keys(ckpt)
    cfg = infer_config(lambda k: ckpt.info(prefix + k).shape, keys, sample_size)
    plan = key_plan(cfg)
    wanted = {e.original for e in plan}
    unknown, missing = sorted(set(keys) - wanted), sorted(wanted - set(keys))
    if unknown or missing:
        raise ValueError(f"{path}: original-layout keys not in the SD3 mapping: {unknown[:5]}; missing: {missing[:5]}")
    return cfg, from_original(plan, lambda k: ckpt.get(prefix + k))


def open_diffusers(folder: Path) -> tuple[MMDiTConfig, Iterator[tuple[str, torch.Tensor]]]:
    """Config and tensors (streamed) of a diffusers transformer folder."""
    config, tensors = read_folder(folder)
    return MMDiTConfig.from_dict(config), tensors


def open_transformer(path: str | Path, sample_size: int = 128) -> tuple[MMDiTConfig, Iterator[tuple[str, torch.Tensor]]]:
    """A diffusers folder (with config.json), or a single file in the original layout."""
    path = Path(path)
    folder = transformer_folder(path)
    if folder is not None:
        return open_diffusers(folder)
    if path.is_file():
        return open_original(path, sample_size)
    raise FileNotFoundError(f"{path}: neither a diffusers transformer folder (config.json) nor a .safetensors file")


def load_transformer(path: str | Path, dtype: torch.dtype = torch.float32, sample_size: int = 128) -> SD3Transformer2DModel:
    """The model of a diffusers folder or an original-layout file, loaded with
    ``load_state_dict(strict=True)``, in ``dtype``, in eval mode."""
    cfg, tensors = open_transformer(path, sample_size)
    return materialize(SD3Transformer2DModel.from_config(cfg, device="meta"), tensors, dtype)


def save_diffusers(model: SD3Transformer2DModel, folder: str | Path, max_shard_bytes: int | None = None) -> None:
    """A diffusers transformer folder: config.json and the weights (sharded past ``max_shard_bytes``)."""
    config = {"_class_name": "SD3Transformer2DModel", **model.config.to_dict()}
    write_folder(folder, config, model.state_dict(), max_shard_bytes)


def save_original(model: SD3Transformer2DModel, path: str | Path, prefix: str = PREFIX, extra: dict | None = None) -> None:
    """A single file in the original layout (``extra``: other tensors to store beside, e.g. a VAE's)."""
    state = {k: v.contiguous() for k, v in to_original(key_plan(model.config), model.state_dict(), prefix).items()}
    save_file({**state, **(extra or {})}, path)
