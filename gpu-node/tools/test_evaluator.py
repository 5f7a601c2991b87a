"""The measurement classifier: export path, committed graph, fixture and card.

    /usr/bin/python3 -m unittest discover -s gpu-node/tools -p 'test_*.py'
"""

from __future__ import annotations

import json
import tempfile
import unittest
from pathlib import Path

import numpy as np
import torch

import evaluator
import shapes
from evaluator_io import (
    FIXTURE_SEED,
    export_onnx,
    fixture_images,
    quantise,
    read_fixture,
    run_onnx,
    stats_from_json,
    stats_json,
)
from evaluator_net import EvaluatorNet, augment, blur

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "evaluator"
DIT_SEED_BASE = 20261125 * 1_000_003  # train.py: the DiT trains on DIT_SEED_BASE + step


def load(name: str) -> dict:
    return json.loads((MODEL_DIR / name).read_text())


class ExportTest(unittest.TestCase):
    def test_a_fresh_export_agrees_with_torch_at_a_batch_size_it_was_not_traced_with(self):
        torch.manual_seed(3)
        model = EvaluatorNet()
        for m in model.modules():  # non-trivial BatchNorm statistics, so folding them is exercised
            if isinstance(m, torch.nn.BatchNorm2d):
                m.running_mean.uniform_(-0.5, 0.5)
                m.running_var.uniform_(0.5, 2.0)
        model.eval()
        images, _ = shapes.sample(123, 5)
        with torch.no_grad():
            logits, features = model(torch.from_numpy(images))
        with tempfile.TemporaryDirectory() as tmp:
            export_onnx(model, Path(tmp) / "e.onnx")
            got = run_onnx(Path(tmp) / "e.onnx", images)
        self.assertEqual(got["logits"].shape, (5, shapes.NUM_CLASSES))
        self.assertEqual(got["features"].shape, (5, model.feature_dim))
        np.testing.assert_allclose(got["logits"], logits.numpy(), atol=1e-4)
        np.testing.assert_allclose(got["features"], features.numpy(), atol=1e-4)


class CommittedModelTest(unittest.TestCase):
    def test_the_committed_graph_reproduces_the_torch_outputs_recorded_at_export(self):
        ref = load("golden.json")
        images, labels = shapes.sample(ref["seed"], ref["count"])
        self.assertEqual(labels.tolist(), ref["labels"])
        got = run_onnx(MODEL_DIR / "evaluator.onnx", images)
        for key in ("logits", "features"):
            np.testing.assert_allclose(got[key].ravel(), ref[key], atol=ref["tolerance"], err_msg=key)

    def test_the_fixture_is_reproducible_from_its_seed(self):
        pixels, labels = read_fixture(MODEL_DIR / "fixture.json")
        self.assertEqual(load("fixture.json")["seed"], FIXTURE_SEED)
        images, want_labels = fixture_images()
        self.assertEqual(labels.tolist(), want_labels.tolist())
        # ≤ 1 step: float round-off on another CPU may tip a value across a rounding boundary.
        self.assertLessEqual(np.abs(pixels.astype(int) - quantise(images).astype(int)).max(), 1)

    def test_the_card_states_a_consistent_held_out_accuracy_above_the_target(self):
        card = load("evaluator.json")
        self.assertEqual(card["labels"], shapes.CLASS_NAMES)
        confusion = np.asarray(card["heldout"]["confusion"])
        self.assertEqual(confusion.shape, (shapes.NUM_CLASSES, shapes.NUM_CLASSES))
        self.assertEqual(confusion.sum(), card["heldout"]["count"])
        self.assertAlmostEqual(np.trace(confusion) / confusion.sum(), card["heldout"]["accuracy"])
        self.assertGreaterEqual(card["heldout"]["accuracy"], 0.98)

    def test_the_real_statistics_match_the_feature_dim_and_form_a_covariance(self):
        stats, dim = load("real-stats.json"), load("evaluator.json")["feature_dim"]
        self.assertGreaterEqual(stats["count"], 4000)
        mean, cov = stats_from_json(stats)
        self.assertEqual((stats["dim"], mean.shape, cov.shape), (dim, (dim,), (dim, dim)))
        np.testing.assert_allclose(cov, cov.T)
        self.assertGreater(np.linalg.eigvalsh(cov).min(), -1e-9)


class DataTest(unittest.TestCase):
    def test_evaluator_seed_ranges_are_disjoint_from_each_other_and_from_the_dit(self):
        card = load("evaluator.json")
        ranges = [
            (evaluator.TRAIN_SEED_BASE, card["training"]["steps"]),
            (evaluator.HELDOUT_SEED_BASE, card["heldout"]["count"] // evaluator.HELDOUT_CHUNK),
            (load("golden.json")["seed"], 1),
            (FIXTURE_SEED, 1),
        ]
        ends = sorted((start, start + n) for start, n in ranges)
        for (_, end), (start, _) in zip(ends, ends[1:]):
            self.assertLessEqual(end, start)
        self.assertLess(ends[-1][1], DIT_SEED_BASE)

    def test_augmentation_is_seeded_and_blur_keeps_a_flat_image_flat(self):
        x = torch.from_numpy(shapes.sample(9, 4)[0])
        a = augment(x, torch.Generator().manual_seed(1))
        b = augment(x, torch.Generator().manual_seed(1))
        self.assertTrue(torch.equal(a, b))
        self.assertFalse(torch.equal(a, x))
        flat = torch.full((2, 3, 8, 8), 0.3)
        torch.testing.assert_close(blur(flat, torch.tensor([0.5, 1.0])), flat)


class RealStatsTest(unittest.TestCase):
    def test_the_gaussian_round_trips_exactly_through_base64_and_the_upper_triangle(self):
        rng = np.random.default_rng(3)
        a = rng.standard_normal((5, 5))
        mean, cov = rng.standard_normal(5), (a @ a.T + (a @ a.T).T) / 2  # exactly symmetric
        blob = json.loads(json.dumps(stats_json(mean, cov)))
        self.assertEqual(set(blob), {"dim", "mean", "cov_upper"})
        got_mean, got_cov = stats_from_json(blob)
        np.testing.assert_array_equal(got_mean, mean)
        np.testing.assert_array_equal(got_cov, cov)
        with self.assertRaisesRegex(ValueError, "for dim 4"):
            stats_from_json({**blob, "dim": 4})


if __name__ == "__main__":
    unittest.main()
