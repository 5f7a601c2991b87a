"""The prompted scenes model: tokenizer → text encoder → SD3 MMDiT, in pixel space.

A small configuration of diffusers' ``SD3Transformer2DModel`` (mmdit.py) on
64×64 RGB with patch 4 (a 16×16 grid, 256 image tokens), conditioned on the
hidden states and pooled vector of a jointly trained text encoder
(text_encoder.py) over the caption vocabulary (scene_tokenizer.py). No VAE: the
transformer's input and output are pixels in [-1, 1].

Flow matching as the node samples it (docs/ras.md): x_σ = (1 − σ)·x₀ + σ·ε, the
model predicts v = ε − x₀ at timestep σ·1000; Euler over σ_i = s·u / (1 + (s − 1)·u),
u = 1 − i/steps, with classifier-free guidance v_u + g·(v_c − v_u), the
unconditional input being the empty caption.
"""

from __future__ import annotations

from pathlib import Path

import torch
from torch import nn

import scene_tokenizer
from mmdit import SD3Transformer2DModel
from text_encoder import TextEncoder, TextEncoderConfig

FORMAT = "prompted-scenes/1"
TIME_SCALE = 1000.0
MMDIT_CONFIG = {
    "sample_size": 64,
    "patch_size": 4,
    "in_channels": 3,
    "num_layers": 4,
    "attention_head_dim": 64,
    "num_attention_heads": 2,
    "joint_attention_dim": 128,
    "caption_projection_dim": 128,
    "pooled_projection_dim": 128,
    "out_channels": 3,
    "pos_embed_max_size": 16,
}
TEXT_CONFIG = TextEncoderConfig(
    vocab_size=len(scene_tokenizer.VOCAB), length=scene_tokenizer.TEXT_LEN, width=128, layers=2, heads=2,
    pooled_dim=128, pad_id=scene_tokenizer.PAD_ID,
)  # fmt: skip

# The unit test's model (train_prompted.py --quick): the same code at a size that runs in seconds.
TINY_MMDIT_CONFIG = {**MMDIT_CONFIG, "num_layers": 2, "attention_head_dim": 16, "joint_attention_dim": 32,
                     "caption_projection_dim": 32, "pooled_projection_dim": 32}  # fmt: skip
TINY_TEXT_CONFIG = TextEncoderConfig(**{**TEXT_CONFIG.to_dict(), "width": 32, "layers": 1, "pooled_dim": 32})


class PromptedModel(nn.Module):
    """``text_encoder`` and ``transformer`` (the names their weights carry)."""

    def __init__(self, mmdit_config: dict = MMDIT_CONFIG, text_config: TextEncoderConfig = TEXT_CONFIG):
        super().__init__()
        if mmdit_config["joint_attention_dim"] != text_config.width:
            raise ValueError("mmdit_config: joint_attention_dim must equal the text encoder's width")
        if mmdit_config["pooled_projection_dim"] != text_config.pooled_dim:
            raise ValueError("mmdit_config: pooled_projection_dim must equal the text encoder's pooled_dim")
        self.mmdit_config, self.text_config = dict(mmdit_config), text_config
        self.text_encoder = TextEncoder(text_config)
        self.transformer = SD3Transformer2DModel(**mmdit_config)
        init_transformer(self.transformer)

    def forward(self, x: torch.Tensor, ids: torch.Tensor, sigma: torch.Tensor) -> torch.Tensor:
        """Velocity [B,3,H,W] of pixels ``x`` at noise level ``sigma`` [B] for captions ``ids``."""
        hidden, pooled = self.text_encoder(ids)
        return self.transformer(x, hidden, pooled, sigma * TIME_SCALE)


def init_transformer(model: nn.Module) -> None:
    """DiT's initialisation (Peebles & Xie, 2023): Xavier-uniform linears, and the
    adaLN modulations and the output layer at zero, so every block starts as the
    identity. diffusers trains SD3 from its own checkpoints and has no such step."""
    for m in model.modules():
        if isinstance(m, nn.Linear):
            nn.init.xavier_uniform_(m.weight)
            nn.init.zeros_(m.bias)
    for name, m in model.named_modules():
        if name.endswith(("norm1.linear", "norm1_context.linear", "norm_out.linear")) or name == "proj_out":
            nn.init.zeros_(m.weight)
            nn.init.zeros_(m.bias)


def sigmas(steps: int, shift: float = 1.0) -> list[float]:
    """σ_0..σ_steps from 1 to 0 with the SD3 shift (the node's schedule.ts)."""
    return [shift * (1 - i / steps) / (1 + (shift - 1) * (1 - i / steps)) for i in range(steps + 1)]


def cpu_bf16() -> bool:
    """Whether this CPU runs bf16 autocast natively (avx512_bf16): the training, its sampling and
    the tools that reproduce it decide the same way."""
    cpuinfo = Path("/proc/cpuinfo")
    return cpuinfo.exists() and "avx512_bf16" in cpuinfo.read_text()


@torch.no_grad()
def sample(
    model: PromptedModel, ids: torch.Tensor, noise: torch.Tensor, steps: int = 28, guidance: float = 3.0,
    shift: float = 1.0, bf16: bool = True, start: float = 1.0,
) -> torch.Tensor:  # fmt: skip
    """Dense Euler sampling with CFG from ``noise`` [B,3,H,W]: pixels in [-1, 1] (float32).
    With ``start`` < 1, ``noise`` is x at t = ``start`` (an image noised part way, as in SDEdit)
    and only the schedule's steps below ``start`` run."""
    dev = noise.device
    null = torch.full_like(ids, scene_tokenizer.PAD_ID)
    with torch.autocast(dev.type, dtype=torch.bfloat16, enabled=bf16):
        hidden, pooled = model.text_encoder(torch.cat([ids, null]))
        x = noise.float()
        sig = sigmas(steps, shift)
        if start < 1.0:
            sig = [start] + [s for s in sig if s < start]
        for i in range(len(sig) - 1):
            t = torch.full((2 * len(x),), sig[i] * TIME_SCALE, device=dev)
            v = model.transformer(torch.cat([x, x]), hidden, pooled, t).float()
            v_c, v_u = v.chunk(2)
            x = x + (sig[i + 1] - sig[i]) * (v_u + guidance * (v_c - v_u))
    return x.clamp(-1, 1)


def state_fp16(model: nn.Module) -> dict:
    return {k: v.detach().to("cpu", torch.float16) if v.is_floating_point() else v.cpu() for k, v in model.state_dict().items()}


def save_weights(path: Path, model: PromptedModel, card: dict) -> None:
    """The 16-bit weights file: configs, vocabulary, a small card and the state dict."""
    blob = {
        "format": FORMAT,
        "mmdit": model.mmdit_config,
        "text_encoder": model.text_config.to_dict(),
        "vocab": scene_tokenizer.VOCAB,
        "card": card,
        "state_dict": state_fp16(model),
    }
    torch.save(blob, path)


def load_weights(path: Path, device="cpu") -> tuple[PromptedModel, dict]:
    """(model in float32 on ``device``, the file's card) from ``save_weights``'s file."""
    blob = torch.load(path, map_location="cpu")
    if blob.get("format") != FORMAT:
        raise ValueError(f"{path}: format {blob.get('format')!r}, expected {FORMAT!r}")
    if blob["vocab"] != scene_tokenizer.VOCAB:
        raise ValueError(f"{path}: its vocabulary is not scene_tokenizer.VOCAB")
    model = PromptedModel(blob["mmdit"], TextEncoderConfig(**blob["text_encoder"]))
    model.load_state_dict({k: v.float() if v.is_floating_point() else v for k, v in blob["state_dict"].items()})
    return model.to(device), blob["card"]
