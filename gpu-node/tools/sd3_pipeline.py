"""The parts of an SD3 model directory taken from an ``optimum-cli export onnx`` folder:
tokenizers, text encoders and the VAE decoder, copied (hard-linked where the
filesystem allows) and described for the card (docs/model-contract.md, "SD3 in
latent space") from their own ``config.json`` and tokenizer configs.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import onnx

from mmdit import MMDiTConfig

CLIP = (("clip_l", "tokenizer", "text_encoder"), ("clip_g", "tokenizer_2", "text_encoder_2"))
T5 = ("t5", "tokenizer_3", "text_encoder_3")
DECODER = "vae_decoder"
#: diffusers' ``max_sequence_length`` default for T5 (its tokenizer allows 512).
T5_LENGTH = 256
CLIP_LENGTH = 77


def read_json(path: Path) -> dict:
    if not path.is_file():
        raise FileNotFoundError(f"{path}: missing (the optimum folder must hold it)")
    try:
        return json.loads(path.read_text())
    except json.JSONDecodeError as e:
        raise ValueError(f"{path}: not JSON: {e}") from e


def field(config: dict, key: str, path: Path):
    if key not in config:
        raise ValueError(f"{path}: no field {key!r}")
    return config[key]


def graph_io(path: Path) -> tuple[set[str], set[str]]:
    """Input and output names of an ONNX graph, its external weights not read."""
    if not path.is_file():
        raise FileNotFoundError(f"{path}: missing (the optimum folder must hold it)")
    g = onnx.load(str(path), load_external_data=False).graph
    return {i.name for i in g.input}, {o.name for o in g.output}


def expect_output(path: Path, name: str) -> None:
    if name not in graph_io(path)[1]:
        raise ValueError(f"{path}: no output {name!r}")


def token_length(folder: Path, default: int) -> int:
    """The tokenizer's ``model_max_length`` (tokenizer_config.json), else ``default``."""
    path = folder / "tokenizer_config.json"
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: missing tokenizer folder")
    config = json.loads(path.read_text()) if path.is_file() else {}
    length = config.get("model_max_length", default)
    return length if isinstance(length, int) and 0 < length < 1_000_000 else default


def clip_entry(root: Path, name: str, tokenizer: str, encoder: str) -> dict:
    config_path = root / encoder / "config.json"
    config = read_json(config_path)
    layers = field(config, "num_hidden_layers", config_path)
    hidden = f"hidden_states.{layers - 1}"
    expect_output(root / encoder / "model.onnx", hidden)
    expect_output(root / encoder / "model.onnx", "text_embeds")
    return {
        "name": name, "tokenizer": tokenizer, "encoder": f"{encoder}/model.onnx",
        "length": token_length(root / tokenizer, CLIP_LENGTH),
        "hidden": hidden, "hidden_dim": field(config, "hidden_size", config_path),
        "pooled": "text_embeds", "pooled_dim": field(config, "projection_dim", config_path),
    }  # fmt: skip


def t5_entry(root: Path, cfg: MMDiTConfig, use_t5: bool) -> dict:
    """T5's entry; without T5 (``--no-t5`` or no ``text_encoder_3/``) diffusers' zeros."""
    name, tokenizer, encoder = T5
    if not use_t5 or not (root / encoder).is_dir():
        return {"name": name, "tokenizer": None, "encoder": None, "length": T5_LENGTH,
                "hidden": None, "hidden_dim": cfg.joint_attention_dim, "pooled": None, "pooled_dim": 0}  # fmt: skip
    config_path = root / encoder / "config.json"
    d_model = field(read_json(config_path), "d_model", config_path)
    if d_model != cfg.joint_attention_dim:
        raise ValueError(f"{config_path}: d_model {d_model} ≠ the transformer's joint_attention_dim {cfg.joint_attention_dim}")
    expect_output(root / encoder / "model.onnx", "last_hidden_state")
    return {
        "name": name, "tokenizer": tokenizer, "encoder": f"{encoder}/model.onnx",
        "length": min(token_length(root / tokenizer, T5_LENGTH), T5_LENGTH),
        "hidden": "last_hidden_state", "hidden_dim": d_model, "pooled": None, "pooled_dim": 0,
    }  # fmt: skip


def text_entries(root: Path, cfg: MMDiTConfig, use_t5: bool) -> list[dict]:
    """``stages.text``: CLIP-L, CLIP-G, T5; their sizes checked against the transformer."""
    entries = [clip_entry(root, *names) for names in CLIP] + [t5_entry(root, cfg, use_t5)]
    if entries[0]["length"] != entries[1]["length"]:
        raise ValueError(
            f"{root}/tokenizer*/tokenizer_config.json: model_max_length {entries[0]['length']}"
            f" ≠ {entries[1]['length']} (CLIP-L and CLIP-G are joined token by token)"
        )
    clip_hidden = entries[0]["hidden_dim"] + entries[1]["hidden_dim"]
    if clip_hidden > cfg.joint_attention_dim:
        raise ValueError(
            f"{root}/text_encoder*/config.json: hidden_size {entries[0]['hidden_dim']} + {entries[1]['hidden_dim']}"
            f" > the transformer's joint_attention_dim {cfg.joint_attention_dim}"
        )
    pooled = entries[0]["pooled_dim"] + entries[1]["pooled_dim"]
    if pooled != cfg.pooled_projection_dim:
        raise ValueError(
            f"{root}/text_encoder*/config.json: projection_dim {entries[0]['pooled_dim']} + {entries[1]['pooled_dim']}"
            f" ≠ the transformer's pooled_projection_dim {cfg.pooled_projection_dim}"
        )
    return entries


def decoder_entry(root: Path, cfg: MMDiTConfig) -> dict:
    """``stages.decoder`` from the VAE decoder's config.json."""
    config_path = root / DECODER / "config.json"
    config = read_json(config_path)
    channels = field(config, "latent_channels", config_path)
    if channels != cfg.in_channels:
        raise ValueError(f"{config_path}: latent_channels {channels} ≠ the transformer's in_channels {cfg.in_channels}")
    inputs, outputs = graph_io(root / DECODER / "model.onnx")
    if "latent_sample" not in inputs or "sample" not in outputs:
        raise ValueError(f"{root / DECODER / 'model.onnx'}: want input 'latent_sample' and output 'sample'")
    return {
        "file": f"{DECODER}/model.onnx", "input": "latent_sample", "output": "sample",
        "scaling_factor": field(config, "scaling_factor", config_path),
        "shift_factor": config.get("shift_factor") or 0.0,
        "scale_factor": 2 ** (len(field(config, "block_out_channels", config_path)) - 1),
    }  # fmt: skip


def link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def copy_parts(root: Path, out: Path, entries: list[dict]) -> list[str]:
    """Copies the tokenizer and encoder folders the entries name, and the decoder's."""
    folders = [e[k] for e in entries for k in ("tokenizer", "encoder") if e[k]]
    folders = [f.split("/")[0] for f in folders] + [DECODER]
    for folder in folders:
        if (out / folder).exists():
            shutil.rmtree(out / folder)
        shutil.copytree(root / folder, out / folder, copy_function=link_or_copy)
    return folders
