"""The prompted model's text encoder, trained jointly with its MMDiT.

Token and learned position embeddings, a few pre-norm transformer layers
(bidirectional, no padding mask: like SD3's T5 pass, [PAD] positions are
encoded too), a final LayerNorm → hidden states [B, T, width] (the MMDiT's
``encoder_hidden_states``, so ``joint_attention_dim`` = width); the mean of the
hidden states over the non-[PAD] tokens through a linear layer → the pooled
vector [B, pooled_dim] (SD3's ``pooled_projections``, which feeds adaLN). The
empty caption (all [PAD]) is the unconditional input.

Written for torch 1.13 and ONNX opset 17 as well as torch 2.x: attention is
spelled out (MatMul, Softmax, MatMul); at 40 tokens it costs nothing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import torch
import torch.nn.functional as F
from torch import nn


@dataclass(frozen=True)
class TextEncoderConfig:
    vocab_size: int
    length: int = 40
    width: int = 128
    layers: int = 2
    heads: int = 2
    pooled_dim: int = 128
    pad_id: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


class EncoderLayer(nn.Module):
    def __init__(self, width: int, heads: int):
        super().__init__()
        self.heads = heads
        self.norm1 = nn.LayerNorm(width)
        self.qkv = nn.Linear(width, 3 * width)
        self.out = nn.Linear(width, width)
        self.norm2 = nn.LayerNorm(width)
        self.fc1 = nn.Linear(width, 4 * width)
        self.fc2 = nn.Linear(4 * width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        b, t, d = x.shape
        q, k, v = self.qkv(self.norm1(x)).reshape(b, t, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        attn = torch.softmax(q @ k.transpose(-1, -2) * (d // self.heads) ** -0.5, dim=-1)
        x = x + self.out((attn @ v).transpose(1, 2).reshape(b, t, d))
        return x + self.fc2(F.gelu(self.fc1(self.norm2(x)), approximate="tanh"))


class TextEncoder(nn.Module):
    """ids [B, T] int64 → (hidden [B, T, width], pooled [B, pooled_dim])."""

    def __init__(self, cfg: TextEncoderConfig):
        super().__init__()
        self.cfg = cfg
        self.token = nn.Embedding(cfg.vocab_size, cfg.width)
        self.position = nn.Parameter(torch.zeros(1, cfg.length, cfg.width))
        nn.init.normal_(self.token.weight, std=0.02)
        nn.init.normal_(self.position, std=0.02)
        self.layers = nn.ModuleList(EncoderLayer(cfg.width, cfg.heads) for _ in range(cfg.layers))
        self.norm = nn.LayerNorm(cfg.width)
        self.pool = nn.Linear(cfg.width, cfg.pooled_dim)

    def forward(self, ids: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        if ids.shape[1] != self.cfg.length:
            raise ValueError(f"ids: expected {self.cfg.length} tokens per caption, got {ids.shape[1]}")
        x = self.token(ids) + self.position
        for layer in self.layers:
            x = layer(x)
        x = self.norm(x)
        words = (ids != self.cfg.pad_id).to(x.dtype)[..., None]
        mean = (x * words).sum(dim=1) / words.sum(dim=1).clamp_min(1.0)
        return x, self.pool(mean)
