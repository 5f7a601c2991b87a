"""Export a prompted model directory for the node (contract ``ras-ready/3``,
docs/model-contract.md): tokenizer → text encoder → MMDiT with RAS, no decoder
(pixel space).

From a ``prompted.py`` weights file (``--checkpoint``) or random weights
(``--random SEED``, with ``--tiny`` for the test model) it writes:

- ``tokenizer.json``: the WordLevel tokenizer (scene_tokenizer.py);
- ``text_encoder.onnx``: ``input_ids`` [B, T] → ``last_hidden_state`` [B, T, joint],
  ``text_embeds`` [B, pooled] (optimum's CLIP export names);
- ``transformer.onnx`` / ``transformer.fused.onnx``: the RAS forward (export_mmdit.py),
  spelled-out and fused attention; ``transformer.fused.fp16.onnx``: the fused one with the
  token stream (``x``, the K/V caches, ``attn2``'s too, ``v``) in half precision (fp16.py),
  checked with export.py's FP16_TOLERANCE;
- ``model.weights``: the weights of all three graphs, each tensor once, stored in 16 bits
  and computed in 32 (half_storage.py; ``--weights-dtype float32`` keeps fp32);
- ``model.json``: the card (family, stages, constants, recommended steps and
  guidance, sizes, vocabulary);
- with ``--golden``: ``golden.json``, PyTorch's outputs for the TypeScript tests.

Every graph is checked against PyTorch in onnxruntime-node before the card is written.

    /usr/bin/python3 gpu-node/tools/export_prompted.py --random 7 --tiny --golden --weights-dtype float32 \
        --out gpu-node/models/test-mmdit
    /usr/bin/python3 gpu-node/tools/export_prompted.py --random 11 --tiny --heads 1 --qk-norm rms_norm \
        --dual-layers 0 --golden --out gpu-node/models/test-mmdit-x
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

import onnx
import torch

import export_mmdit
import prompted
import scene_tokenizer
from export import FP16_TOLERANCE, cases_json, short_names, verify_with_ort
from fp16 import convert as to_fp16
from half_storage import round_weights, store_half
from shared_weights import save_with_shared_weights

FORMAT = "ras-ready/3"
GOLDEN_TOLERANCE = 1e-4
#: The golden transformer cases run on a small grid: the graph serves every grid, and the file stays small.
GOLDEN_GRID = (4, 4)
#: And a short text: the graph takes any T (a dynamic axis), and the prompt's rows are most of a case's bytes.
GOLDEN_TEXT = 8
GOLDEN_PROMPTS = ["a small red circle at the top left", "a large blue square on the right and a green cross in the middle", ""]


class TextGraph(torch.nn.Module):
    def __init__(self, encoder):
        super().__init__()
        self.encoder = encoder

    def forward(self, input_ids):
        return self.encoder(input_ids)


def export_text_encoder(encoder, path: Path) -> None:
    encoder.eval()
    ids = torch.tensor(scene_tokenizer.tokenize(GOLDEN_PROMPTS[:2]))
    with torch.no_grad():
        torch.onnx.export(
            TextGraph(encoder), (ids,), str(path), opset_version=17,
            input_names=["input_ids"], output_names=["last_hidden_state", "text_embeds"],
            dynamic_axes={"input_ids": {0: "B"}, "last_hidden_state": {0: "B"}, "text_embeds": {0: "B"}},
        )  # fmt: skip
    onnx.checker.check_model(onnx.load(str(path)))


def text_cases(encoder) -> list[dict]:
    """The golden prompts (the empty one is the unconditional input) through the encoder."""
    ids = torch.tensor(scene_tokenizer.tokenize(GOLDEN_PROMPTS))
    with torch.no_grad():
        hidden, pooled = encoder(ids)
    return [{"name": "prompts", "inputs": {"input_ids": ids}, "outputs": {"last_hidden_state": hidden, "text_embeds": pooled}}]


def transformer_cases(model, text_len: int) -> list[dict]:
    """export_mmdit's reference cases at the golden grid with at most GOLDEN_TEXT text tokens, less the second
    dense one (the export checks it); outputs v and the fresh rows."""
    cases = [c for c in export_mmdit.reference_cases(model, GOLDEN_GRID, text=min(text_len, GOLDEN_TEXT)) if c["name"] != "dense_b2"]
    for c in cases:
        c["outputs"] = {k: c["outputs"][k] for k in ("v", "k_new", "v_new", "k2_new", "v2_new") if k in c["outputs"]}
    return cases


def rounded(blob):
    """JSON floats to 6 significant digits (an error of at most 5e-6 here, the tolerance is 1e-4): a smaller file."""
    if isinstance(blob, float):
        return float(f"{blob:.6g}")
    if isinstance(blob, list):
        return [rounded(v) for v in blob]
    if isinstance(blob, dict):
        return {k: rounded(v) for k, v in blob.items()}
    return blob


def card_of(model: prompted.PromptedModel, files: dict, args, diffs: dict) -> dict:
    cfg, text = model.mmdit_config, model.text_config
    grid = cfg["sample_size"] // cfg["patch_size"]
    heads, hd = cfg["num_attention_heads"], cfg["attention_head_dim"]
    params = sum(p.numel() for p in model.parameters())
    return {
        "format": FORMAT,
        "family": "mmdit",
        "stages": {
            "text": [
                {
                    "name": "text",
                    "tokenizer": "tokenizer.json",
                    "encoder": files["text_encoder"],
                    "length": text.length,
                    "hidden": "last_hidden_state",
                    "hidden_dim": text.width,
                    "pooled": "text_embeds",
                    "pooled_dim": text.pooled_dim,
                }
            ],
            "compose": "single",
            "transformer": {k: files[k] for k in ("unfused", "fused", "fused_fp16")},
            "decoder": None,
        },
        "graphs": {k: files[k] for k in ("unfused", "fused", "fused_fp16")},
        "weights_file": "model.weights",
        "weights": args.weights,
        "storage": args.weights_dtype,
        "patch": cfg["patch_size"],
        "channels": cfg["in_channels"],
        "token_dim": cfg["patch_size"] ** 2 * cfg["in_channels"],
        "hidden": heads * hd,
        "layers": cfg["num_layers"],
        "heads": heads,
        "head_dim": hd,
        "dual_attention_layers": list(cfg.get("dual_attention_layers", [])),
        "grid": {"default": [grid, grid], "min": [1, 1], "max": [cfg["pos_embed_max_size"]] * 2},
        "token_layout": "row-major grid; token features ordered (py, px, channel)",
        "time": {"scale": prompted.TIME_SCALE, "shift": args.shift},
        "cond": {
            "kind": "prompt",
            "text_tokens": text.length,
            "joint_attention_dim": cfg["joint_attention_dim"],
            "pooled_projection_dim": cfg["pooled_projection_dim"],
            "negative": "",
        },
        "vocabulary": {"model": "WordLevel", "size": len(scene_tokenizer.VOCAB), "unknown": scene_tokenizer.UNK, "pad": scene_tokenizer.PAD},
        "preview": {"kind": "rgb", "scale": 0.5, "offset": 0.5},
        "kv": {"layout": "per-layer [B,H,N,head_dim]"},
        "recommended": {"steps": args.steps, "guidance": args.guidance},
        "sizes": args.sizes,
        "params": params,
        "config": cfg,
        "text_encoder_config": text.to_dict(),
        "export": {"opset": 17, "torch": torch.__version__, "max_diff": diffs},
    }


def export_prompted(model: prompted.PromptedModel, out: Path, args) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    torch.set_num_threads(2)
    if args.weights_dtype not in ("float16", "float32"):
        raise ValueError(f"weights_dtype must be 'float16' or 'float32', got {args.weights_dtype!r}")
    if args.weights_dtype == "float16":
        round_weights(model)  # the PyTorch reference is then the model the files hold
        with torch.no_grad():  # and the MMDiT's position table, a buffer, is stored as a weight too
            for buf in model.buffers():
                if buf.is_floating_point():
                    buf.copy_(buf.half().float())
    files = {
        "text_encoder": "text_encoder.onnx",
        "unfused": "transformer.onnx",
        "fused": "transformer.fused.onnx",
        "fused_fp16": "transformer.fused.fp16.onnx",
    }
    text_len = model.text_config.length
    grid = (model.mmdit_config["sample_size"] // model.mmdit_config["patch_size"],) * 2
    tcases, mcases = text_cases(model.text_encoder), transformer_cases(model.transformer, text_len)
    diffs: dict = {}
    graphs: dict[Path, onnx.ModelProto] = {}
    with tempfile.TemporaryDirectory() as tmp:
        export_text_encoder(model.text_encoder, Path(tmp) / files["text_encoder"])
        diffs["text_encoder"] = verify_with_ort(Path(tmp) / files["text_encoder"], tcases)
        for kind in ("unfused", "fused"):
            model.transformer.attention = kind
            export_mmdit.export_onnx(model.transformer, Path(tmp) / files[kind], grid, text=text_len)
            model.transformer.attention = "auto"
            diffs[kind] = verify_with_ort(Path(tmp) / files[kind], mcases)
        half = to_fp16(onnx.load(str(Path(tmp) / files["fused"])), Path(tmp))
        onnx.save(half, str(Path(tmp) / files["fused_fp16"]))
        diffs["fused_fp16"] = verify_with_ort(Path(tmp) / files["fused_fp16"], mcases)
        for kind, file in files.items():
            worst = max(diffs[kind].values())
            if worst > (FP16_TOLERANCE if kind == "fused_fp16" else GOLDEN_TOLERANCE):
                raise RuntimeError(f"ONNX graph {file} disagrees with PyTorch: {diffs[kind]}")
            graph = onnx.load(str(Path(tmp) / file))
            short_names(graph)
            if args.weights_dtype == "float16" and (kept := store_half(graph)):
                raise RuntimeError(f"{file}: initializers not exact in fp16 after rounding: {kept}")
            graphs[out / file] = graph
    save_with_shared_weights(graphs, out / "model.weights")
    (out / "tokenizer.json").write_text(json.dumps(scene_tokenizer.tokenizer_json(), indent=2) + "\n")
    if args.golden:
        blob = {
            "tolerance": GOLDEN_TOLERANCE,
            "tolerance_fp16": FP16_TOLERANCE,
            "source": "PyTorch forward of text_encoder.py and mmdit_ras.py",
            "prompts": GOLDEN_PROMPTS,
            "text_encoder": cases_json(tcases),
            "transformer": cases_json(mcases),
        }
        (out / "golden.json").write_text(json.dumps(rounded(blob), separators=(",", ":")))
    card = card_of(model, files, args, diffs)
    (out / "model.json").write_text(json.dumps(card, indent=2) + "\n")
    return card


def randomize(model: prompted.PromptedModel, seed: int) -> None:
    """Non-zero random weights (prompted.py starts adaLN and the output at zero, which a test cannot see through)."""
    gen = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.randn(p.shape, generator=gen) * (0.3 / max(1, p.shape[-1]) ** 0.5 if p.dim() > 1 else 0.05))


def variant(config: dict, args) -> dict:
    """``config`` with the command line's heads, qk-norm and dual attention layers (MMDiT-X)."""
    config = dict(config)
    if args.heads:
        config["num_attention_heads"] = args.heads
        config["caption_projection_dim"] = args.heads * config["attention_head_dim"]
    if args.qk_norm:
        config["qk_norm"] = args.qk_norm
    if args.dual_layers:
        if not all(0 <= i < config["num_layers"] - 1 for i in args.dual_layers):
            raise SystemExit(f"--dual-layers: blocks 0 … {config['num_layers'] - 2} (the last is context_pre_only)")
        config["dual_attention_layers"] = sorted(set(args.dual_layers))
    return config


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--checkpoint", type=Path, help="prompted.py weights file (save_weights)")
    ap.add_argument("--random", type=int, metavar="SEED")
    ap.add_argument("--tiny", action="store_true", help="with --random: prompted.py's TINY configs (the test model)")
    ap.add_argument("--heads", type=int, help="with --random: attention heads (the width follows: heads · head_dim)")
    ap.add_argument("--qk-norm", choices=["rms_norm"], help="with --random: SD3.5's per-head RMS qk-norm")
    ap.add_argument("--dual-layers", type=lambda t: [int(i) for i in t.split(",") if i], default=[],
                    help="with --random: MMDiT-X's dual_attention_layers (attn2), e.g. 0 or 0,1")
    ap.add_argument("--golden", action="store_true")
    ap.add_argument("--steps", type=int, default=28)
    ap.add_argument("--guidance", type=float, default=3.0)
    ap.add_argument("--shift", type=float, default=1.0)
    ap.add_argument("--weights-dtype", choices=["float16", "float32"], default="float16",
                    help="storage of the weights: float16 rounds them and casts to float32 in the graphs (default)")
    ap.add_argument("--sizes", type=lambda t: [list(map(int, p.split("x"))) for p in t.split(",") if p], default=None)
    args = ap.parse_args()
    if args.checkpoint and (args.heads or args.qk_norm or args.dual_layers or args.tiny):
        ap.error("--tiny, --heads, --qk-norm and --dual-layers shape a --random model; a checkpoint carries its config")
    if args.checkpoint:
        model, file_card = prompted.load_weights(args.checkpoint)
        args.weights = f"{args.checkpoint.name}"
        rec = file_card.get("recommended", {})
        args.steps, args.guidance = rec.get("steps", args.steps), rec.get("guidance", args.guidance)
    elif args.random is not None:
        mm, text = (prompted.TINY_MMDIT_CONFIG, prompted.TINY_TEXT_CONFIG) if args.tiny else (prompted.MMDIT_CONFIG, prompted.TEXT_CONFIG)
        model = prompted.PromptedModel(variant(mm, args), text)
        randomize(model, args.random)
        args.weights = f"random (seed {args.random})"
    else:
        ap.error("give --checkpoint PATH or --random SEED")
    if args.sizes is None:
        side = model.mmdit_config["sample_size"]
        args.sizes = [] if args.random is not None else [[side, side]]
    card = export_prompted(model.eval(), args.out, args)
    print(json.dumps({"stages": card["stages"], "max_diff": card["export"]["max_diff"]}))


if __name__ == "__main__":
    main()
