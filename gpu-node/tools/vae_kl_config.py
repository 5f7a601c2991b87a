"""The decode path's part of a diffusers ``AutoencoderKL`` config.json.

Keys and defaults as ``AutoencoderKL.__init__`` (diffusers
src/diffusers/models/autoencoders/autoencoder_kl.py) registers them: a key a
config leaves out takes diffusers' default, as ``from_pretrained`` does. Only
what the decoder, ``post_quant_conv`` and the pipeline's latent scaling read is
kept; the encoder's keys (``in_channels``, ``down_block_types``) and
``sample_size`` are not read. A value this decoder does not implement is an
error naming the key and the file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

#: AutoencoderKL.__init__'s defaults for the keys read here.
DEFAULTS = {
    "out_channels": 3,
    "up_block_types": ["UpDecoderBlock2D"],
    "block_out_channels": [64],
    "layers_per_block": 1,
    "act_fn": "silu",
    "latent_channels": 4,
    "norm_num_groups": 32,
    "scaling_factor": 0.18215,
    "shift_factor": None,
    "latents_mean": None,
    "latents_std": None,
    "force_upcast": True,
    "use_post_quant_conv": True,
    "mid_block_add_attention": True,
}


@dataclass(frozen=True)
class VaeConfig:
    """What decodes latents: diffusers' names; ``shift_factor`` is 0.0 where the config has none (SDXL)."""

    latent_channels: int
    out_channels: int
    block_out_channels: tuple[int, ...]
    layers_per_block: int
    norm_num_groups: int
    scaling_factor: float
    shift_factor: float
    use_post_quant_conv: bool
    mid_block_add_attention: bool
    force_upcast: bool

    @property
    def scale_factor(self) -> int:
        """Image pixels per latent pixel: one nearest ×2 upsampling per block but the last."""
        return 2 ** (len(self.block_out_channels) - 1)


def parse_config(raw: dict, source: str) -> VaeConfig:
    """The decoder's config from a parsed config.json; errors name ``source`` and the key."""
    if not isinstance(raw, dict):
        raise ValueError(f"{source}: not a JSON object")
    cls = raw.get("_class_name", "AutoencoderKL")
    if cls != "AutoencoderKL":
        raise ValueError(f"{source}: _class_name is {cls!r}, want 'AutoencoderKL'")
    c = {**DEFAULTS, **{k: v for k, v in raw.items() if k in DEFAULTS}}

    def positive_int(key: str, value) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{source}: {key} is {value!r}, want a positive integer")
        return value

    blocks = c["block_out_channels"]
    if not isinstance(blocks, list) or not blocks:
        raise ValueError(f"{source}: block_out_channels is {blocks!r}, want a non-empty list")
    blocks = tuple(positive_int(f"block_out_channels[{i}]", b) for i, b in enumerate(blocks))
    ups = c["up_block_types"]
    if not isinstance(ups, list) or len(ups) != len(blocks):
        raise ValueError(f"{source}: up_block_types is {ups!r}, want one per block_out_channels ({len(blocks)})")
    for i, kind in enumerate(ups):
        if kind != "UpDecoderBlock2D":
            raise ValueError(f"{source}: up_block_types[{i}] is {kind!r}; only 'UpDecoderBlock2D' is supported")
    if c["act_fn"] not in ("silu", "swish"):  # diffusers' get_activation: both are SiLU
        raise ValueError(f"{source}: act_fn is {c['act_fn']!r}; only 'silu' is supported")
    groups = positive_int("norm_num_groups", c["norm_num_groups"])
    for i, b in enumerate(blocks):
        if b % groups:
            raise ValueError(f"{source}: block_out_channels[{i}] = {b} is not a multiple of norm_num_groups {groups}")
    if positive_int("out_channels", c["out_channels"]) != 3:
        raise ValueError(f"{source}: out_channels is {c['out_channels']}; the decoder stage takes RGB (3)")
    for key in ("latents_mean", "latents_std"):
        if c[key] is not None:
            raise ValueError(f"{source}: {key} is set; per-channel latent statistics are not supported")
    return VaeConfig(
        latent_channels=positive_int("latent_channels", c["latent_channels"]),
        out_channels=3,
        block_out_channels=blocks,
        layers_per_block=positive_int("layers_per_block", c["layers_per_block"]),
        norm_num_groups=groups,
        scaling_factor=number(source, "scaling_factor", c["scaling_factor"], positive=True),
        shift_factor=0.0 if c["shift_factor"] is None else number(source, "shift_factor", c["shift_factor"]),
        use_post_quant_conv=flag(source, "use_post_quant_conv", c["use_post_quant_conv"]),
        mid_block_add_attention=flag(source, "mid_block_add_attention", c["mid_block_add_attention"]),
        force_upcast=flag(source, "force_upcast", c["force_upcast"]),
    )


def number(source: str, key: str, value, positive: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (positive and value <= 0):
        raise ValueError(f"{source}: {key} is {value!r}, want a {'positive ' if positive else ''}number")
    return float(value)


def flag(source: str, key: str, value) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{source}: {key} is {value!r}, want true or false")
    return value


def read_config(folder: Path) -> VaeConfig:
    """``folder/config.json`` parsed and checked."""
    path = folder / "config.json"
    try:
        raw = json.loads(path.read_text())
    except FileNotFoundError:
        raise ValueError(f"{path}: missing (a diffusers vae/ folder holds config.json)") from None
    except json.JSONDecodeError as e:
        raise ValueError(f"{path}: not JSON ({e})") from None
    return parse_config(raw, str(path))
