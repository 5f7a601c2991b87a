"""Lumina-Next's transformer block (diffusers' ``LuminaNextDiTBlock``) and its parts.

Sandwich norms and scale-only adaLN (``LuminaRMSNormZero``), a grouped-query
self-attention (``attn1``, no output projection) beside a gated
cross-attention to the text (``attn2``), mixed per head by tanh(gate) before
``attn2.to_out.0``; a SwiGLU feed-forward. The block takes the text K/V and the
RoPE rows of its tokens as inputs, and an optional ``write_kv`` that turns the
tokens' fresh self-attention K/V into the keys attended over (the RAS caches):
the dense forward is the block with ``write_kv`` absent.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from lumina_rope import apply_rope
from mmdit import RMSNorm
from mmdit_ras import FusedAttention


def attend(q, k, v, scale: float | None, key_mask=None, kind: str = "unfused"):
    """Grouped-query attention: q [B,H,nq,hd], k / v [B,Hkv,nk,hd] (query head h reads
    K/V head h // (H/Hkv), as diffusers' repeat), key_mask bool [B,nk] -> [B,nq,H,hd].
    ``kind`` "unfused" spells it out (the exported math); "sdpa" is PyTorch ≥ 2.1's
    ``scaled_dot_product_attention`` (timing references only, not exported)."""
    rep = q.shape[1] // k.shape[1]
    # expand + flatten, not repeat_interleave: torch 1.13's ONNX export of that fixes the traced shapes
    k, v = (t.unsqueeze(2).expand(-1, -1, rep, -1, -1).flatten(1, 2) for t in (k, v))
    scale = q.shape[-1] ** -0.5 if scale is None else scale
    if kind == "sdpa":
        mask = None if key_mask is None else key_mask[:, None, None, :]
        return F.scaled_dot_product_attention(q, k, v, attn_mask=mask, scale=scale).transpose(1, 2)
    att = torch.matmul(q, k.transpose(-1, -2)) * scale
    if key_mask is not None:
        att = att.masked_fill(~key_mask[:, None, None, :], float("-inf"))
    return torch.matmul(torch.softmax(att, dim=-1), v).transpose(1, 2)


def attend_fused(q, k, v, scale, heads: int, head_dim: int):
    """``attend`` without a mask as one ``com.microsoft::MultiHeadAttention`` on export
    (mmdit_ras.FusedAttention): the K/V heads expanded to the query heads, and ``scale``
    (a float or, for proportional attention, a tensor computed in the graph) folded into
    q, since the op's own scale is a fixed attribute of 1/√hd. ``heads`` and ``head_dim``
    are the module's ints (traced shapes cannot be the op's attribute)."""
    b, _, n, _ = q.shape
    rep = heads // k.shape[1]
    k, v = (t.unsqueeze(2).expand(-1, -1, rep, -1, -1).flatten(1, 2) for t in (k, v))
    if scale is not None:
        q = q * (scale * head_dim**0.5)
    out = FusedAttention.apply(q.transpose(1, 2).reshape(b, n, heads * head_dim), k, v, heads)
    return out.view(b, n, heads, head_dim)


class LuminaAttention(nn.Module):
    """The parameters of diffusers' ``Attention`` as Lumina builds it: no biases,
    ``qk_norm="layer_norm_across_heads"`` (LayerNorm over all heads' q, over all KV heads' k)."""

    def __init__(self, dim, kv_in, heads, kv_heads, qk_norm, out_proj, device=None):
        super().__init__()
        self.heads, self.kv_heads, self.head_dim = heads, kv_heads, dim // heads
        self.fused = False  # export only: the self-attention as one MultiHeadAttention node
        kv_dim = kv_heads * self.head_dim
        self.to_q = nn.Linear(dim, dim, bias=False, device=device)
        self.to_k = nn.Linear(kv_in, kv_dim, bias=False, device=device)
        self.to_v = nn.Linear(kv_in, kv_dim, bias=False, device=device)
        self.norm_q = nn.LayerNorm(dim, eps=1e-5, device=device) if qk_norm else None
        self.norm_k = nn.LayerNorm(kv_dim, eps=1e-5, device=device) if qk_norm else None
        if out_proj:
            self.to_out = nn.ModuleList([nn.Linear(dim, dim, bias=False, device=device), nn.Dropout(0.0)])
        else:
            self.to_out = nn.Identity()

    def query(self, x, rope):
        """[B,n,dim] -> q [B,H,n,hd], normed and rotated."""
        q = self.to_q(x)
        q = self.norm_q(q) if self.norm_q is not None else q
        return apply_rope(q.view(*x.shape[:2], self.heads, self.head_dim), rope).transpose(1, 2)

    def key_value(self, x, rope=None):
        """[B,n,kv_in] -> k, v [B,Hkv,n,hd]; k normed, and rotated when ``rope`` is given."""
        k, v = self.to_k(x), self.to_v(x)
        k = self.norm_k(k) if self.norm_k is not None else k
        k = k.view(*x.shape[:2], self.kv_heads, self.head_dim)
        if rope is not None:
            k = apply_rope(k, rope)
        return k.transpose(1, 2), v.view(*x.shape[:2], self.kv_heads, self.head_dim).transpose(1, 2)


class LuminaFeedForward(nn.Module):
    """SwiGLU: linear_2(SiLU_fp32(linear_1(x)) · linear_3(x)), inner width 2/3 · 4·dim rounded up to ``multiple_of``."""

    def __init__(self, dim: int, multiple_of: int, ffn_dim_multiplier: float | None, device=None):
        super().__init__()
        inner = int(2 * 4 * dim / 3)
        if ffn_dim_multiplier is not None:
            inner = int(ffn_dim_multiplier * inner)
        inner = multiple_of * ((inner + multiple_of - 1) // multiple_of)
        self.linear_1 = nn.Linear(dim, inner, bias=False, device=device)
        self.linear_2 = nn.Linear(inner, dim, bias=False, device=device)
        self.linear_3 = nn.Linear(dim, inner, bias=False, device=device)

    def forward(self, x):
        h1 = self.linear_1(x)
        return self.linear_2(F.silu(h1.float()).to(h1.dtype) * self.linear_3(x))


class LuminaRMSNormZero(nn.Module):
    """RMSNorm(x)·(1 + scale_msa); returns it with gate_msa, scale_mlp, gate_mlp (that chunk order)."""

    def __init__(self, dim: int, eps: float, device=None):
        super().__init__()
        self.linear = nn.Linear(min(dim, 1024), 4 * dim, device=device)
        self.norm = RMSNorm(dim, device, eps)

    def forward(self, x, temb):
        scale_msa, gate_msa, scale_mlp, gate_mlp = self.linear(F.silu(temb)).chunk(4, dim=1)
        return self.norm(x) * (1 + scale_msa[:, None]), gate_msa, scale_mlp, gate_mlp


class LuminaNextDiTBlock(nn.Module):
    def __init__(self, cfg, device=None):
        super().__init__()
        d, eps = cfg.hidden_size, cfg.norm_eps
        heads, kv = cfg.num_attention_heads, cfg.kv_heads
        self.gate = nn.Parameter(torch.zeros(heads, device=device))
        self.attn1 = LuminaAttention(d, d, heads, kv, cfg.qk_norm, False, device)
        self.attn2 = LuminaAttention(d, cfg.cross_attention_dim, heads, kv, cfg.qk_norm, True, device)
        self.feed_forward = LuminaFeedForward(d, cfg.multiple_of, cfg.ffn_dim_multiplier, device)
        self.norm1 = LuminaRMSNormZero(d, eps, device)
        self.ffn_norm1, self.norm2, self.ffn_norm2 = (RMSNorm(d, device, eps) for _ in range(3))
        self.norm1_context = RMSNorm(cfg.cross_attention_dim, device, eps)
        self.attention = "unfused"  # or "sdpa" (lumina_next.LuminaNextDiT2DModel.attention)

    def text_kv(self, encoder_hidden_states):
        """The cross-attention's text K/V [B,Hkv,L,hd]: per prompt, not per step."""
        return self.attn2.key_value(self.norm1_context(encoder_hidden_states))

    def forward(self, x, temb, rope, text_k, text_v, text_mask, self_scale, write_kv=None):
        """x [B,n,D] with RoPE rows [B|1,n,hd/2]. Returns (x, (k, v)): the fresh self-attention
        K/V [B,Hkv,n,hd], or with ``write_kv(k, v) -> (k_all, v_all)`` the keys attended over."""
        normed, gate_msa, scale_mlp, gate_mlp = self.norm1(x, temb)
        k, v = self.attn1.key_value(normed, rope)
        if write_kv is not None:
            k, v = write_kv(k, v)
        q = self.attn1.query(normed, rope)
        if self.attn1.fused:
            self_out = attend_fused(q, k, v, self_scale, self.attn1.heads, self.attn1.head_dim)
        else:
            self_out = attend(q, k, v, self_scale, kind=self.attention)
        cross_out = attend(self.attn2.query(normed, rope), text_k, text_v, None, text_mask, self.attention)
        mixed = self_out + cross_out * self.gate.tanh().view(1, 1, -1, 1)
        h = self.attn2.to_out[0](mixed.flatten(-2))
        x = x + gate_msa.unsqueeze(1).tanh() * self.norm2(h)
        mlp = self.feed_forward(self.ffn_norm1(x) * (1 + scale_mlp.unsqueeze(1)))
        return x + gate_mlp.unsqueeze(1).tanh() * self.ffn_norm2(mlp), (k, v)
