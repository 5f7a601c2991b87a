"""The NextDiT family's parity case: diffusers-named inputs of
``LuminaNextDiT2DModel.forward`` and the ``sample`` PyTorch returns for them, as
``npm run -s model -- forward`` takes and writes them (docs/lumina.md, "From a
checkpoint to a served prompt"; docs/model-contract.md, "Parity tool").

``parity_inputs`` builds the check the tests run on the converted miniature: two
rows, a non-square token grid, the second prompt padded (its last tokens masked),
a timestep per row. ``reference`` runs the module as a user runs diffusers'
model: the RoPE table of the card's size at scaling factor 1 (the pipeline's at
its default grid), ``cross_attention_kwargs`` with the card's
``base_sequence_length``. Run as a script it writes the committed pair the
TypeScript test reads::

    cd gpu-node/tools && /usr/bin/python3 lumina_parity.py \\
        ../../test/fixtures/lumina-mini/transformer ../models/test-lumina ../../test/fixtures/lumina-parity
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import torch

import safetensors_io
from lumina_checkpoint import load_transformer
from lumina_next import LuminaNextDiT2DModel
from lumina_rope import rope_table

#: The case: 2 rows on a 3 × 5 token grid, 8 text tokens with the second prompt's last 3 padding.
BATCH, GRID, TEXT, PADDED = 2, (3, 5), 8, 3


def parity_inputs(model: LuminaNextDiT2DModel, seed: int = 11) -> dict[str, torch.Tensor]:
    """diffusers' names: ``hidden_states`` [B,C,H,W], ``timestep`` [B] (Lumina time),
    ``encoder_hidden_states`` [B,T,cross], ``encoder_mask`` i64 [B,T]."""
    cfg = model.config
    gen = torch.Generator().manual_seed(seed)
    p = cfg.patch_size
    mask = torch.ones(BATCH, TEXT, dtype=torch.int64)
    mask[1, -PADDED:] = 0
    return {
        "hidden_states": torch.randn(BATCH, cfg.in_channels, GRID[0] * p, GRID[1] * p, generator=gen),
        "timestep": torch.tensor([0.3, 0.85]),
        "encoder_hidden_states": torch.randn(BATCH, TEXT, cfg.cross_attention_dim, generator=gen),
        "encoder_mask": mask,
    }


def reference(model: LuminaNextDiT2DModel, inputs: dict, card: dict) -> torch.Tensor:
    """``sample`` [B, out_channels, H, W]: the dense forward with the card's RoPE size and proportional attention."""
    rows, cols = card["rope"]["max"]
    table = rope_table(model.config.head_dim, rows, cols)  # linear and NTK factors 1
    kwargs = {"base_sequence_length": card["attention"]["base_sequence_length"]}
    with torch.no_grad():
        return model(**inputs, image_rotary_emb=table, cross_attention_kwargs=kwargs)


def load_stored(checkpoint: Path) -> LuminaNextDiT2DModel:
    """The checkpoint's model with its weights rounded to fp16, as the model directory stores them."""
    model = load_transformer(checkpoint)
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(p.half().float())
    return model


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("checkpoint", type=Path, help="the diffusers transformer folder the model directory was converted from")
    ap.add_argument("model", type=Path, help="the model directory (its model.json gives the RoPE size and base_sequence_length)")
    ap.add_argument("out", type=Path, help="where to write in.safetensors and sample.safetensors")
    a = ap.parse_args()
    model = load_stored(a.checkpoint)
    inputs = parity_inputs(model)
    sample = reference(model, inputs, json.loads((a.model / "model.json").read_text()))
    a.out.mkdir(parents=True, exist_ok=True)
    safetensors_io.save_file(inputs, a.out / "in.safetensors")
    safetensors_io.save_file({"sample": sample}, a.out / "sample.safetensors")
    print(f"wrote {a.out}: sample {list(sample.shape)}, max |sample| {sample.abs().max().item():.3f}")


if __name__ == "__main__":
    main()
