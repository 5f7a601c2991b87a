"""Tests of the prompted model directory export (export_prompted.py)."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import onnx

from export import FP16_TOLERANCE

TOOLS = Path(__file__).resolve().parent


class PromptedExportTest(unittest.TestCase):
    def test_writes_every_stage_checked_against_pytorch_with_a_card_naming_them(self):
        with tempfile.TemporaryDirectory() as out:
            subprocess.run(
                [sys.executable, str(TOOLS / "export_prompted.py"), "--random", "3", "--tiny", "--out", out],
                check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            card = json.loads((Path(out) / "model.json").read_text())
            self.assertEqual((card["format"], card["family"]), ("ras-ready/3", "mmdit"))
            stages = card["stages"]
            self.assertIsNone(stages["decoder"])
            self.assertEqual(card["storage"], "float16")  # the default: rounded, stored in 16 bits
            self.assertEqual(stages["compose"], "single")
            [entry] = stages["text"]
            self.assertEqual(entry["length"], card["cond"]["text_tokens"])
            for file in [entry["tokenizer"], entry["encoder"], *stages["transformer"].values(), card["weights_file"]]:
                self.assertTrue((Path(out) / file).exists(), file)
            for kind, cases in card["export"]["max_diff"].items():
                self.assertLess(max(cases.values()), FP16_TOLERANCE if kind == "fused_fp16" else 1e-4, kind)
            text = onnx.load(str(Path(out) / entry["encoder"]), load_external_data=False).graph
            self.assertEqual([i.name for i in text.input], ["input_ids"])
            self.assertEqual([o.name for o in text.output], ["last_hidden_state", "text_embeds"])
            tokenizer = json.loads((Path(out) / entry["tokenizer"]).read_text())
            self.assertEqual(tokenizer["model"]["type"], "WordLevel")
            self.assertEqual(card["vocabulary"]["size"], len(tokenizer["model"]["vocab"]))
            self.assertEqual(card["cond"]["text_tokens"], tokenizer["padding"]["strategy"]["Fixed"])
            self.assertFalse((Path(out) / "golden.json").exists())

    def test_an_mmdit_x_gets_attn2_caches_and_an_fp16_graph_with_the_token_stream_in_halves(self):
        with tempfile.TemporaryDirectory() as out:
            subprocess.run(
                [sys.executable, str(TOOLS / "export_prompted.py"), "--random", "4", "--tiny", "--heads", "1",
                 "--qk-norm", "rms_norm", "--dual-layers", "0", "--out", out],
                check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            card = json.loads((Path(out) / "model.json").read_text())
            self.assertEqual(card["dual_attention_layers"], [0])
            self.assertEqual(card["config"]["qk_norm"], "rms_norm")
            half = card["graphs"]["fused_fp16"]
            self.assertEqual(card["stages"]["transformer"]["fused_fp16"], half)
            diffs = card["export"]["max_diff"]["fused_fp16"]
            self.assertLess(max(diffs.values()), FP16_TOLERANCE)
            self.assertGreater(min(diffs.values()), 1e-5)  # really computed in halves: fp32 agrees to ~1e-7
            graph = onnx.load(str(Path(out) / half), load_external_data=False).graph
            types = {v.name: v.type.tensor_type.elem_type for v in [*graph.input, *graph.output]}
            for name in ["x", "k_cache_1", "k2_cache_0", "v2_cache_0", "v", "k2_new", "k2_all_0"]:
                self.assertEqual(types[name], onnx.TensorProto.FLOAT16, name)
            for name in ["timestep", "encoder_hidden_states", "pooled_projections"]:
                self.assertEqual(types[name], onnx.TensorProto.FLOAT, name)


if __name__ == "__main__":
    unittest.main()
