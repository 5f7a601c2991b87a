"""Model directories from users' checkpoints (docs/model-contract.md, "SD3 in latent space"
and "Lumina-Next in latent space").

    /usr/bin/python3 gpu-node/tools/convert.py sd3 --transformer CKPT --pipeline OPTIMUM_DIR \
        [--no-t5] --out gpu-node/models/NAME

``CKPT``: a diffusers transformer folder (config.json + safetensors, sharded or not)
or an original single file; ``OPTIMUM_DIR``: what ``optimum-cli export onnx --task
text-to-image`` wrote (its tokenizers, text encoders and VAE decoder are taken).
The transformer's three graphs share ``model.weights`` (fp16, streamed one tensor at
a time: sd3_graph.py, sd3_weights.py); each graph is checked against the PyTorch
module (mmdit_ras.py, weights rounded to fp16 as stored) in onnxruntime-node.

    /usr/bin/python3 gpu-node/tools/convert.py lumina --pipeline LUMINA_DIR [--transformer CKPT] \
        --out gpu-node/models/NAME

``LUMINA_DIR``: a diffusers Lumina-Next pipeline folder (Lumina-Next-SFT-diffusers);
``--transformer`` replaces its ``transformer/`` with an original Alpha-VLLM file or another
diffusers folder (lumina_convert.py).
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import tempfile
from pathlib import Path

import onnx
import torch

import export_mmdit
import lumina_convert
import sd3_card
import sd3_graph
import sd3_pipeline
from export import FP16_TOLERANCE, GOLDEN_TOLERANCE, short_names, verify_with_ort
from mmdit_checkpoint import load_transformer, open_transformer
from sd3_preview import fit_preview
from sd3_weights import write_weights

#: glibc's mallopt parameter number (malloc.h).
M_MMAP_THRESHOLD = -3
#: The grid of the reference cases (a transposed one with a row more is checked too).
VERIFY_GRID = (4, 4)


def build_graphs(cfg, tmp: Path) -> tuple[dict[str, onnx.ModelProto], set[str], dict[str, tuple], int]:
    """The three graphs with weights as inputs, the weights they read, the state dict's
    shapes and the parameter count."""
    model = sd3_graph.placeholder_model(cfg)
    graphs, used = {}, set()
    for kind in ("unfused", "fused"):
        path = tmp / f"{kind}.onnx"
        used.update(sd3_graph.export_structure(model, path, kind))
        graphs[kind] = onnx.load(str(path))
        short_names(graphs[kind])
    graphs["fused_fp16"] = sd3_graph.fp16_graph(graphs["fused"])
    shapes = {k: tuple(v.shape) for k, v in model.state_dict().items()}
    return graphs, used, shapes, sum(p.numel() for p in model.parameters())


def convert_transformer(ckpt: Path, out: Path, sample_size: int) -> tuple:
    """Writes the graphs and model.weights into ``out``; returns (config, weights placed, params)."""
    cfg, tensors = open_transformer(ckpt, sample_size)
    with tempfile.TemporaryDirectory() as tmp:
        graphs, used, shapes, params = build_graphs(cfg, Path(tmp))
    placed = write_weights(tensors, shapes, used, out / "model.weights", str(ckpt))
    for kind, graph in graphs.items():
        sd3_graph.attach_weights(graph, placed, "model.weights")
        path = out / sd3_card.GRAPHS[kind]
        onnx.save(graph, str(path))
        onnx.checker.check_model(str(path))
    return cfg, placed, params


def verify(ckpt: Path, out: Path, sample_size: int) -> dict:
    """Worst difference per graph and case against PyTorch; raises past the tolerance."""
    model = load_transformer(ckpt, sample_size=sample_size)
    with torch.no_grad():  # the reference is the model the fp16 file holds
        for t in [*model.parameters(), *model.buffers()]:
            if t.is_floating_point():
                t.copy_(t.half().float())
    model.attention = "unfused"
    cases = export_mmdit.reference_cases(model, VERIFY_GRID)
    diffs = {}
    for kind, file in sd3_card.GRAPHS.items():
        diffs[kind] = verify_with_ort(out / file, cases)
        tolerance = FP16_TOLERANCE if kind == "fused_fp16" else GOLDEN_TOLERANCE
        if max(diffs[kind].values()) > tolerance:
            raise RuntimeError(f"{out / file} disagrees with PyTorch: {diffs[kind]} > {tolerance}")
    return diffs


def convert_sd3(args) -> dict:
    """The whole model directory; returns the card."""
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    cfg, _ = open_transformer(args.transformer, args.sample_size)
    text = sd3_pipeline.text_entries(args.pipeline, cfg, not args.no_t5)
    decoder = sd3_pipeline.decoder_entry(args.pipeline, cfg)
    vocab = sd3_card.vocabulary_size(args.pipeline, text[0]["tokenizer"])
    cfg, _, params = convert_transformer(args.transformer, out, args.sample_size)
    diffs = None if args.no_verify else verify(args.transformer, out, args.sample_size)
    sd3_pipeline.copy_parts(args.pipeline, out, text)
    preview = fit_preview(out / decoder["file"], decoder, cfg.in_channels)
    parts = {
        "text": text, "decoder": decoder, "preview": preview, "vocabulary_size": vocab,
        "weights": f"converted from {Path(args.transformer).name}",
        "params": params,
    }  # fmt: skip
    export = {"weights_dtype": "float16", "max_diff": diffs, "verified": diffs is not None}
    card = sd3_card.card_of(cfg, parts, export, args.test_model)
    (out / "model.json").write_text(json.dumps(card, indent=2) + "\n")
    return card


def mmap_large_allocations() -> None:
    """glibc serves every allocation past 128 KiB from fresh pages and returns them when
    freed. By default it raises that bar to the largest block freed so far, and tracing a
    full-size model (one weight-sized temporary after another) then fragments its heap:
    6 SD3-medium-width layers peaked at 1.0 GB of anonymous memory, 0.28 GB with this."""
    try:
        ctypes.CDLL("libc.so.6").mallopt(M_MMAP_THRESHOLD, 128 * 1024)
    except (OSError, AttributeError):
        pass  # not glibc: its allocator is left as it is


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    sd3 = sub.add_parser("sd3", help="an SD3 / SD3.5 checkpoint and an optimum ONNX folder -> a model directory")
    sd3.add_argument("--transformer", type=Path, required=True, help="diffusers transformer folder or original .safetensors")
    sd3.add_argument("--pipeline", type=Path, required=True, help="optimum-cli export onnx folder (tokenizers, encoders, VAE)")
    sd3.add_argument("--no-t5", action="store_true", help="leave T5 out: its rows are zeros, as diffusers without it")
    sd3.add_argument("--out", type=Path, required=True, help="the model directory to write")
    sd3.add_argument("--sample-size", type=int, default=128, help="latent size of an original single file (its config lacks it)")
    sd3.add_argument("--test-model", action="store_true", help="a test model: the card lists no sizes it serves well")
    sd3.add_argument("--no-verify", action="store_true", help="skip the check against PyTorch (it loads the model in fp32)")
    add_lumina(sub)
    args = ap.parse_args()
    mmap_large_allocations()
    torch.set_num_threads(int(os.environ.get("RAS_TORCH_THREADS", "2")))
    card = convert_sd3(args) if args.command == "sd3" else lumina_convert.convert_lumina(args)
    print(json.dumps({"out": str(args.out), "max_diff": card["export"]["max_diff"], "preview_r2": card["preview"]["r2"]}))


def add_lumina(sub) -> None:
    """The ``lumina`` subcommand's arguments."""
    lumina = sub.add_parser("lumina", help="a Lumina-Next diffusers pipeline folder (and an optional checkpoint) -> a model directory")
    lumina.add_argument("--pipeline", type=Path, required=True, help="diffusers pipeline folder (transformer, text_encoder, tokenizer, vae, scheduler)")
    lumina.add_argument("--transformer", type=Path, help="instead of its transformer/: an original consolidated*.safetensors or a diffusers folder")
    lumina.add_argument("--out", type=Path, required=True, help="the model directory to write")
    lumina.add_argument("--sample-size", type=int, help="latent size of an original file (default: the pipeline's transformer's, else 128)")
    lumina.add_argument("--test-model", action="store_true", help="a test model: no sizes served well, and golden.json for the node's tests")
    lumina.add_argument("--no-verify", action="store_true", help="skip the checks against PyTorch (they load each model in fp32)")


if __name__ == "__main__":
    main()
