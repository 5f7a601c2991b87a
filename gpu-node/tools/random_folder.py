"""A diffusers transformer folder with random fp16 weights, written one tensor at a time.

For full-size models (memory measurements, the GPU bench's checkpoints): the module is built
on the meta device for its names and shapes only, so nothing of the model is materialised.
Shared by ``mini_sd3.py`` and ``mini_lumina.py``.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import torch

from safetensors_io import Writer


def write_random(model_cls, cfg, folder: Path, seed: int) -> None:
    """``folder``/config.json (``_class_name`` = ``model_cls``'s name) and
    diffusion_pytorch_model.safetensors: every tensor of ``model_cls.from_config(cfg)``
    drawn from N(0, 1/fan_in) in fp16."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.json").write_text(json.dumps({"_class_name": model_cls.__name__, **cfg.to_dict()}, indent=2))
    shapes = {k: tuple(v.shape) for k, v in model_cls.from_config(cfg, device="meta").state_dict().items()}
    gen = torch.Generator().manual_seed(seed)
    with Writer(folder / "diffusion_pytorch_model.safetensors", {k: ("F16", s) for k, s in shapes.items()}) as w:
        for name in w.order:
            fan_in = shapes[name][1] if len(shapes[name]) > 1 else shapes[name][0]
            w.write(name, (torch.randn(shapes[name], generator=gen) / math.sqrt(fan_in)).half())
