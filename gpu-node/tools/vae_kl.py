"""The decode path of diffusers' ``AutoencoderKL`` (the SDXL VAE): ``post_quant_conv``
then the ``Decoder``, with diffusers' parameter names and math.

Matched against diffusers (src/diffusers/models/): ``autoencoders/autoencoder_kl.py``
(``_decode``), ``autoencoders/vae.py`` (``Decoder``), ``unets/unet_2d_blocks.py``
(``UNetMidBlock2D``, ``UpDecoderBlock2D``), ``resnet.py`` (``ResnetBlock2D`` without a
time embedding), ``upsampling.py`` (``Upsample2D``: nearest ×2, then a 3×3 conv) and
``attention_processor.py`` (``Attention`` with ``group_norm``, one head of width C,
``residual_connection``, ``rescale_output_factor`` 1; ``AttnProcessor2_0``). Every
GroupNorm has eps 1e-6; the activation is SiLU. The output is the decoder's
``sample`` as it is, not clamped (optimum's ``sample``). The attention is spelled out
(torch 1.13 has no SDPA; it exports as MatMul–Softmax–MatMul). ``device="meta"``
builds the module without storage, for a loader to fill.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from vae_kl_config import VaeConfig

EPS = 1e-6


class ResnetBlock2D(nn.Module):
    """norm1 → SiLU → conv1 → norm2 → SiLU → conv2, plus the input (through a 1×1
    ``conv_shortcut`` where the width changes)."""

    def __init__(self, cin: int, cout: int, groups: int, device=None):
        super().__init__()
        self.norm1 = nn.GroupNorm(groups, cin, eps=EPS, device=device)
        self.conv1 = nn.Conv2d(cin, cout, 3, padding=1, device=device)
        self.norm2 = nn.GroupNorm(groups, cout, eps=EPS, device=device)
        self.conv2 = nn.Conv2d(cout, cout, 3, padding=1, device=device)
        self.conv_shortcut = nn.Conv2d(cin, cout, 1, device=device) if cin != cout else None

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.conv1(F.silu(self.norm1(x)))
        h = self.conv2(F.silu(self.norm2(h)))
        return (x if self.conv_shortcut is None else self.conv_shortcut(x)) + h


class Attention(nn.Module):
    """The mid-block's self-attention over all pixels: one head of width C, scale C^−½."""

    def __init__(self, channels: int, groups: int, device=None):
        super().__init__()
        self.group_norm = nn.GroupNorm(groups, channels, eps=EPS, device=device)
        self.to_q = nn.Linear(channels, channels, device=device)
        self.to_k = nn.Linear(channels, channels, device=device)
        self.to_v = nn.Linear(channels, channels, device=device)
        self.to_out = nn.ModuleList([nn.Linear(channels, channels, device=device)])
        self.scale = channels**-0.5

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.group_norm(x).flatten(2).transpose(1, 2)  # [B, HW, C]
        q, k, v = self.to_q(h), self.to_k(h), self.to_v(h)
        weights = torch.softmax(q @ k.transpose(1, 2) * self.scale, dim=-1)
        out = self.to_out[0](weights @ v).transpose(1, 2).reshape(x.shape)
        return out + x


class UNetMidBlock2D(nn.Module):
    def __init__(self, channels: int, groups: int, attention: bool, device=None):
        super().__init__()
        self.resnets = nn.ModuleList([ResnetBlock2D(channels, channels, groups, device) for _ in range(2)])
        self.attentions = nn.ModuleList([Attention(channels, groups, device)] if attention else [])

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.resnets[0](x)
        for attn in self.attentions:
            x = attn(x)
        return self.resnets[1](x)


class Upsample2D(nn.Module):
    def __init__(self, channels: int, device=None):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3, padding=1, device=device)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.conv(F.interpolate(x, scale_factor=2.0, mode="nearest"))


class UpDecoderBlock2D(nn.Module):
    def __init__(self, cin: int, cout: int, layers: int, groups: int, upsample: bool, device=None):
        super().__init__()
        self.resnets = nn.ModuleList(ResnetBlock2D(cin if i == 0 else cout, cout, groups, device) for i in range(layers))
        self.upsamplers = nn.ModuleList([Upsample2D(cout, device)]) if upsample else None

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for resnet in self.resnets:
            x = resnet(x)
        for up in self.upsamplers or []:
            x = up(x)
        return x


class Decoder(nn.Module):
    """conv_in → mid_block → up_blocks (widths reversed, ``layers_per_block + 1`` resnets
    each, all but the last upsampling) → conv_norm_out → SiLU → conv_out."""

    def __init__(self, cfg: VaeConfig, device=None):
        super().__init__()
        widths, groups = list(reversed(cfg.block_out_channels)), cfg.norm_num_groups
        self.conv_in = nn.Conv2d(cfg.latent_channels, widths[0], 3, padding=1, device=device)
        self.mid_block = UNetMidBlock2D(widths[0], groups, cfg.mid_block_add_attention, device)
        self.up_blocks = nn.ModuleList(
            UpDecoderBlock2D(widths[max(i - 1, 0)], w, cfg.layers_per_block + 1, groups, i < len(widths) - 1, device)
            for i, w in enumerate(widths)
        )
        self.conv_norm_out = nn.GroupNorm(groups, widths[-1], eps=EPS, device=device)
        self.conv_out = nn.Conv2d(widths[-1], cfg.out_channels, 3, padding=1, device=device)

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        h = self.mid_block(self.conv_in(z))
        for block in self.up_blocks:
            h = block(h)
        return self.conv_out(F.silu(self.conv_norm_out(h)))


class AutoencoderKLDecoder(nn.Module):
    """``AutoencoderKL.decode(z).sample``: ``latent_sample`` [B, latent_channels, h, w] →
    ``sample`` [B, 3, s·h, s·w] for ``s = cfg.scale_factor``. ``z`` is the latent already
    divided by ``scaling_factor`` (and shifted), as a pipeline passes it to ``decode``."""

    def __init__(self, cfg: VaeConfig, device=None):
        super().__init__()
        self.cfg = cfg
        c = cfg.latent_channels
        self.post_quant_conv = nn.Conv2d(c, c, 1, device=device) if cfg.use_post_quant_conv else None
        self.decoder = Decoder(cfg, device)

    def forward(self, latent_sample: torch.Tensor) -> torch.Tensor:
        z = latent_sample if self.post_quant_conv is None else self.post_quant_conv(latent_sample)
        return self.decoder(z)
