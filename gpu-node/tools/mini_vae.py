"""A miniature VAE decoder in optimum's layout, for the node's decoder stage tests.

SD3's decoder maps 16 latent channels to RGB at 8× the latent grid. This one keeps its
I/O and constants at a few KB: 3×3 convolutions and three nearest ×2 upsamplings with
random deterministic weights, so one latent pixel reaches several latent pixels' worth of
output around it (receptive field ±4 latent pixels): what makes a latent edit's compositing
necessary. It writes, as ``optimum-cli export onnx`` lays out an SD3 pipeline's decoder:

- ``model.onnx``: ``latent_sample`` f32 [B, 16, h, w] → ``sample`` f32 [B, 3, 8h, 8w],
  B, h and w dynamic;
- ``config.json``: diffusers ``AutoencoderKL`` keys (``latent_channels`` 16,
  ``scaling_factor`` 1.5305, ``shift_factor`` 0.0609, four ``block_out_channels``: scale 8);
- ``golden.json``: one fixed latent ``z`` (the sampler's, before scaling) and PyTorch's
  ``sample`` for ``z / scaling_factor + shift_factor``.

    /usr/bin/python3 gpu-node/tools/mini_vae.py --out test/fixtures/sd3-mini/optimum/vae_decoder
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import torch
from torch import nn

from export import torchscript_export

LATENT_CHANNELS = 16
SCALING_FACTOR = 1.5305
SHIFT_FACTOR = 0.0609
BLOCKS = [8, 8, 8, 8]  # diffusers: scale factor 2 ** (len(block_out_channels) - 1) = 8
GOLDEN_LATENT = (1, LATENT_CHANNELS, 4, 6)  # non-square: a transposed axis shows


class MiniDecoder(nn.Module):
    """conv_in, then three (nearest ×2, conv, SiLU), then conv_out: 16 → 3 channels, 8× the grid."""

    def __init__(self, width: int = BLOCKS[0]):
        super().__init__()
        self.conv_in = nn.Conv2d(LATENT_CHANNELS, width, 3, padding=1)
        self.up = nn.ModuleList(nn.Conv2d(width, width, 3, padding=1) for _ in BLOCKS[1:])
        self.conv_out = nn.Conv2d(width, 3, 3, padding=1)

    def forward(self, latent_sample: torch.Tensor) -> torch.Tensor:
        h = torch.nn.functional.silu(self.conv_in(latent_sample))
        for conv in self.up:
            h = torch.nn.functional.silu(conv(torch.nn.functional.interpolate(h, scale_factor=2.0, mode="nearest")))
        return self.conv_out(h)


def build(seed: int, gain: float = 3.0) -> MiniDecoder:
    """Random weights, scaled from PyTorch's default init so the output spans about [−1, 1] as a VAE's does."""
    torch.manual_seed(seed)
    model = MiniDecoder().eval()
    with torch.no_grad():
        for conv in [model.conv_in, *model.up, model.conv_out]:
            conv.weight.mul_(gain)
    return model


def config(sample_size: int) -> dict:
    """The diffusers ``AutoencoderKL`` config keys a converter reads (SD3's values, tiny widths)."""
    return {
        "_class_name": "AutoencoderKL",
        "in_channels": 3,
        "out_channels": 3,
        "latent_channels": LATENT_CHANNELS,
        "block_out_channels": BLOCKS,
        "layers_per_block": 1,
        "down_block_types": ["DownEncoderBlock2D"] * len(BLOCKS),
        "up_block_types": ["UpDecoderBlock2D"] * len(BLOCKS),
        "scaling_factor": SCALING_FACTOR,
        "shift_factor": SHIFT_FACTOR,
        "sample_size": sample_size,
        "use_quant_conv": False,
        "use_post_quant_conv": False,
    }


def golden(model: MiniDecoder, seed: int) -> dict:
    z = torch.randn(GOLDEN_LATENT, generator=torch.Generator().manual_seed(seed))
    with torch.no_grad():
        sample = model(z / SCALING_FACTOR + SHIFT_FACTOR)
    return {
        "note": "sample = decoder(z / scaling_factor + shift_factor); z is what the sampler ends with",
        "z": {"dims": list(z.shape), "data": [round(v, 7) for v in z.flatten().tolist()]},
        "sample": {"dims": list(sample.shape), "data": [round(v, 7) for v in sample.flatten().tolist()]},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=18)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    model = build(args.seed)
    feeds = {"latent_sample": torch.randn(1, LATENT_CHANNELS, 3, 5)}
    dyn = {"latent_sample": {0: "batch", 2: "height", 3: "width"}, "sample": {0: "batch", 2: "h8", 3: "w8"}}
    torchscript_export(model, feeds, args.out / "model.onnx", ["latent_sample"], ["sample"], dyn)
    (args.out / "config.json").write_text(json.dumps(config(64), indent=2) + "\n")
    (args.out / "golden.json").write_text(json.dumps(golden(model, args.seed + 1)) + "\n")
    print(f"wrote {args.out}: model.onnx, config.json, golden.json")


if __name__ == "__main__":
    main()
