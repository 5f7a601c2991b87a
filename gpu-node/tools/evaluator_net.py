"""The evaluator network and its training augmentation (issue 3, "Evaluator").

A small CNN over the shapes classes: three conv blocks, global average pool
→ the penultimate features (the space the Fréchet distance is measured in)
→ a linear layer to the class logits. Used only for measurement.
"""

from __future__ import annotations

import torch
from torch import nn
from torch.nn import functional as F

from shapes import NUM_CLASSES

WIDTHS = (32, 64, 96)


def conv_bn(cin: int, cout: int) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU())


class EvaluatorNet(nn.Module):
    """image [B,3,32,32] in [-1,1] → (logits [B,16], features [B,WIDTHS[-1]])."""

    def __init__(self, num_classes: int = NUM_CLASSES, widths: tuple[int, ...] = WIDTHS):
        super().__init__()
        w1, w2, w3 = widths
        self.body = nn.Sequential(
            conv_bn(3, w1),
            conv_bn(w1, w1),
            nn.MaxPool2d(2),  # 16×16
            conv_bn(w1, w2),
            conv_bn(w2, w2),
            nn.MaxPool2d(2),  # 8×8
            conv_bn(w2, w3),
        )
        self.head = nn.Linear(w3, num_classes)
        self.feature_dim = w3

    def forward(self, image: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        features = self.body(image).mean(dim=(2, 3))
        return self.head(features), features


def blur(x: torch.Tensor, sigma: torch.Tensor) -> torch.Tensor:
    """Per-image 3×3 Gaussian blur; sigma [B] (0 leaves the image as it is)."""
    b, c, h, w = x.shape
    taps = torch.tensor([-1.0, 0.0, 1.0])
    k1 = torch.exp(-(taps[None] ** 2) / (2 * sigma.clamp_min(1e-3)[:, None] ** 2))
    k1 = k1 / k1.sum(dim=1, keepdim=True)  # [B,3]
    k2 = (k1[:, :, None] * k1[:, None, :]).repeat_interleave(c, dim=0)[:, None]  # [B·C,1,3,3]
    out = F.conv2d(F.pad(x.reshape(1, b * c, h, w), (1, 1, 1, 1), mode="replicate"), k2, groups=b * c)
    return out.reshape(b, c, h, w)


def augment(x: torch.Tensor, gen: torch.Generator) -> torch.Tensor:
    """Light corruption so the classifier stays sane on imperfect generated
    images: horizontal flip (every class is mirror-symmetric), per-channel
    colour gain/offset, blur on half the batch, Gaussian pixel noise."""
    b = x.shape[0]

    def u(*shape: int, lo: float, hi: float) -> torch.Tensor:
        return torch.rand(*shape, generator=gen) * (hi - lo) + lo

    flip = torch.rand(b, generator=gen) < 0.5
    x = torch.where(flip[:, None, None, None], x.flip(3), x)
    x = x * u(b, 3, 1, 1, lo=0.9, hi=1.1) + u(b, 3, 1, 1, lo=-0.1, hi=0.1)
    sigma = torch.where(torch.rand(b, generator=gen) < 0.5, u(b, lo=0.3, hi=1.0), torch.zeros(b))
    x = torch.where((sigma > 0)[:, None, None, None], blur(x, sigma), x)
    return x + torch.randn(x.shape, generator=gen) * u(b, 1, 1, 1, lo=0.0, hi=0.12)
