"""Lumina-Next's 2-D rotary position embedding, as diffusers has it.

``rope_table`` is ``get_2d_rotary_pos_embed_lumina`` (models/embeddings.py):
complex64 [len_h, len_w, head_dim/2], the complex pairs alternating between the
row position (even pairs) and the column position (odd pairs), each axis with
``get_1d_rotary_pos_embed(head_dim/2, len)``'s frequencies. The pipeline builds
a 384 × 384 table and the patch embedder slices it to the grid, row-major
(``grid_rows``). ``gather_rows`` gives the rows of any subset of tokens from
their flat grid indices, on any grid shape: the RAS forward's positions.
``apply_rope`` is ``apply_rotary_emb(use_real=False)``, in float32. A table may
also be a ``(cos, sin)`` pair of real tensors (``real_table``): the same rotation
in real arithmetic, which the ONNX export needs (no complex tensors in a graph).
"""

from __future__ import annotations

import torch


def rope_1d(dim: int, length: int, linear_factor: float = 1.0, ntk_factor: float = 1.0) -> torch.Tensor:
    """``get_1d_rotary_pos_embed(dim, length, theta=10000, linear_factor, ntk_factor)``: complex64 [length, dim/2]."""
    theta = 10000.0 * ntk_factor
    freqs = 1.0 / (theta ** (torch.arange(0, dim, 2, dtype=torch.float32)[: dim // 2] / dim)) / linear_factor
    angles = torch.outer(torch.arange(length, dtype=torch.float32), freqs)
    return torch.polar(torch.ones_like(angles), angles)


def rope_table(head_dim: int, len_h: int, len_w: int, linear_factor: float = 1.0, ntk_factor: float = 1.0) -> torch.Tensor:
    """``get_2d_rotary_pos_embed_lumina``: complex64 [len_h, len_w, head_dim/2]."""
    if head_dim % 4:
        raise ValueError(f"2-D RoPE needs head_dim divisible by 4, got {head_dim}")
    quarter = head_dim // 4
    emb_h = rope_1d(head_dim // 2, len_h, linear_factor, ntk_factor).view(len_h, 1, quarter, 1).repeat(1, len_w, 1, 1)
    emb_w = rope_1d(head_dim // 2, len_w, linear_factor, ntk_factor).view(1, len_w, quarter, 1).repeat(len_h, 1, 1, 1)
    return torch.cat([emb_h, emb_w], dim=-1).flatten(2)


def grid_rows(table: torch.Tensor, grid_h: int, grid_w: int) -> torch.Tensor:
    """The patch embedder's slice: [1, grid_h·grid_w, head_dim/2], row-major."""
    if grid_h > table.shape[0] or grid_w > table.shape[1]:
        raise ValueError(f"a {grid_h}x{grid_w} token grid exceeds the {table.shape[0]}x{table.shape[1]} RoPE table")
    return table[:grid_h, :grid_w].flatten(0, 1).unsqueeze(0)


def real_table(table: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """A complex table as its (cos, sin) pair: float32, same shape."""
    return table.real.float().contiguous(), table.imag.float().contiguous()


def gather_rows(table, token_index: torch.Tensor, grid_w) -> torch.Tensor | tuple:
    """RoPE rows [B, n, head_dim/2] of tokens at flat grid indices ``token_index``
    [B, n] (row·grid_w + col) on a grid ``grid_w`` tokens wide; of each of a (cos, sin) pair."""
    row = torch.div(token_index, grid_w, rounding_mode="floor")
    col = torch.remainder(token_index, grid_w)
    if isinstance(table, tuple):
        return tuple(t[row, col] for t in table)
    return table[row, col]


def apply_rope(x: torch.Tensor, freqs) -> torch.Tensor:
    """x [B, S, H, hd] rotated by freqs [B or 1, S, hd/2] (adjacent real pairs as complex
    numbers), complex or a (cos, sin) pair."""
    if isinstance(freqs, tuple):
        return apply_rope_real(x, *freqs)
    rotated = torch.view_as_complex(x.float().reshape(*x.shape[:-1], -1, 2)) * freqs.unsqueeze(2)
    return torch.view_as_real(rotated).flatten(3).type_as(x)


def apply_rope_real(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    """``apply_rope`` in real arithmetic: each pair (a, b) -> (a·cos − b·sin, a·sin + b·cos)."""
    pairs = x.float().reshape(*x.shape[:-1], -1, 2)
    a, b = pairs[..., 0], pairs[..., 1]
    cos, sin = cos.unsqueeze(2), sin.unsqueeze(2)
    return torch.stack([a * cos - b * sin, a * sin + b * cos], dim=-1).flatten(3).type_as(x)
