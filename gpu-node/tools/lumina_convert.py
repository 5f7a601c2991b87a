"""``convert.py lumina``: a Lumina-Next pipeline folder (diffusers' layout) -> a model
directory (docs/model-contract.md, "Lumina-Next in latent space").

The transformer's four graphs (lumina_graph.py) share ``model.weights``, fp16, each tensor
streamed once from the checkpoint (sd3_weights.py); Gemma and the VAE decoder are exported
from the same folder; the card (lumina_card.py) carries every constant; each graph is
checked against PyTorch in onnxruntime-node (lumina_verify.py) unless told not to.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import onnx

import lumina_card
import lumina_graph
import lumina_pipeline
import lumina_verify
from lumina_checkpoint import open_transformer
from sd3_graph import attach_weights
from sd3_preview import fit_preview
from sd3_weights import write_weights


def convert_transformer(ckpt: Path, out: Path, sample_size: int, base: int | None) -> tuple:
    """Writes the four graphs and model.weights into ``out``; returns (config, params)."""
    cfg, tensors = open_transformer(ckpt, sample_size)
    with tempfile.TemporaryDirectory() as tmp:
        graphs, used, shapes, params = lumina_graph.build_graphs(cfg, Path(tmp), base)
    placed = write_weights(tensors, shapes, used, out / "model.weights", str(ckpt), "LuminaNextDiT2DModel")
    for kind, graph in graphs.items():
        attach_weights(graph, placed, "model.weights")
        path = out / lumina_graph.graph_file(kind)
        onnx.save(graph, str(path))
        onnx.checker.check_model(str(path))
    return cfg, params


def transformer_source(args) -> Path:
    """``--transformer`` (an original file or a diffusers folder), else the pipeline's ``transformer/``."""
    return Path(args.transformer) if args.transformer else Path(args.pipeline) / "transformer"


def convert_lumina(args) -> dict:
    """The whole model directory; returns the card."""
    root, out = Path(args.pipeline), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    ckpt = transformer_source(args)
    cfg, _ = open_transformer(ckpt, args.sample_size)
    text = lumina_pipeline.text_entry(root, cfg)
    vae = lumina_pipeline.vae_config(root, cfg)
    base = lumina_card.base_sequence_length(cfg, lumina_pipeline.vae_scale(vae))
    shift = lumina_pipeline.scheduler_shift(root)
    cfg, params = convert_transformer(ckpt, out, args.sample_size, base)
    diffs = None if args.no_verify else lumina_verify.verify(ckpt, out, args.sample_size, base)
    lumina_pipeline.copy_tokenizer(root, out)
    parts_diffs = export_parts(root, out, not args.no_verify)
    decoder = lumina_pipeline.decoder_entry(vae, "vae_decoder/model.onnx")
    preview = fit_preview(out / decoder["file"], decoder, cfg.in_channels)
    parts = {
        "text": text, "decoder": decoder, "preview": preview, "shift": shift, "base_sequence_length": base,
        "vocabulary_size": lumina_pipeline.vocabulary_size(out),
        "weights": f"converted from {ckpt.name}", "params": params,
    }  # fmt: skip
    max_abs_diff = None if diffs is None else {**diffs, **parts_diffs}
    export = {"weights_dtype": "float16", "max_abs_diff": max_abs_diff, "verified": diffs is not None}
    card = lumina_card.card_of(cfg, parts, export, args.test_model)
    (out / "model.json").write_text(json.dumps(card, indent=2) + "\n")
    if args.test_model:
        blob = lumina_verify.golden(ckpt, args.sample_size, base, card["rope"]["default_grid"], golden_extra(root, out))
        (out / "golden.json").write_text(json.dumps(blob, separators=(",", ":")))
    return card
