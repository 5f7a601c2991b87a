"""Tests of Lumina-Next's RAS forward (lumina_ras.py) against the dense forward."""

from __future__ import annotations

import unittest

import torch

import lumina_ras
from lumina_next import patchify
from lumina_rope import gather_rows, grid_rows, rope_table
from test_lumina_next import tiny_inputs, tiny_model

GRID = (3, 5)  # non-square: 3 rows of 5 tokens
N = GRID[0] * GRID[1]


def dense_tokens(model, inputs, base=None):
    """The dense forward's output as tokens [B, N, p·p·C_out], features (py, px, c)."""
    kwargs = {"base_sequence_length": base} if base else None
    with torch.no_grad():
        out = model(**inputs, cross_attention_kwargs=kwargs)
    b, c, h, w = out.shape
    p = model.config.patch_size
    return out.view(b, c, h // p, p, w // p, p).permute(0, 2, 4, 3, 5, 1).reshape(b, N, -1)


def ras(model, inputs, token_index, caches, base=None):
    x = torch.gather(patchify(inputs["hidden_states"], 2), 1, token_index[..., None].expand(-1, -1, 16))
    prompt = lumina_ras.encode_prompt(model, inputs["encoder_hidden_states"], inputs["encoder_mask"])
    with torch.no_grad():
        return lumina_ras.run(model, x, token_index, inputs["timestep"], prompt, inputs["image_rotary_emb"], GRID[1], caches, base)


def full_index(batch=2):
    return torch.arange(N).repeat(batch, 1)


class RasTest(unittest.TestCase):
    def setUp(self):
        self.model = tiny_model()
        self.inputs = tiny_inputs(self.model, grid=GRID)

    def fresh_caches(self, base=None):
        """Every token's K/V from a full-set step (the later layers' depend on the attention scale)."""
        empty = lumina_ras.empty_caches(self.model, 2, N)
        return lumina_ras.next_caches(ras(self.model, self.inputs, full_index(), empty, base))

    def test_all_tokens_in_any_order_equal_the_dense_forward(self):
        want = dense_tokens(self.model, self.inputs)
        order = torch.stack([torch.randperm(N, generator=torch.Generator().manual_seed(s)) for s in (1, 2)])
        got = ras(self.model, self.inputs, order, lumina_ras.empty_caches(self.model, 2, N))["v"]
        self.assertLess((got - torch.gather(want, 1, order[..., None].expand(-1, -1, 32))).abs().max().item(), 1e-5)

    def test_a_subset_with_fresh_caches_equals_dense_with_proportional_attention_over_all_keys(self):
        index = torch.tensor([[0, 4, 7, 13], [14, 2, 9, 5]])  # a different subset per batch element
        for base in (None, 6):
            want = torch.gather(dense_tokens(self.model, self.inputs, base), 1, index[..., None].expand(-1, -1, 32))
            got = ras(self.model, self.inputs, index, self.fresh_caches(base), base)
            self.assertLess((got["v"] - want).abs().max().item(), 1e-5, base)
            self.assertEqual(tuple(got["k_new"].shape), (2, 2, 2, 4, 8))  # [L, B, KV heads, n, hd]

    def test_the_caches_hold_post_rope_keys_and_the_fresh_rows_are_written(self):
        caches = self.fresh_caches()
        index = torch.tensor([[3, 8], [8, 3]])
        result = ras(self.model, self.inputs, index, caches)
        for layer in range(2):
            rows = torch.gather(caches["k"][layer], 2, index[:, None, :, None].expand(-1, 2, -1, 8))
            self.assertLess((result["k_new"][layer] - rows).abs().max().item(), 1e-6)
            self.assertLess((result["k_all"][layer] - caches["k"][layer]).abs().max().item(), 1e-6)

    def test_stale_rows_of_tokens_not_run_change_the_result_and_rows_run_are_overwritten(self):
        caches, index = self.fresh_caches(), torch.tensor([[0, 6], [6, 11]])
        base = ras(self.model, self.inputs, index, caches)["v"]
        stale = {k: [t.clone() for t in ts] for k, ts in caches.items()}
        stale["k"][1][:, :, 1] += 1.0  # token 1: not run by either batch element
        self.assertGreater((ras(self.model, self.inputs, index, stale)["v"] - base).abs().max().item(), 1e-4)
        overwritten = {k: [t.clone() for t in ts] for k, ts in caches.items()}
        overwritten["v"][0][0, :, 6] += 1.0
        overwritten["v"][0][1, :, 11] -= 1.0
        self.assertLess((ras(self.model, self.inputs, index, overwritten)["v"] - base).abs().max().item(), 1e-6)

    def test_the_rope_gather_follows_each_tokens_row_and_column_on_a_non_square_grid(self):
        table = rope_table(8, 8, 8)
        index = torch.tensor([[0, 4, 5, 14], [9, 10, 1, 3]])
        got = gather_rows(table, index, GRID[1])
        self.assertTrue(torch.equal(got, grid_rows(table, *GRID)[0][index]))
        rows, cols = index // GRID[1], index % GRID[1]
        unit = lambda angle: torch.polar(torch.ones_like(angle), angle)  # noqa: E731
        self.assertTrue(torch.allclose(got[..., 0], unit(rows.float()), atol=1e-6))  # pair 0: the row, ω₀ = 1
        self.assertTrue(torch.allclose(got[..., 1], unit(cols.float()), atol=1e-6))  # pair 1: the column
        self.assertFalse(torch.equal(got, table.flatten(0, 1)[index]))  # not the unsliced table's flat rows

    def test_the_prompt_state_is_fixed_per_prompt_and_bad_inputs_are_named(self):
        prompt = lumina_ras.encode_prompt(self.model, self.inputs["encoder_hidden_states"], self.inputs["encoder_mask"])
        self.assertEqual(len(prompt["text_k"]), 2)
        self.assertEqual(tuple(prompt["text_k"][0].shape), (2, 2, 6, 8))
        with self.assertRaisesRegex(ValueError, "encoder_mask"):
            lumina_ras.encode_prompt(self.model, self.inputs["encoder_hidden_states"], self.inputs["encoder_mask"][:, :3])
        with self.assertRaisesRegex(ValueError, "grid_w"):
            bad = lumina_ras.empty_caches(self.model, 2, N + 1)
            ras(self.model, self.inputs, full_index(), bad)


if __name__ == "__main__":
    unittest.main()
