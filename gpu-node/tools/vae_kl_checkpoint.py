"""Loading the decode path of a diffusers ``AutoencoderKL`` folder (a pipeline's ``vae/``).

The folder is ``config.json`` plus ``diffusion_pytorch_model.safetensors`` (or its
shards and their index; a folder holding only the ``.fp16`` variant is read too). The
file is the whole autoencoder: ``encoder.*`` and ``quant_conv.*`` are the encode path
and are skipped unread; every other tensor must be a decode-path parameter
(``post_quant_conv.*``, ``decoder.*``) of the config's shape, each exactly once, and
none may be missing. Checkpoints saved before diffusers renamed the mid-block
attention name it ``query`` / ``key`` / ``value`` / ``proj_attn``; they are renamed
as diffusers' ``ModelMixin._fix_state_dict_keys_on_load`` does
(src/diffusers/models/modeling_utils.py). Tensors are read one at a time from the
memory-mapped file into the module's own storage (built on the meta device, given
storage once), so the checkpoint is never in memory twice.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Iterator

import torch

from safetensors_io import open_checkpoint
from vae_kl import AutoencoderKLDecoder
from vae_kl_config import VaeConfig, read_config

WEIGHTS = "diffusion_pytorch_model.safetensors"
#: Weight files of a diffusers model folder, in the order diffusers prefers them.
CANDIDATES = [WEIGHTS, f"{WEIGHTS[: -len('.safetensors')]}.safetensors.index.json", "diffusion_pytorch_model.fp16.safetensors"]
#: The encode path's tensors, present in a full AutoencoderKL file and never read.
ENCODE_PATH = ("encoder.", "quant_conv.")
#: The mid-block attention's old names -> diffusers' current ones.
DEPRECATED_ATTENTION = re.compile(r"^(decoder\.mid_block\.attentions\.\d+)\.(query|key|value|proj_attn)\.(weight|bias)$")
RENAMES = {"query": "to_q", "key": "to_k", "value": "to_v", "proj_attn": "to_out.0"}


def vae_folder(path: Path) -> Path:
    """``path`` when it holds config.json, else its ``vae/`` (a pipeline folder); else an error naming it."""
    for folder in (path, path / "vae"):
        if (folder / "config.json").is_file():
            return folder
    raise ValueError(f"{path}: neither it nor its vae/ holds a config.json (a diffusers AutoencoderKL folder)")


def weights_path(folder: Path) -> Path:
    """The folder's weight file (or shard index), as ``CANDIDATES`` orders them; else the folder itself."""
    for name in CANDIDATES:
        if (folder / name).is_file():
            return folder / name
    return folder  # open_checkpoint names what it finds there


def current_name(name: str) -> str:
    """``name`` with an old mid-block attention name replaced by diffusers' current one."""
    m = DEPRECATED_ATTENTION.match(name)
    return f"{m[1]}.{RENAMES[m[2]]}.{m[3]}" if m else name


def decoder_tensors(
    tensors: Iterable[tuple[str, torch.Tensor]], shapes: dict[str, tuple[int, ...]], source: str
) -> Iterator[tuple[str, torch.Tensor]]:
    """The decode path's tensors of ``tensors`` under current names, checked against
    ``shapes`` (the module's state dict) as they stream; errors name ``source`` and the tensor."""
    seen: dict[str, str] = {}
    for stored, t in tensors:
        if stored.startswith(ENCODE_PATH):
            continue
        name = current_name(stored)
        if name not in shapes:
            raise ValueError(f"{source}: tensor {stored!r} is neither a decode-path parameter nor part of the encoder")
        if name in seen:
            raise ValueError(f"{source}: tensors {seen[name]!r} and {stored!r} are both {name!r}")
        if tuple(t.shape) != shapes[name]:
            raise ValueError(f"{source}: tensor {stored!r} has shape {list(t.shape)}, the config gives {list(shapes[name])}")
        seen[name] = stored
        yield name, t
    missing = sorted(set(shapes) - set(seen))
    if missing:
        raise ValueError(f"{source}: {len(missing)} decode-path tensors missing, e.g. {missing[:5]}")


def load_decoder(path: Path) -> tuple[VaeConfig, AutoencoderKLDecoder]:
    """The config and the fp32 decode path (eval mode) of the AutoencoderKL folder at ``path`` (or its ``vae/``)."""
    folder = vae_folder(Path(path))
    cfg = read_config(folder)
    model = AutoencoderKLDecoder(cfg, device="meta").to_empty(device="cpu")
    params = model.state_dict()
    source = weights_path(folder)
    ckpt = open_checkpoint(source)
    shapes = {k: tuple(v.shape) for k, v in params.items()}
    with torch.no_grad():
        for name, t in decoder_tensors(((k, ckpt.get(k)) for k in ckpt.keys()), shapes, str(source)):
            if not t.is_floating_point():
                raise ValueError(f"{source}: tensor {name!r} is {t.dtype}, want a floating-point type")
            params[name].copy_(t)
    return cfg, model.eval()
