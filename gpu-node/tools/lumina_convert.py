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

import export_gemma
import export_vae_decoder
import lumina_card
import lumina_graph
import lumina_pipeline
import lumina_verify
from export_prompted import short_names
from lumina_checkpoint import open_transformer
from lumina_golden_text import text_golden
from sd3_graph import attach_weights
from sd3_preview import fit_preview
from sd3_weights import write_weights


def convert_transformer(ckpt: Path, out: Path, sample_size: int, base: int | None, short: bool = False) -> tuple:
    """Writes the four graphs and model.weights into ``out``; returns (config, params). ``short``:
    intermediate values renamed to short ids (export_prompted.short_names), for a committed test model."""
    cfg, tensors = open_transformer(ckpt, sample_size)
    with tempfile.TemporaryDirectory() as tmp:
        graphs, used, shapes, params = lumina_graph.build_graphs(cfg, Path(tmp), base)
    placed = write_weights(tensors, shapes, used, out / "model.weights", str(ckpt), "LuminaNextDiT2DModel")
    for kind, graph in graphs.items():
        attach_weights(graph, placed, "model.weights")
        if short:
            short_names(graph)
        path = out / lumina_graph.graph_file(kind)
        onnx.save(graph, str(path))
        onnx.checker.check_model(str(path))
    return cfg, params


def export_parts(root: Path, out: Path, verify: bool) -> tuple[dict, dict]:
    """Gemma's penultimate layer -> ``text_encoder/``, the VAE decoder -> ``vae_decoder/``;
    returns each one's worst difference against PyTorch (None unverified; the decoder's is
    export_vae_decoder's absolute one, on samples within about ±1, where it agrees with
    verify_with_ort's measure) and the decoder's constants (export_vae_decoder's answer)."""
    text = export_gemma.export_text_encoder(root / "text_encoder", out / "text_encoder", verify=verify)
    vae = export_vae_decoder.export_vae_decoder(root / "vae", out / "vae_decoder", verify=verify)
    return {"text_encoder": text["max_diff"], "vae_decoder": vae["max_abs_diff"]}, vae


def transformer_source(args) -> Path:
    """``--transformer`` (an original file or a diffusers folder), else the pipeline's ``transformer/``."""
    return Path(args.transformer) if args.transformer else Path(args.pipeline) / "transformer"


def sample_size(args) -> int:
    """``--sample-size``, else the pipeline's transformer/config.json's (an original file's config
    lacks it), else 128 (every release's)."""
    if args.sample_size is not None:
        return args.sample_size
    config = Path(args.pipeline) / "transformer" / "config.json"
    return lumina_pipeline.read_json(config).get("sample_size", 128) if config.is_file() else 128


def convert_lumina(args) -> dict:
    """The whole model directory; returns the card."""
    root, out = Path(args.pipeline), Path(args.out)
    ckpt = transformer_source(args)
    args.sample_size = sample_size(args)
    cfg, _ = open_transformer(ckpt, args.sample_size)
    text = lumina_pipeline.text_entry(root, cfg)
    vae = lumina_pipeline.vae_config(root, cfg)
    base = lumina_card.base_sequence_length(cfg, lumina_pipeline.vae_scale(vae))
    shift = lumina_pipeline.scheduler_shift(root)
    out.mkdir(parents=True, exist_ok=True)  # only once the folder's sizes agree
    cfg, params = convert_transformer(ckpt, out, args.sample_size, base, short=args.test_model)
    diffs = None if args.no_verify else lumina_verify.verify(ckpt, out, args.sample_size, base)
    lumina_pipeline.copy_tokenizer(root, out)
    parts_diffs, exported = export_parts(root, out, not args.no_verify)
    decoder = lumina_pipeline.decoder_entry(exported, "vae_decoder/model.onnx")
    preview = fit_preview(out / decoder["file"], decoder, cfg.in_channels)
    parts = {
        "text": text, "decoder": decoder, "preview": preview, "shift": shift, "base_sequence_length": base,
        "vocabulary_size": lumina_pipeline.vocabulary_size(out),
        "weights": f"converted from {ckpt.name if args.transformer else root.name + '/transformer'}", "params": params,
    }  # fmt: skip
    max_diff = None if diffs is None else {**diffs, **parts_diffs}
    export = {"weights_dtype": "float16", "max_diff": max_diff, "verified": diffs is not None}
    card = lumina_card.card_of(cfg, parts, export, args.test_model)
    (out / "model.json").write_text(json.dumps(card, indent=2) + "\n")
    if args.test_model:
        text_info = text_golden(root, text["hidden"], int(text["hidden"].rsplit(".", 1)[1]))
        blob = lumina_verify.golden(ckpt, args.sample_size, base, card["rope"]["default_grid"], text_info)
        (out / "golden.json").write_text(json.dumps(blob, separators=(",", ":")))
    return card
