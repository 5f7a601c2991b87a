"""Tests of the NextDiT family module (lumina_next.py, lumina_blocks.py, lumina_rope.py)."""

from __future__ import annotations

import math
import unittest
from pathlib import Path

import torch
import torch.nn.functional as F

from lumina_next import LUMINA_NEXT_SFT, LuminaNextConfig, LuminaNextDiT2DModel, patchify
from lumina_rope import rope_table

FIXTURES = Path(__file__).resolve().parent / "fixtures"

#: A miniature in Lumina-Next-SFT's layout: grouped-query (4 query heads, 2 KV heads), qk-norm, learn_sigma.
TINY = LuminaNextConfig(
    sample_size=8, hidden_size=32, num_layers=2, num_attention_heads=4, num_kv_heads=2, multiple_of=32, cross_attention_dim=12
)


def tiny_model(seed: int = 7, cfg: LuminaNextConfig = TINY) -> LuminaNextDiT2DModel:
    model = LuminaNextDiT2DModel.from_config(cfg)
    model.randomize(seed)
    return model.eval()


def tiny_inputs(model, batch=2, grid=(3, 5), text=6, seed=0) -> dict:
    """Inputs of the dense forward; the second prompt is padded (its last two tokens masked)."""
    cfg = model.config
    gen = torch.Generator().manual_seed(seed)
    p = cfg.patch_size
    mask = torch.ones(batch, text, dtype=torch.int64)
    mask[1:, -2:] = 0
    return {
        "hidden_states": torch.randn(batch, cfg.in_channels, grid[0] * p, grid[1] * p, generator=gen),
        "timestep": torch.rand(batch, generator=gen),
        "encoder_hidden_states": torch.randn(batch, text, cfg.cross_attention_dim, generator=gen),
        "encoder_mask": mask,
        "image_rotary_emb": rope_table(cfg.head_dim, 8, 8),
    }


def read_key_list(path: Path) -> dict[str, list[int]]:
    rows = (line.split(" ") for line in path.read_text().splitlines())
    return {name: [int(v) for v in shape.strip("[]").split(",")] for name, shape in rows}


def original_freqs(dim: int, end: int) -> torch.Tensor:
    """The original Alpha-VLLM ``precompute_freqs_cis`` (θ 10000, no scaling): [end, end, dim/2]."""
    freqs = 1.0 / (10000 ** (torch.arange(0, dim, 4)[: dim // 4].float() / dim))
    freqs = torch.polar(torch.ones(end, dim // 4), torch.outer(torch.arange(end).float(), freqs))
    h = freqs.view(end, 1, dim // 4, 1).repeat(1, end, 1, 1)
    w = freqs.view(1, end, dim // 4, 1).repeat(end, 1, 1, 1)
    return torch.cat([h, w], dim=-1).flatten(2)


def reference_forward(model, inputs, base=None) -> torch.Tensor:
    """The dense forward spelled out from the original code's structure, reading the
    state dict: one query (attn1's) for both attentions, GQA by expanding KV heads."""
    cfg, sd = model.config, model.state_dict()
    hs, hd, kvh, p = cfg.num_attention_heads, cfg.head_dim, cfg.kv_heads, cfg.patch_size
    lat = inputs["hidden_states"]
    b, c, hh, ww = lat.shape
    gh, gw = hh // p, ww // p
    tok = torch.stack([lat[:, :, i * p : i * p + p, j * p : j * p + p].reshape(b, -1) for i in range(gh) for j in range(gw)], 1)
    x = F.linear(tok, sd["patch_embedder.proj.weight"], sd["patch_embedder.proj.bias"])
    freqs = original_freqs(hd, 8)[:gh, :gw].reshape(1, gh * gw, 1, hd // 2)
    t = inputs["timestep"]
    half = torch.arange(128).float()
    sinus = t[:, None] * torch.exp(-math.log(10000) * half / 128)[None]
    te = "time_caption_embed.timestep_embedder."
    temb = F.linear(torch.cat([sinus.cos(), sinus.sin()], 1), sd[te + "linear_1.weight"], sd[te + "linear_1.bias"])
    temb = F.linear(F.silu(temb), sd[te + "linear_2.weight"], sd[te + "linear_2.bias"])
    y, m = inputs["encoder_hidden_states"], inputs["encoder_mask"].float()
    pooled = (y * m[..., None]).sum(1) / m.sum(1, keepdim=True)
    ce = "time_caption_embed.caption_embedder."
    pooled = F.layer_norm(pooled, (y.shape[-1],), sd[ce + "0.weight"], sd[ce + "0.bias"])
    temb = temb + F.linear(pooled, sd[ce + "1.weight"], sd[ce + "1.bias"])

    def rms(v, w):
        return v * torch.rsqrt(v.pow(2).mean(-1, keepdim=True) + cfg.norm_eps) * w

    def rope(v):
        return torch.view_as_real(torch.view_as_complex(v.reshape(*v.shape[:-1], -1, 2)) * freqs).flatten(3)

    def heads(v, n):
        return v.reshape(b, -1, n, hd)

    def attention(q, k, v, scale, mask=None):
        k, v = (z[:, :, :, None].expand(-1, -1, -1, hs // kvh, -1).reshape(b, -1, hs, hd) for z in (k, v))
        s = torch.einsum("bqhd,bkhd->bhqk", q, k) * scale
        if mask is not None:
            s = s.masked_fill(mask[:, None, None, :] == 0, float("-inf"))
        return torch.einsum("bhqk,bkhd->bqhd", s.softmax(-1), v)

    n = gh * gw
    self_scale = hd**-0.5 * (math.sqrt(math.log(n) / math.log(base)) if base else 1.0)
    for i in range(cfg.num_layers):
        L = lambda k: sd[f"layers.{i}.{k}"]  # noqa: E731
        ln = lambda v, k: F.layer_norm(v, (v.shape[-1],), L(k + ".weight"), L(k + ".bias"), 1e-5)  # noqa: E731
        s_msa, g_msa, s_mlp, g_mlp = F.linear(F.silu(temb), L("norm1.linear.weight"), L("norm1.linear.bias")).chunk(4, 1)
        h = rms(x, L("norm1.norm.weight")) * (1 + s_msa[:, None])
        q = rope(heads(ln(F.linear(h, L("attn1.to_q.weight")), "attn1.norm_q"), hs))
        k = rope(heads(ln(F.linear(h, L("attn1.to_k.weight")), "attn1.norm_k"), kvh))
        out = attention(q, k, heads(F.linear(h, L("attn1.to_v.weight")), kvh), self_scale)
        yn = rms(y, L("norm1_context.weight"))
        ky = heads(ln(F.linear(yn, L("attn2.to_k.weight")), "attn2.norm_k"), kvh)
        cross = attention(q, ky, heads(F.linear(yn, L("attn2.to_v.weight")), kvh), hd**-0.5, m)
        out = out + cross * L("gate").tanh()[None, None, :, None]
        x = x + g_msa[:, None].tanh() * rms(F.linear(out.flatten(2), L("attn2.to_out.0.weight")), L("norm2.weight"))
        u = rms(x, L("ffn_norm1.weight")) * (1 + s_mlp[:, None])
        gated = F.silu(F.linear(u, L("feed_forward.linear_1.weight"))) * F.linear(u, L("feed_forward.linear_3.weight"))
        f = F.linear(gated, L("feed_forward.linear_2.weight"))
        x = x + g_mlp[:, None].tanh() * rms(f, L("ffn_norm2.weight"))
    scale = F.linear(F.silu(temb), sd["norm_out.linear_1.weight"], sd["norm_out.linear_1.bias"])
    x = F.linear(F.layer_norm(x, (x.shape[-1],), eps=1e-6) * (1 + scale[:, None]), sd["norm_out.linear_2.weight"], sd["norm_out.linear_2.bias"])
    co = cfg.out_channels
    out = torch.zeros(b, co, hh, ww)
    for j in range(n):  # token vectors are (py, px, c)
        r, col = divmod(j, gw)
        out[:, :, r * p : r * p + p, col * p : col * p + p] = x[:, j].reshape(b, p, p, co).permute(0, 3, 1, 2)
    return out


class ModuleTest(unittest.TestCase):
    def test_lumina_next_sft_has_the_listed_names_shapes_and_parameter_count(self):
        model = LuminaNextDiT2DModel.from_config(LUMINA_NEXT_SFT, device="meta")
        got = {k: list(v.shape) for k, v in model.state_dict().items()}
        want = read_key_list(FIXTURES / "lumina_next_sft_keys.txt")
        self.assertEqual(len(want), 639)
        self.assertEqual(sorted(set(got) ^ set(want)), [])
        self.assertEqual(got, want)
        self.assertEqual(sum(p.numel() for p in model.parameters()), 1_754_898_976)
        self.assertEqual((LUMINA_NEXT_SFT.head_dim, LUMINA_NEXT_SFT.kv_heads, LUMINA_NEXT_SFT.out_channels), (72, 8, 8))

    def test_a_config_round_trips_through_its_dict_and_an_unknown_key_is_named(self):
        self.assertEqual(LuminaNextConfig.from_dict({"_class_name": "LuminaNextDiT2DModel", **TINY.to_dict()}), TINY)
        with self.assertRaisesRegex(ValueError, "encoder_hidden_size"):
            LuminaNextConfig.from_dict({"encoder_hidden_size": 2048})
        with self.assertRaisesRegex(ValueError, "divisible by 4"):
            LuminaNextDiT2DModel(hidden_size=36, num_attention_heads=6)

    def test_the_rope_table_equals_the_original_precompute_freqs_cis(self):
        self.assertTrue(torch.allclose(rope_table(72, 20, 20), original_freqs(72, 20), atol=1e-6))
        table = rope_table(8, 3, 5)
        self.assertEqual(tuple(table.shape), (3, 5, 4))
        self.assertAlmostEqual(torch.angle(table[2, 4, 0]).item(), 2.0, places=5)  # pair 0: the row, ω₀ = 1
        self.assertAlmostEqual(torch.angle(table[2, 4, 1]).item(), 4.0 - 2 * math.pi, places=5)  # pair 1: the column

    def test_patchify_orders_features_channel_first(self):
        lat = torch.arange(2 * 4 * 4, dtype=torch.float32).view(1, 2, 4, 4)
        tokens = patchify(lat, 2)
        self.assertEqual(tokens[0, 1].tolist(), [2.0, 3.0, 6.0, 7.0, 18.0, 19.0, 22.0, 23.0])

    def test_the_dense_forward_equals_the_spelled_out_original_math(self):
        model = tiny_model()
        for layer in model.layers:  # the original's one wq and q_norm
            layer.attn2.load_state_dict({**layer.attn2.state_dict(), **{k: v for k, v in layer.attn1.state_dict().items() if "_q" in k}})
        inputs = tiny_inputs(model)
        for base in (None, 6):
            with torch.no_grad():
                got = model(**inputs, cross_attention_kwargs={"base_sequence_length": base} if base else None)
                want = reference_forward(model, inputs, base)
            self.assertEqual(tuple(got.shape), (2, 8, 6, 10))
            self.assertLess((got - want).abs().max().item(), 1e-5, base)

    def test_the_cross_attention_reads_only_unmasked_text_and_its_gate_matters(self):
        model = tiny_model()
        inputs = tiny_inputs(model)
        with torch.no_grad():
            before = model(**inputs)
            inputs["encoder_hidden_states"][1, -2:] += 5.0  # masked tokens of the padded prompt
            self.assertTrue(torch.equal(model(**inputs)[1], before[1]))
            model.layers[0].gate.zero_()
            self.assertGreater((model(**inputs) - before).abs().max().item(), 1e-3)

    def test_the_attention_kind_is_checked_by_name(self):
        model = tiny_model()
        with self.assertRaisesRegex(ValueError, "'unfused' or 'sdpa', got 'flash'"):
            model.attention = "flash"
        self.assertEqual(model.attention, "unfused")

    @unittest.skipUnless(hasattr(F, "scaled_dot_product_attention"), "PyTorch < 2 has no SDPA (the GPU machine's 2.x has)")
    def test_sdpa_gives_the_spelled_out_forward_with_its_text_mask(self):
        model = tiny_model()
        inputs = tiny_inputs(model)
        with torch.no_grad():
            want = model(**inputs, cross_attention_kwargs={"base_sequence_length": 6})
            model.attention = "sdpa"
            got = model(**inputs, cross_attention_kwargs={"base_sequence_length": 6})
        self.assertLess((got - want).abs().max().item(), 1e-5)


if __name__ == "__main__":
    unittest.main()
