"""Tests of the Lumina-Next bench tools: PyTorch's reference rows (bench_lumina_torch.py), the
CPU comparison of the prompt's text K/V made once or every step (bench_lumina_text_kv.py) and the
stand-in pipeline folder the gpu section converts its random transformers with (lumina_standin.py)."""

from __future__ import annotations

import tempfile
import unittest
from pathlib import Path

import torch

import bench_lumina_text_kv
import bench_lumina_torch as bench
import lumina_pipeline
from lumina_next import LuminaNextConfig, LuminaNextDiT2DModel
from lumina_standin import write_standin

TINY = bench.CONFIGS["tiny"]


def tiny_model() -> LuminaNextDiT2DModel:
    model = LuminaNextDiT2DModel.from_config(TINY).eval()
    model.randomize(3)
    return model


class ReferenceTest(unittest.TestCase):
    def test_the_step_with_the_prompt_encoded_inside_computes_what_the_step_with_it_made_once_does(self):
        model = tiny_model()
        feeds = bench.step_inputs(model, 64, 16, torch.float32, "cpu", text=12)
        with torch.no_grad():
            prompt = bench.lumina_ras.encode_prompt(model, feeds["features"], feeds["mask"])
            once, every = bench.step(model, feeds, prompt), bench.step(model, feeds)
        self.assertTrue(torch.equal(once["v"], every["v"]))
        self.assertEqual(tuple(once["v"].shape), (bench.ROWS, 16, 4 * 2 * TINY.in_channels))

    def test_the_negative_row_keeps_8_text_tokens_and_pads_the_rest(self):
        _, mask = bench.prompt_inputs(TINY, "cpu", torch.Generator().manual_seed(0), text=20)
        self.assertEqual(mask.sum(dim=1).tolist(), [20, 8])

    def test_a_subset_over_caches_fresh_from_the_dense_step_matches_it(self):
        error = bench.subset_error(tiny_model(), 64, torch.float32, "cpu", torch.no_grad)
        self.assertLess(error, 1e-5)

    def test_the_cpu_comparison_alternates_both_variants_and_times_encode_prompt(self):
        model = tiny_model()
        feeds = bench.step_inputs(model, 16, 4, torch.float32, "cpu", text=8)
        result = bench_lumina_text_kv.compare(model, feeds, pairs=2, reps=1)
        self.assertEqual((len(result["samples_once"]), len(result["samples_every"])), (2, 2))
        self.assertGreater(result["encode_prompt_ms"], 0)
        ratio = result["step_ms_prompt_every_step"] / result["step_ms_prompt_once"]  # of the rounded medians
        self.assertAlmostEqual(result["ratio_every_over_once"], ratio, delta=0.05 * ratio)


class StandinTest(unittest.TestCase):
    def test_the_standin_folder_passes_the_converters_checks_for_a_transformer_of_its_width(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "pipeline"
            write_standin(out, cross=64)
            cfg = LuminaNextConfig(hidden_size=64, num_layers=1, num_attention_heads=4, num_kv_heads=2, cross_attention_dim=64)
            text = lumina_pipeline.text_entry(out, cfg)
            self.assertEqual((text["hidden"], text["hidden_dim"]), ("hidden_states.1", 64))
            self.assertEqual(lumina_pipeline.vae_config(out, cfg)["latent_channels"], 4)
            self.assertEqual(lumina_pipeline.scheduler_shift(out), 1.0)
            with self.assertRaisesRegex(ValueError, "hidden_size 64 ≠ the transformer's cross_attention_dim 2048"):
                lumina_pipeline.text_entry(out, LuminaNextConfig())
            with self.assertRaisesRegex(FileExistsError, "--out .*: exists"):
                write_standin(out, cross=64)


if __name__ == "__main__":
    unittest.main()
