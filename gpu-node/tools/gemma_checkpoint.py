"""A Gemma ``text_encoder/`` folder: transformers' ``config.json`` and safetensors weights.

The folder is what ``save_pretrained`` writes: ``model.safetensors``, or shards and
``model.safetensors.index.json``. Two key layouts are read: ``GemmaModel``'s
(``embed_tokens.weight``, …: the Lumina-Next diffusers folder's ``text_encoder/``) and
``GemmaForCausalLM``'s (``model.embed_tokens.weight``, …, as google/gemma-2b ships it;
its ``lm_head.weight``, tied to the embeddings, is ignored). Strict: every missing and
unknown key is named, and shapes are checked from the headers before a tensor is read.
Tensors are streamed one at a time from the memory-mapped files (``safetensors_io``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

import torch

from gemma import GemmaConfig, GemmaModel
from safetensors_io import open_checkpoint

CAUSAL_PREFIX = "model."
#: GemmaForCausalLM's head: the embeddings transposed (tie_word_embeddings), not read.
IGNORED = ("lm_head.weight",)


def text_encoder_folder(path: str | Path) -> Path:
    """``path`` when it holds config.json, else its ``text_encoder/`` when that does."""
    path = Path(path)
    for folder in (path, path / "text_encoder"):
        if (folder / "config.json").is_file():
            return folder
    raise FileNotFoundError(f"{path}: no config.json, in it or in its text_encoder/ (want a transformers Gemma folder)")


def expected_shapes(cfg: GemmaConfig) -> dict[str, tuple[int, ...]]:
    """GemmaModel's state-dict names and shapes for ``cfg`` (built on the meta device: no memory)."""
    return {k: tuple(v.shape) for k, v in GemmaModel(cfg, device="meta").state_dict().items()}


def open_text_encoder(path: str | Path) -> tuple[GemmaConfig, dict[str, tuple[int, ...]], Iterator[tuple[str, torch.Tensor]]]:
    """The folder's config, GemmaModel's shapes, and its tensors under GemmaModel's names, streamed."""
    folder = text_encoder_folder(path)
    try:
        config = json.loads((folder / "config.json").read_text())
    except json.JSONDecodeError as e:
        raise ValueError(f"{folder / 'config.json'}: not JSON ({e})") from None
    cfg = GemmaConfig.from_json(config, str(folder / "config.json"))
    shapes = expected_shapes(cfg)
    ckpt = open_checkpoint(folder)
    names = model_names(list(ckpt.keys()), str(folder))
    check_keys(names, {name: tuple(ckpt.info(key).shape) for name, key in names.items()}, shapes, str(folder))
    return cfg, shapes, ((name, ckpt.get(key)) for name, key in names.items())


def model_names(keys: list[str], source: str) -> dict[str, str]:
    """GemmaModel name -> the file's key, for either layout (one layout per folder)."""
    causal = [k for k in keys if k.startswith(CAUSAL_PREFIX)]
    if not causal:
        return {k: k for k in keys}
    bare = [k for k in keys if not k.startswith(CAUSAL_PREFIX) and k not in IGNORED]
    if bare:
        raise ValueError(f"{source}: keys of both layouts (e.g. {causal[0]!r} and {bare[0]!r}): want GemmaModel's or GemmaForCausalLM's")
    return {k[len(CAUSAL_PREFIX) :]: k for k in causal}


def check_keys(names: dict[str, str], found: dict[str, tuple[int, ...]], shapes: dict[str, tuple[int, ...]], source: str) -> None:
    missing = sorted(set(shapes) - set(names))
    unknown = sorted(names[n] for n in set(names) - set(shapes))
    if missing or unknown:
        parts = [f"{len(missing)} missing: {missing[:8]}" if missing else "", f"{len(unknown)} unknown: {unknown[:8]}" if unknown else ""]
        raise ValueError(f"{source}: the weights do not match GemmaModel's keys for its config.json ({'; '.join(p for p in parts if p)})")
    for name, shape in found.items():
        if shape != shapes[name]:
            raise ValueError(f"{source}: tensor {names[name]!r} has shape {list(shape)}, config.json gives {list(shapes[name])}")


def load_text_encoder(path: str | Path) -> GemmaModel:
    """The folder's GemmaModel in fp32, in eval mode (the whole model in memory: for checks)."""
    cfg, _, tensors = open_text_encoder(path)
    model = GemmaModel(cfg, device="meta")
    model.to_empty(device="cpu")
    model.load_state_dict({name: t.float() for name, t in tensors}, strict=True)
    return model.eval()
