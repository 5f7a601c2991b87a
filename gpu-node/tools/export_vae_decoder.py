"""Export an AutoencoderKL's decode path (the SDXL VAE for Lumina-Next) to ONNX with
optimum's I/O names, and check it in onnxruntime-node.

``out_dir/model.onnx``: ``latent_sample`` f32 [B, latent_channels, h, w] → ``sample``
f32 [B, 3, s·h, s·w] (B, h, w dynamic; s = 2^(len(block_out_channels) − 1)), what
optimum's ``vae_decoder`` export gives: ``AutoencoderKL.decode(z).sample``, not clamped.
Weights are rounded to fp16 and stored as fp16 with a Cast to fp32 in front
(half_storage.py); every activation is fp32 — SDXL's VAE overflows fp16 activations,
why diffusers' config says ``force_upcast``. Past ``EXTERNAL_BYTES`` the weights go to
``model.onnx_data`` beside the graph. ``out_dir/config.json`` is the folder's, copied.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path

import numpy as np
import onnx
import torch

from export import torchscript_export
from half_storage import round_weights, store_half
from sd3_preview import decode
from sd3_weights import to_half
from vae_kl import AutoencoderKLDecoder
from vae_kl_checkpoint import load_decoder, vae_folder

#: Weights beyond this go to model.onnx_data (SDXL's decoder: about 100 MB in fp16).
EXTERNAL_BYTES = 16 << 20
#: The check's latent: batch 2, non-square (a transposed axis shows), the sampler's N(0, 1).
CHECK_LATENT = (2, 3, 5)
#: The largest difference the check accepts between onnxruntime and PyTorch, both fp32.
TOLERANCE = 1e-3


def export_vae_decoder(folder: Path, out_dir: Path, *, verify: bool = True) -> dict:
    """Exports the AutoencoderKL folder ``folder`` (or its ``vae/``) to ``out_dir``; returns
    the card's decoder constants ``scaling_factor``, ``shift_factor`` (0 when absent),
    ``scale_factor``, and ``latent_channels`` and ``max_abs_diff`` (onnxruntime against
    PyTorch on a fixed latent, in onnxruntime-node through run_decoder.mjs; None without
    ``verify``; past ``TOLERANCE`` an error)."""
    folder = vae_folder(Path(folder))
    cfg, model = load_decoder(folder)
    for name, p in model.named_parameters():
        to_half(name, p, str(folder))  # a weight past fp16's range is an error, not an inf
    round_weights(model)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "model.onnx"
    write_graph(model, path)
    shutil.copyfile(folder / "config.json", out_dir / "config.json")
    return {
        "scaling_factor": cfg.scaling_factor,
        "shift_factor": cfg.shift_factor,
        "scale_factor": cfg.scale_factor,
        "latent_channels": cfg.latent_channels,
        "max_abs_diff": check(model, path) if verify else None,
    }


def write_graph(model: AutoencoderKLDecoder, path: Path) -> None:
    """The TorchScript export at opset 17, then the weights stored in fp16 (external past ``EXTERNAL_BYTES``)."""
    c = model.cfg.latent_channels
    feeds = {"latent_sample": torch.randn(1, c, 3, 5, generator=torch.Generator().manual_seed(0))}
    dyn = {"latent_sample": {0: "batch", 2: "height", 3: "width"}, "sample": {0: "batch", 2: "sample_height", 3: "sample_width"}}
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "model.onnx"
        torchscript_export(model, feeds, raw, ["latent_sample"], ["sample"], dyn)
        graph = onnx.load(str(raw))
    kept = store_half(graph)
    if kept:
        raise ValueError(f"{path}: weights {kept[:3]} are not fp16-exact after rounding")
    data = path.with_name("model.onnx_data")
    data.unlink(missing_ok=True)
    external = sum(len(t.raw_data) for t in graph.graph.initializer) > EXTERNAL_BYTES
    onnx.save_model(graph, str(path), save_as_external_data=external, location=data.name, size_threshold=1024)
    onnx.checker.check_model(str(path))


def check(model: AutoencoderKLDecoder, path: Path) -> float:
    """The largest |onnxruntime − PyTorch| on a fixed latent (divided by ``scaling_factor``, as a pipeline passes it)."""
    cfg = model.cfg
    z = torch.randn(CHECK_LATENT[0], cfg.latent_channels, *CHECK_LATENT[1:], generator=torch.Generator().manual_seed(1))
    z = z / cfg.scaling_factor + cfg.shift_factor
    with torch.no_grad():
        want = model(z).numpy()
    got = decode(path, {"input": "latent_sample", "output": "sample"}, z.numpy())
    if got.shape != want.shape:
        raise ValueError(f"{path}: sample is {list(got.shape)}, PyTorch gives {list(want.shape)}")
    diff = float(np.abs(got - want).max())
    if not diff <= TOLERANCE:
        raise ValueError(f"{path}: onnxruntime differs from PyTorch by {diff:g} (tolerance {TOLERANCE:g})")
    return diff


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("vae", type=Path, help="a diffusers AutoencoderKL folder, or a pipeline folder with vae/")
    ap.add_argument("out", type=Path, help="the vae_decoder/ folder to write")
    ap.add_argument("--no-verify", action="store_true")
    args = ap.parse_args()
    print(json.dumps(export_vae_decoder(args.vae, args.out, verify=not args.no_verify)))


if __name__ == "__main__":
    main()
