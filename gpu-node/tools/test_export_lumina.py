"""Tests of the Lumina-Next RAS graph export (export_lumina.py): onnxruntime-node against PyTorch."""

from __future__ import annotations

import tempfile
import unittest
from pathlib import Path

import onnx
import torch

from export_lumina import export_and_verify
from lumina_rope import apply_rope, gather_rows, real_table, rope_table
from test_lumina_next import tiny_model

GRID = (3, 5)  # traced on 3 rows of 5 tokens; checked also on 6 rows of 3


class LuminaExportTest(unittest.TestCase):
    def export(self, base=None):
        with tempfile.TemporaryDirectory() as out:
            path = Path(out) / "model.onnx"
            diffs = export_and_verify(tiny_model(), path, GRID, base)
            graph = onnx.load(str(path)).graph
        return diffs, graph

    def test_the_graph_matches_pytorch_dense_subset_batch_2_and_on_another_grid(self):
        diffs, graph = self.export()
        self.assertEqual(set(diffs), {"dense_b1", "dense_b2", "subset_b2", "other_grid_b2"})
        self.assertLess(max(diffs.values()), 1e-4)
        inputs = [i.name for i in graph.input]
        head = ["x", "token_index", "timestep", "caption", "text_mask", "rope_cos", "rope_sin", "grid_w"]
        self.assertEqual(inputs, [*head, "text_k_0", "text_k_1", "text_v_0", "text_v_1", "k_cache_0", "k_cache_1", "v_cache_0", "v_cache_1"])
        self.assertEqual([o.name for o in graph.output], ["v", "k_new", "v_new", "k_all_0", "k_all_1", "v_all_0", "v_all_1"])
        ops = {n.op_type for n in graph.node}
        self.assertIn("Softmax", ops)
        self.assertNotIn("MultiHeadAttention", ops)

    def test_proportional_attention_follows_the_cache_length_on_another_grid(self):
        diffs, _ = self.export(base=7)
        self.assertLess(max(diffs.values()), 1e-4)

    def test_the_real_rope_equals_the_complex_rotation(self):
        table = rope_table(8, 4, 6)
        index = torch.tensor([[0, 7, 13, 17], [3, 5, 8, 11]])
        x = torch.randn(2, 4, 3, 8, generator=torch.Generator().manual_seed(1))
        want = apply_rope(x, gather_rows(table, index, 5))
        got = apply_rope(x, gather_rows(real_table(table), index, 5))
        torch.testing.assert_close(got, want, rtol=0, atol=1e-6)


if __name__ == "__main__":
    unittest.main()
