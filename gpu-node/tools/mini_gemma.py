"""A miniature random Gemma text side in the layout a Lumina-Next pipeline folder holds it.

    /usr/bin/python3 gpu-node/tools/mini_gemma.py --out DIR

writes ``DIR/text_encoder/`` (transformers' ``config.json`` with ``model_type: "gemma"``
and ``architectures: ["GemmaModel"]``, ``model.safetensors`` under GemmaModel's keys, fp32
as the Lumina-Next-SFT-diffusers folder stores it) and ``DIR/tokenizer/``
(mini_gemma_tokenizer.py). The model: hidden 16, 3 layers, 2 query heads over 1 K/V head
of 8, MLP 32, the tokenizer's vocabulary; seeded, so the files are the same every run
(test/fixtures/lumina-mini/ holds them).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import torch

from gemma import GemmaConfig, GemmaModel
from mini_gemma_tokenizer import write_tokenizer
from safetensors_io import save_file

SIZES = {"hidden_size": 16, "intermediate_size": 32, "num_hidden_layers": 3, "num_attention_heads": 2, "num_key_value_heads": 1, "head_dim": 8}


def config_json(vocab_size: int, sizes: dict) -> dict:
    """The keys transformers' GemmaConfig saves (google/gemma-2b's, with its ``"hidden_act": "gelu"``)."""
    return {
        "architectures": ["GemmaModel"], "attention_bias": False, "attention_dropout": 0.0,
        "bos_token_id": 2, "eos_token_id": 1, "hidden_act": "gelu", "initializer_range": 0.02,
        "max_position_embeddings": 8192, "model_type": "gemma", "pad_token_id": 0, "rms_norm_eps": 1e-06,
        "rope_scaling": None, "rope_theta": 10000.0, "torch_dtype": "float32", "transformers_version": "4.41.2",
        "use_cache": True, "vocab_size": vocab_size, **sizes,
    }  # fmt: skip


def random_state(cfg: GemmaConfig, seed: int) -> dict[str, torch.Tensor]:
    """GemmaModel's state dict, random: linears ~ N(0, 1/fan_in), norms ~ N(0, 0.3²) (so 1 + w matters)."""
    gen = torch.Generator().manual_seed(seed)
    state = {}
    for name, p in GemmaModel(cfg, device="meta").state_dict().items():
        if name.endswith("norm.weight"):
            state[name] = torch.randn(p.shape, generator=gen) * 0.3
        elif name == "embed_tokens.weight":
            state[name] = torch.randn(p.shape, generator=gen)
        else:
            state[name] = torch.randn(p.shape, generator=gen) * p.shape[1] ** -0.5
    return state


def write_mini_gemma(out: Path, seed: int = 0, sizes: dict | None = None) -> GemmaConfig:
    """Writes ``out/text_encoder/`` and ``out/tokenizer/``; returns the model's config."""
    vocab_size = write_tokenizer(out / "tokenizer")
    config = config_json(vocab_size, sizes or SIZES)
    cfg = GemmaConfig.from_json(config, "mini_gemma")
    folder = out / "text_encoder"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    save_file(random_state(cfg, seed), folder / "model.safetensors", metadata={"format": "pt"})
    return cfg


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True, help="the folder to write text_encoder/ and tokenizer/ into")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    cfg = write_mini_gemma(args.out, args.seed)
    print(f"{args.out}: Gemma {cfg.num_hidden_layers} layers, hidden {cfg.hidden_size}, vocabulary {cfg.vocab_size}")


if __name__ == "__main__":
    main()
