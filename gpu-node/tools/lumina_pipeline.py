"""The parts of a Lumina-Next model directory taken from the diffusers pipeline folder
(``Alpha-VLLM/Lumina-Next-SFT-diffusers``'s layout): the Gemma entry of ``stages.text``,
the tokenizer (copied), the scheduler's shift and the VAE's sizes, each read from the
folder's own config files and checked against the transformer
(docs/model-contract.md, "Lumina-Next in latent space").
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from lumina_next import LuminaNextConfig
from sd3_pipeline import field, link_or_copy, read_json

#: diffusers' LuminaText2ImgPipeline: max_sequence_length 256, lowercased prompts, Gemma's
#: tokenizer padded to a multiple of 8 of the prompt's length.
TEXT_LENGTH, PAD_TO_MULTIPLE_OF = 256, 8
TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json")


def text_entry(root: Path, cfg: LuminaNextConfig) -> dict:
    """``stages.text[0]``: Gemma's penultimate hidden state (``hidden_states.{N−1}``)."""
    config_path = root / "text_encoder" / "config.json"
    config = read_json(config_path)
    layers = field(config, "num_hidden_layers", config_path)
    hidden = field(config, "hidden_size", config_path)
    if hidden != cfg.cross_attention_dim:
        raise ValueError(f"{config_path}: hidden_size {hidden} ≠ the transformer's cross_attention_dim {cfg.cross_attention_dim}")
    return {
        "name": "gemma", "tokenizer": "tokenizer", "encoder": "text_encoder/model.onnx", "length": TEXT_LENGTH,
        "hidden": f"hidden_states.{layers - 1}", "hidden_dim": hidden, "pooled": None, "pooled_dim": 0,
        "mask": "attention_mask", "pad_to_multiple_of": PAD_TO_MULTIPLE_OF, "lowercase": True,
    }  # fmt: skip


def scheduler_shift(root: Path) -> float:
    """FlowMatchEulerDiscreteScheduler's ``shift`` (scheduler/scheduler_config.json), 1.0 when absent."""
    path = root / "scheduler" / "scheduler_config.json"
    shift = read_json(path).get("shift", 1.0) if path.is_file() else 1.0
    if not isinstance(shift, (int, float)) or shift <= 0:
        raise ValueError(f"{path}: shift {shift!r} is not a positive number")
    return float(shift)


def vae_config(root: Path, cfg: LuminaNextConfig) -> dict:
    """The VAE's config.json, its latent channels checked against the transformer's."""
    path = root / "vae" / "config.json"
    config = read_json(path)
    channels = field(config, "latent_channels", path)
    if channels != cfg.in_channels:
        raise ValueError(f"{path}: latent_channels {channels} ≠ the transformer's in_channels {cfg.in_channels}")
    return config


def vae_scale(config: dict) -> int:
    """Pixels per latent pixel: 2^(blocks − 1), diffusers' ``vae_scale_factor``."""
    return 2 ** (len(config["block_out_channels"]) - 1)


def decoder_entry(exported: dict, file: str) -> dict:
    """``stages.decoder`` of the exported VAE decoder ``file`` (optimum's I/O names), from the
    constants export_vae_decoder returned."""
    return {
        "file": file, "input": "latent_sample", "output": "sample",
        "scaling_factor": exported["scaling_factor"], "shift_factor": exported["shift_factor"],
        "scale_factor": exported["scale_factor"],
    }  # fmt: skip


def copy_tokenizer(root: Path, out: Path) -> None:
    """``tokenizer/``: the tokenizer.json and its configs (a slow tokenizer.model is not read)."""
    src, dst = root / "tokenizer", out / "tokenizer"
    if not (src / "tokenizer.json").is_file():
        raise FileNotFoundError(f"{src / 'tokenizer.json'}: missing (Gemma's fast tokenizer)")
    shutil.rmtree(dst, ignore_errors=True)
    dst.mkdir(parents=True)
    for name in TOKENIZER_FILES:
        if (src / name).is_file():
            link_or_copy(str(src / name), str(dst / name))


def vocabulary_size(out: Path) -> int:
    """The tokenizer.json's vocabulary size (model.vocab: a dict for BPE)."""
    vocab = json.loads((out / "tokenizer" / "tokenizer.json").read_text()).get("model", {}).get("vocab")
    if not isinstance(vocab, (dict, list)):
        raise ValueError(f"{out / 'tokenizer' / 'tokenizer.json'}: no model.vocab")
    return len(vocab)
