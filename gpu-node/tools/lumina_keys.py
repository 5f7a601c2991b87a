"""The key table between Lumina-Next's original Alpha-VLLM layout (the keys of
``lumina_next_t2i/models/model.py``) and diffusers' names; both directions use it.

Its trap: the original computes one query for both attentions, so
``attention.wq`` and ``attention.q_norm`` each fill two diffusers tensors
(``attn1.to_q`` and ``attn2.to_q``, ``attn1.norm_q`` and ``attn2.norm_q``);
written back, the two must be equal. diffusers' own
``scripts/convert_lumina_to_diffusers.py`` targets names the model does not
have, so the table follows the model's code instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

import torch

from lumina_next import LuminaNextConfig

WB = ("weight", "bias")


@dataclass(frozen=True)
class Entry:
    """One original tensor and the diffusers tensor(s) it fills (two: the shared query)."""

    original: str
    diffusers: tuple[str, ...]


def pairs(original: str, diffusers: str | tuple[str, ...], params=WB) -> list[Entry]:
    names = (diffusers,) if isinstance(diffusers, str) else diffusers
    return [Entry(f"{original}.{p}", tuple(f"{n}.{p}" for n in names)) for p in params]


def layer_plan(i: int, qk_norm: bool) -> list[Entry]:
    o, d = f"layers.{i}", f"layers.{i}"
    w = ("weight",)
    plan = [Entry(f"{o}.attention.gate", (f"{d}.gate",))]
    plan += pairs(f"{o}.attention.wq", (f"{d}.attn1.to_q", f"{d}.attn2.to_q"), w)
    for orig, name in (("wk", "attn1.to_k"), ("wv", "attn1.to_v"), ("wk_y", "attn2.to_k"), ("wv_y", "attn2.to_v"), ("wo", "attn2.to_out.0")):
        plan += pairs(f"{o}.attention.{orig}", f"{d}.{name}", w)
    if qk_norm:
        plan += pairs(f"{o}.attention.q_norm", (f"{d}.attn1.norm_q", f"{d}.attn2.norm_q"))
        plan += pairs(f"{o}.attention.k_norm", f"{d}.attn1.norm_k")
        plan += pairs(f"{o}.attention.ky_norm", f"{d}.attn2.norm_k")
    for orig, name in (("attention_norm1", "norm1.norm"), ("attention_norm2", "norm2"), ("attention_y_norm", "norm1_context")):
        plan += pairs(f"{o}.{orig}", f"{d}.{name}", w)
    plan += pairs(f"{o}.ffn_norm1", f"{d}.ffn_norm1", w) + pairs(f"{o}.ffn_norm2", f"{d}.ffn_norm2", w)
    plan += pairs(f"{o}.adaLN_modulation.1", f"{d}.norm1.linear")
    for j in (1, 2, 3):
        plan += pairs(f"{o}.feed_forward.w{j}", f"{d}.feed_forward.linear_{j}", w)
    return plan


def key_plan(cfg: LuminaNextConfig) -> list[Entry]:
    """Every tensor of the original layout for ``cfg``, with its diffusers names."""
    plan = [Entry("pad_token", ("pad_token",))]
    plan += pairs("x_embedder", "patch_embedder.proj")
    plan += pairs("t_embedder.mlp.0", "time_caption_embed.timestep_embedder.linear_1")
    plan += pairs("t_embedder.mlp.2", "time_caption_embed.timestep_embedder.linear_2")
    plan += pairs("cap_embedder.0", "time_caption_embed.caption_embedder.0")
    plan += pairs("cap_embedder.1", "time_caption_embed.caption_embedder.1")
    for i in range(cfg.num_layers):
        plan += layer_plan(i, cfg.qk_norm)
    plan += pairs("final_layer.adaLN_modulation.1", "norm_out.linear_1")
    plan += pairs("final_layer.linear", "norm_out.linear_2")
    return plan


def from_original(plan: list[Entry], get: Callable[[str], torch.Tensor]) -> Iterator[tuple[str, torch.Tensor]]:
    """(diffusers name, tensor) for every entry, reading ``get(original name)`` once each."""
    for e in plan:
        t = get(e.original)
        for name in e.diffusers:
            yield name, t


def to_original(plan: list[Entry], state: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """The original layout of a diffusers ``state``; a shared tensor whose copies differ is an error naming them."""
    out = {}
    for e in plan:
        first = state[e.diffusers[0]]
        for name in e.diffusers[1:]:
            if not torch.equal(state[name], first):
                raise ValueError(f"{name} differs from {e.diffusers[0]}: the original layout has one {e.original}")
        out[e.original] = first
    return out
