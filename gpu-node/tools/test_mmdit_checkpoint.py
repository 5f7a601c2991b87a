"""Tests of loading the MMDiT from a diffusers folder and from the original single-file layout."""

from __future__ import annotations

import json
import tempfile
import unittest
from pathlib import Path

import torch

from mmdit_checkpoint import PREFIX, infer_config, key_plan, load_transformer, save_diffusers, save_original, to_original
from safetensors_io import SafeFile, SafetensorsError, open_checkpoint, save_file
from test_mmdit import TINY, tiny_inputs, tiny_model


def outputs(model, inputs):
    with torch.no_grad():
        return model(**inputs)


class LayoutTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def test_a_diffusers_folder_loads_strictly_to_the_same_outputs(self):
        for kind in TINY:
            model = tiny_model(kind)
            save_diffusers(model, self.dir / kind)
            self.assertEqual(json.loads((self.dir / kind / "config.json").read_text())["_class_name"], "SD3Transformer2DModel")
            loaded = load_transformer(self.dir / kind)
            self.assertEqual(loaded.config, model.config)
            inputs = tiny_inputs(model)
            self.assertTrue(torch.equal(outputs(loaded, inputs), outputs(model, inputs)), kind)

    def test_a_sharded_folder_loads_to_the_same_outputs(self):
        model = tiny_model("sd35-medium")
        save_diffusers(model, self.dir / "sharded", max_shard_bytes=20_000)
        self.assertGreater(len(list((self.dir / "sharded").glob("*.safetensors"))), 2)
        self.assertTrue((self.dir / "sharded" / "diffusion_pytorch_model.safetensors.index.json").is_file())
        inputs = tiny_inputs(model)
        self.assertTrue(torch.equal(outputs(load_transformer(self.dir / "sharded"), inputs), outputs(model, inputs)))

    def test_the_original_single_file_loads_to_the_same_outputs_with_its_config_inferred(self):
        for kind in TINY:
            model = tiny_model(kind)
            vae = {"first_stage_model.decoder.conv_in.weight": torch.zeros(2, 2)}  # a release file's other parts
            save_original(model, self.dir / f"{kind}.safetensors", extra=vae)
            loaded = load_transformer(self.dir / f"{kind}.safetensors", sample_size=TINY[kind].sample_size)
            self.assertEqual(loaded.config, model.config, kind)
            inputs = tiny_inputs(model)
            self.assertTrue(torch.equal(outputs(loaded, inputs), outputs(model, inputs)), kind)

    def test_a_file_without_the_prefix_loads_too(self):
        model = tiny_model("sd3")
        save_original(model, self.dir / "bare.safetensors", prefix="")
        self.assertIn("joint_blocks.0.x_block.attn.qkv.weight", SafeFile(self.dir / "bare.safetensors").keys())
        inputs = tiny_inputs(model)
        self.assertTrue(torch.equal(outputs(load_transformer(self.dir / "bare.safetensors", sample_size=8), inputs), outputs(model, inputs)))

    def test_a_half_precision_checkpoint_loads_into_a_float32_model(self):
        model = tiny_model("sd35-large").half()
        save_diffusers(model, self.dir / "fp16")
        self.assertEqual(SafeFile(self.dir / "fp16" / "diffusion_pytorch_model.safetensors").info("proj_out.weight").dtype, "F16")
        loaded = load_transformer(self.dir / "fp16")
        self.assertEqual(loaded.proj_out.weight.dtype, torch.float32)
        self.assertTrue(torch.equal(loaded.proj_out.weight.half(), model.proj_out.weight))


class MappingTest(unittest.TestCase):
    """The mapping against the original layout's documented conventions (a
    round trip alone would pass a mapping wrong the same way both ways)."""

    def test_qkv_is_fused_q_k_v_along_rows(self):
        model = tiny_model("sd35-medium")
        sd = model.state_dict()
        orig = to_original(key_plan(model.config), sd)
        for i in range(2):
            a = f"transformer_blocks.{i}.attn"
            want = torch.cat([sd[f"{a}.to_q.weight"], sd[f"{a}.to_k.weight"], sd[f"{a}.to_v.weight"]])
            self.assertTrue(torch.equal(orig[f"{PREFIX}joint_blocks.{i}.x_block.attn.qkv.weight"], want))
            want = torch.cat([sd[f"{a}.add_q_proj.bias"], sd[f"{a}.add_k_proj.bias"], sd[f"{a}.add_v_proj.bias"]])
            self.assertTrue(torch.equal(orig[f"{PREFIX}joint_blocks.{i}.context_block.attn.qkv.bias"], want))
        want = torch.cat([sd["transformer_blocks.0.attn2.to_q.weight"], sd["transformer_blocks.0.attn2.to_k.weight"], sd["transformer_blocks.0.attn2.to_v.weight"]])
        self.assertTrue(torch.equal(orig[f"{PREFIX}joint_blocks.0.x_block.attn2.qkv.weight"], want))

    def test_only_final_layer_and_the_last_context_adaln_swap_their_halves(self):
        model = tiny_model("sd3")
        sd = model.state_dict()
        orig = to_original(key_plan(model.config), sd)
        d = model.inner_dim
        for original, diffusers in (
            ("final_layer.adaLN_modulation.1.weight", "norm_out.linear.weight"),
            ("joint_blocks.1.context_block.adaLN_modulation.1.bias", "transformer_blocks.1.norm1_context.linear.bias"),
        ):
            shift_scale = orig[PREFIX + original]
            self.assertTrue(torch.equal(shift_scale[:d], sd[diffusers][d:]), original)  # shift first
            self.assertTrue(torch.equal(shift_scale[d:], sd[diffusers][:d]), original)
        for original, diffusers in (
            ("joint_blocks.0.context_block.adaLN_modulation.1.weight", "transformer_blocks.0.norm1_context.linear.weight"),
            ("joint_blocks.1.x_block.adaLN_modulation.1.weight", "transformer_blocks.1.norm1.linear.weight"),
        ):
            self.assertTrue(torch.equal(orig[PREFIX + original], sd[diffusers]), original)

    def test_the_plan_covers_every_diffusers_tensor_once(self):
        for kind in TINY:
            model = tiny_model(kind)
            names = [n for e in key_plan(model.config) for n in e.diffusers]
            self.assertEqual(sorted(names), sorted(model.state_dict()), kind)

    def test_the_config_is_inferred_as_diffusers_infers_it(self):
        model = tiny_model("sd35-medium")
        orig = {k[len(PREFIX) :]: v for k, v in to_original(key_plan(model.config), model.state_dict()).items()}
        cfg = infer_config(lambda k: tuple(orig[k].shape), list(orig), sample_size=8)
        self.assertEqual(cfg, model.config)
        self.assertEqual(cfg.dual_attention_layers, (0,))
        self.assertEqual(cfg.qk_norm, "rms_norm")


class RefusalTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def test_an_unknown_or_missing_original_key_is_named(self):
        model = tiny_model("sd3")
        orig = to_original(key_plan(model.config), model.state_dict())
        extra = {**orig, PREFIX + "joint_blocks.0.x_block.attn.surprise.weight": torch.zeros(1)}
        save_file(extra, self.dir / "extra.safetensors")
        with self.assertRaisesRegex(ValueError, "surprise"):
            load_transformer(self.dir / "extra.safetensors", sample_size=8)
        del orig[PREFIX + "joint_blocks.0.x_block.mlp.fc2.bias"]
        save_file(orig, self.dir / "missing.safetensors")
        with self.assertRaisesRegex(ValueError, "missing: \\['joint_blocks.0.x_block.mlp.fc2.bias'\\]"):
            load_transformer(self.dir / "missing.safetensors", sample_size=8)

    def test_a_diffusers_folder_with_a_wrong_shape_fails_strict_loading(self):
        model = tiny_model("sd3")
        save_diffusers(model, self.dir / "m")
        config = json.loads((self.dir / "m" / "config.json").read_text())
        config["pooled_projection_dim"] = 7
        (self.dir / "m" / "config.json").write_text(json.dumps(config))
        with self.assertRaisesRegex(RuntimeError, "text_embedder.linear_1.weight"):
            load_transformer(self.dir / "m")

    def test_a_corrupt_header_is_refused_before_any_tensor_is_read(self):
        model = tiny_model("sd3")
        save_diffusers(model, self.dir / "m")
        path = self.dir / "m" / "diffusion_pytorch_model.safetensors"
        raw = bytearray(path.read_bytes())
        raw[-1:] = b""  # the last tensor now ends past the data
        path.write_bytes(bytes(raw))
        with self.assertRaisesRegex(SafetensorsError, "past the data"):
            open_checkpoint(self.dir / "m")


if __name__ == "__main__":
    unittest.main()
