"""Tests of the miniature VAE decoder (mini_vae.py) and its committed fixture."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import onnx
import torch

import mini_vae

FIXTURE = Path(__file__).resolve().parents[2] / "test/fixtures/sd3-mini/optimum/vae_decoder"


class MiniVaeTest(unittest.TestCase):
    def test_decodes_16_channels_to_rgb_at_8_times_any_grid(self):
        model = mini_vae.build(18)
        for h, w in [(1, 1), (3, 5), (4, 6)]:
            with torch.no_grad():
                out = model(torch.randn(2, 16, h, w))
            self.assertEqual(tuple(out.shape), (2, 3, 8 * h, 8 * w))

    def test_one_latent_pixel_reaches_past_its_own_8x8_block(self):
        model = mini_vae.build(18)
        z = torch.randn(1, 16, 9, 9)
        bumped = z.clone()
        bumped[0, :, 4, 4] += 1.0
        with torch.no_grad():
            changed = (model(bumped) - model(z)).abs().amax(dim=(0, 1)) > 0
        rows = changed.any(dim=1).nonzero().flatten()
        self.assertLess(rows.min().item(), 4 * 8 - 8)  # at least a latent pixel beyond the block, each side
        self.assertGreater(rows.max().item(), 5 * 8 + 8)

    def test_the_committed_fixture_is_what_the_tool_writes(self):
        with tempfile.TemporaryDirectory() as out:
            subprocess.run(
                [sys.executable, str(Path(mini_vae.__file__)), "--out", out],
                check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            for name in ["config.json", "golden.json", "model.onnx"]:
                self.assertEqual((Path(out) / name).read_bytes(), (FIXTURE / name).read_bytes(), name)

    def test_the_fixture_has_optimums_names_and_dynamic_axes_and_diffusers_config_keys(self):
        graph = onnx.load(str(FIXTURE / "model.onnx")).graph
        self.assertEqual([i.name for i in graph.input], ["latent_sample"])
        self.assertEqual([o.name for o in graph.output], ["sample"])
        dims = [d.dim_param or d.dim_value for d in graph.input[0].type.tensor_type.shape.dim]
        self.assertEqual(dims, ["batch", 16, "height", "width"])
        config = json.loads((FIXTURE / "config.json").read_text())
        self.assertEqual(2 ** (len(config["block_out_channels"]) - 1), 8)
        self.assertEqual((config["latent_channels"], config["scaling_factor"], config["shift_factor"]), (16, 1.5305, 0.0609))


if __name__ == "__main__":
    unittest.main()
