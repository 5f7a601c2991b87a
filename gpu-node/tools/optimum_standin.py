"""A stand-in for an ``optimum-cli export onnx`` SD3 folder, for the converter's tests:
the folders, config.json files and tokenizer files a real one has, with tiny ONNX
graphs carrying the real input and output names. The encoders return constants
(the converter never runs them); the VAE decoder is a 1×1 convolution upsampled
×8, a linear map the preview fit must recover exactly.

    /usr/bin/python3 gpu-node/tools/optimum_standin.py --out DIR [--joint 4096 --pooled 2048]

(the bench's SD3-medium-size model: the transformer rows feed random embeddings, but the
converter checks the encoders' sizes against the transformer's).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper



def encoder_configs(joint: int, pooled: int) -> dict:
    """config.json of each encoder for a transformer with ``joint`` / ``pooled`` inputs:
    CLIP-L and CLIP-G of joint/2 features and pooled/2 projections each, T5 of ``joint``."""
    return {
        "text_encoder": {"num_hidden_layers": 2, "hidden_size": joint // 2, "projection_dim": pooled // 2},
        "text_encoder_2": {"num_hidden_layers": 3, "hidden_size": joint // 2, "projection_dim": pooled - pooled // 2},
        "text_encoder_3": {"d_model": joint},
    }

VAE = {"latent_channels": 16, "scaling_factor": 1.5305, "shift_factor": 0.0609, "block_out_channels": [8, 8, 8, 8]}
VOCAB = ["!", "a", "cat", "<|startoftext|>", "<|endoftext|>"]


def encoder_graph(config: dict) -> onnx.ModelProto:
    """input_ids -> constant outputs named as optimum names them."""
    if "d_model" in config:
        outputs = {"last_hidden_state": config["d_model"]}
    else:
        outputs = {f"hidden_states.{i}": config["hidden_size"] for i in range(config["num_hidden_layers"] + 1)}
        outputs.update({"last_hidden_state": config["hidden_size"], "text_embeds": config["projection_dim"]})
    nodes = [
        helper.make_node("Constant", [], [name], value=numpy_helper.from_array(np.zeros((1, dim), np.float32)))
        for name, dim in outputs.items()
    ]
    ids = helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["B", "T"])
    outs = [helper.make_tensor_value_info(name, TensorProto.FLOAT, None) for name in outputs]
    return helper.make_model(helper.make_graph(nodes, "encoder", [ids], outs), opset_imports=[helper.make_opsetid("", 17)])


def decoder_graph(weight: np.ndarray, bias: np.ndarray, scale: int) -> onnx.ModelProto:
    """latent_sample [B, C, h, w] -> sample [B, 3, scale·h, scale·w]: a 1×1 conv, nearest ×scale."""
    inits = [
        numpy_helper.from_array(weight[:, :, None, None].astype(np.float32), "w"),
        numpy_helper.from_array(bias.astype(np.float32), "b"),
        numpy_helper.from_array(np.array([1, 1, scale, scale], np.float32), "scales"),
    ]
    nodes = [
        helper.make_node("Conv", ["latent_sample", "w", "b"], ["rgb"]),
        helper.make_node("Resize", ["rgb", "", "scales"], ["sample"], mode="nearest"),
    ]
    x = helper.make_tensor_value_info("latent_sample", TensorProto.FLOAT, ["B", weight.shape[1], "h", "w"])
    y = helper.make_tensor_value_info("sample", TensorProto.FLOAT, None)
    graph = helper.make_graph(nodes, "vae_decoder", [x], [y], inits)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])


def write_standin(root: Path, joint: int = 64, pooled: int = 32, seed: int = 0) -> dict:
    """Writes the folder; returns the decoder's conv weight and bias (the fit's answer)."""
    for folder, config in encoder_configs(joint, pooled).items():
        (root / folder).mkdir(parents=True)
        (root / folder / "config.json").write_text(json.dumps(config))
        onnx.save(encoder_graph(config), str(root / folder / "model.onnx"))
    for folder, length in (("tokenizer", 77), ("tokenizer_2", 77), ("tokenizer_3", 512)):
        (root / folder).mkdir()
        (root / folder / "tokenizer_config.json").write_text(json.dumps({"model_max_length": length}))
        vocab = {word: i for i, word in enumerate(VOCAB)}
        (root / folder / "tokenizer.json").write_text(json.dumps({"model": {"type": "BPE", "vocab": vocab, "merges": []}}))
    rng = np.random.default_rng(seed)
    weight, bias = rng.standard_normal((3, VAE["latent_channels"])) * 0.3, rng.standard_normal(3) * 0.1
    (root / "vae_decoder").mkdir()
    (root / "vae_decoder" / "config.json").write_text(json.dumps(VAE))
    onnx.save(decoder_graph(weight, bias, 2 ** (len(VAE["block_out_channels"]) - 1)), str(root / "vae_decoder" / "model.onnx"))
    return {"weight": weight, "bias": bias}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True, help="the folder to write (must not exist)")
    ap.add_argument("--joint", type=int, default=64, help="the transformer's joint_attention_dim")
    ap.add_argument("--pooled", type=int, default=32, help="the transformer's pooled_projection_dim")
    args = ap.parse_args()
    write_standin(args.out, args.joint, args.pooled)


if __name__ == "__main__":
    main()
