"""The evaluator's files: ONNX export, the onnxruntime-node check, the test fixture."""

from __future__ import annotations

import base64
import json
import subprocess
import tempfile
from pathlib import Path

import numpy as np
import onnx
import torch

import shapes
from evaluator_net import EvaluatorNet

TOOLS = Path(__file__).resolve().parent
GOLDEN_SEED = 6_900_000_000  # images the torch-vs-ORT check runs on
GOLDEN_COUNT = 8
GOLDEN_TOLERANCE = 1e-4
FIXTURE_SEED = 7_000_000_000  # real images committed for the TypeScript tests
FIXTURE_PER_CLASS = 4


def export_onnx(model: EvaluatorNet, path: Path) -> None:
    """Opset 17, dynamic batch: image [B,3,32,32] → logits [B,16], features [B,F]."""
    model.eval()
    dummy = torch.zeros(2, 3, 32, 32)
    with torch.no_grad():
        torch.onnx.export(
            model,
            (dummy,),
            str(path),
            opset_version=17,
            input_names=["image"],
            output_names=["logits", "features"],
            dynamic_axes={"image": {0: "B"}, "logits": {0: "B"}, "features": {0: "B"}},
        )
    onnx.checker.check_model(onnx.load(str(path)))


def run_onnx(graph: Path, images: np.ndarray) -> dict[str, np.ndarray]:
    """Outputs of ``graph`` on NCHW float32 square ``images``, computed by onnxruntime-node."""
    with tempfile.NamedTemporaryFile(suffix=".f32", delete=False) as f:
        f.write(np.ascontiguousarray(images, dtype=np.float32).tobytes())
    try:
        out = subprocess.run(
            ["node", str(TOOLS / "evaluator_onnx.mjs"), str(graph), f.name, str(len(images)), str(images.shape[-1])],
            check=True,
            capture_output=True,
            text=True,
        )
    finally:
        Path(f.name).unlink()
    return {k: np.asarray(v["data"], dtype=np.float32).reshape(v["dims"]) for k, v in json.loads(out.stdout).items()}


def quantise(images: np.ndarray) -> np.ndarray:
    """[-1,1] floats → uint8, as a PNG of the image would hold them."""
    return np.clip(np.round((images + 1) * 127.5), 0, 255).astype(np.uint8)


def fixture_images() -> tuple[np.ndarray, np.ndarray]:
    """FIXTURE_PER_CLASS held-out images of every class, rendered from FIXTURE_SEED."""
    labels = np.arange(shapes.NUM_CLASSES * FIXTURE_PER_CLASS) % shapes.NUM_CLASSES
    return shapes.render(np.random.default_rng(FIXTURE_SEED), labels), labels


def write_fixture(path: Path) -> dict:
    """fixture.json: labels plus base64 uint8 NCHW pixels (x = byte / 127.5 − 1)."""
    images, labels = fixture_images()
    blob = {
        "recipe": "shapes.render(np.random.default_rng(seed), arange(count) % 16), quantised to 8 bits",
        "seed": FIXTURE_SEED,
        "count": len(labels),
        "dims": [len(labels), 3, 32, 32],
        "decode": "x = byte / 127.5 - 1",
        "labels": labels.tolist(),
        "pixels": base64.b64encode(quantise(images).tobytes()).decode("ascii"),
    }
    path.write_text(json.dumps(blob) + "\n")
    return blob


def read_fixture(path: Path) -> tuple[np.ndarray, np.ndarray]:
    """(uint8 pixels [N,3,32,32], labels) from fixture.json."""
    blob = json.loads(path.read_text())
    pixels = np.frombuffer(base64.b64decode(blob["pixels"]), dtype=np.uint8).reshape(blob["dims"])
    return pixels, np.asarray(blob["labels"])


def stats_json(mean, cov) -> dict:
    """A feature Gaussian for real-stats.json: ``mean`` [D] and the upper triangle of the symmetric
    ``cov`` [D, D] (row by row, diagonal included) as little-endian float64 in base64, a quarter
    of the room the JSON decimals took; gpu-node/src/eval/real-stats.ts reads it."""
    mean, cov = np.asarray(mean, dtype=np.float64), np.asarray(cov, dtype=np.float64)
    d = mean.shape[0]
    if cov.shape != (d, d):
        raise ValueError(f"cov {cov.shape} for a mean of {d}")
    pack = lambda a: base64.b64encode(np.ascontiguousarray(a, dtype="<f8").tobytes()).decode("ascii")  # noqa: E731
    return {"dim": d, "mean": pack(mean), "cov_upper": pack(cov[np.triu_indices(d)])}


def stats_from_json(obj: dict) -> tuple[np.ndarray, np.ndarray]:
    """``stats_json``'s (mean [D], cov [D, D]) back."""
    d = obj["dim"]
    unpack = lambda s: np.frombuffer(base64.b64decode(s), dtype="<f8").astype(np.float64)  # noqa: E731
    mean, upper = unpack(obj["mean"]), unpack(obj["cov_upper"])
    if mean.shape != (d,) or upper.shape != (d * (d + 1) // 2,):
        raise ValueError(f"real stats: {mean.size} mean and {upper.size} covariance values for dim {d}")
    cov = np.zeros((d, d))
    cov[np.triu_indices(d)] = upper
    return mean, cov + np.triu(cov, 1).T
