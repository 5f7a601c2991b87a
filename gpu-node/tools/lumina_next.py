"""The NextDiT family: Lumina-Next-T2I / Lumina-Next-SFT's transformer, as diffusers has it.

``LuminaNextDiT2DModel`` is built from diffusers' config keys and has exactly
the parameter names, shapes and math of diffusers'
``models/transformers/lumina_nextdit2d.py`` (``LuminaNextDiTBlock``;
``LuminaAttnProcessor2_0`` in ``attention_processor.py``; ``LuminaPatchEmbed``,
``LuminaCombinedTimestepCaptionEmbedding`` and the 2-D RoPE in
``embeddings.py``; ``LuminaRMSNormZero`` and ``LuminaLayerNormContinuous`` in
``normalization.py``; ``LuminaFeedForward`` in ``attention.py``). A diffusers
``state_dict`` loads with ``strict=True``.

Each block runs a self-attention (``attn1``, grouped-query: ``num_kv_heads``
K/V heads, RoPE on q and k, proportional scaling) in parallel with a gated
cross-attention to the text (``attn2``, RoPE on q only); the two mix per head
before ``attn2``'s output projection. The text K/V do not depend on the image
or the step (``LuminaNextDiTBlock.text_kv``), which the RAS forward
(lumina_ras.py) computes once per prompt.

The attention is spelled out (torch 1.13 has no SDPA; the same on 2.x) unless ``attention`` is
"sdpa" (timing references on torch ≥ 2.1); ``device="meta"`` builds a full-size model's shapes
without allocating them.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields

import torch
import torch.nn.functional as F
from torch import nn

from lumina_blocks import LuminaNextDiTBlock
from lumina_rope import grid_rows
from mmdit import MLP2, LayerNormNoAffine, timestep_features, unpatchify


@dataclass(frozen=True)
class LuminaNextConfig:
    """diffusers' ``LuminaNextDiT2DModel`` config keys, with diffusers' defaults."""

    sample_size: int = 128
    patch_size: int = 2
    in_channels: int = 4
    hidden_size: int = 2304
    num_layers: int = 32
    num_attention_heads: int = 32
    num_kv_heads: int | None = None
    multiple_of: int = 256
    ffn_dim_multiplier: float | None = None
    norm_eps: float = 1e-5
    learn_sigma: bool = True
    qk_norm: bool = True
    cross_attention_dim: int = 2048
    scaling_factor: float = 1.0

    @property
    def head_dim(self) -> int:
        return self.hidden_size // self.num_attention_heads

    @property
    def kv_heads(self) -> int:
        return self.num_kv_heads or self.num_attention_heads

    @property
    def out_channels(self) -> int:
        return 2 * self.in_channels if self.learn_sigma else self.in_channels

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, config: dict) -> LuminaNextConfig:
        """A diffusers ``config.json`` (``_``-prefixed keys ignored); an unknown key is an error naming it."""
        known = {f.name for f in fields(cls)}
        given = {k: v for k, v in config.items() if not k.startswith("_")}
        unknown = sorted(set(given) - known)
        if unknown:
            raise ValueError(f"LuminaNextDiT2DModel config: unknown keys {unknown}")
        return cls(**given)


#: Lumina-Next-SFT (and -T2I): the original ``NextDiT_2B_GQA_patch2``.
LUMINA_NEXT_SFT = LuminaNextConfig(num_layers=24, num_kv_heads=8)


class LuminaCombinedTimestepCaptionEmbedding(nn.Module):
    """temb = TimestepEmbedding(sinusoid(t)) + Linear(LayerNorm(masked mean of the caption features))."""

    def __init__(self, hidden_size: int, cross_attention_dim: int, device=None):
        super().__init__()
        self.timestep_embedder = MLP2(256, hidden_size, device)
        norm = nn.LayerNorm(cross_attention_dim, device=device)
        self.caption_embedder = nn.Sequential(norm, nn.Linear(cross_attention_dim, hidden_size, device=device))

    def caption(self, caption_feat: torch.Tensor, caption_mask: torch.Tensor) -> torch.Tensor:
        """The caption part [B, hidden] (constant for a prompt)."""
        mask = caption_mask.float().unsqueeze(-1)
        pooled = ((caption_feat * mask).sum(dim=1) / mask.sum(dim=1)).to(caption_feat)
        return self.caption_embedder(pooled)

    def time(self, timestep: torch.Tensor) -> torch.Tensor:
        return self.timestep_embedder(timestep_features(timestep).to(self.timestep_embedder.linear_1.weight.dtype))

    def forward(self, timestep, caption_feat, caption_mask):
        return self.time(timestep) + self.caption(caption_feat, caption_mask)


class LuminaLayerNormContinuous(nn.Module):
    """The final layer: linear_2(LayerNorm(x) · (1 + linear_1(SiLU(temb)))), scale only."""

    def __init__(self, dim: int, cond_dim: int, out_dim: int, device=None):
        super().__init__()
        self.linear_1 = nn.Linear(cond_dim, dim, device=device)
        self.norm = LayerNormNoAffine(dim, device)
        self.linear_2 = nn.Linear(dim, out_dim, device=device)

    def forward(self, x, temb):
        scale = self.linear_1(F.silu(temb).to(x.dtype))
        return self.linear_2(self.norm(x) * (1 + scale)[:, None, :])


class LuminaPatchEmbed(nn.Module):
    def __init__(self, cfg: LuminaNextConfig, device=None):
        super().__init__()
        self.patch_size = cfg.patch_size
        self.proj = nn.Linear(cfg.patch_size**2 * cfg.in_channels, cfg.hidden_size, device=device)

    def forward(self, latent: torch.Tensor) -> torch.Tensor:
        """[B,C,H,W] -> [B, N, hidden], tokens row-major; see ``patchify``."""
        return self.proj(patchify(latent, self.patch_size))


def patchify(latent: torch.Tensor, p: int) -> torch.Tensor:
    """[B,C,H,W] -> [B, (H/p)(W/p), C·p·p], tokens row-major, features (c, py, px) as LuminaPatchEmbed."""
    b, c, h, w = latent.shape
    x = latent.view(b, c, h // p, p, w // p, p).permute(0, 2, 4, 1, 3, 5)
    return x.flatten(3).flatten(1, 2)


def self_attention_scale(head_dim: int, key_count: int, base_sequence_length: int | None) -> float:
    """Proportional attention: √(log_base N) / √hd with ``base_sequence_length``, else 1/√hd.
    N is the key count (diffusers uses the query count, equal in a dense forward)."""
    scale = head_dim**-0.5
    if base_sequence_length is None:
        return scale
    return math.sqrt(math.log(key_count, base_sequence_length)) * scale


class LuminaNextDiT2DModel(nn.Module):
    """diffusers' ``LuminaNextDiT2DModel``: parameters, config and dense forward."""

    def __init__(self, device=None, **config):
        super().__init__()
        cfg = LuminaNextConfig(**config)
        if cfg.head_dim % 4:
            raise ValueError(f"2D rope requires head dim to be divisible by 4, got {cfg.head_dim}")
        self.config = cfg
        self.out_channels = cfg.out_channels
        d, cond = cfg.hidden_size, min(cfg.hidden_size, 1024)
        self.patch_embedder = LuminaPatchEmbed(cfg, device)
        self.pad_token = nn.Parameter(torch.zeros(d, device=device))  # stored, never used (as diffusers)
        self.time_caption_embed = LuminaCombinedTimestepCaptionEmbedding(cond, cfg.cross_attention_dim, device)
        self.layers = nn.ModuleList([LuminaNextDiTBlock(cfg, device) for _ in range(cfg.num_layers)])
        self.norm_out = LuminaLayerNormContinuous(d, cond, cfg.patch_size**2 * cfg.out_channels, device)

    @classmethod
    def from_config(cls, config: LuminaNextConfig | dict, device=None) -> LuminaNextDiT2DModel:
        cfg = config if isinstance(config, LuminaNextConfig) else LuminaNextConfig.from_dict(config)
        return cls(device=device, **cfg.to_dict())

    def reset_constants(self) -> None:
        """Refill the non-persistent constants (after ``to_empty``)."""
        for m in self.modules():
            if isinstance(m, LayerNormNoAffine):
                m.reset()

    @property
    def attention(self) -> str:
        """"unfused" (MatMul-Softmax-MatMul, the exported math) or "sdpa" (PyTorch ≥ 2.1's
        ``scaled_dot_product_attention``: timing references, not exported)."""
        return self.layers[0].attention

    @attention.setter
    def attention(self, kind: str) -> None:
        if kind not in ("unfused", "sdpa"):
            raise ValueError(f"attention must be 'unfused' or 'sdpa', got {kind!r}")
        for layer in self.layers:
            layer.attention = kind

    def randomize(self, seed: int) -> None:
        """Random non-zero weights (tests): norm weights near 1, gates and the rest ~ 1/√fan_in."""
        gen = torch.Generator().manual_seed(seed)
        with torch.no_grad():
            for name, p in self.named_parameters():
                noise = torch.randn(p.shape, generator=gen)
                if p.dim() == 1 and "norm" in name and name.endswith("weight"):
                    p.copy_(1 + 0.1 * noise)
                elif p.dim() == 1 and name.endswith("gate"):
                    p.copy_(noise)
                else:
                    p.copy_(noise / math.sqrt(p[0].numel() if p.dim() > 1 else p.shape[0]))

    def forward(self, hidden_states, timestep, encoder_hidden_states, encoder_mask, image_rotary_emb, cross_attention_kwargs=None):
        """The dense forward: latent [B,C,H,W], t [B] (Lumina time 1 − σ), Gemma features
        [B,L,cross], mask [B,L], the RoPE table [≥H/p, ≥W/p, hd/2] -> [B, out_channels, H, W]."""
        base = (cross_attention_kwargs or {}).get("base_sequence_length")
        height, width = hidden_states.shape[-2:]
        p = self.config.patch_size
        x = self.patch_embedder(hidden_states)
        rope = grid_rows(image_rotary_emb, height // p, width // p)
        temb = self.time_caption_embed(timestep, encoder_hidden_states, encoder_mask)
        mask = encoder_mask.bool()
        scale = self_attention_scale(self.config.head_dim, x.shape[1], base)
        for layer in self.layers:
            text_k, text_v = layer.text_kv(encoder_hidden_states)
            x, _ = layer(x, temb, rope, text_k, text_v, mask, scale)
        x = self.norm_out(x, temb)
        return unpatchify(x, p, self.out_channels, height // p, width // p)
