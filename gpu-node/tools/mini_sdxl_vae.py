"""A miniature SDXL VAE as a diffusers ``vae/`` folder, for the Lumina-Next converter and
the node's decoder stage tests.

SDXL's VAE shape at a few KB: ``AutoencoderKL`` with 4 latent channels, four
``block_out_channels`` (so one latent pixel is 8×8 pixels, as SDXL's), one resnet per
encoder block (two per decoder block), the mid-block attention, ``scaling_factor``
0.13025, ``force_upcast``, no ``shift_factor``. It writes, as ``save_pretrained`` lays a
``vae/`` folder out:

- ``config.json``: AutoencoderKL's keys;
- ``diffusion_pytorch_model.safetensors``: the FULL AutoencoderKL key set (a tiny
  ``encoder.*`` and ``quant_conv`` too, which a decode-only loader must skip), random
  seeded weights stored in fp16: PyTorch's default init with the GroupNorm affines drawn
  around (1, 0), so the output spans about [−1, 1] (std ≈ 0.5 for the sampler's latents)
  and one latent pixel moves the pixels around it most (every pixel a little: the
  GroupNorms and the attention are global, as in SDXL's VAE).

With ``--export DIR`` it also exports the decoder (export_vae_decoder.py) into ``DIR``
and writes ``DIR/golden.json``: a fixed latent ``z`` (the sampler's, before scaling)
and PyTorch's ``sample`` for ``z / scaling_factor``, as diffusers' Lumina pipeline
decodes.

    /usr/bin/python3 gpu-node/tools/mini_sdxl_vae.py --out test/fixtures/lumina-mini/vae \\
        --export test/fixtures/lumina-mini/vae/onnx
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import torch
from torch import nn

from export_vae_decoder import export_vae_decoder
from safetensors_io import save_file
from vae_kl import AutoencoderKLDecoder, ResnetBlock2D, UNetMidBlock2D
from vae_kl_checkpoint import load_decoder
from vae_kl_config import parse_config

BLOCKS = [4, 8, 8, 8]  # the last up block narrows 8 → 4: a conv_shortcut
GROUPS = 2  # 2 and 4 channels a group
LATENT_CHANNELS = 4
SCALING_FACTOR = 0.13025
GOLDEN_LATENT = (1, LATENT_CHANNELS, 2, 4)  # non-square, even sides (patch 2)
CONFIG = {
    "_class_name": "AutoencoderKL",
    "act_fn": "silu",
    "block_out_channels": BLOCKS,
    "down_block_types": ["DownEncoderBlock2D"] * len(BLOCKS),
    "force_upcast": True,
    "in_channels": 3,
    "latent_channels": LATENT_CHANNELS,
    "layers_per_block": 1,
    "norm_num_groups": GROUPS,
    "out_channels": 3,
    "sample_size": 64,
    "scaling_factor": SCALING_FACTOR,
    "up_block_types": ["UpDecoderBlock2D"] * len(BLOCKS),
}


class EncodePath(nn.Module):
    """The parameters of diffusers' ``Encoder`` (autoencoders/vae.py, ``DownEncoderBlock2D``,
    ``Downsample2D``'s ``conv``) and ``quant_conv``, for the file's key set: never run here."""

    def __init__(self, blocks: list[int], layers: int, groups: int, latent: int):
        super().__init__()
        enc = nn.Module()
        enc.conv_in = nn.Conv2d(3, blocks[0], 3, padding=1)
        enc.down_blocks = nn.ModuleList()
        for i, cout in enumerate(blocks):
            block = nn.Module()
            cin = blocks[max(i - 1, 0)]
            block.resnets = nn.ModuleList(ResnetBlock2D(cin if j == 0 else cout, cout, groups) for j in range(layers))
            if i < len(blocks) - 1:
                down = nn.Module()
                down.conv = nn.Conv2d(cout, cout, 3, stride=2)
                block.downsamplers = nn.ModuleList([down])
            enc.down_blocks.append(block)
        enc.mid_block = UNetMidBlock2D(blocks[-1], groups, True)
        enc.conv_norm_out = nn.GroupNorm(groups, blocks[-1])
        enc.conv_out = nn.Conv2d(blocks[-1], 2 * latent, 3, padding=1)
        self.encoder = enc
        self.quant_conv = nn.Conv2d(2 * latent, 2 * latent, 1)


def randomize(model: nn.Module) -> None:
    """GroupNorm affines drawn around (1, 0) (PyTorch starts them at exactly (1, 0))."""
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, nn.GroupNorm):
                m.weight.copy_(1 + 0.25 * torch.randn_like(m.weight))
                m.bias.copy_(0.1 * torch.randn_like(m.bias))


def build(seed: int) -> dict[str, torch.Tensor]:
    """The full AutoencoderKL state dict, random and seeded, in fp16."""
    torch.manual_seed(seed)
    encode = EncodePath(BLOCKS, CONFIG["layers_per_block"], GROUPS, LATENT_CHANNELS)
    decode = AutoencoderKLDecoder(parse_config(CONFIG, "mini_sdxl_vae.CONFIG"))
    randomize(encode)
    randomize(decode)
    return {k: v.half() for m in (encode, decode) for k, v in m.state_dict().items()}


def golden(model: AutoencoderKLDecoder, seed: int) -> dict:
    z = torch.randn(GOLDEN_LATENT, generator=torch.Generator().manual_seed(seed))
    with torch.no_grad():
        sample = model(z / SCALING_FACTOR)
    return {
        "note": "sample = AutoencoderKL.decode(z / scaling_factor).sample; z is what the sampler ends with",
        "z": {"dims": list(z.shape), "data": [round(v, 7) for v in z.flatten().tolist()]},
        "sample": {"dims": list(sample.shape), "data": [round(v, 7) for v in sample.flatten().tolist()]},
    }


def write_fixture(out: Path, export: Path | None, seed: int) -> dict | None:
    """Writes the ``vae/`` folder to ``out``; with ``export``, the decoder exported there
    with ``golden.json`` (PyTorch's, from the folder as written); returns the export's result."""
    state = build(seed)
    out.mkdir(parents=True, exist_ok=True)
    (out / "config.json").write_text(json.dumps(CONFIG, indent=2) + "\n")
    save_file(state, out / "diffusion_pytorch_model.safetensors", metadata={"format": "pt"})
    if export is None:
        return None
    result = export_vae_decoder(out, export)
    _, model = load_decoder(out)
    (export / "golden.json").write_text(json.dumps(golden(model, seed + 1)) + "\n")
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="the vae/ folder to write")
    ap.add_argument("--export", type=Path, help="also export the decoder here, with golden.json")
    ap.add_argument("--seed", type=int, default=20)
    args = ap.parse_args()
    result = write_fixture(args.out, args.export, args.seed)
    print(f"wrote {args.out}" + (f" and {args.export}: {json.dumps(result)}" if args.export else ""))


if __name__ == "__main__":
    main()
