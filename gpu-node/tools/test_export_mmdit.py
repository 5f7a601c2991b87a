"""Tests of the MMDiT RAS graph export (export_mmdit.py): onnxruntime against PyTorch."""

from __future__ import annotations

import tempfile
import unittest
from pathlib import Path

import onnx

from export_mmdit import export_and_verify
from test_mmdit import tiny_model

GRID = (3, 4)


class MMDiTExportTest(unittest.TestCase):
    def export(self, kind: str, attention: str):
        with tempfile.TemporaryDirectory() as out:
            path = Path(out) / "model.onnx"
            diffs = export_and_verify(tiny_model(kind), path, GRID, attention)
            graph = onnx.load(str(path)).graph
        return diffs, graph

    def test_the_sd3_graph_matches_pytorch_dense_subset_and_on_another_grid(self):
        diffs, graph = self.export("sd3", "unfused")
        self.assertEqual(set(diffs), {"dense_b1", "dense_b2", "subset_b2", "other_grid_b2"})
        self.assertLess(max(diffs.values()), 1e-4)
        inputs = [i.name for i in graph.input]
        self.assertEqual(inputs[:6], ["x", "token_index", "timestep", "encoder_hidden_states", "pooled_projections", "grid_w"])
        self.assertEqual(inputs[6:], ["k_cache_0", "k_cache_1", "v_cache_0", "v_cache_1"])
        self.assertEqual([o.name for o in graph.output], ["v", "k_new", "v_new", "k_all_0", "k_all_1", "v_all_0", "v_all_1"])
        self.assertIn("Softmax", {n.op_type for n in graph.node})

    def test_the_fused_mmdit_x_graph_matches_pytorch_with_its_attn2_caches(self):
        diffs, graph = self.export("sd35-medium", "fused")
        self.assertLess(max(diffs.values()), 1e-4)
        self.assertEqual([i.name for i in graph.input][-2:], ["k2_cache_0", "v2_cache_0"])
        outputs = [o.name for o in graph.output]
        self.assertEqual(outputs[3:5], ["k2_new", "v2_new"])
        self.assertEqual(outputs[-2:], ["k2_all_0", "v2_all_0"])
        ops = {n.op_type for n in graph.node}
        self.assertIn("MultiHeadAttention", ops)
        self.assertNotIn("Softmax", ops)


if __name__ == "__main__":
    unittest.main()
