"""Tests of the MMDiT family module (mmdit.py) and its RAS-ready forward (mmdit_ras.py)."""

from __future__ import annotations

import unittest
from pathlib import Path

import numpy as np
import torch

import mmdit_ras
from mmdit import SD3_MEDIUM, SD35_LARGE, SD35_MEDIUM, MMDiTConfig, SD3Transformer2DModel, patchify, sincos_2d_table, unpatchify

FIXTURES = Path(__file__).resolve().parent / "fixtures"

#: Miniature configs in the real layouts: SD3 (no qk-norm), SD3.5-large-like (rms qk-norm),
#: SD3.5-medium-like (rms qk-norm, MMDiT-X attn2 in block 0).
TINY = {
    "sd3": MMDiTConfig(
        sample_size=8, patch_size=2, in_channels=4, num_layers=2, attention_head_dim=8, num_attention_heads=2,
        joint_attention_dim=12, caption_projection_dim=16, pooled_projection_dim=6, out_channels=4, pos_embed_max_size=8,
    ),
}  # fmt: skip
TINY["sd35-large"] = MMDiTConfig(**{**TINY["sd3"].to_dict(), "qk_norm": "rms_norm", "dual_attention_layers": ()})
TINY["sd35-medium"] = MMDiTConfig(**{**TINY["sd3"].to_dict(), "qk_norm": "rms_norm", "dual_attention_layers": (0,)})


def tiny_model(kind: str = "sd3", seed: int = 7) -> SD3Transformer2DModel:
    model = SD3Transformer2DModel.from_config(TINY[kind])
    model.randomize(seed)
    return model.eval()


def tiny_inputs(model, batch=2, grid=(3, 4), text=5, seed=0) -> dict:
    cfg = model.config
    gen = torch.Generator().manual_seed(seed)
    p = cfg.patch_size
    return {
        "hidden_states": torch.randn(batch, cfg.in_channels, grid[0] * p, grid[1] * p, generator=gen),
        "encoder_hidden_states": torch.randn(batch, text, cfg.joint_attention_dim, generator=gen),
        "pooled_projections": torch.randn(batch, cfg.pooled_projection_dim, generator=gen),
        "timestep": torch.rand(batch, generator=gen) * 1000,
    }


def read_key_list(path: Path) -> dict[str, list[int]]:
    keys = {}
    for line in path.read_text().splitlines():
        name, shape = line.split(" ")
        keys[name] = [int(v) for v in shape.strip("[]").split(",")]
    return keys


class ParameterLayoutTest(unittest.TestCase):
    def test_sd3_medium_has_exactly_the_683_diffusers_names_and_shapes(self):
        model = SD3Transformer2DModel.from_config(SD3_MEDIUM, device="meta")
        got = {k: list(v.shape) for k, v in model.state_dict().items()}
        want = read_key_list(FIXTURES / "sd3_medium_keys.txt")
        self.assertEqual(len(want), 683)
        self.assertEqual(sorted(set(got) ^ set(want)), [])
        self.assertEqual(got, want)
        self.assertEqual(sum(p.numel() for p in model.parameters()), 2_028_328_000)

    def test_sd35_large_and_medium_have_their_tensor_and_parameter_counts(self):
        for cfg, tensors, params, table in ((SD35_LARGE, 1227, 8_056_627_520, 89_653_248), (SD35_MEDIUM, 909, 2_243_171_520, 226_492_416)):
            model = SD3Transformer2DModel.from_config(cfg, device="meta")
            sd = model.state_dict()
            self.assertEqual(len(sd), tensors)
            self.assertEqual(sum(p.numel() for p in model.parameters()), params)
            self.assertEqual(sd["pos_embed.pos_embed"].numel(), table)

    def test_sd35_medium_dual_blocks_have_attn2_and_nine_chunks(self):
        sd = SD3Transformer2DModel.from_config(SD35_MEDIUM, device="meta").state_dict()
        self.assertEqual(list(sd["transformer_blocks.12.norm1.linear.weight"].shape), [9 * 1536, 1536])
        self.assertEqual(list(sd["transformer_blocks.13.norm1.linear.weight"].shape), [6 * 1536, 1536])
        self.assertIn("transformer_blocks.12.attn2.norm_k.weight", sd)
        self.assertNotIn("transformer_blocks.13.attn2.to_q.weight", sd)
        self.assertIn("transformer_blocks.23.attn.norm_added_q.weight", sd)
        self.assertNotIn("transformer_blocks.23.attn.to_add_out.weight", sd)

    def test_config_keys_are_diffusers_and_unknown_ones_are_named(self):
        cfg = MMDiTConfig.from_dict({"_class_name": "SD3Transformer2DModel", **SD3_MEDIUM.to_dict()})
        self.assertEqual(cfg, SD3_MEDIUM)
        with self.assertRaisesRegex(ValueError, "unknown keys \\['num_blocks'\\]"):
            MMDiTConfig.from_dict({"num_blocks": 3})


class EmbeddingTest(unittest.TestCase):
    def test_the_position_table_is_diffusers_numpy_sincos(self):
        # diffusers' get_2d_sincos_pos_embed_np: meshgrid(w, h), first half from grid[0] (the column).
        dim, grid, base = 16, 6, 3
        coords = np.arange(grid, dtype=np.float32) / (grid / base)
        mesh = np.stack(np.meshgrid(coords, coords), axis=0).reshape(2, 1, grid, grid)

        def one_d(d, pos):
            omega = 1.0 / 10000 ** (np.arange(d // 2, dtype=np.float64) / (d / 2.0))
            out = np.einsum("m,d->md", pos.reshape(-1), omega)
            return np.concatenate([np.sin(out), np.cos(out)], axis=1)

        want = np.concatenate([one_d(dim // 2, mesh[0]), one_d(dim // 2, mesh[1])], axis=1)
        got = sincos_2d_table(dim, grid, base).numpy()
        self.assertLess(np.abs(got - want).max(), 1e-6)

    def test_patchify_and_unpatchify_are_inverse(self):
        img = torch.randn(2, 4, 6, 8)
        self.assertTrue(torch.equal(unpatchify(patchify(img, 2), 2, 4, 3, 4), img))


class DenseForwardTest(unittest.TestCase):
    def test_every_variant_maps_latents_to_latents_and_depends_on_every_input(self):
        for kind in TINY:
            model = tiny_model(kind)
            inputs = tiny_inputs(model)
            with torch.no_grad():
                out = model(**inputs)
                self.assertEqual(out.shape, inputs["hidden_states"].shape)
                for name in inputs:
                    changed = {**inputs, name: inputs[name] + 0.5}
                    self.assertGreater((model(**changed) - out).abs().max().item(), 1e-4, f"{kind}: {name}")

    def test_the_last_block_drops_the_text_stream(self):
        model = tiny_model("sd3")
        block = model.transformer_blocks[-1]
        self.assertIsNone(block.attn.to_add_out)
        inputs = tiny_inputs(model)
        with torch.no_grad():
            temb = model.time_text_embed(inputs["timestep"], inputs["pooled_projections"])
            ctx = model.context_embedder(inputs["encoder_hidden_states"])
            x = model.pos_embed(inputs["hidden_states"])
            out_ctx, out_x, _ = block(x, ctx, temb)
        self.assertIsNone(out_ctx)
        self.assertEqual(out_x.shape, x.shape)

    def test_the_patch_grid_may_not_exceed_pos_embed_max_size(self):
        model = tiny_model("sd3")
        inputs = tiny_inputs(model, grid=(2, 9))
        with self.assertRaisesRegex(ValueError, "exceeds pos_embed_max_size 8"):
            model(**inputs)

    def test_spelled_out_attention_equals_the_fused_form(self):
        model = tiny_model("sd35-medium")
        inputs = tiny_inputs(model)
        with torch.no_grad():
            model.attention = "unfused"
            a = model(**inputs)
            model.attention = "fused"
            b = model(**inputs)
        model.attention = "auto"
        self.assertLess((a - b).abs().max().item(), 1e-5)



def ras_inputs(model, inputs: dict, grid=(3, 4)) -> dict:
    """The dense inputs in the RAS form: patchified tokens, all of them run."""
    b = inputs["hidden_states"].shape[0]
    n = grid[0] * grid[1]
    return {
        "x": patchify(inputs["hidden_states"], model.config.patch_size),
        "token_index": torch.arange(n).repeat(b, 1),
        "timestep": inputs["timestep"],
        "encoder_hidden_states": inputs["encoder_hidden_states"],
        "pooled_projections": inputs["pooled_projections"],
        "grid_w": torch.tensor([grid[1]]),
        "caches": mmdit_ras.empty_caches(model, b, n),
    }


def run(model, ras: dict, **changes) -> dict:
    with torch.no_grad():
        return model.run(**{**ras, **changes}, return_context=True)


def take(t: torch.Tensor, idx: torch.Tensor) -> torch.Tensor:
    """Rows idx [B,n] of t [B,N,...]."""
    return torch.stack([t[b, idx[b]] for b in range(t.shape[0])])


SUBSET = torch.tensor([[1, 5, 6, 11], [0, 2, 3, 10]])


class RasForwardTest(unittest.TestCase):
    def test_all_tokens_with_any_caches_is_the_dense_forward(self):
        for kind in TINY:
            model = tiny_model(kind)
            inputs = tiny_inputs(model)
            ras = ras_inputs(model, inputs)
            stale = {k: [torch.randn_like(t) for t in ts] for k, ts in ras["caches"].items()}
            v = run(model, ras, caches=stale)["v"]
            with torch.no_grad():
                dense = model(**inputs)
            self.assertLess((unpatchify(v, 2, 4, 3, 4) - dense).abs().max().item(), 1e-5, kind)

    def test_a_subset_with_fresh_caches_reproduces_the_dense_forward_and_text_stream(self):
        for kind in TINY:
            model = tiny_model(kind)
            ras = ras_inputs(model, tiny_inputs(model))
            dense = run(model, ras)
            sub = run(model, ras, x=take(ras["x"], SUBSET), token_index=SUBSET, caches=mmdit_ras.next_caches(dense))
            self.assertLess((sub["v"] - take(dense["v"], SUBSET)).abs().max().item(), 1e-5, kind)
            self.assertEqual(len(sub["context"]), model.config.num_layers - 1)
            for layer, (a, b) in enumerate(zip(sub["context"], dense["context"])):
                self.assertLess((a - b).abs().max().item(), 1e-5, f"{kind}: text stream after block {layer}")
            for name in ("k_all", "v_all", "k2_all", "v2_all"):
                for a, b in zip(sub.get(name, []), dense.get(name, [])):
                    self.assertLess((a - b).abs().max().item(), 1e-5, f"{kind}: {name}")
            self.assertEqual(tuple(sub["k_new"].shape), (2, 2, 2, 4, 8))
            if kind == "sd35-medium":
                self.assertEqual(tuple(sub["k2_new"].shape), (1, 2, 2, 4, 8))

    def test_the_cache_rows_of_tokens_not_run_change_image_and_text_outputs(self):
        for kind in TINY:
            model = tiny_model(kind)
            ras = ras_inputs(model, tiny_inputs(model))
            fresh = mmdit_ras.next_caches(run(model, ras))
            sub = {"x": take(ras["x"], SUBSET), "token_index": SUBSET}
            a = run(model, ras, **sub, caches=fresh)
            for name in [k for k, ts in fresh.items() if ts]:
                stale = {**fresh, name: [t + torch.randn_like(t) for t in fresh[name]]}
                b = run(model, ras, **sub, caches=stale)
                self.assertGreater((a["v"] - b["v"]).abs().max().item(), 1e-3, f"{kind}: {name} (image)")
                text_change = (a["context"][0] - b["context"][0]).abs().max().item()
                if name in ("k", "v"):  # the text attends to the joint K/V of every image token
                    self.assertGreater(text_change, 1e-3, f"{kind}: {name} (text)")
                else:  # attn2 is image-only: block 0's text stream does not see it
                    self.assertEqual(text_change, 0.0, f"{kind}: {name} (text)")

    def test_the_cache_rows_of_tokens_run_are_ignored(self):
        for kind in TINY:
            model = tiny_model(kind)
            ras = ras_inputs(model, tiny_inputs(model))
            fresh = mmdit_ras.next_caches(run(model, ras))
            changed = {k: [t.clone() for t in ts] for k, ts in fresh.items()}
            for ts in changed.values():
                for t in ts:
                    for b in range(2):
                        t[b, :, SUBSET[b]] = 99.0
            sub = {"x": take(ras["x"], SUBSET), "token_index": SUBSET}
            a, b = run(model, ras, **sub, caches=fresh), run(model, ras, **sub, caches=changed)
            self.assertTrue(torch.equal(a["v"], b["v"]), kind)
            self.assertTrue(all(torch.equal(p, q) for p, q in zip(a["context"], b["context"])), kind)

    def test_the_text_stream_is_the_dense_one_at_every_step_of_a_sampling_loop(self):
        # Each step runs a different subset over caches fresh at that step's latents:
        # the text tokens (run every step) must come out as in the dense forward, block by block.
        model = tiny_model("sd35-medium")
        ras = ras_inputs(model, tiny_inputs(model, batch=1))
        x = ras["x"]
        sigmas = [1.0, 0.75, 0.5, 0.25, 0.0]
        subsets = [[0, 3, 4, 9], [1, 2, 7, 8, 11], [5, 6, 10], [4]]
        for step, (sigma, nxt) in enumerate(zip(sigmas, sigmas[1:])):
            t = torch.tensor([sigma * 1000])
            idx = torch.tensor([subsets[step]])
            dense = run(model, ras, x=x, timestep=t)
            out = run(model, ras, x=take(x, idx), token_index=idx, timestep=t, caches=mmdit_ras.next_caches(dense))
            for layer, (a, b) in enumerate(zip(out["context"], dense["context"])):
                self.assertLess((a - b).abs().max().item(), 1e-5, f"step {step}, block {layer}")
            v = dense["v"].clone()
            v[0, idx[0]] = out["v"][0]
            x = x + (nxt - sigma) * v

    def test_a_subset_token_gets_its_grid_position_in_the_cropped_table(self):
        model = tiny_model("sd3")
        ras = ras_inputs(model, tiny_inputs(model))
        idx = torch.tensor([[0, 11]]).repeat(2, 1)  # corners of the 3x4 grid
        h = mmdit_ras.embed_tokens(model, take(ras["x"], idx), idx, torch.tensor(3), ras["grid_w"])
        with torch.no_grad():
            want = model.pos_embed(tiny_inputs(model)["hidden_states"])
        self.assertLess((h - take(want, idx)).abs().max().item(), 1e-5)
        table = model.pos_embed.pos_embed.reshape(8, 8, -1)
        self.assertTrue(torch.equal(model.pos_embed.cropped_pos_embed(3, 4)[0, 11], table[2 + 2, 2 + 3]))

if __name__ == "__main__":
    unittest.main()
