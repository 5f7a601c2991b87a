"""The user's parity check, end to end (docs/mmdit.md, "Checking a conversion
against diffusers"): NCHW inputs saved from Python, `npm run model -- forward`
on the committed test-mmdit, its `sample` against our SD3Transformer2DModel's
dense forward (equal to diffusers' to the bit, check_diffusers.py) on the same
weights: random seed 7 of the tiny configs, stored in float32."""

from __future__ import annotations

import subprocess
import tempfile
import unittest
from pathlib import Path

import torch

import prompted
import safetensors_io
from export_prompted import randomize

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "gpu-node" / "models" / "test-mmdit"


class ModelForwardTest(unittest.TestCase):
    def test_forward_writes_the_dense_sample_of_the_pytorch_module(self):
        model = prompted.PromptedModel(prompted.TINY_MMDIT_CONFIG, prompted.TINY_TEXT_CONFIG)
        randomize(model, 7)  # the committed test-mmdit's weights (its card: "random (seed 7)", float32)
        transformer = model.transformer.eval()
        cfg = transformer.config
        gen = torch.Generator().manual_seed(11)
        # Two rows, a non-square 3×5 token grid (patch 4), a timestep each.
        inputs = {
            "hidden_states": torch.randn(2, cfg.in_channels, 12, 20, generator=gen),
            "encoder_hidden_states": torch.randn(2, 40, cfg.joint_attention_dim, generator=gen),
            "pooled_projections": torch.randn(2, cfg.pooled_projection_dim, generator=gen),
            "timestep": torch.tensor([250.0, 900.0]),
        }
        with torch.no_grad():
            ref = transformer(**inputs)
        with tempfile.TemporaryDirectory() as tmp:
            safetensors_io.save_file(inputs, Path(tmp) / "in.safetensors")
            out = Path(tmp) / "out.safetensors"
            tsx = ROOT / "node_modules" / ".bin" / "tsx"
            main = ROOT / "gpu-node" / "model-tool" / "main.ts"
            args = [str(tsx), str(main), "forward", str(MODEL), "--inputs", f"{tmp}/in.safetensors", "--out", str(out)]
            subprocess.run([*args, "--threads", "1"], check=True, cwd=ROOT, capture_output=True)
            ours = safetensors_io.SafeFile(out).get("sample")
        self.assertEqual(tuple(ours.shape), (2, cfg.out_channels, 12, 20))
        self.assertGreater(ref.abs().max().item(), 0.1)
        self.assertLess((ours - ref).abs().max().item(), 1e-5)


if __name__ == "__main__":
    unittest.main()
