"""Gemma, Lumina-Next's text encoder: the module, its loading and its ONNX export.

    cd gpu-node/tools && /usr/bin/python3 -m unittest test_gemma
"""

from __future__ import annotations

import json
import math
import shutil
import tempfile
import unittest
from pathlib import Path

import onnx
import torch
from onnx import numpy_helper

from export_gemma import export_text_encoder
from gemma import GemmaConfig, GemmaModel
from gemma_checkpoint import load_text_encoder
from mini_gemma import SIZES, config_json, random_state, write_mini_gemma
from safetensors_io import open_checkpoint, save_file, save_sharded

FIXTURE = Path(__file__).resolve().parents[2] / "test" / "fixtures" / "lumina-mini"
GQA = {"hidden_size": 32, "intermediate_size": 48, "num_hidden_layers": 3, "num_attention_heads": 4, "num_key_value_heads": 2, "head_dim": 12}


def random_model(sizes: dict, seed: int = 0) -> GemmaModel:
    cfg = GemmaConfig.from_json(config_json(50, sizes), "test")
    model = GemmaModel(cfg)
    model.load_state_dict(random_state(cfg, seed))
    return model.eval()


def reference_hidden_states(state: dict, cfg: GemmaConfig, ids: list[int], mask: list[int]) -> list[torch.Tensor]:
    """One sequence through Gemma as transformers' modeling_gemma.py spells it, written out
    token by token: [T, hidden] per entry of ``hidden_states``."""
    t, hd, heads, kv = len(ids), cfg.head_dim, cfg.num_attention_heads, cfg.num_key_value_heads
    d = torch.float64

    def rms(x, w):
        return x / torch.sqrt((x * x).mean(-1, keepdim=True) + cfg.rms_norm_eps) * (1 + w.to(d))

    def rope(v, pos):  # v [hd]: the first half pairs with the second (rotate_half)
        out = v.clone()
        for i in range(hd // 2):
            angle = pos / cfg.rope_theta ** (2 * i / hd)
            a, b = v[i], v[i + hd // 2]
            out[i], out[i + hd // 2] = a * math.cos(angle) - b * math.sin(angle), b * math.cos(angle) + a * math.sin(angle)
        return out

    def gelu(x):
        return 0.5 * x * (1 + torch.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)))

    w = {k: v.to(d) for k, v in state.items()}
    x = torch.stack([w["embed_tokens.weight"][i] for i in ids]) * math.sqrt(cfg.hidden_size)
    states = [x]
    for layer in range(cfg.num_hidden_layers):
        p = f"layers.{layer}."
        h = rms(x, w[p + "input_layernorm.weight"])
        q = (h @ w[p + "self_attn.q_proj.weight"].T).view(t, heads, hd)
        k = (h @ w[p + "self_attn.k_proj.weight"].T).view(t, kv, hd)
        v = (h @ w[p + "self_attn.v_proj.weight"].T).view(t, kv, hd)
        out = torch.zeros(t, heads, hd, dtype=d)
        for head in range(heads):
            g = head // (heads // kv)
            for i in range(t):
                keys = [j for j in range(i + 1) if mask[j]]
                scores = torch.stack([rope(q[i, head], i) @ rope(k[j, g], j) / math.sqrt(hd) for j in keys])
                weights = torch.exp(scores - scores.max())
                out[i, head] = sum(wj * v[j, g] for wj, j in zip(weights / weights.sum(), keys))
        x = x + out.reshape(t, heads * hd) @ w[p + "self_attn.o_proj.weight"].T
        h = rms(x, w[p + "post_attention_layernorm.weight"])
        m = gelu(h @ w[p + "mlp.gate_proj.weight"].T) * (h @ w[p + "mlp.up_proj.weight"].T)
        x = x + m @ w[p + "mlp.down_proj.weight"].T
        states.append(x)
    states[-1] = rms(x, w["norm.weight"])
    return states


class GemmaModuleTest(unittest.TestCase):
    def test_every_hidden_state_equals_transformers_forward_spelled_out_with_grouped_query_heads_and_a_mask(self):
        model = random_model(GQA)
        ids = torch.tensor([[5, 17, 3, 40, 8, 0, 0], [9, 2, 33, 11, 26, 44, 7]])
        mask = torch.tensor([[1, 1, 1, 1, 1, 0, 0], [1, 1, 1, 1, 1, 1, 1]])
        with torch.no_grad():
            got = model(ids, mask)
        self.assertEqual(len(got), GQA["num_hidden_layers"] + 1)
        for b in range(2):
            want = reference_hidden_states(model.state_dict(), model.cfg, ids[b].tolist(), mask[b].tolist())
            for layer, (g, w) in enumerate(zip(got, want)):
                self.assertLess((g[b].double() - w).abs().max().item(), 1e-4, f"row {b}, hidden_states[{layer}]")

    def test_encode_is_hidden_states_before_the_final_norm_at_the_penultimate_index(self):
        model = random_model(GQA)
        ids = torch.tensor([[5, 17, 3, 40]])
        with torch.no_grad():
            states = model(ids, torch.ones_like(ids))
            penultimate = model.encode(ids, torch.ones_like(ids), GQA["num_hidden_layers"] - 1)
        self.assertTrue(torch.equal(penultimate, states[-2]))
        self.assertFalse(torch.allclose(states[-1], model.norm(states[-2])))  # the last entry is the last layer, normed
        with self.assertRaisesRegex(ValueError, "layers"):
            model.encode(ids, torch.ones_like(ids), GQA["num_hidden_layers"])

    def test_right_padding_of_any_length_and_any_pad_ids_leaves_the_valid_tokens_unchanged(self):
        model = random_model(GQA, seed=1)
        ids = torch.tensor([[5, 17, 3, 40, 8]])
        with torch.no_grad():
            alone = model.encode(ids, torch.ones_like(ids), 2)
            for pad, ids_pad in ((3, 0), (6, 0), (6, 31)):
                padded = torch.cat([ids, torch.full((1, pad), ids_pad)], dim=1)
                mask = torch.cat([torch.ones(1, 5), torch.zeros(1, pad)], dim=1).long()
                out = model.encode(padded, mask, 2)
                self.assertLess((out[:, :5] - alone).abs().max().item(), 1e-5, f"{pad} pads of id {ids_pad}")
            self.assertTrue(torch.isfinite(model.encode(ids, torch.zeros_like(ids), 2)).all())  # a row with no token left

    def test_the_config_refuses_other_model_types_and_reads_newer_and_older_keys(self):
        base = config_json(50, SIZES)
        with self.assertRaisesRegex(ValueError, "model_type is 'gemma2'.*not 'gemma'"):
            GemmaConfig.from_json({**base, "model_type": "gemma2"}, "cfg")
        with self.assertRaisesRegex(ValueError, "cfg: hidden_size"):
            GemmaConfig.from_json({**base, "hidden_size": None}, "cfg")
        with self.assertRaisesRegex(ValueError, "rope_scaling"):
            GemmaConfig.from_json({**base, "rope_scaling": {"type": "linear", "factor": 2.0}}, "cfg")
        with self.assertRaisesRegex(ValueError, "hidden_activation 'silu'"):
            GemmaConfig.from_json({**base, "hidden_activation": "silu"}, "cfg")
        self.assertEqual(GemmaConfig.from_json(base, "cfg").hidden_activation, "gelu_pytorch_tanh")  # "hidden_act": "gelu"
        self.assertEqual(GemmaConfig.from_json({**base, "hidden_activation": "gelu"}, "cfg").hidden_activation, "gelu")
        newer = {k: v for k, v in base.items() if k not in ("rope_theta", "head_dim")}
        cfg = GemmaConfig.from_json({**newer, "rope_parameters": {"rope_type": "default", "rope_theta": 500.0}}, "cfg")
        self.assertEqual((cfg.rope_theta, cfg.head_dim), (500.0, SIZES["hidden_size"] // SIZES["num_attention_heads"]))


class GemmaFolderTest(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.tmp)
        self.ids = torch.tensor([[2, 300, 301, 9, 0], [2, 500, 12, 7, 88]])
        self.mask = torch.tensor([[1, 1, 1, 1, 0], [1, 1, 1, 1, 1]])

    def folder(self, name: str, state: dict, config: dict | None = None, shard: int | None = None) -> Path:
        folder = self.tmp / name
        folder.mkdir()
        (folder / "config.json").write_text(json.dumps(config or json.loads((FIXTURE / "text_encoder" / "config.json").read_text())))
        if shard:
            save_sharded(state, folder, shard, stem="model")
        else:
            save_file(state, folder / "model.safetensors")
        return folder

    def fixture_state(self) -> dict:
        ckpt = open_checkpoint(FIXTURE / "text_encoder")
        return {k: ckpt.get(k).clone() for k in ckpt.keys()}

    def outputs(self, path: Path) -> torch.Tensor:
        with torch.no_grad():
            return torch.stack(load_text_encoder(path)(self.ids, self.mask))

    def test_gemma_model_keys_causal_lm_keys_sharded_and_bf16_folders_give_identical_outputs(self):
        state = self.fixture_state()
        want = self.outputs(FIXTURE)  # a pipeline folder: its text_encoder/ is found
        causal = {f"model.{k}": v for k, v in state.items()} | {"lm_head.weight": state["embed_tokens.weight"]}
        for name, folder in (
            ("GemmaForCausalLM keys, lm_head ignored", self.folder("causal", causal)),
            ("three shards and an index", self.folder("sharded", state, shard=30_000)),
        ):
            self.assertTrue(torch.equal(self.outputs(folder), want), name)
        self.assertGreater(len(list((self.tmp / "sharded").glob("model-0000*-of-0000*.safetensors"))), 1)
        rounded = {k: v.bfloat16() for k, v in state.items()}
        bf16 = self.outputs(self.folder("bf16", rounded))  # read and widened to fp32
        self.assertTrue(torch.equal(bf16, self.outputs(self.folder("rounded", {k: v.float() for k, v in rounded.items()}))))
        self.assertFalse(torch.equal(bf16, want))

    def test_bad_folders_are_refused_naming_the_file_and_the_keys(self):
        state = self.fixture_state()
        cases = [
            ("missing", {k: v for k, v in state.items() if k != "layers.1.mlp.up_proj.weight"}, None, r"1 missing: \['layers.1.mlp.up_proj.weight'\]"),
            ("unknown", state | {"layers.0.self_attn.q_norm.weight": torch.zeros(8)}, None, r"1 unknown: \['layers.0.self_attn.q_norm.weight'\]"),
            ("shape", state | {"norm.weight": torch.zeros(17)}, None, r"'norm.weight' has shape \[17\], config.json gives \[16\]"),
            ("mixed", state | {"model.norm.weight": torch.zeros(16)}, None, "keys of both layouts"),
            ("gemma2", state, {**config_json(794, SIZES), "model_type": "gemma2"}, r"config.json: model_type is 'gemma2'"),
        ]
        for name, tensors, config, message in cases:
            with self.assertRaisesRegex(ValueError, message, msg=name):
                load_text_encoder(self.folder(name, tensors, config))
        with self.assertRaisesRegex(FileNotFoundError, "no config.json"):
            load_text_encoder(self.tmp)


class GemmaExportTest(unittest.TestCase):
    def test_the_fixture_is_what_mini_gemma_writes(self):
        with tempfile.TemporaryDirectory() as tmp:
            write_mini_gemma(Path(tmp))
            for part in ("text_encoder/config.json", "text_encoder/model.safetensors", "tokenizer/tokenizer.json",
                         "tokenizer/tokenizer_config.json", "tokenizer/special_tokens_map.json"):  # fmt: skip
                self.assertEqual((Path(tmp) / part).read_bytes(), (FIXTURE / part).read_bytes(), part)

    def test_the_graph_gives_the_penultimate_hidden_state_of_pytorch_on_a_padded_batch(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "text_encoder"
            result = export_text_encoder(FIXTURE, out)
            graph = onnx.load(str(out / "model.onnx"), load_external_data=False)
            self.assertEqual(json.loads((out / "config.json").read_text()), json.loads((FIXTURE / "text_encoder" / "config.json").read_text()))
            stored = (out / "model.onnx_data").stat().st_size
        self.assertEqual(result | {"max_diff": 0}, {"hidden": "hidden_states.2", "hidden_dim": 16, "layers": 2, "max_diff": 0})
        self.assertLess(result["max_diff"], 1e-4)
        self.assertEqual([i.name for i in graph.graph.input], ["input_ids", "attention_mask"])
        self.assertEqual([o.name for o in graph.graph.output], ["hidden_states.2"])
        read = {i.name.removesuffix("__fp16") for i in graph.graph.initializer if i.name.endswith("__fp16")}
        self.assertFalse({n for n in read if n.startswith("layers.2.") or n == "norm.weight"})  # the last layer never runs
        self.assertTrue(all(i.data_type == onnx.TensorProto.FLOAT16 for i in graph.graph.initializer if i.name.endswith("__fp16")))
        per_layer = 16 * 16 * 2 + 8 * 16 * 2 + 16 * 32 * 3 + 16 * 2
        self.assertGreaterEqual(stored, 2 * (794 * 16 + 2 * per_layer))  # the embeddings and two layers, in 16 bits

    def test_a_sharded_gemma_for_causal_lm_folder_exports_the_same_weights(self):
        ckpt = open_checkpoint(FIXTURE / "text_encoder")
        causal = {f"model.{k}": ckpt.get(k).clone() for k in ckpt.keys()} | {"lm_head.weight": ckpt.get("embed_tokens.weight").clone()}
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "gemma-2b"
            save_sharded(causal, folder, 20_000, stem="model")
            shutil.copyfile(FIXTURE / "text_encoder" / "config.json", folder / "config.json")
            export_text_encoder(folder, Path(tmp) / "a", verify=False)
            export_text_encoder(FIXTURE / "text_encoder", Path(tmp) / "b", verify=False)
            a, b = (
                {i.name: numpy_helper.to_array(i) for i in onnx.load(str(Path(tmp) / d / "model.onnx")).graph.initializer if i.name.endswith("__fp16")}
                for d in ("a", "b")
            )
        self.assertEqual(sorted(a), sorted(b))
        self.assertTrue(all((a[k] == b[k]).all() for k in a))


if __name__ == "__main__":
    unittest.main()
