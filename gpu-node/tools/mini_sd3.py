"""Tiny SD3 / SD3.5 transformer checkpoints in the real layouts, for the converter's
tests: ``test/fixtures/sd3-mini/``.

- ``transformer/``: a 2-layer SD3 transformer in diffusers' layout, config.json
  with diffusers' keys and fp16 weights in two shards with their index;
- ``sd3_mini.safetensors``: the same weights in Stability's single-file layout
  (``model.diffusion_model.`` prefix, fused qkv, swapped final halves) beside a few
  ``first_stage_model.`` tensors a converter must skip;
- ``sd35/transformer/``: SD3.5-medium style (rms qk-norm, MMDiT-X ``attn2`` in block 0).

Sizes fit the "text" helper's mini encoders: joint_attention_dim 64, pooled 32
(CLIP-L 16 + CLIP-G 16).

    /usr/bin/python3 gpu-node/tools/mini_sd3.py [--out test/fixtures/sd3-mini]
    /usr/bin/python3 gpu-node/tools/mini_sd3.py --sd3-medium-layers 24 --out /tmp/sd3m  # memory checks
    /usr/bin/python3 gpu-node/tools/mini_sd3.py --bench --out DIR   # the bench's miniature-width model
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import torch

from mmdit import SD3_MEDIUM, MMDiTConfig, SD3Transformer2DModel
from mmdit_checkpoint import save_diffusers, save_original
from random_folder import write_random

ROOT = Path(__file__).resolve().parents[2]
MINI = MMDiTConfig(
    sample_size=16,
    patch_size=2,
    in_channels=16,
    num_layers=2,
    attention_head_dim=8,
    num_attention_heads=2,
    joint_attention_dim=64,
    caption_projection_dim=16,
    pooled_projection_dim=32,
    out_channels=16,
    pos_embed_max_size=16,
)
#: The bench's "miniature width" SD3 (bench section sd3): 1024 latent tokens (a 32×32 grid at
#: patch 2), width 256 in 4 heads of 64, 4 layers; text sizes fit the committed mini encoders.
BENCH = MMDiTConfig(**{**MINI.to_dict(), "sample_size": 64, "num_layers": 4, "attention_head_dim": 64,
                       "num_attention_heads": 4, "caption_projection_dim": 256, "pos_embed_max_size": 32})  # fmt: skip
MINI_35 = MMDiTConfig(**{**MINI.to_dict(), "qk_norm": "rms_norm", "dual_attention_layers": (0,)})


def mini_model(cfg: MMDiTConfig, seed: int) -> SD3Transformer2DModel:
    """Random weights in fp16, as the released checkpoints store them."""
    model = SD3Transformer2DModel.from_config(cfg)
    model.randomize(seed)
    return model.half().eval()


def shard_bytes(model: torch.nn.Module) -> int:
    """Three fifths of the state dict's bytes: two shards, as a large checkpoint has several."""
    return sum(t.numel() * t.element_size() for t in model.state_dict().values()) * 3 // 5


def write_minis(out: Path) -> None:
    # Only this tool's files: optimum/ beside them is the text and VAE tools'.
    for part in (out / "transformer", out / "sd35"):
        shutil.rmtree(part, ignore_errors=True)
    sd3 = mini_model(MINI, seed=3)
    save_diffusers(sd3, out / "transformer", max_shard_bytes=shard_bytes(sd3))
    vae = {"first_stage_model.decoder.conv_in.weight": torch.ones(4, 16, 1, 1, dtype=torch.float16),
           "first_stage_model.decoder.conv_in.bias": torch.zeros(4, dtype=torch.float16)}  # fmt: skip
    save_original(sd3, out / "sd3_mini.safetensors", extra=vae)
    sd35 = mini_model(MINI_35, seed=35)
    save_diffusers(sd35, out / "sd35" / "transformer", max_shard_bytes=shard_bytes(sd35))



def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "test" / "fixtures" / "sd3-mini")
    ap.add_argument("--sd3-medium-layers", type=int, metavar="L", help="instead: a random SD3-medium-width folder of L layers")
    ap.add_argument("--bench", action="store_true", help="instead: a random folder of the bench's miniature-width config")
    args = ap.parse_args()
    if args.bench:
        write_random(SD3Transformer2DModel, BENCH, args.out, seed=1)
    elif args.sd3_medium_layers:
        cfg = MMDiTConfig(**{**SD3_MEDIUM.to_dict(), "num_layers": args.sd3_medium_layers, "dual_attention_layers": ()})
        write_random(SD3Transformer2DModel, cfg, args.out, seed=0)
    else:
        write_minis(args.out)


if __name__ == "__main__":
    main()
