"""convert.py lumina: the mini pipeline folder (test/fixtures/lumina-mini, both transformer
layouts) becomes a model directory whose four graphs match the PyTorch module in
onnxruntime-node, with the contract's card and a golden.json for the node's tests."""

from __future__ import annotations

import argparse
import json
import math
import shutil
import tempfile
import unittest
from pathlib import Path

import onnx
import torch
from onnx import TensorProto

import lumina_convert
import lumina_pipeline
import lumina_ras
import lumina_verify
import mini_lumina
from export import FP16_TOLERANCE, GOLDEN_TOLERANCE
from export_lumina import RasGraph, graph_inputs
from lumina_rope import real_table, rope_table
from test_convert import stored, weight_tensors

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "test" / "fixtures" / "lumina-mini"
FILES = ("transformer.onnx", "transformer.fused.onnx", "transformer.fused.fp16.onnx", "transformer.prompt.onnx")


def run(out: Path, transformer: Path | None = None, **flags) -> dict:
    args = argparse.Namespace(pipeline=MINI, transformer=transformer, out=out, sample_size=None)  # the folder's 16
    args.test_model, args.no_verify = flags.get("test_model", True), flags.get("no_verify", False)
    return lumina_convert.convert_lumina(args)


def node_tokens(latent: torch.Tensor, p: int) -> torch.Tensor:
    """[B,C,H,W] -> [B, N, p·p·C], features (py, px, c): the node's layout, spelled out here."""
    b, c, h, w = latent.shape
    return latent.view(b, c, h // p, p, w // p, p).permute(0, 2, 4, 3, 5, 1).reshape(b, (h // p) * (w // p), p * p * c)


class ConvertLuminaTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp())
        cls.card = run(cls.tmp / "mini")
        cls.original = run(cls.tmp / "original", MINI / mini_lumina.ORIGINAL, no_verify=True)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def assert_within(self, diffs: dict):
        for kind in ("unfused", "fused", "fused_fp16", "prompt"):
            want = {"padded_b2", "longer_b1"} if kind == "prompt" else {"dense_b1", "dense_b2", "subset_b2", "other_grid_b2"}
            self.assertEqual(set(diffs[kind]), want)
            tolerance = FP16_TOLERANCE if kind == "fused_fp16" else GOLDEN_TOLERANCE
            self.assertLessEqual(max(diffs[kind].values()), tolerance, f"{kind}: {diffs[kind]}")

    def test_the_pipeline_folder_converts_to_four_graphs_matching_pytorch(self):
        self.assertTrue(self.card["export"]["verified"])
        self.assert_within(self.card["export"]["max_diff"])
        self.assertLess(self.card["export"]["max_diff"]["text_encoder"], GOLDEN_TOLERANCE)

    def test_the_original_file_gives_the_same_graphs_and_weights(self):
        """Equal graphs over equal weight bytes (at other offsets: the file streams in another
        order) give the same outputs, which the diffusers folder's are checked to be."""
        for file in FILES:
            a, b = (onnx.load(str(self.tmp / d / file), load_external_data=False).graph for d in ("mini", "original"))
            for field in ("node", "input", "output"):
                serialized = [[x.SerializeToString() for x in getattr(g, field)] for g in (a, b)]
                self.assertEqual(serialized[0], serialized[1], f"{file}: {field}")
            a, b = weight_tensors(self.tmp / "mini" / file), weight_tensors(self.tmp / "original" / file)
            self.assertEqual(set(a), set(b), file)
            for name in a:
                self.assertEqual(stored(self.tmp / "mini", a[name]), stored(self.tmp / "original", b[name]), name)

    def test_the_four_graphs_share_one_fp16_weights_file_with_each_tensor_once(self):
        out = self.tmp / "mini"
        graphs = [weight_tensors(out / f) for f in FILES]
        self.assertTrue(all(t.data_type == TensorProto.FLOAT16 for g in graphs for t in g.values()))
        places = {}
        for g in graphs:
            for name, t in g.items():
                where = tuple((e.key, e.value) for e in t.external_data)
                self.assertEqual(places.setdefault(name, where), where, name)
        offsets = [dict(w)["offset"] for w in places.values()]
        self.assertEqual(len(offsets), len(set(offsets)))
        self.assertNotIn("pad_token__fp16", places)  # read by no graph, so not stored
        prompt_only = {"layers.0.attn2.to_k.weight__fp16", "time_caption_embed.caption_embedder.1.weight__fp16"}
        self.assertTrue(prompt_only <= set(graphs[3]) and not prompt_only & set(graphs[0]))

    def test_the_graphs_have_the_contracts_inputs_outputs_and_types(self):
        out = self.tmp / "mini"
        unfused, fused, half, prompt = (onnx.load(str(out / f), load_external_data=False).graph for f in FILES)
        names = ["x", "token_index", "timestep", "caption", "text_mask", "rope_cos", "rope_sin", "grid_w"]
        names += ["text_k_0", "text_k_1", "text_v_0", "text_v_1", "k_cache_0", "k_cache_1", "v_cache_0", "v_cache_1"]
        for g in (unfused, fused, half):
            self.assertEqual([i.name for i in g.input], names)
            self.assertEqual([o.name for o in g.output], ["v", "k_new", "v_new", "k_all_0", "k_all_1", "v_all_0", "v_all_1"])
        self.assertNotIn("MultiHeadAttention", {n.op_type for n in unfused.node})
        self.assertEqual(sum(n.op_type == "MultiHeadAttention" for n in fused.node), 2)
        types = {v.name: v.type.tensor_type.elem_type for v in [*half.input, *half.output]}
        for name in ("x", "text_k_0", "text_v_1", "k_cache_0", "v", "k_all_1"):
            self.assertEqual(types[name], TensorProto.FLOAT16, name)
        for name in ("caption", "timestep", "rope_cos"):
            self.assertEqual(types[name], TensorProto.FLOAT, name)
        self.assertEqual([i.name for i in prompt.input], ["encoder_hidden_states", "encoder_mask"])
        self.assertEqual([o.name for o in prompt.output], ["caption", "text_k_0", "text_k_1", "text_v_0", "text_v_1"])

    def test_x_and_v_are_in_the_node_token_layout(self):
        model = lumina_verify.reference_model(MINI / "transformer", 16)
        gen = torch.Generator().manual_seed(3)
        latent, t = torch.randn(2, 4, 6, 8, generator=gen), torch.rand(2, generator=gen)
        features, mask = torch.randn(2, 5, 16, generator=gen), torch.tensor([[1, 1, 1, 1, 1], [1, 1, 1, 0, 0]])
        table = rope_table(model.config.head_dim, 3, 4)
        with torch.no_grad():
            want = node_tokens(model(latent, t, features, mask, table), 2)
            prompt = lumina_ras.encode_prompt(model, features, mask)
            caches = [torch.zeros(2, 2, 12, 4) for _ in range(4)]
            inputs = [node_tokens(latent, 2), torch.arange(12).repeat(2, 1), t, prompt["caption"], mask, *real_table(table)]
            inputs += [torch.tensor([4]), *prompt["text_k"], *prompt["text_v"], *caches]
            self.assertEqual(len(inputs), len(graph_inputs(model)))
            got = RasGraph(model)(*inputs)[0]
        torch.testing.assert_close(got, want, rtol=0, atol=1e-5)

    def test_the_card_is_the_contracts(self):
        card = self.card
        self.assertEqual(card["family"], "nextdit")
        text = card["stages"]["text"]
        self.assertEqual(text, [{"name": "gemma", "tokenizer": "tokenizer", "encoder": "text_encoder/model.onnx", "length": 256,
                                 "hidden": "hidden_states.2", "hidden_dim": 16, "pooled": None, "pooled_dim": 0,
                                 "mask": "attention_mask", "pad_to_multiple_of": 8, "lowercase": True}])  # fmt: skip
        self.assertEqual((card["stages"]["compose"], card["stages"]["prompt"]), ("nextdit", "transformer.prompt.onnx"))
        self.assertEqual(card["time"], {"scale": 1, "shift": 1.0, "input": "one_minus_sigma", "output": "data_minus_noise"})
        self.assertEqual(card["rope"], {"theta": 10000, "max": [384, 384], "default_grid": [8, 8], "scaling_watershed": 1.0})
        self.assertEqual(card["attention"], {"base_sequence_length": 64})  # (16 latent · 8 pixels // 16)²
        self.assertEqual((card["guidance_channels"], card["kv_heads"], card["heads"], card["head_dim"]), (3, 2, 4, 4))
        self.assertEqual((card["channels"], card["out_channels"], card["token_dim"], card["patch"]), (4, 8, 16, 2))
        cond = {"kind": "prompt", "text_tokens": 256, "cross_attention_dim": 16, "caption_dim": 16, "negative": ""}
        self.assertEqual(card["cond"], cond)
        self.assertEqual(card["recommended"], {"steps": 30, "guidance": 4.0})
        self.assertEqual(card["grid"]["default"], [8, 8])
        self.assertEqual(card["preview"]["kind"], "linear")
        self.assertEqual([len(r) for r in card["preview"]["matrix"]], [4, 4, 4])
        for f in ("tokenizer/tokenizer.json", "tokenizer/tokenizer_config.json", "text_encoder/model.onnx", "text_encoder/config.json"):
            self.assertTrue((self.tmp / "mini" / f).is_file(), f)
        self.assertTrue((self.tmp / "mini" / card["stages"]["decoder"]["file"]).is_file())
        self.assertEqual(card["sizes"], [])  # a test model
        self.assertEqual(card["weights"], "converted from lumina-mini/transformer")
        self.assertEqual(self.original["weights"], "converted from consolidated.00-of-01.safetensors")
        self.assertEqual(self.original["config"]["sample_size"], 16)  # the folder's, which the original file lacks

    def test_golden_rope_tables_follow_the_contracts_formula_on_non_square_grids(self):
        golden = json.loads((self.tmp / "mini" / "golden.json").read_text())
        self.assertEqual({tuple(r["grid"]) for r in golden["rope"]}, {(3, 5), (10, 12)})
        for r in golden["rope"]:
            h, w = r["grid"]
            hd, lf = r["head_dim"], r["linear_factor"]
            self.assertAlmostEqual(lf, math.sqrt(h * w) / 8, places=5)
            cos = torch.tensor(r["cos"]).view(h, w, hd // 2)
            for row, col, pair in ((h - 1, 0, 0), (1, w - 1, 1), (h - 1, w - 2, hd // 2 - 2), (h - 2, w - 1, hd // 2 - 1)):
                m, position = pair // 2, (row if pair % 2 == 0 else col)
                omega = 10000.0 ** (-2 * m / (hd // 2)) / lf
                self.assertLess(abs(cos[row, col, pair].item() - math.cos(position * omega)), 1e-4)  # fp32 angles
        self.assertEqual([c["name"] for c in golden["prompt"]], ["padded_b2"])
        self.assertEqual(golden["text_encoder"]["input_ids"]["dims"], [2, 8])
        self.assertIn("hidden_states.2", golden["text_encoder"])
        self.assertEqual(golden["pipeline"][0]["inputs"]["encoder_hidden_states"]["dims"], [2, 8, 16])

    def test_a_text_encoder_of_another_width_is_refused_naming_its_config(self):
        pipeline = self.tmp / "wide"
        shutil.copytree(MINI, pipeline)
        config = json.loads((pipeline / "text_encoder" / "config.json").read_text())
        (pipeline / "text_encoder" / "config.json").write_text(json.dumps({**config, "hidden_size": 24}))
        args = argparse.Namespace(pipeline=pipeline, transformer=None, out=self.tmp / "wide_out", sample_size=16)
        args.test_model, args.no_verify = True, True
        with self.assertRaisesRegex(ValueError, r"text_encoder/config.json: hidden_size 24 ≠ the transformer's cross_attention_dim 16"):
            lumina_convert.convert_lumina(args)
        self.assertFalse((self.tmp / "wide_out").exists())  # refused before anything is written

    def test_mini_lumina_regenerates_the_committed_transformer_files(self):
        out = self.tmp / "regenerated"
        mini_lumina.write_transformer(out)
        for file in ("transformer/diffusion_pytorch_model.safetensors", mini_lumina.ORIGINAL, "model_index.json"):
            self.assertEqual((out / file).read_bytes(), (MINI / file).read_bytes(), file)


class LuminaPipelineFolderTest(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.tmp)
        self.cfg = mini_lumina.MINI

    def write(self, path: str, content: dict) -> None:
        (self.tmp / path).parent.mkdir(parents=True, exist_ok=True)
        (self.tmp / path).write_text(json.dumps(content))

    def test_the_shift_is_the_schedulers_and_one_without_it(self):
        self.assertEqual(lumina_pipeline.scheduler_shift(self.tmp), 1.0)
        self.write("scheduler/scheduler_config.json", {"shift": 6.0})
        self.assertEqual(lumina_pipeline.scheduler_shift(self.tmp), 6.0)
        self.write("scheduler/scheduler_config.json", {"shift": "6"})
        with self.assertRaisesRegex(ValueError, r"scheduler_config.json: shift '6' is not a positive number"):
            lumina_pipeline.scheduler_shift(self.tmp)

    def test_a_vae_of_other_channels_and_a_missing_tokenizer_are_refused_naming_the_file(self):
        self.write("vae/config.json", {"latent_channels": 16, "block_out_channels": [1, 2, 3, 4]})
        with self.assertRaisesRegex(ValueError, r"vae/config.json: latent_channels 16 ≠ the transformer's in_channels 4"):
            lumina_pipeline.vae_config(self.tmp, self.cfg)
        (self.tmp / "tokenizer").mkdir()
        with self.assertRaisesRegex(FileNotFoundError, r"tokenizer/tokenizer.json: missing"):
            lumina_pipeline.copy_tokenizer(self.tmp, self.tmp / "out")


if __name__ == "__main__":
    unittest.main()
