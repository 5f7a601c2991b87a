"""A miniature Lumina-Next pipeline folder in diffusers' layout, for the converter's tests:
``test/fixtures/lumina-mini/``.

- ``model_index.json``: diffusers' ``LuminaText2ImgPipeline`` keys;
- ``transformer/``: a 2-layer NextDiT (hidden 16, 4 query heads of 4 over 2 K/V heads, qk-norm,
  learn_sigma, patch 2, 4 channels, sample_size 16) in diffusers' layout, fp16 weights (31 KB:
  the fixture's budget is a few hundred KB, Gemma and the VAE included);
- ``original/consolidated.00-of-01.safetensors``: the same weights in the Alpha-VLLM layout
  (lumina_keys.py: one ``wq`` for both attentions);
- ``scheduler/scheduler_config.json``: FlowMatchEulerDiscreteScheduler's;
- ``text_encoder/``, ``tokenizer/`` (a tiny Gemma) and ``vae/`` (a tiny SDXL-shaped VAE),
  written by their own generators (mini_gemma.py; mini_sdxl_vae.py, with its exported decoder
  and golden.json under ``vae/onnx/``), called from here so one command writes the whole folder.

    /usr/bin/python3 gpu-node/tools/mini_lumina.py [--out test/fixtures/lumina-mini]
    /usr/bin/python3 gpu-node/tools/mini_lumina.py --transformer-only --layers 8 --hidden 1152 --out DIR  # memory checks
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import torch

from lumina_checkpoint import save_diffusers, save_original
from lumina_next import LuminaNextConfig, LuminaNextDiT2DModel
from mini_gemma import write_mini_gemma
from mini_sdxl_vae import write_fixture as write_mini_vae
from random_folder import write_random

ROOT = Path(__file__).resolve().parents[2]
#: cross_attention_dim is the mini Gemma's hidden size.
MINI = LuminaNextConfig(
    sample_size=16, patch_size=2, in_channels=4, hidden_size=16, num_layers=2, num_attention_heads=4,
    num_kv_heads=2, multiple_of=16, learn_sigma=True, qk_norm=True, cross_attention_dim=16,
)  # fmt: skip
ORIGINAL = "original/consolidated.00-of-01.safetensors"
MODEL_INDEX = {
    "_class_name": "LuminaText2ImgPipeline",
    "_diffusers_version": "0.30.0",
    "scheduler": ["diffusers", "FlowMatchEulerDiscreteScheduler"],
    "text_encoder": ["transformers", "GemmaModel"],
    "tokenizer": ["transformers", "GemmaTokenizerFast"],
    "transformer": ["diffusers", "LuminaNextDiT2DModel"],
    "vae": ["diffusers", "AutoencoderKL"],
}
SCHEDULER = {"_class_name": "FlowMatchEulerDiscreteScheduler", "_diffusers_version": "0.30.0", "num_train_timesteps": 1000, "shift": 1.0}


def mini_model(cfg: LuminaNextConfig = MINI, seed: int = 20) -> LuminaNextDiT2DModel:
    """Random weights in fp16, the two queries equal (the original layout has one)."""
    model = LuminaNextDiT2DModel.from_config(cfg)
    model.randomize(seed)
    with torch.no_grad():
        for layer in model.layers:
            layer.attn2.to_q.weight.copy_(layer.attn1.to_q.weight)
            if layer.attn1.norm_q is not None:
                layer.attn2.norm_q.load_state_dict(layer.attn1.norm_q.state_dict())
    return model.half().eval()


def write_transformer(out: Path) -> None:
    """``transformer/``, ``original/``, ``scheduler/`` and ``model_index.json``."""
    for part in ("transformer", "original", "scheduler"):
        shutil.rmtree(out / part, ignore_errors=True)
    model = mini_model()
    save_diffusers(model, out / "transformer")
    (out / "original").mkdir(parents=True)
    save_original(model, out / ORIGINAL)
    (out / "scheduler").mkdir(parents=True)
    (out / "scheduler" / "scheduler_config.json").write_text(json.dumps(SCHEDULER, indent=2) + "\n")
    (out / "model_index.json").write_text(json.dumps(MODEL_INDEX, indent=2) + "\n")



def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "test" / "fixtures" / "lumina-mini")
    ap.add_argument("--transformer-only", action="store_true", help="instead: a random diffusers transformer folder (see below)")
    ap.add_argument("--layers", type=int, default=24, help="with --transformer-only: layers of a Lumina-Next-SFT-shaped model")
    ap.add_argument("--hidden", type=int, default=2304, help="with --transformer-only: its width (heads stay 32 / 8)")
    args = ap.parse_args()
    if args.transformer_only:
        cfg = LuminaNextConfig(num_layers=args.layers, hidden_size=args.hidden, num_kv_heads=8)
        write_random(LuminaNextDiT2DModel, cfg, args.out, seed=0)
        return
    write_transformer(args.out)
    write_mini_gemma(args.out)
    write_mini_vae(args.out / "vae", args.out / "vae" / "onnx", seed=20)


if __name__ == "__main__":
    main()
