"""convert.py sd3: the mini checkpoints (test/fixtures/sd3-mini, both layouts and an
SD3.5 one) with a stand-in optimum folder become model directories whose graphs
match the PyTorch module in onnxruntime-node."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

import numpy as np
import onnx
import torch
from onnx import TensorProto

import convert
import sd3_pipeline
from export import FP16_TOLERANCE, GOLDEN_TOLERANCE
from half_storage import round_weights
from mmdit_checkpoint import load_transformer, open_transformer
from optimum_standin import VAE, write_standin
from safetensors_io import SafeFile, save_file
from sd3_weights import write_weights

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "test" / "fixtures" / "sd3-mini"


def run(ckpt: Path, pipeline: Path, out: Path, **flags) -> dict:
    args = argparse.Namespace(transformer=ckpt, pipeline=pipeline, out=out, sample_size=16, test_model=True)
    args.no_t5, args.no_verify = flags.get("no_t5", False), flags.get("no_verify", False)
    return convert.convert_sd3(args)


def weight_tensors(path: Path) -> dict[str, TensorProto]:
    graph = onnx.load(str(path), load_external_data=False).graph
    return {t.name: t for t in graph.initializer if t.data_location == TensorProto.EXTERNAL}


def stored(out: Path, tensor: TensorProto) -> bytes:
    where = {e.key: e.value for e in tensor.external_data}
    with (out / where["location"]).open("rb") as f:
        f.seek(int(where["offset"]))
        return f.read(int(where["length"]))


class ConvertTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp())
        cls.pipeline = cls.tmp / "optimum"
        cls.vae = write_standin(cls.pipeline)
        cls.sd3 = run(MINI / "transformer", cls.pipeline, cls.tmp / "sd3")
        cls.single = run(MINI / "sd3_mini.safetensors", cls.pipeline, cls.tmp / "single", no_verify=True)
        cls.sd35 = run(MINI / "sd35" / "transformer", cls.pipeline, cls.tmp / "sd35", no_t5=True)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def assert_within(self, diffs: dict):
        for kind, cases in diffs.items():
            self.assertEqual(set(cases), {"dense_b1", "dense_b2", "subset_b2", "other_grid_b2"})
            tolerance = FP16_TOLERANCE if kind == "fused_fp16" else GOLDEN_TOLERANCE
            self.assertLessEqual(max(cases.values()), tolerance, f"{kind}: {cases}")

    def test_the_diffusers_folder_converts_to_graphs_matching_pytorch(self):
        self.assertTrue(self.sd3["export"]["verified"])
        self.assert_within(self.sd3["export"]["max_diff"])

    def test_the_single_file_gives_the_same_weights_and_outputs(self):
        a, b = weight_tensors(self.tmp / "sd3" / "transformer.onnx"), weight_tensors(self.tmp / "single" / "transformer.onnx")
        self.assertEqual(set(a), set(b))
        for name in a:
            self.assertEqual(stored(self.tmp / "sd3", a[name]), stored(self.tmp / "single", b[name]), name)
        self.assert_within(convert.verify(MINI / "transformer", self.tmp / "single", 16))

    def test_the_sd35_mini_converts_with_its_attn2_caches(self):
        self.assert_within(self.sd35["export"]["max_diff"])
        self.assertEqual(self.sd35["dual_attention_layers"], [0])
        half = onnx.load(str(self.tmp / "sd35" / "transformer.fused.fp16.onnx"), load_external_data=False).graph
        types = {i.name: i.type.tensor_type.elem_type for i in half.input}
        self.assertEqual(types["k2_cache_0"], TensorProto.FLOAT16)
        self.assertEqual(types["v2_cache_0"], TensorProto.FLOAT16)
        self.assertEqual(types["x"], TensorProto.FLOAT16)
        self.assertIn("k2_all_0", {o.name for o in half.output})

    def test_no_t5_writes_the_null_entry_and_copies_no_t5(self):
        t5 = self.sd35["stages"]["text"][2]
        self.assertEqual(t5, {"name": "t5", "tokenizer": None, "encoder": None, "length": 256, "hidden": None,
                              "hidden_dim": 64, "pooled": None, "pooled_dim": 0})  # fmt: skip
        self.assertFalse((self.tmp / "sd35" / "text_encoder_3").exists())
        self.assertFalse((self.tmp / "sd35" / "tokenizer_3").exists())

    def test_the_weights_file_is_fp16_with_each_tensor_once(self):
        out = self.tmp / "sd3"
        graphs = [weight_tensors(out / f) for f in ("transformer.onnx", "transformer.fused.onnx", "transformer.fused.fp16.onnx")]
        self.assertTrue(all(t.data_type == TensorProto.FLOAT16 for g in graphs for t in g.values()))
        places = [{n: tuple((e.key, e.value) for e in t.external_data) for n, t in g.items()} for g in graphs]
        self.assertEqual(places[0], places[1])
        self.assertEqual(places[0], places[2])
        offsets = [dict(p)["offset"] for p in places[0].values()]
        self.assertEqual(len(offsets), len(set(offsets)))
        _, tensors = open_transformer(MINI / "transformer")
        for name, t in tensors:
            if f"{name}__fp16" in graphs[0]:
                self.assertEqual(stored(out, graphs[0][f"{name}__fp16"]), t.half().numpy().tobytes(), name)

    def test_the_card_describes_the_latent_pipeline(self):
        card = self.sd3
        self.assertEqual([e["name"] for e in card["stages"]["text"]], ["clip_l", "clip_g", "t5"])
        self.assertEqual(card["stages"]["text"][0]["hidden"], "hidden_states.1")
        self.assertEqual(card["stages"]["text"][1]["hidden"], "hidden_states.2")
        self.assertEqual(card["stages"]["compose"], "sd3")
        self.assertEqual(card["stages"]["transformer"]["fused_fp16"], "transformer.fused.fp16.onnx")
        self.assertEqual(card["stages"]["decoder"]["scale_factor"], 8)
        self.assertEqual(card["cond"]["text_tokens"], 77 + 256)
        self.assertEqual((card["time"], card["recommended"]), ({"scale": 1000, "shift": 3.0}, {"steps": 28, "guidance": 7.0}))
        self.assertEqual((card["grid"]["default"], card["grid"]["max"], card["sizes"]), ([8, 8], [16, 16], []))
        self.assertEqual(card["vocabulary"], {"model": "BPE", "size": 5, "unknown": None})
        on_disk = json.loads((self.tmp / "sd3" / "model.json").read_text())
        self.assertEqual(on_disk, card)
        for part in ("tokenizer", "tokenizer_2", "tokenizer_3", "text_encoder_3/model.onnx", "vae_decoder/config.json"):
            self.assertTrue((self.tmp / "sd3" / part).exists(), part)

    def test_the_preview_fit_recovers_a_linear_decoder(self):
        w, b, s, shift = self.vae["weight"], self.vae["bias"], VAE["scaling_factor"], VAE["shift_factor"]
        preview = self.sd3["preview"]
        np.testing.assert_allclose(preview["matrix"], w / (2 * s), atol=2e-6)
        np.testing.assert_allclose(preview["bias"], (w.sum(axis=1) * shift + b) / 2 + 0.5, atol=2e-6)
        self.assertAlmostEqual(preview["r2"], 1.0, places=4)


class NodeRunsTheConversionTest(unittest.TestCase):
    """With the committed mini optimum folder (the text and VAE tools' miniatures): the node's
    own card parser and runtime adapter (`npm run model -- forward`) load the directory, and
    its dense sample is the PyTorch module's."""

    @unittest.skipUnless((MINI / "optimum").is_dir(), "test/fixtures/sd3-mini/optimum not committed")
    def test_the_node_runs_the_converted_model_as_pytorch_does(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "sd3-mini"
            card = run(MINI / "transformer", MINI / "optimum", out)
            self.assertEqual(card["cond"]["text_tokens"], 77 + 32)  # the mini T5 tokenizer's model_max_length
            model = load_transformer(MINI / "transformer")
            round_weights(model)
            gen = torch.Generator().manual_seed(5)
            inputs = {
                "hidden_states": torch.randn(1, 16, 6, 10, generator=gen),
                "encoder_hidden_states": torch.randn(1, 109, 64, generator=gen),
                "pooled_projections": torch.randn(1, 32, generator=gen),
                "timestep": torch.tensor([600.0]),
            }
            with torch.no_grad():
                ref = model(**inputs)
            save_file(inputs, Path(tmp) / "in.safetensors")
            tsx, main = ROOT / "node_modules" / ".bin" / "tsx", ROOT / "gpu-node" / "model-tool" / "main.ts"
            args = [str(tsx), str(main), "forward", str(out), "--inputs", f"{tmp}/in.safetensors", "--out", f"{tmp}/out.safetensors"]
            subprocess.run([*args, "--threads", "1"], check=True, cwd=ROOT, capture_output=True)
            ours = SafeFile(Path(tmp) / "out.safetensors").get("sample")
        self.assertGreater(ref.abs().max().item(), 0.1)
        self.assertLess((ours - ref).abs().max().item(), GOLDEN_TOLERANCE)


class BadInputTest(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp())
        self.root = self.tmp / "optimum"
        write_standin(self.root)
        self.cfg, _ = open_transformer(MINI / "transformer")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def edit(self, folder: str, **changes):
        path = self.root / folder / "config.json"
        path.write_text(json.dumps({**json.loads(path.read_text()), **changes}))

    def test_a_folder_without_t5_gives_the_null_entry(self):
        shutil.rmtree(self.root / "text_encoder_3")
        t5 = sd3_pipeline.text_entries(self.root, self.cfg, True)[2]
        self.assertEqual((t5["encoder"], t5["tokenizer"], t5["length"], t5["hidden_dim"]), (None, None, 256, 64))

    def test_clip_lengths_that_differ_fail(self):
        (self.root / "tokenizer_2" / "tokenizer_config.json").write_text(json.dumps({"model_max_length": 64}))
        with self.assertRaisesRegex(ValueError, "model_max_length 77 ≠ 64"):
            sd3_pipeline.text_entries(self.root, self.cfg, True)

    def test_a_missing_decoder_folder_is_named(self):
        shutil.rmtree(self.root / "vae_decoder")
        with self.assertRaisesRegex(FileNotFoundError, "vae_decoder/config.json"):
            sd3_pipeline.decoder_entry(self.root, self.cfg)

    def test_clip_features_past_joint_attention_dim_fail(self):
        self.edit("text_encoder", hidden_size=48)
        with self.assertRaisesRegex(ValueError, "hidden_size 48 \\+ 32 > the transformer's joint_attention_dim 64"):
            sd3_pipeline.text_entries(self.root, self.cfg, True)

    def test_pooled_sizes_that_do_not_sum_fail(self):
        self.edit("text_encoder_2", projection_dim=8)
        with self.assertRaisesRegex(ValueError, "projection_dim 16 \\+ 8 ≠ the transformer's pooled_projection_dim 32"):
            sd3_pipeline.text_entries(self.root, self.cfg, True)

    def test_latent_channels_other_than_in_channels_fail(self):
        self.edit("vae_decoder", latent_channels=4)
        with self.assertRaisesRegex(ValueError, "latent_channels 4 ≠ the transformer's in_channels 16"):
            sd3_pipeline.decoder_entry(self.root, self.cfg)

    def test_a_missing_config_field_is_named(self):
        path = self.root / "text_encoder" / "config.json"
        path.write_text(json.dumps({"hidden_size": 32, "projection_dim": 16}))
        with self.assertRaisesRegex(ValueError, "text_encoder/config.json: no field 'num_hidden_layers'"):
            sd3_pipeline.text_entries(self.root, self.cfg, True)

    def test_weights_the_model_does_not_know_or_lacks_fail(self):
        shapes = {"a": (2,), "b": (3,)}
        path = self.tmp / "w"
        cases = [
            ([("a", torch.zeros(2)), ("c", torch.zeros(1))], "tensor 'c' is not a parameter"),
            ([("a", torch.zeros(3))], "tensor 'a' has shape \\[3\\], the config gives \\[2\\]"),
            ([("a", torch.zeros(2))], "1 tensors missing, e.g. \\['b'\\]"),
            ([("a", torch.full((2,), 1e5)), ("b", torch.zeros(3))], "tensor 'a' holds 100000, past fp16's range"),
        ]
        for tensors, message in cases:
            with self.subTest(message), self.assertRaisesRegex(ValueError, f"ckpt: {message}"):
                write_weights(iter(tensors), shapes, {"a", "b"}, path, "ckpt")


if __name__ == "__main__":
    unittest.main()
