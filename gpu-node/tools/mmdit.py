"""The MMDiT family: Stable Diffusion 3 / 3.5's transformer, as diffusers has it.

``SD3Transformer2DModel`` is built from diffusers' config keys and has exactly
the parameter names, shapes and math of diffusers'
``models/transformers/transformer_sd3.py`` (``JointTransformerBlock`` in
``models/attention.py``, ``JointAttnProcessor2_0`` and ``Attention`` in
``models/attention_processor.py``, ``PatchEmbed`` and
``CombinedTimestepTextProjEmbeddings`` in ``models/embeddings.py``, the adaLN
norms and ``RMSNorm`` in ``models/normalization.py``): SD3-medium, SD3.5-large
(``qk_norm="rms_norm"``) and SD3.5-medium (MMDiT-X: ``attn2`` and
``SD35AdaLayerNormZeroX`` in ``dual_attention_layers``), the last block
``context_pre_only``. A diffusers ``state_dict`` loads with ``strict=True``.

``forward`` is diffusers' dense forward. ``run`` is the RAS-ready one
(docs/model-contract.md, the MMDiT section): a subset of image tokens runs
while the text tokens run every step, attending through per-layer caches of
every image token's K and V (mmdit_ras.py).

Runs on torch 1.13 (CPU, attention spelled out: it has no
``scaled_dot_product_attention``) and torch 2.x (SDPA, bf16 autocast); the
same math either way. Pass ``device="meta"`` to build a full-size model's
parameter shapes without allocating them.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields

import torch
import torch.nn.functional as F
from torch import nn

import mmdit_ras


@dataclass(frozen=True)
class MMDiTConfig:
    """diffusers' ``SD3Transformer2DModel`` config keys, with diffusers' defaults."""

    sample_size: int = 128
    patch_size: int = 2
    in_channels: int = 16
    num_layers: int = 18
    attention_head_dim: int = 64
    num_attention_heads: int = 18
    joint_attention_dim: int = 4096
    caption_projection_dim: int = 1152
    pooled_projection_dim: int = 2048
    out_channels: int = 16
    pos_embed_max_size: int = 96
    dual_attention_layers: tuple = ()
    qk_norm: str | None = None

    @property
    def inner_dim(self) -> int:
        return self.num_attention_heads * self.attention_head_dim

    def to_dict(self) -> dict:
        d = asdict(self)
        d["dual_attention_layers"] = list(self.dual_attention_layers)
        return d

    @classmethod
    def from_dict(cls, config: dict) -> MMDiTConfig:
        """A diffusers ``config.json`` (its ``_class_name``-style keys ignored);
        an unknown key is an error, naming it."""
        known = {f.name for f in fields(cls)}
        given = {k: v for k, v in config.items() if not k.startswith("_")}
        unknown = sorted(set(given) - known)
        if unknown:
            raise ValueError(f"SD3Transformer2DModel config: unknown keys {unknown}")
        if "dual_attention_layers" in given:
            given["dual_attention_layers"] = tuple(given["dual_attention_layers"] or ())
        return cls(**given)


#: The published configs (what diffusers' converter infers from each release file).
SD3_MEDIUM = MMDiTConfig(
    num_layers=24, num_attention_heads=24, caption_projection_dim=1536, pos_embed_max_size=192
)
SD35_LARGE = MMDiTConfig(
    num_layers=38, num_attention_heads=38, caption_projection_dim=2432, pos_embed_max_size=192, qk_norm="rms_norm"
)
SD35_MEDIUM = MMDiTConfig(
    num_layers=24,
    num_attention_heads=24,
    caption_projection_dim=1536,
    pos_embed_max_size=384,
    qk_norm="rms_norm",
    dual_attention_layers=tuple(range(13)),
)


# --- embeddings (diffusers models/embeddings.py) ---------------------------------------------


def sincos_1d(dim: int, pos: torch.Tensor) -> torch.Tensor:
    """``get_1d_sincos_pos_embed_from_grid``: [M] -> [M, dim], (sin, cos), in float64."""
    omega = torch.arange(dim // 2, dtype=torch.float64) / (dim / 2.0)
    omega = 1.0 / 10000**omega
    out = torch.outer(pos.reshape(-1).to(torch.float64), omega)
    return torch.cat([torch.sin(out), torch.cos(out)], dim=1)


def sincos_2d_table(dim: int, grid: int, base_size: int) -> torch.Tensor:
    """``get_2d_sincos_pos_embed(dim, grid, base_size, interpolation_scale=1)``:
    [grid², dim], row-major; the first half encodes the column, the second the row."""
    coords = torch.arange(grid, dtype=torch.float32) / (grid / base_size)
    rows, cols = torch.meshgrid(coords, coords, indexing="ij")
    return torch.cat([sincos_1d(dim // 2, cols), sincos_1d(dim // 2, rows)], dim=1).float()


def timestep_features(t: torch.Tensor, dim: int = 256) -> torch.Tensor:
    """``Timesteps(dim, flip_sin_to_cos=True, downscale_freq_shift=0)``: [B] -> [B, dim], (cos, sin)."""
    half = dim // 2
    freqs = torch.exp(-math.log(10000) * torch.arange(half, dtype=torch.float32, device=t.device) / half)
    args = t[:, None].float() * freqs[None, :]
    return torch.cat([torch.cos(args), torch.sin(args)], dim=-1)


class PatchEmbed(nn.Module):
    """Conv patchify plus the centre-cropped position table (SD3's ``pos_embed_max_size``)."""

    def __init__(self, cfg: MMDiTConfig, device=None):
        super().__init__()
        d, p, m = cfg.inner_dim, cfg.patch_size, cfg.pos_embed_max_size
        self.patch_size, self.pos_embed_max_size = p, m
        self.proj = nn.Conv2d(cfg.in_channels, d, kernel_size=(p, p), stride=p, bias=True, device=device)
        if str(device) == "meta":
            table = torch.empty(1, m * m, d, device="meta")
        else:
            table = sincos_2d_table(d, m, cfg.sample_size // p).unsqueeze(0).to(device)
        self.register_buffer("pos_embed", table, persistent=True)

    def crop_offsets(self, grid_h, grid_w):
        """(top, left) of a grid_h × grid_w patch grid in the max-size table."""
        m = self.pos_embed_max_size
        return (m - grid_h) // 2, (m - grid_w) // 2

    def cropped_pos_embed(self, grid_h: int, grid_w: int) -> torch.Tensor:
        m = self.pos_embed_max_size
        if grid_h > m or grid_w > m:
            raise ValueError(f"a {grid_h}x{grid_w} patch grid exceeds pos_embed_max_size {m}")
        top, left = self.crop_offsets(grid_h, grid_w)
        table = self.pos_embed.reshape(1, m, m, -1)[:, top : top + grid_h, left : left + grid_w, :]
        return table.reshape(1, -1, table.shape[-1])

    def forward(self, latent: torch.Tensor) -> torch.Tensor:
        h, w = latent.shape[-2] // self.patch_size, latent.shape[-1] // self.patch_size
        x = self.proj(latent).flatten(2).transpose(1, 2)
        return (x + self.cropped_pos_embed(h, w)).to(x.dtype)


class MLP2(nn.Module):
    """``TimestepEmbedding`` / ``PixArtAlphaTextProjection(act_fn="silu")``: linear_1, SiLU, linear_2."""

    def __init__(self, din: int, d: int, device=None):
        super().__init__()
        self.linear_1 = nn.Linear(din, d, device=device)
        self.linear_2 = nn.Linear(d, d, device=device)

    def forward(self, x):
        return self.linear_2(F.silu(self.linear_1(x)))


class CombinedTimestepTextProjEmbeddings(nn.Module):
    def __init__(self, d: int, pooled: int, device=None):
        super().__init__()
        self.timestep_embedder = MLP2(256, d, device)
        self.text_embedder = MLP2(pooled, d, device)

    def forward(self, timestep, pooled_projection):
        t = self.timestep_embedder(timestep_features(timestep).to(dtype=pooled_projection.dtype))
        return t + self.text_embedder(pooled_projection)


# --- norms (diffusers models/normalization.py) -----------------------------------------------


class LayerNormNoAffine(nn.Module):
    """``nn.LayerNorm(dim, elementwise_affine=False, eps=1e-6)``; the explicit
    ones/zeros (not in the state dict) keep torch 1.13's ONNX export valid."""

    def __init__(self, dim: int, device=None):
        super().__init__()
        self.dim = dim
        self.register_buffer("ones", torch.ones(dim, device=device), persistent=False)
        self.register_buffer("zeros", torch.zeros(dim, device=device), persistent=False)

    def reset(self) -> None:
        """Refill the constants (after ``to_empty``)."""
        with torch.no_grad():
            self.ones.fill_(1.0)
            self.zeros.fill_(0.0)

    def forward(self, x):
        return F.layer_norm(x, (self.dim,), self.ones.to(x.dtype), self.zeros.to(x.dtype), 1e-6)


class RMSNorm(nn.Module):
    """diffusers' ``RMSNorm(dim, eps)`` with a learned weight: the variance in
    float32, the result in the weight's dtype when that is 16-bit (as diffusers)."""

    def __init__(self, dim: int, device=None, eps: float = 1e-6):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim, device=device))

    def forward(self, x):
        variance = x.to(torch.float32).pow(2).mean(-1, keepdim=True)
        x = x * torch.rsqrt(variance + self.eps)
        if self.weight.dtype in (torch.float16, torch.bfloat16):
            x = x.to(self.weight.dtype)
        return x * self.weight


class AdaLayerNormZero(nn.Module):
    """6 chunks (shift_msa, scale_msa, gate_msa, shift_mlp, scale_mlp, gate_mlp);
    ``chunks=9`` is ``SD35AdaLayerNormZeroX`` (+ shift_msa2, scale_msa2, gate_msa2)."""

    def __init__(self, d: int, chunks: int = 6, device=None):
        super().__init__()
        self.chunks = chunks
        self.linear = nn.Linear(d, chunks * d, device=device)
        self.norm = LayerNormNoAffine(d, device)

    def forward(self, x, emb):
        """Returns (x̂, gate_msa, shift_mlp, scale_mlp, gate_mlp[, x̂₂, gate_msa2])."""
        m = self.linear(F.silu(emb)).chunk(self.chunks, dim=1)
        normed = self.norm(x)
        out = (normed * (1 + m[1][:, None]) + m[0][:, None], m[2], m[3], m[4], m[5])
        if self.chunks == 9:
            out = (*out, normed * (1 + m[7][:, None]) + m[6][:, None], m[8])
        return out


class AdaLayerNormContinuous(nn.Module):
    """2 chunks in the order (scale, shift): the original code's (shift, scale) swapped."""

    def __init__(self, d: int, device=None):
        super().__init__()
        self.linear = nn.Linear(d, 2 * d, device=device)
        self.norm = LayerNormNoAffine(d, device)

    def forward(self, x, emb):
        scale, shift = self.linear(F.silu(emb).to(x.dtype)).chunk(2, dim=1)
        return self.norm(x) * (1 + scale)[:, None, :] + shift[:, None, :]


# --- the block (diffusers models/attention.py, attention_processor.py) -----------------------


class GELUProj(nn.Module):
    def __init__(self, d: int, inner: int, device=None):
        super().__init__()
        self.proj = nn.Linear(d, inner, device=device)

    def forward(self, x):
        return F.gelu(self.proj(x), approximate="tanh")


class FeedForward(nn.Module):
    """``FeedForward(dim, dim, activation_fn="gelu-approximate")``: net = [GELU(proj), Dropout, Linear]."""

    def __init__(self, d: int, device=None):
        super().__init__()
        self.net = nn.ModuleList([GELUProj(d, 4 * d, device), nn.Dropout(0.0), nn.Linear(4 * d, d, device=device)])

    def forward(self, x):
        for module in self.net:
            x = module(x)
        return x


class Attention(nn.Module):
    """The parameters of diffusers' ``Attention`` as SD3 builds it: joint
    (``added_kv=True``: add_q/k/v_proj, to_add_out unless ``context_pre_only``)
    or image-only (``attn2``); per-head RMS qk-norm with ``qk_norm="rms_norm"``."""

    def __init__(self, d, heads, head_dim, added_kv, context_pre_only, qk_norm, device=None):
        super().__init__()
        if qk_norm not in (None, "rms_norm"):
            raise ValueError(f"qk_norm must be None or 'rms_norm' (SD3 / SD3.5), got {qk_norm!r}")
        self.heads, self.head_dim = heads, head_dim
        self.context_pre_only = context_pre_only
        inner = heads * head_dim
        self.norm_q = RMSNorm(head_dim, device) if qk_norm else None
        self.norm_k = RMSNorm(head_dim, device) if qk_norm else None
        self.to_q = nn.Linear(d, inner, device=device)
        self.to_k = nn.Linear(d, inner, device=device)
        self.to_v = nn.Linear(d, inner, device=device)
        if added_kv:
            self.add_k_proj = nn.Linear(d, inner, device=device)
            self.add_v_proj = nn.Linear(d, inner, device=device)
            self.add_q_proj = nn.Linear(d, inner, device=device)
        self.to_out = nn.ModuleList([nn.Linear(inner, d, device=device), nn.Dropout(0.0)])
        if added_kv and not context_pre_only:
            self.to_add_out = nn.Linear(inner, d, device=device)
        else:
            self.to_add_out = None
        self.norm_added_q = RMSNorm(head_dim, device) if qk_norm and added_kv else None
        self.norm_added_k = RMSNorm(head_dim, device) if qk_norm and added_kv else None
        self.kind = "auto"

    def split_heads(self, t):
        """[B, n, H·hd] -> [B, H, n, hd]."""
        return t.reshape(t.shape[0], t.shape[1], self.heads, self.head_dim).transpose(1, 2)

    def qkv(self, x, context: bool = False):
        """Per-head q, k, v [B, H, n, hd] of ``x`` (the image's projections or,
        with ``context``, the text's add_* ones), qk-normed where the model has it."""
        if context:
            q, k, v = self.add_q_proj(x), self.add_k_proj(x), self.add_v_proj(x)
            norm_q, norm_k = self.norm_added_q, self.norm_added_k
        else:
            q, k, v = self.to_q(x), self.to_k(x), self.to_v(x)
            norm_q, norm_k = self.norm_q, self.norm_k
        q, k, v = self.split_heads(q), self.split_heads(k), self.split_heads(v)
        if norm_q is not None:
            q, k = norm_q(q), norm_k(k)
        return q, k, v

    def attend(self, q, k, v):
        """softmax(q·kᵀ/√hd)·v, [B,H,nq,hd] × [B,H,nk,hd] -> [B, nq, H·hd]."""
        b, _, nq, _ = q.shape
        if self.kind == "fused":
            return mmdit_ras.FusedAttention.apply(q.transpose(1, 2).reshape(b, nq, -1), k, v, self.heads)
        if self.kind == "sdpa" or (self.kind == "auto" and hasattr(F, "scaled_dot_product_attention")):
            out = F.scaled_dot_product_attention(q, k, v, dropout_p=0.0, is_causal=False)
        else:
            out = mmdit_ras.unfused_attention(q, k, v)
        return out.transpose(1, 2).reshape(b, nq, -1)


class JointTransformerBlock(nn.Module):
    """One MMDiT block: adaLN-Zero on both streams, joint attention over
    [image; text], (MMDiT-X) an image-only ``attn2``, the two feed-forwards."""

    def __init__(self, d, heads, head_dim, context_pre_only, qk_norm, use_dual_attention, device=None):
        super().__init__()
        self.use_dual_attention = use_dual_attention
        self.context_pre_only = context_pre_only
        self.norm1 = AdaLayerNormZero(d, 9 if use_dual_attention else 6, device)
        if context_pre_only:
            self.norm1_context = AdaLayerNormContinuous(d, device)
        else:
            self.norm1_context = AdaLayerNormZero(d, 6, device)
        self.attn = Attention(d, heads, head_dim, True, context_pre_only, qk_norm, device)
        self.attn2 = Attention(d, heads, head_dim, False, None, qk_norm, device) if use_dual_attention else None
        self.norm2 = LayerNormNoAffine(d, device)
        self.ff = FeedForward(d, device)
        if not context_pre_only:
            self.norm2_context = LayerNormNoAffine(d, device)
            self.ff_context = FeedForward(d, device)
        else:
            self.norm2_context = None
            self.ff_context = None

    def forward(self, hidden_states, encoder_hidden_states, temb, cache=None):
        """Returns (context or None, hidden_states, kv): with a ``cache``
        (mmdit_ras.LayerCache) the image tokens are a subset and attend through
        it, and ``kv`` holds the fresh rows and the updated caches; without, the
        dense forward of diffusers (``kv`` is None)."""
        ctx = encoder_hidden_states
        normed = self.norm1(hidden_states, temb)
        x_hat, gate_msa, shift_mlp, scale_mlp, gate_mlp = normed[:5]
        if self.context_pre_only:
            c_hat = self.norm1_context(ctx, temb)
        else:
            c_hat, c_gate_msa, c_shift_mlp, c_scale_mlp, c_gate_mlp = self.norm1_context(ctx, temb)
        attn_x, attn_c, kv = mmdit_ras.joint_attention(self.attn, x_hat, c_hat, cache)
        x = hidden_states + gate_msa.unsqueeze(1) * attn_x
        if self.use_dual_attention:
            x_hat2, gate_msa2 = normed[5:]
            attn2, kv2 = mmdit_ras.self_attention(self.attn2, x_hat2, cache)
            x = x + gate_msa2.unsqueeze(1) * attn2
            if kv is not None:
                kv.update(kv2)
        h = self.norm2(x) * (1 + scale_mlp[:, None]) + shift_mlp[:, None]
        x = x + gate_mlp.unsqueeze(1) * self.ff(h)
        if self.context_pre_only:
            return None, x, kv
        ctx = ctx + c_gate_msa.unsqueeze(1) * attn_c
        h = self.norm2_context(ctx) * (1 + c_scale_mlp[:, None]) + c_shift_mlp[:, None]
        ctx = ctx + c_gate_mlp.unsqueeze(1) * self.ff_context(h)
        return ctx, x, kv


# --- the model --------------------------------------------------------------------------------


class SD3Transformer2DModel(nn.Module):
    """diffusers' ``SD3Transformer2DModel``: same config keys, state-dict names,
    shapes and dense forward; plus the RAS-ready ``run`` (mmdit_ras.py)."""

    def __init__(
        self,
        sample_size: int = 128,
        patch_size: int = 2,
        in_channels: int = 16,
        num_layers: int = 18,
        attention_head_dim: int = 64,
        num_attention_heads: int = 18,
        joint_attention_dim: int = 4096,
        caption_projection_dim: int = 1152,
        pooled_projection_dim: int = 2048,
        out_channels: int = 16,
        pos_embed_max_size: int = 96,
        dual_attention_layers: tuple = (),
        qk_norm: str | None = None,
        *,
        device=None,
    ):
        super().__init__()
        cfg = MMDiTConfig(
            sample_size, patch_size, in_channels, num_layers, attention_head_dim, num_attention_heads,
            joint_attention_dim, caption_projection_dim, pooled_projection_dim,
            out_channels if out_channels is not None else in_channels, pos_embed_max_size,
            tuple(dual_attention_layers or ()), qk_norm,
        )  # fmt: skip
        self.config = cfg
        d = cfg.inner_dim
        if caption_projection_dim != d:
            raise ValueError(f"caption_projection_dim ({caption_projection_dim}) must equal heads × head_dim ({d})")
        self.out_channels = cfg.out_channels
        self.inner_dim = d
        self.pos_embed = PatchEmbed(cfg, device)
        self.time_text_embed = CombinedTimestepTextProjEmbeddings(d, pooled_projection_dim, device)
        self.context_embedder = nn.Linear(joint_attention_dim, caption_projection_dim, device=device)
        self.transformer_blocks = nn.ModuleList(
            JointTransformerBlock(
                d, num_attention_heads, attention_head_dim, i == num_layers - 1, qk_norm, i in cfg.dual_attention_layers, device
            )
            for i in range(num_layers)
        )
        self.norm_out = AdaLayerNormContinuous(d, device)
        self.proj_out = nn.Linear(d, patch_size * patch_size * cfg.out_channels, device=device)

    @classmethod
    def from_config(cls, config: dict | MMDiTConfig, device=None) -> SD3Transformer2DModel:
        cfg = config if isinstance(config, MMDiTConfig) else MMDiTConfig.from_dict(config)
        return cls(**{f.name: getattr(cfg, f.name) for f in fields(cfg)}, device=device)

    @property
    def attention(self) -> str:
        """"auto" (SDPA where torch has it, else spelled out), "unfused"
        (MatMul-Softmax-MatMul), "sdpa", or "fused" (one MultiHeadAttention node on export)."""
        return self.transformer_blocks[0].attn.kind

    @attention.setter
    def attention(self, kind: str) -> None:
        if kind not in ("auto", "unfused", "fused", "sdpa"):
            raise ValueError(f"attention must be 'auto', 'unfused', 'fused' or 'sdpa', got {kind!r}")
        for m in self.modules():
            if isinstance(m, Attention):
                m.kind = kind

    def reset_constants(self) -> None:
        """Refill the non-persistent constants (after ``to_empty``)."""
        for m in self.modules():
            if isinstance(m, LayerNormNoAffine):
                m.reset()

    def randomize(self, seed: int) -> None:
        """Random non-zero weights (tests, benchmarks); the position table is left
        as built. RMSNorm weights stay near 1 so qk-norm keeps its scale."""
        gen = torch.Generator().manual_seed(seed)
        with torch.no_grad():
            for name, p in self.named_parameters():
                fan_in = p[0].numel() if p.dim() > 1 else p.shape[0]
                noise = torch.randn(p.shape, generator=gen)
                is_qk_norm = name.split(".")[-2] in ("norm_q", "norm_k", "norm_added_q", "norm_added_k")
                p.copy_(1 + 0.1 * noise if is_qk_norm else noise / math.sqrt(fan_in))

    def forward(self, hidden_states, encoder_hidden_states, pooled_projections, timestep):
        """The dense forward: [B,C,H,W], [B,T,joint], [B,pooled], [B] -> [B,C_out,H,W]."""
        height, width = hidden_states.shape[-2:]
        x = self.pos_embed(hidden_states).contiguous()
        temb = self.time_text_embed(timestep, pooled_projections)
        ctx = self.context_embedder(encoder_hidden_states)
        for block in self.transformer_blocks:
            ctx, x, _ = block(x, ctx, temb)
        x = self.proj_out(self.norm_out(x, temb))
        p = self.config.patch_size
        return unpatchify(x, p, self.out_channels, height // p, width // p)

    @property
    def dual_layers(self) -> list[int]:
        """The blocks with an image-only ``attn2`` (MMDiT-X), in order."""
        return sorted(self.config.dual_attention_layers)

    def run(self, x, token_index, timestep, encoder_hidden_states, pooled_projections, grid_w, caches, **kw):
        """The RAS-ready forward (docs/model-contract.md); see ``mmdit_ras.run``."""
        return mmdit_ras.run(self, x, token_index, timestep, encoder_hidden_states, pooled_projections, grid_w, caches, **kw)


def patchify(latent: torch.Tensor, p: int) -> torch.Tensor:
    """[B,C,H,W] -> [B, (H/p)(W/p), p·p·C], tokens row-major, features (py, px, c)."""
    b, c, h, w = latent.shape
    x = latent.reshape(b, c, h // p, p, w // p, p).permute(0, 2, 4, 3, 5, 1)
    return x.reshape(b, (h // p) * (w // p), p * p * c)


def unpatchify(tokens: torch.Tensor, p: int, c: int, grid_h: int, grid_w: int) -> torch.Tensor:
    """diffusers' unpatchify (``nhwpqc -> nchpwq``): the inverse of ``patchify``."""
    b = tokens.shape[0]
    x = tokens.reshape(b, grid_h, grid_w, p, p, c).permute(0, 5, 1, 3, 2, 4)
    return x.reshape(b, c, grid_h * p, grid_w * p)
