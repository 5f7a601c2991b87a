"""The card's linear preview for a latent model: RGB from each latent pixel's channels.

The VAE decoder (run in onnxruntime-node, run_decoder.mjs) decodes random latents,
drawn as the sampler's own (standard normal) and scaled as the pipeline scales them
(``/ scaling_factor + shift_factor``); its output in [-1, 1] becomes RGB in [0, 1],
average-pooled by the decoder's scale factor onto the latent grid; ``matrix`` [3][C]
and ``bias`` [3] are the least-squares fit of those pixels on the latent channels.
R² (over all three colours) says how much of the decoded colour a preview explains.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

import numpy as np

TOOLS = Path(__file__).resolve().parent


def decode(model: Path, decoder: dict, latents: np.ndarray) -> np.ndarray:
    """The decoder's output for ``latents`` [B, C, h, w] (already scaled for it)."""
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "latents.f32", Path(tmp) / "out.f32"
        latents.astype("<f4").tofile(src)
        dims = ",".join(map(str, latents.shape))
        cmd = ["node", str(TOOLS / "run_decoder.mjs"), str(model), decoder["input"], decoder["output"], str(src), dims, str(dst)]
        out_dims = json.loads(subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True).stdout)
        return np.fromfile(dst, dtype="<f4").reshape(out_dims)


def fit_preview(model: Path, decoder: dict, channels: int, grid: int = 8, samples: int = 4, seed: int = 0) -> dict:
    """``{"kind": "linear", "matrix", "bias", "r2"}`` fitted on ``samples`` random
    ``grid`` × ``grid`` latents decoded by ``model``."""
    rng = np.random.default_rng(seed)
    z = rng.standard_normal((samples, channels, grid, grid)).astype(np.float32)
    image = decode(model, decoder, z / decoder["scaling_factor"] + decoder["shift_factor"])
    f = decoder["scale_factor"]
    if image.shape != (samples, 3, grid * f, grid * f):
        raise ValueError(f"{model}: decoded {list(image.shape)}, want {[samples, 3, grid * f, grid * f]}")
    rgb = (image / 2 + 0.5).reshape(samples, 3, grid, f, grid, f).mean(axis=(3, 5))
    x = np.concatenate([z.transpose(0, 2, 3, 1).reshape(-1, channels), np.ones((samples * grid * grid, 1))], axis=1)
    y = rgb.transpose(0, 2, 3, 1).reshape(-1, 3)
    coef, *_ = np.linalg.lstsq(x.astype(np.float64), y.astype(np.float64), rcond=None)
    residual = ((x @ coef - y) ** 2).sum()
    total = ((y - y.mean(axis=0)) ** 2).sum()
    r2 = 1.0 - residual / total if total > 0 else 1.0
    return {
        "kind": "linear",
        "matrix": [[round(float(v), 6) for v in coef[:channels, c]] for c in range(3)],
        "bias": [round(float(v), 6) for v in coef[channels]],
        "r2": round(float(r2), 4),
    }
