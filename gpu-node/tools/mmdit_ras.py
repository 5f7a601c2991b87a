"""RAS for joint attention: the MMDiT forward over a subset of image tokens
(docs/model-contract.md, the MMDiT section; docs/ras.md).

The image tokens are the subset; the text tokens run every step, because they
attend to every image token. Each layer keeps a cache of every image token's K
and V (after qk-norm where the model has it) and, in MMDiT-X blocks, of its
image-only ``attn2`` K and V too. Inside a layer the fresh rows of the tokens
run are scattered into the cache before attention, so the image queries of the
subset and all text queries attend over [all N image tokens; all T text tokens].
A subset token's position embedding is gathered from its grid position in the
centre-cropped table, so with n = N and any caches the result is the dense
forward, and with fresh caches a subset reproduces it for its tokens.

The grid's height is the caches' token count over ``grid_w``: the same inputs
as ``ras-ready-dit/2`` give every 2-D position.
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F


def unfused_attention(q, k, v):
    """q [B,H,nq,hd], k / v [B,H,nk,hd] -> [B,H,nq,hd], scale 1/√hd."""
    att = torch.matmul(q, k.transpose(-1, -2)) * (1.0 / math.sqrt(q.shape[-1]))
    return torch.matmul(torch.softmax(att, dim=-1), v)


class FusedAttention(torch.autograd.Function):
    """softmax(q·kᵀ/√d)·v exported as one ``com.microsoft::MultiHeadAttention``
    node (query [B,nq,H·hd], key / value [B,H,nk,hd]); in PyTorch the unfused math."""

    @staticmethod
    def forward(ctx, q, k, v, heads: int):  # noqa: ARG004 - ctx unused, no backward
        b, n, d = q.shape
        qh = q.reshape(b, n, heads, d // heads).transpose(1, 2)
        return unfused_attention(qh, k, v).transpose(1, 2).reshape(b, n, d)

    @staticmethod
    def symbolic(g, q, k, v, heads: int):
        return g.op("com.microsoft::MultiHeadAttention", q, k, v, num_heads_i=heads)


class LayerCache:
    """One layer's image-token caches [B,H,N,hd] and where the subset runs."""

    def __init__(self, token_index, k, v, k2=None, v2=None):
        self.token_index, self.k, self.v, self.k2, self.v2 = token_index, k, v, k2, v2

    def write(self, cache, rows):
        """``cache`` with the subset's fresh ``rows`` [B,H,n,hd] written at ``token_index``."""
        b, h, n, hd = rows.shape
        idx = self.token_index.unsqueeze(1).unsqueeze(-1).expand(b, h, n, hd)
        return cache.to(rows.dtype).scatter(2, idx, rows)


def joint_attention(attn, x_hat, c_hat, cache: LayerCache | None):
    """Joint attention of image queries ``x_hat`` [B,n,D] and text queries
    ``c_hat`` [B,T,D] over [image; text] K/V (diffusers' JointAttnProcessor2_0).
    Returns (image output, text output or None, kv or None)."""
    q, k, v = attn.qkv(x_hat)
    kv = None
    if cache is not None:
        k_all, v_all = cache.write(cache.k, k), cache.write(cache.v, v)
        kv = {"k": k, "v": v, "k_all": k_all, "v_all": v_all}
    else:
        k_all, v_all = k, v
    qc, kc, vc = attn.qkv(c_hat, context=True)
    keys, values = torch.cat([k_all, kc], dim=2), torch.cat([v_all, vc], dim=2)
    n = q.shape[2]
    # The last block drops the text output: its text queries change nothing, so they are not run.
    queries = q if attn.to_add_out is None else torch.cat([q, qc], dim=2)
    out = attn.attend(queries, keys, values)
    attn_x = attn.to_out[1](attn.to_out[0](out[:, :n]))
    attn_c = attn.to_add_out(out[:, n:]) if attn.to_add_out is not None else None
    return attn_x, attn_c, kv


def self_attention(attn2, x_hat2, cache: LayerCache | None):
    """MMDiT-X's image-only ``attn2``: the subset's queries over every image token's K/V."""
    q, k, v = attn2.qkv(x_hat2)
    kv = None
    if cache is not None:
        k_all, v_all = cache.write(cache.k2, k), cache.write(cache.v2, v)
        kv = {"k2": k, "v2": v, "k2_all": k_all, "v2_all": v_all}
    else:
        k_all, v_all = k, v
    out = attn2.attend(q, k_all, v_all)
    return attn2.to_out[1](attn2.to_out[0](out)), kv


def embed_tokens(model, x, token_index, grid_h, grid_w):
    """Patch embedding of patchified tokens x [B,n,C·p·p] (features (py, px, c)):
    the conv as a linear map, plus each token's row of the cropped position table."""
    pe = model.pos_embed
    w = pe.proj.weight  # [D, C, p, p] -> [D, p·p·C] in (py, px, c) order
    h = F.linear(x, w.permute(0, 2, 3, 1).reshape(w.shape[0], -1), pe.proj.bias)
    m = pe.pos_embed_max_size
    top = torch.div(m - grid_h, 2, rounding_mode="floor")
    left = torch.div(m - grid_w, 2, rounding_mode="floor")
    row = torch.div(token_index, grid_w, rounding_mode="floor")
    col = torch.remainder(token_index, grid_w)
    pos = pe.pos_embed[0][(top + row) * m + (left + col)]
    return (h + pos).to(h.dtype)


def run(model, x, token_index, timestep, encoder_hidden_states, pooled_projections, grid_w, caches, return_context=False):
    """The RAS-ready MMDiT forward.

    x [B,n,C·p·p], token_index i64 [B,n], timestep f32 [B] (σ·1000),
    encoder_hidden_states [B,T,joint], pooled_projections [B,pooled], grid_w
    i64 [1] (the grid's width in tokens), caches: ``{"k": L tensors, "v": L
    tensors, "k2": …, "v2": …}`` [B,H,N,hd] (k2 / v2 one per dual layer, in
    order). Returns a dict: ``v`` [B,n,C·p·p] (velocity of the tokens run),
    ``k_new`` / ``v_new`` [L,B,H,n,hd], ``k_all`` / ``v_all`` (L tensors: the
    caches with the fresh rows written), and for MMDiT-X ``k2_new`` / ``v2_new``
    [L2,B,H,n,hd], ``k2_all`` / ``v2_all``; with ``return_context`` also
    ``context``: the text stream after each block but the last.
    """
    grid_h = torch.div(torch._shape_as_tensor(caches["k"][0])[2], grid_w, rounding_mode="floor")
    h = embed_tokens(model, x, token_index, grid_h, grid_w)
    temb = model.time_text_embed(timestep, pooled_projections)
    ctx = model.context_embedder(encoder_hidden_states)
    dual = {layer: j for j, layer in enumerate(model.dual_layers)}
    outs: dict[str, list] = {name: [] for name in ("k", "v", "k_all", "v_all", "k2", "v2", "k2_all", "v2_all")}
    contexts = []
    for i, block in enumerate(model.transformer_blocks):
        j = dual.get(i)
        k2, v2 = (caches["k2"][j], caches["v2"][j]) if j is not None else (None, None)
        ctx, h, kv = block(h, ctx, temb, LayerCache(token_index, caches["k"][i], caches["v"][i], k2, v2))
        for name, t in kv.items():
            outs[name].append(t)
        if ctx is not None:
            contexts.append(ctx)
    v = model.proj_out(model.norm_out(h, temb))
    result = {"v": v, "k_new": torch.stack(outs["k"]), "v_new": torch.stack(outs["v"])}
    result.update(k_all=outs["k_all"], v_all=outs["v_all"])
    if dual:
        result.update(k2_new=torch.stack(outs["k2"]), v2_new=torch.stack(outs["v2"]))
        result.update(k2_all=outs["k2_all"], v2_all=outs["v2_all"])
    if return_context:
        result["context"] = contexts
    return result


def empty_caches(model, batch: int, tokens: int, dtype=torch.float32) -> dict:
    """Zero caches for ``tokens`` image tokens (their values do not matter when n = N)."""
    cfg = model.config
    shape = (batch, cfg.num_attention_heads, tokens, cfg.attention_head_dim)
    zeros = lambda count: [torch.zeros(shape, dtype=dtype) for _ in range(count)]  # noqa: E731
    return {"k": zeros(cfg.num_layers), "v": zeros(cfg.num_layers), "k2": zeros(len(model.dual_layers)), "v2": zeros(len(model.dual_layers))}


def next_caches(result: dict) -> dict:
    """The caches a forward returned, as the next step's input."""
    return {"k": result["k_all"], "v": result["v_all"], "k2": result.get("k2_all", []), "v2": result.get("v2_all", [])}
