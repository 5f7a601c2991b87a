"""Gemma (1) as Lumina-Next reads it: transformers' ``GemmaModel``, its names and math.

Matched against transformers' ``models/gemma/modeling_gemma.py`` (``GemmaModel``,
``GemmaDecoderLayer``, ``GemmaAttention``, ``GemmaMLP``, ``GemmaRMSNorm``,
``GemmaRotaryEmbedding``): embeddings × √hidden (the normalizer in the embedding's
dtype), pre-norm decoder layers with RMSNorm in fp32 scaled by (1 + weight), rotate-half
RoPE at positions 0..T−1, grouped-query causal attention with the padding mask, and a
gated-GELU MLP. Lumina's pipeline reads ``hidden_states[-2]``: the output of the first
N − 1 layers, not through the final norm (``encode(…, layers=N−1)``). Written for torch
1.13 and the TorchScript ONNX exporter: attention is MatMul–Softmax–MatMul, the mask a
``Where`` with fp32's lowest value (finite, so a row with no key left stays a number).
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn

from gemma_config import GemmaConfig

__all__ = ["GemmaConfig", "GemmaModel"]


class GemmaRMSNorm(nn.Module):
    """x · rsqrt(mean(x²) + eps) · (1 + weight), in fp32, back to x's dtype (transformers' order)."""

    def __init__(self, dim: int, eps: float, device=None):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.zeros(dim, device=device))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = x.float()
        h = h * torch.rsqrt(h.pow(2).mean(-1, keepdim=True) + self.eps)
        return (h * (1.0 + self.weight.float())).type_as(x)


class GemmaAttention(nn.Module):
    """q/k/v/o projections without bias; K/V heads shared by groups of query heads."""

    def __init__(self, cfg: GemmaConfig, device=None):
        super().__init__()
        self.heads, self.kv_heads, self.head_dim = cfg.num_attention_heads, cfg.num_key_value_heads, cfg.head_dim
        hidden = cfg.hidden_size
        self.q_proj = nn.Linear(hidden, self.heads * self.head_dim, bias=False, device=device)
        self.k_proj = nn.Linear(hidden, self.kv_heads * self.head_dim, bias=False, device=device)
        self.v_proj = nn.Linear(hidden, self.kv_heads * self.head_dim, bias=False, device=device)
        self.o_proj = nn.Linear(self.heads * self.head_dim, hidden, bias=False, device=device)

    def forward(self, x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor, allowed: torch.Tensor) -> torch.Tensor:
        b, t, _ = x.shape
        q = self.q_proj(x).view(b, t, self.heads, self.head_dim).transpose(1, 2)
        k = self.k_proj(x).view(b, t, self.kv_heads, self.head_dim).transpose(1, 2)
        v = self.v_proj(x).view(b, t, self.kv_heads, self.head_dim).transpose(1, 2)
        q, k = q * cos + rotate_half(q) * sin, k * cos + rotate_half(k) * sin
        group = self.heads // self.kv_heads
        # transformers' repeat_kv: query head h reads K/V head h // group (expand + reshape exports with T dynamic).
        k = k[:, :, None].expand(b, self.kv_heads, group, t, self.head_dim).reshape(b, self.heads, t, self.head_dim)
        v = v[:, :, None].expand(b, self.kv_heads, group, t, self.head_dim).reshape(b, self.heads, t, self.head_dim)
        scores = torch.matmul(q, k.transpose(2, 3)) * self.head_dim**-0.5
        scores = scores.masked_fill(~allowed, torch.finfo(torch.float32).min)
        weights = torch.softmax(scores, dim=-1, dtype=torch.float32).to(q.dtype)
        out = torch.matmul(weights, v).transpose(1, 2).reshape(b, t, self.heads * self.head_dim)
        return self.o_proj(out)


def rotate_half(x: torch.Tensor) -> torch.Tensor:
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


class GemmaMLP(nn.Module):
    """down(act(gate(x)) · up(x)); act is the config's GELU (tanh-approximated for Gemma)."""

    def __init__(self, cfg: GemmaConfig, device=None):
        super().__init__()
        self.approximate = "tanh" if cfg.hidden_activation in ("gelu_pytorch_tanh", "gelu_new") else "none"
        self.gate_proj = nn.Linear(cfg.hidden_size, cfg.intermediate_size, bias=False, device=device)
        self.up_proj = nn.Linear(cfg.hidden_size, cfg.intermediate_size, bias=False, device=device)
        self.down_proj = nn.Linear(cfg.intermediate_size, cfg.hidden_size, bias=False, device=device)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.down_proj(F.gelu(self.gate_proj(x), approximate=self.approximate) * self.up_proj(x))


class GemmaDecoderLayer(nn.Module):
    def __init__(self, cfg: GemmaConfig, device=None):
        super().__init__()
        self.self_attn = GemmaAttention(cfg, device)
        self.mlp = GemmaMLP(cfg, device)
        self.input_layernorm = GemmaRMSNorm(cfg.hidden_size, cfg.rms_norm_eps, device)
        self.post_attention_layernorm = GemmaRMSNorm(cfg.hidden_size, cfg.rms_norm_eps, device)

    def forward(self, x, cos, sin, allowed):
        x = x + self.self_attn(self.input_layernorm(x), cos, sin, allowed)
        return x + self.mlp(self.post_attention_layernorm(x))


class GemmaModel(nn.Module):
    """``GemmaModel``: ids [B, T] int64 (+ attention mask [B, T], 1 = token) → hidden states."""

    def __init__(self, cfg: GemmaConfig, device=None):
        super().__init__()
        self.cfg = cfg
        self.embed_tokens = nn.Embedding(cfg.vocab_size, cfg.hidden_size, device=device)
        self.layers = nn.ModuleList(GemmaDecoderLayer(cfg, device) for _ in range(cfg.num_hidden_layers))
        self.norm = GemmaRMSNorm(cfg.hidden_size, cfg.rms_norm_eps, device)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor | None = None) -> tuple[torch.Tensor, ...]:
        """transformers' ``hidden_states`` (``output_hidden_states=True``): the scaled embeddings,
        the output of each layer but the last, then the final norm of the last layer's output."""
        x, cos, sin, allowed = self.prepare(input_ids, attention_mask)
        states = [x]
        for layer in self.layers:
            x = layer(x, cos, sin, allowed)
            states.append(x)
        states[-1] = self.norm(x)
        return tuple(states)

    def encode(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, layers: int) -> torch.Tensor:
        """The output of the first ``layers`` decoder layers (``hidden_states[layers]``), the rest never run."""
        if not 0 <= layers < len(self.layers):
            raise ValueError(f"layers: {layers} is not below the model's {len(self.layers)} layers (the last is normed)")
        x, cos, sin, allowed = self.prepare(input_ids, attention_mask)
        for layer in self.layers[:layers]:
            x = layer(x, cos, sin, allowed)
        return x

    def prepare(self, input_ids: torch.Tensor, attention_mask: torch.Tensor | None):
        """Scaled embeddings, the RoPE cos/sin [1, 1, T, head_dim] and the allowed keys [B, 1, T, T]."""
        x = self.embed_tokens(input_ids)
        x = x * torch.tensor(math.sqrt(self.cfg.hidden_size), dtype=x.dtype)
        t = input_ids.shape[1]
        positions = torch.arange(t, device=input_ids.device).float()
        hd = self.cfg.head_dim
        inv_freq = 1.0 / (self.cfg.rope_theta ** (torch.arange(0, hd, 2, dtype=torch.int64).float() / hd))
        freqs = positions[:, None] * inv_freq[None, :]
        emb = torch.cat((freqs, freqs), dim=-1)
        cos, sin = emb.cos().to(x.dtype)[None, None], emb.sin().to(x.dtype)[None, None]
        causal = torch.ones(t, t, dtype=torch.bool, device=input_ids.device).tril()
        if attention_mask is None:
            allowed = causal[None, None]
        else:
            allowed = causal[None, None] & (attention_mask != 0)[:, None, None, :]
        return x, cos, sin, allowed
