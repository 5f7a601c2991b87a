"""Tiny text encoders shaped as SD3's (mini_sd3_text.py): a CLIP text
transformer with projection (transformers' CLIPTextModelWithProjection: causal
pre-LN layers with quick-GELU, a final LayerNorm, the pooled row at the
highest id's position, the legacy ``eos_token_id == 2`` rule, projected without
bias), and a T5-like encoder (RMSNorm, unscaled attention, a gated-GELU feed
forward; no relative position bias, which the node never sees).
"""

from __future__ import annotations

import torch
from torch import nn


class ClipLayer(nn.Module):
    def __init__(self, width: int, heads: int, inner: int):
        super().__init__()
        self.heads = heads
        self.layer_norm1, self.layer_norm2 = nn.LayerNorm(width), nn.LayerNorm(width)
        self.q_proj, self.k_proj, self.v_proj, self.out_proj = (nn.Linear(width, width) for _ in range(4))
        self.fc1, self.fc2 = nn.Linear(width, inner), nn.Linear(inner, width)

    def attention(self, x: torch.Tensor) -> torch.Tensor:
        b, t, w = x.shape
        split = lambda y: y.view(b, t, self.heads, w // self.heads).transpose(1, 2)  # noqa: E731
        q, k, v = split(self.q_proj(x) * (w // self.heads) ** -0.5), split(self.k_proj(x)), split(self.v_proj(x))
        causal = torch.full((t, t), float("-inf")).triu(1)
        attn = (q @ k.transpose(-1, -2) + causal).softmax(-1)
        return self.out_proj((attn @ v).transpose(1, 2).reshape(b, t, w))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x + self.attention(self.layer_norm1(x))
        h = self.fc1(self.layer_norm2(x))
        return x + self.fc2(h * torch.sigmoid(1.702 * h))


class ClipText(nn.Module):
    """``input_ids`` → (``text_embeds``, ``last_hidden_state``, ``hidden_states.0`` … ``hidden_states.N``)."""

    def __init__(self, vocab: int, width: int, layers: int, heads: int, positions: int, projection: int):
        super().__init__()
        self.config = {
            "architectures": ["CLIPTextModelWithProjection"], "model_type": "clip_text_model",
            "hidden_size": width, "intermediate_size": 2 * width, "projection_dim": projection,
            "num_hidden_layers": layers, "num_attention_heads": heads, "max_position_embeddings": positions,
            "vocab_size": vocab, "hidden_act": "quick_gelu", "eos_token_id": 2, "bos_token_id": 0, "pad_token_id": 1,
        }
        self.token_embedding, self.position_embedding = nn.Embedding(vocab, width), nn.Embedding(positions, width)
        self.layers = nn.ModuleList(ClipLayer(width, heads, 2 * width) for _ in range(layers))
        self.final_layer_norm = nn.LayerNorm(width)
        self.text_projection = nn.Linear(width, projection, bias=False)

    def forward(self, input_ids: torch.Tensor):
        positions = torch.arange(input_ids.shape[1]).unsqueeze(0)
        states = [self.token_embedding(input_ids) + self.position_embedding(positions)]
        for layer in self.layers:
            states.append(layer(states[-1]))
        last = self.final_layer_norm(states[-1])
        pooled = last[torch.arange(last.shape[0]), input_ids.argmax(-1)]
        return (self.text_projection(pooled), last, *states)


class RmsNorm(nn.Module):
    def __init__(self, width: int):
        super().__init__()
        self.weight = nn.Parameter(1 + 0.1 * torch.randn(width))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.weight * x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + 1e-6)


class T5Like(nn.Module):
    """``input_ids`` → ``last_hidden_state`` [B, T, d_model]."""

    def __init__(self, vocab: int, d_model: int, d_kv: int, heads: int, d_ff: int):
        super().__init__()
        self.config = {
            "architectures": ["T5EncoderModel"], "model_type": "t5", "d_model": d_model, "d_kv": d_kv,
            "num_heads": heads, "d_ff": d_ff, "num_layers": 1, "vocab_size": vocab,
            "feed_forward_proj": "gated-gelu", "pad_token_id": 0, "eos_token_id": 1,
        }
        self.heads, self.d_kv = heads, d_kv
        self.shared = nn.Embedding(vocab, d_model)
        self.q, self.k, self.v = (nn.Linear(d_model, heads * d_kv, bias=False) for _ in range(3))
        self.o = nn.Linear(heads * d_kv, d_model, bias=False)
        self.wi_0, self.wi_1 = nn.Linear(d_model, d_ff, bias=False), nn.Linear(d_model, d_ff, bias=False)
        self.wo = nn.Linear(d_ff, d_model, bias=False)
        self.norm1, self.norm2, self.final_layer_norm = RmsNorm(d_model), RmsNorm(d_model), RmsNorm(d_model)

    def forward(self, input_ids: torch.Tensor) -> torch.Tensor:
        x = self.shared(input_ids)
        b, t, _ = x.shape
        h = self.norm1(x)
        split = lambda y: y.view(b, t, self.heads, self.d_kv).transpose(1, 2)  # noqa: E731
        q, k, v = split(self.q(h)), split(self.k(h)), split(self.v(h))
        x = x + self.o(((q @ k.transpose(-1, -2)).softmax(-1) @ v).transpose(1, 2).reshape(b, t, -1))
        h = self.norm2(x)
        x = x + self.wo(nn.functional.gelu(self.wi_0(h), approximate="tanh") * self.wi_1(h))
        return self.final_layer_norm(x)
