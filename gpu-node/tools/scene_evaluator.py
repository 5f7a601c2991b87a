"""The scenes evaluator: reads what each of the 9 cells holds (issue 19, "Evaluator").

A small CNN over 64×64 scenes: conv blocks down to a 16×16 map, then per cell
of the 3×3 grid the average and the maximum of the map over that cell → one
linear head shared by the cells → 33 logits (empty, or one of the 32 objects:
size × colour × shape). The global average of the map is the penultimate
feature vector, the space of the Fréchet distance. Trained on real rendered
scenes of the "evaluator-train" seed range (scenes.py), with light
corruptions so it stays sane on imperfect generated images; measured on the
"evaluator-real" and "heldout" ranges. Used only for measurement.

*Prompt accuracy* of an image: every cell reads as its caption says (each named
object with its shape, colour and size at its cell, every other cell empty).
"""

from __future__ import annotations

import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

import scenes

WIDTHS = (32, 64, 128)


def conv_bn(cin: int, cout: int) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU())


class SceneEvaluatorNet(nn.Module):
    """image [B,3,64,64] in [-1,1] → (logits [B,9,33], features [B,WIDTHS[-1]])."""

    def __init__(self, widths: tuple[int, int, int] = WIDTHS):
        super().__init__()
        w1, w2, w3 = widths
        self.body = nn.Sequential(
            conv_bn(3, w1), nn.MaxPool2d(2),  # 32×32
            conv_bn(w1, w2), conv_bn(w2, w2), nn.MaxPool2d(2),  # 16×16
            conv_bn(w2, w3), conv_bn(w3, w3),
        )  # fmt: skip
        self.head = nn.Linear(2 * w3, scenes.NUM_CELL_CLASSES)
        self.feature_dim = w3

    def forward(self, image: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        fmap = self.body(image)
        logits = self.head(cell_pool(fmap))  # [B, 9, 33], cells row-major
        return logits, fmap.mean(dim=(2, 3))


def cell_pool(fmap: torch.Tensor) -> torch.Tensor:
    """[B,C,H,W] → [B, 9, 2C]: mean and max over each cell's bins, the bins of
    ``adaptive_avg_pool2d(fmap, 3)`` spelled out as slices, which ONNX exports
    (adaptive pooling to a size that does not divide H does not)."""
    g = scenes.GRID
    h, w = fmap.shape[-2:]
    # Non-negative integer arithmetic only: traced for export, ONNX's Div truncates where // floors.
    rows = [(i * h // g, ((i + 1) * h + g - 1) // g) for i in range(g)]
    cols = [(j * w // g, ((j + 1) * w + g - 1) // g) for j in range(g)]
    cells = []
    for r0, r1 in rows:
        for c0, c1 in cols:
            patch = fmap[:, :, r0:r1, c0:c1].flatten(2)
            cells.append(torch.cat([patch.mean(dim=2), patch.amax(dim=2)], dim=1))
    return torch.stack(cells, dim=1)


def augment(x: torch.Tensor, gen: torch.Generator) -> torch.Tensor:
    """Colour gain ±10% / offset ±0.1 per channel, a 3×3 blur (σ 0.3–1) on half
    the batch, Gaussian noise σ 0–0.12. No flips: they would move the cells.
    The per-image parameters come from ``gen``; the pixel noise from the device's generator."""
    b, dev = x.shape[0], x.device

    def u(*shape: int, lo: float, hi: float) -> torch.Tensor:
        return (torch.rand(*shape, generator=gen) * (hi - lo) + lo).to(dev)

    x = x * u(b, 3, 1, 1, lo=0.9, hi=1.1) + u(b, 3, 1, 1, lo=-0.1, hi=0.1)
    sigma = torch.where(torch.rand(b, generator=gen) < 0.5, torch.rand(b, generator=gen) * 0.7 + 0.3, torch.zeros(b))
    x = torch.where((sigma > 0).to(dev)[:, None, None, None], blur(x, sigma.to(dev)), x)
    return x + torch.randn_like(x) * u(b, 1, 1, 1, lo=0.0, hi=0.12)  # the device's generator: no big copies


def blur(x: torch.Tensor, sigma: torch.Tensor) -> torch.Tensor:
    """Per-image 3×3 Gaussian blur, sigma [B] (evaluator_net.blur, on x's device)."""
    b, c, h, w = x.shape
    taps = torch.tensor([-1.0, 0.0, 1.0], device=x.device)
    k1 = torch.exp(-(taps[None] ** 2) / (2 * sigma.clamp_min(1e-3)[:, None] ** 2))
    k1 = k1 / k1.sum(dim=1, keepdim=True)
    k2 = (k1[:, :, None] * k1[:, None, :]).repeat_interleave(c, dim=0)[:, None]
    out = F.conv2d(F.pad(x.reshape(1, b * c, h, w), (1, 1, 1, 1), mode="replicate"), k2, groups=b * c)
    return out.reshape(b, c, h, w)


def train(seconds: float, batch: int, device, lr: float = 3e-3, max_steps: int | None = None, log=None):
    """AdamW, warm-up then a linear decay scheduled by wall-clock time, fresh data every step."""
    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(0)
    model = SceneEvaluatorNet().to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=1e-4)
    start = last_log = time.monotonic()
    step, warm = 0, 50
    while True:
        frac = (time.monotonic() - start) / seconds
        if frac >= 1 or (max_steps is not None and step >= max_steps):
            break
        for g in opt.param_groups:
            g["lr"] = lr * min((step + 1) / warm, 1.0, max(0.02, (1 - frac) / 0.5))
        images, layout = scenes.batch("evaluator-train", step, batch, device)
        labels = scenes.to_device(layout.labels, device)
        with torch.autocast(torch.device(device).type, dtype=torch.bfloat16):
            logits, _ = model(augment(images, gen))
        loss = F.cross_entropy(logits.float().flatten(0, 1), labels.flatten(), label_smoothing=0.05)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        step += 1
        if log and (step % 100 == 0 or step == 1 or time.monotonic() - last_log > 30):
            last_log = time.monotonic()
            log({"evaluator_step": step, "loss": round(loss.item(), 4), "s": round(time.monotonic() - start, 1)})
    model.eval()
    model.train_info = {"steps": step, "batch": batch, "images_seen": step * batch, "seconds": time.monotonic() - start}
    return model


@torch.no_grad()
def read(model: SceneEvaluatorNet, images: torch.Tensor, chunk: int = 512) -> tuple[np.ndarray, np.ndarray]:
    """(predicted cell labels [n,9], features [n,F] float64) of images in [-1,1]."""
    preds, feats = [], []
    for i in range(0, len(images), chunk):
        logits, f = model(images[i : i + chunk].float())
        preds.append(logits.argmax(-1).cpu().numpy())
        feats.append(f.double().cpu().numpy())
    return np.concatenate(preds), np.concatenate(feats)


def score(pred: np.ndarray, labels: np.ndarray) -> dict:
    """Prompt accuracy and its parts, plus the 33×33 cell confusion (rows true, columns read)."""
    named = labels > 0
    hit = pred == labels

    def attr(fn) -> float:
        t, p = labels[named] - 1, np.maximum(pred[named] - 1, 0)
        ok = (fn(t) == fn(p)) & (pred[named] > 0)
        return float(ok.mean()) if ok.size else float("nan")

    confusion = np.zeros((scenes.NUM_CELL_CLASSES,) * 2, dtype=np.int64)
    np.add.at(confusion, (labels.ravel(), pred.ravel()), 1)
    return {
        "count": len(labels),
        "prompt_acc": float(hit.all(axis=1).mean()),
        "object_acc": float(hit[named].mean()),
        "empty_cell_acc": float(hit[~named].mean()),
        "shape_acc": attr(lambda o: o % 4),
        "colour_acc": attr(lambda o: (o // 4) % 4),
        "size_acc": attr(lambda o: o // 16),
        "confusion": confusion.tolist(),
    }


def feature_stats(features: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return features.mean(axis=0), np.cov(features, rowvar=False)


def frechet(a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray]) -> float:
    """‖μa − μb‖² + tr(Σa + Σb − 2(Σa^½ Σb Σa^½)^½), with numpy only (no scipy there)."""
    (mu_a, cov_a), (mu_b, cov_b) = a, b
    w, v = np.linalg.eigh(cov_a)
    root_a = (v * np.sqrt(np.clip(w, 0, None))) @ v.T
    cross = np.sqrt(np.clip(np.linalg.eigvalsh(root_a @ cov_b @ root_a), 0, None)).sum()
    return float(((mu_a - mu_b) ** 2).sum() + np.trace(cov_a) + np.trace(cov_b) - 2 * cross)
