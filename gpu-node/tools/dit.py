"""A DiT (Peebles & Xie, 2023) whose forward is RAS-ready (docs/model-contract.md).

The forward takes a *subset* of tokens (``x`` with their ``token_index``), the
per-layer K/V cache of all N tokens, and returns the velocity of the subset, the
fresh K/V rows of the subset and the updated full caches. Inside each layer the
fresh rows are scattered into the cache before attention, so the selected
queries attend over all N tokens. With n = N and any cache, the result equals a
plain dense DiT forward.

Written for torch 1.13 and ONNX opset 17: attention is spelled out (no SDPA),
layer norms use ``F.layer_norm`` with explicit buffers (torch 1.13 exports an
affine-free ``nn.LayerNorm`` with an empty scale that fails the ONNX checker).
For export, attention can be emitted as one fused ``com.microsoft``
``MultiHeadAttention`` node (``DiT.attention = "fused"``): onnxruntime runs it
as FlashAttention on WebGPU and never builds the [n, N] score tensor.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import torch
import torch.nn.functional as F
from torch import nn


@dataclass(frozen=True)
class DiTConfig:
    """Architecture of one model; stored in the model card."""

    patch: int = 4
    channels: int = 3
    hidden: int = 192
    depth: int = 6
    heads: int = 3
    num_classes: int = 16
    mlp_ratio: float = 4.0
    time_scale: float = 1000.0
    freq_dim: int = 256

    @property
    def head_dim(self) -> int:
        return self.hidden // self.heads

    @property
    def token_dim(self) -> int:
        return self.patch * self.patch * self.channels

    @property
    def null_class(self) -> int:
        """Index of the null label used for classifier-free guidance."""
        return self.num_classes

    def to_dict(self) -> dict:
        return asdict(self)


def sincos_1d(dim: int, pos: torch.Tensor) -> torch.Tensor:
    """1-D sin-cos embedding of float positions ``pos`` [...] -> [..., dim]."""
    omega = torch.arange(dim // 2, dtype=torch.float32, device=pos.device) / (dim / 2.0)
    omega = 1.0 / (10000.0**omega)
    out = pos.unsqueeze(-1) * omega
    return torch.cat([torch.sin(out), torch.cos(out)], dim=-1)


def grid_pos_embed(hidden: int, token_index: torch.Tensor, grid_w: torch.Tensor) -> torch.Tensor:
    """2-D sin-cos position embedding (MAE / DiT layout) of the tokens at
    ``token_index`` on a grid ``grid_w`` tokens wide. Computed from the index so
    one graph serves every grid shape (non-square included)."""
    row = torch.div(token_index, grid_w, rounding_mode="floor").to(torch.float32)
    col = torch.remainder(token_index, grid_w).to(torch.float32)
    # DiT concatenates the embedding of the w coordinate first, then h.
    return torch.cat([sincos_1d(hidden // 2, col), sincos_1d(hidden // 2, row)], dim=-1)


def timestep_embedding(t: torch.Tensor, dim: int) -> torch.Tensor:
    """Sinusoidal timestep features [B] -> [B, dim] (DiT's TimestepEmbedder)."""
    half = dim // 2
    freqs = torch.exp(-math.log(10000.0) * torch.arange(half, dtype=torch.float32) / half)
    args = t.to(torch.float32).unsqueeze(-1) * freqs.unsqueeze(0)
    return torch.cat([torch.cos(args), torch.sin(args)], dim=-1)


class LayerNormNoAffine(nn.Module):
    """LayerNorm without learned affine, exportable at opset 17 (explicit ones/zeros)."""

    def __init__(self, dim: int):
        super().__init__()
        self.dim = dim
        self.register_buffer("ones", torch.ones(dim), persistent=False)
        self.register_buffer("zeros", torch.zeros(dim), persistent=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.layer_norm(x, (self.dim,), self.ones, self.zeros, 1e-6)


def modulate(x: torch.Tensor, shift: torch.Tensor, scale: torch.Tensor) -> torch.Tensor:
    return x * (1 + scale.unsqueeze(1)) + shift.unsqueeze(1)


class FusedAttention(torch.autograd.Function):
    """softmax(q·kᵀ/√d)·v over the full caches; exported as one
    ``com.microsoft::MultiHeadAttention`` node (query [B,n,H·hd], key / value
    in the cache layout [B,H,N,hd]). In PyTorch it is the unfused math."""

    @staticmethod
    def forward(ctx, q, k_all, v_all, heads: int):  # noqa: ARG004 - ctx unused, no backward
        b, n, d = q.shape
        qh = q.reshape(b, n, heads, d // heads).transpose(1, 2)
        return unfused_attention(qh, k_all, v_all).transpose(1, 2).reshape(b, n, d)

    @staticmethod
    def symbolic(g, q, k_all, v_all, heads: int):
        return g.op("com.microsoft::MultiHeadAttention", q, k_all, v_all, num_heads_i=heads)


def unfused_attention(q, k_all, v_all):
    """q [B,H,n,hd], k_all / v_all [B,H,N,hd] -> [B,H,n,hd]."""
    att = torch.matmul(q, k_all.transpose(-1, -2)) * (1.0 / math.sqrt(q.shape[-1]))
    return torch.matmul(torch.softmax(att, dim=-1), v_all)


class Block(nn.Module):
    """adaLN-Zero DiT block with attention over a full K/V cache."""

    def __init__(self, cfg: DiTConfig):
        super().__init__()
        d = cfg.hidden
        self.heads, self.head_dim = cfg.heads, cfg.head_dim
        self.norm1 = LayerNormNoAffine(d)
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)
        self.norm2 = LayerNormNoAffine(d)
        hidden_mlp = int(d * cfg.mlp_ratio)
        self.fc1 = nn.Linear(d, hidden_mlp)
        self.fc2 = nn.Linear(hidden_mlp, d)
        self.ada = nn.Linear(d, 6 * d)
        self.attention = "unfused"

    def forward(self, x, c, token_index, k_cache, v_cache):
        """x [B,n,D], c [B,D], token_index [B,n], k/v_cache [B,H,N,hd].
        Returns (x, k_new, v_new [B,H,n,hd], k_all, v_all [B,H,N,hd])."""
        b, n, d = x.shape
        sh1, sc1, g1, sh2, sc2, g2 = self.ada(F.silu(c)).chunk(6, dim=-1)
        h = modulate(self.norm1(x), sh1, sc1)
        qkv = self.qkv(h).reshape(b, n, 3, self.heads, self.head_dim).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        # Fresh rows overwrite the cache rows of the selected tokens (docs/ras.md).
        idx = token_index.unsqueeze(1).unsqueeze(-1).expand(b, self.heads, n, self.head_dim)
        k_all = k_cache.to(k.dtype).scatter(2, idx, k)
        v_all = v_cache.to(v.dtype).scatter(2, idx, v)
        if self.attention == "fused":
            out = FusedAttention.apply(q.transpose(1, 2).reshape(b, n, d), k_all, v_all, self.heads)
        elif self.attention == "sdpa":  # PyTorch ≥ 2 only (timing references); not exportable with 1.13
            out = F.scaled_dot_product_attention(q, k_all, v_all).transpose(1, 2).reshape(b, n, d)
        else:
            out = unfused_attention(q, k_all, v_all).transpose(1, 2).reshape(b, n, d)
        x = x + g1.unsqueeze(1) * self.proj(out)
        h = modulate(self.norm2(x), sh2, sc2)
        x = x + g2.unsqueeze(1) * self.fc2(F.gelu(self.fc1(h), approximate="tanh"))
        return x, k, v, k_all, v_all


class DiT(nn.Module):
    """Class-conditional DiT over patchified tokens with a RAS-ready forward."""

    def __init__(self, cfg: DiTConfig):
        super().__init__()
        self.cfg = cfg
        d = cfg.hidden
        self.x_embed = nn.Linear(cfg.token_dim, d)
        self.t_mlp = nn.Sequential(nn.Linear(cfg.freq_dim, d), nn.SiLU(), nn.Linear(d, d))
        self.y_embed = nn.Embedding(cfg.num_classes + 1, d)  # last row: null label
        self.blocks = nn.ModuleList(Block(cfg) for _ in range(cfg.depth))
        self.norm_out = LayerNormNoAffine(d)
        self.ada_out = nn.Linear(d, 2 * d)
        self.out = nn.Linear(d, cfg.token_dim)
        self.init_weights()

    def init_weights(self) -> None:
        """DiT's init: xavier linears, zeroed adaLN modulation and output layer."""
        for m in self.modules():
            if isinstance(m, nn.Linear):
                nn.init.xavier_uniform_(m.weight)
                nn.init.zeros_(m.bias)
        nn.init.normal_(self.y_embed.weight, std=0.02)
        for lin in (self.t_mlp[0], self.t_mlp[2]):
            nn.init.normal_(lin.weight, std=0.02)
        for blk in self.blocks:
            nn.init.zeros_(blk.ada.weight)
            nn.init.zeros_(blk.ada.bias)
        for lin in (self.ada_out, self.out):
            nn.init.zeros_(lin.weight)
            nn.init.zeros_(lin.bias)

    def randomize(self, seed: int) -> None:
        """Random non-zero weights everywhere (test and benchmark models): with the
        zero init every output would be 0 and every RAS test trivially pass."""
        gen = torch.Generator().manual_seed(seed)
        with torch.no_grad():
            for p in self.parameters():
                fan_in = p.shape[-1] if p.dim() > 1 else p.shape[0]
                p.copy_(torch.randn(p.shape, generator=gen) / math.sqrt(fan_in))

    def condition(self, timestep: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return self.t_mlp(timestep_embedding(timestep, self.cfg.freq_dim)) + self.y_embed(cond)

    @property
    def attention(self) -> str:
        """"unfused" (MatMul-Softmax-MatMul), "fused" (one MultiHeadAttention node
        on export) or "sdpa" (PyTorch's scaled_dot_product_attention, not exported)."""
        return self.blocks[0].attention

    @attention.setter
    def attention(self, kind: str) -> None:
        if kind not in ("unfused", "fused", "sdpa"):
            raise ValueError(f"attention must be 'unfused', 'fused' or 'sdpa', got {kind!r}")
        for blk in self.blocks:
            blk.attention = kind

    def run(self, x, token_index, timestep, cond, grid_w, k_caches, v_caches):
        """The RAS-ready contract v2 (docs/model-contract.md), caches per layer.

        x [B,n,C·p·p], token_index i64 [B,n], timestep f32 [B], cond i64 [B],
        grid_w i64 [1] (grid width in tokens), k_caches / v_caches: L tensors f32 [B,H,N,hd].
        Returns v [B,n,C·p·p], k_new / v_new [L,B,H,n,hd], and the updated caches
        k_all / v_all: L tensors [B,H,N,hd] (the inputs with the fresh rows written).
        """
        c = self.condition(timestep, cond)
        h = self.x_embed(x) + grid_pos_embed(self.cfg.hidden, token_index, grid_w)
        ks, vs, k_all, v_all = [], [], [], []
        for i, blk in enumerate(self.blocks):
            h, k, v, ka, va = blk(h, c, token_index, k_caches[i], v_caches[i])
            ks.append(k)
            vs.append(v)
            k_all.append(ka)
            v_all.append(va)
        shift, scale = self.ada_out(F.silu(c)).chunk(2, dim=-1)
        out = self.out(modulate(self.norm_out(h), shift, scale))
        return out, torch.stack(ks), torch.stack(vs), k_all, v_all

    def forward(self, x, token_index, timestep, cond, k_cache, v_cache, grid_w):
        """``run`` with stacked caches [L,B,H,N,hd] in and out (Python callers).
        Returns v, k_new, v_new, k_all, v_all."""
        v, k_new, v_new, k_all, v_all = self.run(
            x, token_index, timestep, cond, grid_w, list(k_cache.unbind(0)), list(v_cache.unbind(0))
        )
        return v, k_new, v_new, torch.stack(k_all), torch.stack(v_all)

    def empty_cache(self, batch: int, tokens: int) -> torch.Tensor:
        cfg = self.cfg
        return torch.zeros(cfg.depth, batch, cfg.heads, tokens, cfg.head_dim)

    def dense(self, x, timestep, cond, grid_w: int):
        """Plain dense forward over all N tokens (training and references)."""
        b, n, _ = x.shape
        idx = torch.arange(n).unsqueeze(0).expand(b, n)
        cache = self.empty_cache(b, n)
        return self(x, idx, timestep, cond, cache, cache, torch.tensor([grid_w]))[0]


def patchify(img: torch.Tensor, p: int) -> torch.Tensor:
    """[B,C,H,W] -> [B, (H/p)(W/p), p·p·C], tokens row-major, features (py, px, c)."""
    b, c, h, w = img.shape
    x = img.reshape(b, c, h // p, p, w // p, p).permute(0, 2, 4, 3, 5, 1)
    return x.reshape(b, (h // p) * (w // p), p * p * c)


def unpatchify(tokens: torch.Tensor, p: int, c: int, grid_h: int, grid_w: int) -> torch.Tensor:
    b = tokens.shape[0]
    x = tokens.reshape(b, grid_h, grid_w, p, p, c).permute(0, 5, 1, 3, 2, 4)
    return x.reshape(b, c, grid_h * p, grid_w * p)
