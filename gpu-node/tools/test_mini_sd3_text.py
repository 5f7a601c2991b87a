"""The miniature SD3 text side (mini_sd3_text.py) is what the generator writes:
regenerated into a scratch folder, its tokenizer files are the committed ones
byte for byte, its reference ids are golden.json's, its graphs have optimum's
names, and its PyTorch outputs are golden.json's within the tolerance."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import numpy as np
import onnx

import mini_text_tokenizers as tok

HERE = Path(__file__).resolve().parent
COMMITTED = HERE.parent.parent / "test" / "fixtures" / "sd3-mini" / "optimum"
FILES = ["tokenizer/vocab.json", "tokenizer/merges.txt", "tokenizer/tokenizer_config.json",
         "tokenizer/special_tokens_map.json", "tokenizer_2/tokenizer.json", "tokenizer_2/tokenizer_config.json",
         "tokenizer_3/tokenizer.json", "tokenizer_3/tokenizer_config.json", "model_index.json",
         "text_encoder/config.json", "text_encoder_2/config.json", "text_encoder_3/config.json"]


def tensor(t: dict) -> np.ndarray:
    return np.frombuffer(base64.b64decode(t["float32_base64"]), dtype=np.float32).reshape(t["dims"])


class MiniSd3TextTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.out = Path(cls.tmp.name)
        subprocess.run([sys.executable, "-W", "ignore", str(HERE / "mini_sd3_text.py"), "--out", str(cls.out)],
                       check=True, capture_output=True)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_the_committed_tokenizer_files_are_the_generators(self):
        for file in FILES:
            self.assertEqual((self.out / file).read_bytes(), (COMMITTED / file).read_bytes(), file)

    def test_the_golden_ids_and_tensors_are_the_generators(self):
        got, want = (json.loads((d / "golden.json").read_text()) for d in (self.out, COMMITTED))
        self.assertEqual(got["ids"], want["ids"])
        for case in ("with_t5", "without_t5"):
            for name, t in want[case].items():
                diff = np.abs(tensor(got[case][name]) - tensor(t)).max()
                self.assertLess(diff, want["tolerance"], f"{case}.{name}")

    def test_the_graphs_have_optimums_names(self):
        clip = [o.name for o in onnx.load(str(self.out / "text_encoder" / "model.onnx")).graph.output]
        self.assertEqual(clip, ["text_embeds", "last_hidden_state", "hidden_states.0", "hidden_states.1", "hidden_states.2"])
        t5 = onnx.load(str(self.out / "text_encoder_3" / "model.onnx")).graph
        self.assertEqual(([i.name for i in t5.input], [o.name for o in t5.output]), (["input_ids"], ["last_hidden_state"]))

    def test_clip_truncation_keeps_bos_and_eos_and_counts_the_cut(self):
        ids, dropped = tok.clip_ids(" ".join(["red"] * 80), 77, "!")
        vocab = tok.clip_vocab()
        self.assertEqual((ids[0], ids[75], ids[76], dropped), (vocab[tok.BOS], vocab["red</w>"], vocab[tok.EOS], 5))


if __name__ == "__main__":
    unittest.main()
