"""Tests of loading Lumina-Next from a diffusers folder and from the original Alpha-VLLM layout."""

from __future__ import annotations

import json
import tempfile
import unittest
from pathlib import Path

import torch

from lumina_checkpoint import infer_config, load_transformer, save_diffusers, save_original
from lumina_keys import key_plan
from lumina_next import LUMINA_NEXT_SFT, LuminaNextConfig, LuminaNextDiT2DModel
from safetensors_io import open_checkpoint, save_file
from test_lumina_next import TINY, tiny_inputs, tiny_model


def outputs(model, inputs):
    with torch.no_grad():
        return model(**inputs)


def shared_query_model(cfg: LuminaNextConfig = TINY) -> LuminaNextDiT2DModel:
    """A random model whose two attentions share the query, as every original checkpoint does."""
    model = tiny_model(cfg=cfg)
    with torch.no_grad():
        for layer in model.layers:
            layer.attn2.to_q.weight.copy_(layer.attn1.to_q.weight)
            if cfg.qk_norm:
                layer.attn2.norm_q.weight.copy_(layer.attn1.norm_q.weight)
                layer.attn2.norm_q.bias.copy_(layer.attn1.norm_q.bias)
    return model


class LayoutTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def test_a_diffusers_folder_and_a_pipeline_folder_load_strictly_to_the_same_outputs(self):
        model = tiny_model()
        save_diffusers(model, self.dir / "pipe" / "transformer")
        config = json.loads((self.dir / "pipe" / "transformer" / "config.json").read_text())
        self.assertEqual(config["_class_name"], "LuminaNextDiT2DModel")
        inputs = tiny_inputs(model)
        for path in (self.dir / "pipe" / "transformer", self.dir / "pipe"):
            loaded = load_transformer(path)
            self.assertEqual(loaded.config, model.config)
            self.assertTrue(torch.equal(outputs(loaded, inputs), outputs(model, inputs)))

    def test_a_sharded_folder_loads_to_the_same_outputs(self):
        model = tiny_model()
        save_diffusers(model, self.dir / "sharded", max_shard_bytes=20_000)
        self.assertGreater(len(list((self.dir / "sharded").glob("*.safetensors"))), 2)
        inputs = tiny_inputs(model)
        self.assertTrue(torch.equal(outputs(load_transformer(self.dir / "sharded"), inputs), outputs(model, inputs)))

    def test_a_folder_missing_a_tensor_or_with_an_unknown_config_key_is_refused(self):
        model = tiny_model()
        save_diffusers(model, self.dir / "t")
        state = {k: v for k, v in model.state_dict().items() if k != "layers.1.gate"}
        save_file(state, self.dir / "t" / "diffusion_pytorch_model.safetensors")
        with self.assertRaisesRegex(RuntimeError, "layers.1.gate"):
            load_transformer(self.dir / "t")
        (self.dir / "t" / "config.json").write_text(json.dumps({"encoder_hidden_size": 2048}))
        with self.assertRaisesRegex(ValueError, "encoder_hidden_size"):
            load_transformer(self.dir / "t")

    def test_the_original_file_loads_to_the_same_outputs_with_its_config_inferred(self):
        for cfg in (TINY, LuminaNextConfig(**{**TINY.to_dict(), "qk_norm": False, "learn_sigma": False, "num_kv_heads": 4})):
            model = shared_query_model(cfg)
            save_original(model, self.dir / "consolidated.00-of-01.safetensors")
            names = open_checkpoint(self.dir / "consolidated.00-of-01.safetensors").keys()
            self.assertIn("layers.1.attention.wq.weight", names)
            self.assertNotIn("layers.1.attn2.to_q.weight", names)
            loaded = load_transformer(self.dir / "consolidated.00-of-01.safetensors", sample_size=cfg.sample_size)
            self.assertEqual(loaded.config, cfg)
            inputs = tiny_inputs(model)
            self.assertTrue(torch.equal(outputs(loaded, inputs), outputs(model, inputs)))

    def test_one_original_query_fills_both_attentions_and_diverged_queries_cannot_be_written_back(self):
        plan = {e.original: e.diffusers for e in key_plan(LUMINA_NEXT_SFT)}
        self.assertEqual(len(plan), 567)  # 639 diffusers tensors less 24 × (to_q, norm_q.weight, norm_q.bias)
        self.assertEqual(plan["layers.3.attention.wq.weight"], ("layers.3.attn1.to_q.weight", "layers.3.attn2.to_q.weight"))
        self.assertEqual(plan["layers.3.attention.q_norm.bias"], ("layers.3.attn1.norm_q.bias", "layers.3.attn2.norm_q.bias"))
        self.assertEqual(plan["layers.3.attention.ky_norm.weight"], ("layers.3.attn2.norm_k.weight",))
        self.assertEqual(plan["layers.3.attention.wo.weight"], ("layers.3.attn2.to_out.0.weight",))
        self.assertEqual(plan["final_layer.linear.bias"], ("norm_out.linear_2.bias",))
        with self.assertRaisesRegex(ValueError, "layers.0.attn2.to_q.weight differs"):
            save_original(tiny_model(), self.dir / "x.safetensors")

    def test_lumina_next_sfts_config_is_inferred_from_its_shapes(self):
        state = LuminaNextDiT2DModel.from_config(LUMINA_NEXT_SFT, device="meta").state_dict()
        shapes = {e.original: tuple(state[e.diffusers[0]].shape) for e in key_plan(LUMINA_NEXT_SFT)}
        self.assertEqual(infer_config(shapes.__getitem__, list(shapes)), LUMINA_NEXT_SFT)

    def test_an_unknown_or_missing_original_key_is_named(self):
        model = shared_query_model()
        path = self.dir / "o.safetensors"
        save_original(model, path)
        ckpt = open_checkpoint(path)
        state = {k: ckpt.get(k).clone() for k in ckpt.keys()}
        save_file({**state, "layers.0.attention.extra": torch.zeros(1)}, path)
        with self.assertRaisesRegex(ValueError, "layers.0.attention.extra"):
            load_transformer(path, sample_size=8)
        del state["layers.1.ffn_norm2.weight"]
        save_file(state, path)
        with self.assertRaisesRegex(ValueError, "layers.1.ffn_norm2.weight"):
            load_transformer(path, sample_size=8)
        with self.assertRaisesRegex(ValueError, "not a Lumina-Next checkpoint"):
            save_file({"x": torch.zeros(1)}, path)
            load_transformer(path)


if __name__ == "__main__":
    unittest.main()
