"""RAS for Lumina-Next: the NextDiT forward over a subset of image tokens.

Lumina-Next has no text stream: the text enters each block through a
cross-attention whose K/V depend only on the prompt, so ``encode_prompt``
computes them (and the caption part of the adaLN embedding) once per prompt,
not every step. Each layer keeps a cache of every image token's self-attention
K (after ``norm_k`` and RoPE) and V at the model's KV heads (grouped-query: 8
for Lumina-Next-SFT, a quarter of the query heads). Inside a layer the fresh
rows of the tokens run are scattered into the caches before attention, so the
subset's queries attend over all N image tokens. A token's RoPE row is gathered
from the table at its grid position (row = index div grid_w, col = index mod
grid_w), so any grid shape works. Proportional attention scales with the key
count N, not the subset's size. With n = N and any caches this is the dense
forward; with fresh caches a subset reproduces the dense result for its tokens.

Cached keys are rotated: a RoPE table that changes between steps (diffusers'
time-aware scaling at resolutions other than 1024², with a watershed below 1)
needs a dense step at the change.
"""

from __future__ import annotations

import torch

from lumina_next import LuminaNextDiT2DModel, self_attention_scale
from lumina_rope import gather_rows
from mmdit_ras import LayerCache


def encode_prompt(model: LuminaNextDiT2DModel, encoder_hidden_states, encoder_mask) -> dict:
    """What a prompt fixes for every step: ``caption`` [B, cond] (the pooled-caption part
    of temb), ``text_k`` / ``text_v`` (L tensors [B,Hkv,T,hd]) and ``mask`` bool [B,T]."""
    if encoder_mask.shape != encoder_hidden_states.shape[:2]:
        want = tuple(encoder_hidden_states.shape[:2])
        raise ValueError(f"encoder_mask {tuple(encoder_mask.shape)} must be encoder_hidden_states' [B, T] {want}")
    caption = model.time_caption_embed.caption(encoder_hidden_states, encoder_mask)
    kv = [layer.text_kv(encoder_hidden_states) for layer in model.layers]
    return {"caption": caption, "text_k": [k for k, _ in kv], "text_v": [v for _, v in kv], "mask": encoder_mask.bool()}


def embed_tokens(model: LuminaNextDiT2DModel, x: torch.Tensor) -> torch.Tensor:
    """Patchified tokens x [B,n,C·p·p] (features (c, py, px), as ``lumina_next.patchify``) -> [B,n,D]."""
    return model.patch_embedder.proj(x)


def run(model, x, token_index, timestep, prompt, rope_table, grid_w, caches, base_sequence_length=None, self_scale=None) -> dict:
    """The RAS-ready Lumina-Next forward.

    x [B,n,C·p·p], token_index i64 [B,n] (flat grid indices), timestep [B] (Lumina
    time 1 − σ), ``prompt`` from ``encode_prompt``, rope_table [≥H/p, ≥W/p, hd/2]
    (``lumina_rope.rope_table``, or its ``real_table`` pair), grid_w the grid's width in
    tokens, caches ``{"k":
    L tensors, "v": L tensors}`` [B,Hkv,N,hd]. Returns ``v`` [B,n,p·p·out_channels]
    (the model output of the tokens run, features (py, px, c)), ``k_new`` /
    ``v_new`` [L,B,Hkv,n,hd] and ``k_all`` / ``v_all`` (L tensors: the caches with
    the fresh rows written). ``self_scale`` overrides the self-attention scale (a tensor
    computed in the graph from N, for the export).
    """
    check_inputs(model, x, token_index, grid_w, caches)
    tokens = caches["k"][0].shape[2]
    h = embed_tokens(model, x)
    rope = gather_rows(rope_table, token_index, grid_w)
    temb = model.time_caption_embed.time(timestep) + prompt["caption"]
    scale = self_scale if self_scale is not None else self_attention_scale(model.config.head_dim, tokens, base_sequence_length)
    out: dict[str, list] = {"k_new": [], "v_new": [], "k_all": [], "v_all": []}
    for i, layer in enumerate(model.layers):
        cache = LayerCache(token_index, caches["k"][i], caches["v"][i])

        def write_kv(k, v, cache=cache):
            out["k_new"].append(k)
            out["v_new"].append(v)
            return cache.write(cache.k, k), cache.write(cache.v, v)

        h, (k_all, v_all) = layer(h, temb, rope, prompt["text_k"][i], prompt["text_v"][i], prompt["mask"], scale, write_kv)
        out["k_all"].append(k_all)
        out["v_all"].append(v_all)
    v = model.norm_out(h, temb)
    return {"v": v, "k_new": torch.stack(out["k_new"]), "v_new": torch.stack(out["v_new"]), "k_all": out["k_all"], "v_all": out["v_all"]}


def check_inputs(model, x, token_index, grid_w, caches) -> None:
    cfg = model.config
    b, n = token_index.shape
    if x.shape[:2] != (b, n):
        raise ValueError(f"x {tuple(x.shape)} and token_index {tuple(token_index.shape)} must agree on [B, n]")
    if len(caches["k"]) != cfg.num_layers or len(caches["v"]) != cfg.num_layers:
        raise ValueError(f"caches need {cfg.num_layers} k and v tensors, got {len(caches['k'])} and {len(caches['v'])}")
    want = (b, cfg.kv_heads, caches["k"][0].shape[2], cfg.head_dim)
    if tuple(caches["k"][0].shape) != want or caches["k"][0].shape[2] % grid_w:
        raise ValueError(f"caches k[0] {tuple(caches['k'][0].shape)} must be {want} with N a multiple of grid_w {grid_w}")


def empty_caches(model, batch: int, tokens: int, dtype=torch.float32) -> dict:
    """Zero caches for ``tokens`` image tokens (their values do not matter when n = N)."""
    cfg = model.config
    shape = (batch, cfg.kv_heads, tokens, cfg.head_dim)
    return {name: [torch.zeros(shape, dtype=dtype) for _ in range(cfg.num_layers)] for name in ("k", "v")}


def next_caches(result: dict) -> dict:
    """The caches a forward returned, as the next step's input."""
    return {"k": result["k_all"], "v": result["v_all"]}
