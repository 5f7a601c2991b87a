"""Tests of the DiT's RAS-ready forward and of the exporter (run in CI)."""

from __future__ import annotations

import json
import tempfile
import unittest
from pathlib import Path

import numpy as np
import onnx
import torch

import shapes
from dit import DiT, DiTConfig, patchify, unpatchify
from export import (
    INPUTS,
    export_model,
    export_onnx,
    graph_files,
    make_inputs,
    tensor_from_json,
    tensor_json,
    verify_with_ort,
    write_graphs,
)
from half_storage import round_weights, store_half
from shared_weights import INLINE_BYTES

MODELS = Path(__file__).resolve().parent.parent / "models"
TINY = DiTConfig(patch=2, channels=3, hidden=48, depth=2, heads=2, num_classes=4)


def tiny_model(seed: int = 7) -> DiT:
    model = DiT(TINY)
    model.randomize(seed)
    return model.eval()


class RasForwardTest(unittest.TestCase):
    def test_a_subset_with_fresh_caches_reproduces_the_dense_forward(self):
        model = tiny_model()
        grid = (4, 6)
        dense = make_inputs(model, grid, batch=2, n=24, seed=1, stale=False)
        dense["token_index"] = torch.arange(24).repeat(2, 1)
        with torch.no_grad():
            v_all, _, _, k_all, v_cache = model(*(dense[k] for k in INPUTS))
            idx = torch.tensor([[1, 5, 9, 20], [0, 2, 3, 23]])
            x_sub = torch.stack([dense["x"][b, idx[b]] for b in range(2)])
            sub = {**dense, "x": x_sub, "token_index": idx, "k_cache": k_all, "v_cache": v_cache}
            v_sub, k_new, _, _, _ = model(*(sub[k] for k in INPUTS))
        want = torch.stack([v_all[b, idx[b]] for b in range(2)])
        self.assertLess((v_sub - want).abs().max().item(), 1e-5)
        self.assertEqual(tuple(k_new.shape), (2, 2, 2, 4, 24))

    def test_the_cache_rows_of_other_tokens_change_the_subset_output(self):
        model = tiny_model()
        fresh = make_inputs(model, (4, 6), batch=1, n=6, seed=2, stale=True)
        stale = {**fresh, "k_cache": torch.randn_like(fresh["k_cache"]), "v_cache": torch.randn_like(fresh["v_cache"])}
        with torch.no_grad():
            a = model(*(fresh[k] for k in INPUTS))[0]
            b = model(*(stale[k] for k in INPUTS))[0]
        self.assertGreater((a - b).abs().max().item(), 1e-3)

    def test_the_cache_rows_of_selected_tokens_are_ignored(self):
        model = tiny_model()
        inputs = make_inputs(model, (4, 6), batch=1, n=6, seed=3, stale=True)
        changed = {k: v.clone() for k, v in inputs.items()}
        for j in inputs["token_index"][0]:
            changed["k_cache"][:, 0, :, j] = 99.0
            changed["v_cache"][:, 0, :, j] = -99.0
        with torch.no_grad():
            a = model(*(inputs[k] for k in INPUTS))[0]
            b = model(*(changed[k] for k in INPUTS))[0]
        self.assertTrue(torch.equal(a, b))

    def test_the_returned_caches_are_the_inputs_with_the_fresh_rows_written(self):
        model = tiny_model()
        inputs = make_inputs(model, (4, 6), batch=2, n=5, seed=4, stale=True)
        with torch.no_grad():
            _, k_new, v_new, k_all, v_all = model(*(inputs[k] for k in INPUTS))
        want_k, want_v = inputs["k_cache"].clone(), inputs["v_cache"].clone()
        for b in range(2):
            for t, j in enumerate(inputs["token_index"][b]):
                want_k[:, b, :, j] = k_new[:, b, :, t]
                want_v[:, b, :, j] = v_new[:, b, :, t]
        self.assertTrue(torch.equal(k_all, want_k))
        self.assertTrue(torch.equal(v_all, want_v))

    def test_fused_and_unfused_attention_give_the_same_forward(self):
        model = tiny_model()
        inputs = make_inputs(model, (4, 6), batch=2, n=7, seed=5, stale=True)
        with torch.no_grad():
            a = model(*(inputs[k] for k in INPUTS))[0]
            model.attention = "fused"
            b = model(*(inputs[k] for k in INPUTS))[0]
        self.assertLess((a - b).abs().max().item(), 1e-6)

    def test_patchify_round_trips_non_square_images(self):
        img = torch.randn(2, 3, 8, 12)
        self.assertTrue(torch.equal(unpatchify(patchify(img, 2), 2, 3, 4, 6), img))


class ExporterTest(unittest.TestCase):
    def test_the_float32_graphs_match_pytorch_in_onnxruntime_for_n_equal_and_below_N(self):
        with tempfile.TemporaryDirectory() as out:
            card = export_model(tiny_model(3), Path(out), "model", (3, 5), {"weights": "random (seed 3)"})
            self.assertEqual(card["format"], "ras-ready-dit/2")
            diffs = card["export"]["max_diff"]
            self.assertEqual(set(diffs), {"unfused", "fused", "fused_fp16"})
            for kind in ("unfused", "fused"):
                self.assertEqual(set(diffs[kind]), {"dense_b1", "dense_b2", "subset_b2"})
                self.assertLess(max(diffs[kind].values()), 1e-4)
            self.assertEqual(card["layers"], 2)

    def test_the_graphs_take_and_return_caches_per_layer_and_share_one_weights_file(self):
        with tempfile.TemporaryDirectory() as out:
            card = export_model(tiny_model(3), Path(out), "model", (3, 5), {})
            params = sum(p.numel() for p in tiny_model(3).parameters())
            weights = (Path(out) / card["weights"]).stat().st_size
            self.assertLess(weights, 1.1 * 2 * params)  # one float16 copy for all three graphs
            ops = {}
            for kind, file in card["graphs"].items():
                graph = onnx.load(str(Path(out) / file), load_external_data=False).graph
                self.assertEqual([i.name for i in graph.input][5:], ["k_cache_0", "k_cache_1", "v_cache_0", "v_cache_1"])
                self.assertEqual([o.name for o in graph.output][3:], ["k_all_0", "k_all_1", "v_all_0", "v_all_1"])
                ops[kind] = {n.op_type for n in graph.node}
            self.assertEqual(set(card["graphs"]), {"unfused", "fused", "fused_fp16"})
            self.assertIn("MultiHeadAttention", ops["fused"])
            self.assertNotIn("Softmax", ops["fused"])
            self.assertIn("Softmax", ops["unfused"])

    def test_graphs_exported_with_external_weights_give_the_same_files_as_inline_ones(self):
        # Past 2 GB (the SD3-size bench model) PyTorch writes every weight as a file beside the
        # graph; the exporter must read those and write the same graphs and weights file.
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            model, files = tiny_model(3), graph_files("model")
            inline, external = {}, {}
            for kind in ("unfused", "fused"):
                model.attention = kind
                inline[kind] = tmp / "inline" / kind / files[kind]
                inline[kind].parent.mkdir(parents=True)
                export_onnx(model, inline[kind], (3, 5))
                external[kind] = tmp / "external" / kind / files[kind]
                external[kind].parent.mkdir(parents=True)
                onnx.save_model(onnx.load(str(inline[kind])), str(external[kind]), save_as_external_data=True,
                                all_tensors_to_one_file=False, size_threshold=0, convert_attribute=True)
            self.assertGreater(len(list(external["fused"].parent.iterdir())), 10)
            constants = [n for n in onnx.load(str(external["fused"]), load_external_data=False).graph.node if n.op_type == "Constant"]
            self.assertTrue(any(n.attribute[0].t.external_data for n in constants))
            for name, exported in (("a", inline), ("b", external)):
                (tmp / name).mkdir()
                write_graphs(exported, tmp / name, "model")
            for file in [*files.values(), "model.weights"]:
                self.assertEqual((tmp / "a" / file).read_bytes(), (tmp / "b" / file).read_bytes(), file)

    def test_the_committed_test_model_is_what_the_exporter_makes(self):
        golden = json.loads((MODELS / "test-tiny" / "golden.json").read_text())
        model = tiny_model(7)
        round_weights(model)  # what the exporter stores (half_storage.py)
        for case in golden["cases"]:
            inputs = {k: tensor_from_json(v) for k, v in case["inputs"].items()}
            with torch.no_grad():
                v = model.run(
                    *(inputs[k] for k in ("x", "token_index", "timestep", "cond", "grid_w")),
                    [inputs[f"k_cache_{layer}"] for layer in range(TINY.depth)],
                    [inputs[f"v_cache_{layer}"] for layer in range(TINY.depth)],
                )[0]
            want = tensor_from_json(case["outputs"]["v"])
            self.assertLess((v - want).abs().max().item(), golden["tolerance"], case["name"])


class HalfStorageTest(unittest.TestCase):
    def test_the_weights_file_holds_float16_read_through_casts_into_float32_graphs(self):
        with tempfile.TemporaryDirectory() as out:
            card = export_model(tiny_model(3), Path(out), "model", (3, 5), {})
            self.assertEqual(card["export"]["weights_dtype"], "float16")
            for kind in ("unfused", "fused"):
                graph = onnx.load(str(Path(out) / card["graphs"][kind]), load_external_data=False).graph
                external = [t for t in graph.initializer if t.data_location == onnx.TensorProto.EXTERNAL]
                self.assertTrue(external)
                casts = {n.input[0]: n for n in graph.node if n.op_type == "Cast"}
                for t in external:
                    size = int({e.key: e.value for e in t.external_data}["length"])
                    if t.data_type == onnx.TensorProto.FLOAT:  # its fp16 form would be stored inline
                        self.assertLess(size, 2 * INLINE_BYTES, t.name)
                        continue
                    self.assertEqual(t.data_type, onnx.TensorProto.FLOAT16, t.name)
                    self.assertEqual(casts[t.name].attribute[0].i, onnx.TensorProto.FLOAT, t.name)
                types = {v.name: v.type.tensor_type.elem_type for v in [*graph.input, *graph.output]}
                self.assertEqual(types["x"], onnx.TensorProto.FLOAT)
                self.assertEqual(types["v"], onnx.TensorProto.FLOAT)

    def test_the_graphs_match_the_rounded_model_as_tightly_as_float32_storage_matched_the_model(self):
        model, exact = tiny_model(3), tiny_model(3)
        with tempfile.TemporaryDirectory() as out:
            card = export_model(model, Path(out), "model", (3, 5), {})
        inputs = make_inputs(exact, (3, 5), batch=2, n=15, seed=1, stale=True)
        with torch.no_grad():
            rounding = (model(*(inputs[k] for k in INPUTS))[0] - exact(*(inputs[k] for k in INPUTS))[0]).abs().max()
        for kind in ("unfused", "fused"):
            self.assertLess(max(card["export"]["max_diff"][kind].values()), 1e-5)
        self.assertGreater(rounding.item(), 1e-5)  # the bound would fail against the unrounded model

    def test_store_half_converts_only_what_float16_holds_exactly(self):
        n = 2 * INLINE_BYTES // 4
        exact = np.linspace(-1, 1, n, dtype=np.float32).astype(np.float16).astype(np.float32)
        inexact = np.full(n, 0.1, dtype=np.float32)
        small = np.full(4, 0.5, dtype=np.float32)
        inits = [onnx.numpy_helper.from_array(a, name) for a, name in ((exact, "a"), (inexact, "b"), (small, "c"))]
        nodes = [onnx.helper.make_node("Sum", ["a", "b", "c"], ["y"])]
        out = onnx.helper.make_tensor_value_info("y", onnx.TensorProto.FLOAT, [n])
        model = onnx.helper.make_model(onnx.helper.make_graph(nodes, "g", [], [out], initializer=inits))
        self.assertEqual(store_half(model), ["b"])
        types = {t.name: t.data_type for t in model.graph.initializer}
        self.assertEqual(types, {"a__fp16": onnx.TensorProto.FLOAT16, "b": onnx.TensorProto.FLOAT, "c": onnx.TensorProto.FLOAT})
        self.assertEqual([(x.op_type, list(x.input), list(x.output)) for x in model.graph.node][0], ("Cast", ["a__fp16"], ["a"]))
        onnx.checker.check_model(model)


class HalfPrecisionTest(unittest.TestCase):
    def test_the_token_stream_is_fp16_and_the_conditioning_stays_fp32(self):
        with tempfile.TemporaryDirectory() as out:
            card = export_model(tiny_model(3), Path(out), "model", (3, 5), {})
            graph = onnx.load(str(Path(out) / card["graphs"]["fused_fp16"])).graph
            types = {v.name: v.type.tensor_type.elem_type for v in [*graph.input, *graph.output]}
            half, full = onnx.TensorProto.FLOAT16, onnx.TensorProto.FLOAT
            self.assertEqual(types["x"], half)
            self.assertEqual(types["k_cache_0"], half)
            self.assertEqual(types["v"], half)
            self.assertEqual(types["k_all_1"], half)
            self.assertEqual(types["timestep"], full)  # σ·1000 in fp16 would have a resolution of 0.5
            sines = [n for n in graph.node if n.op_type in ("Sin", "Cos")]
            self.assertTrue(sines)
            inits = {t.name: t.data_type for t in graph.initializer}
            self.assertIn(half, inits.values())
            self.assertLess(max(card["export"]["max_diff"]["fused_fp16"].values()), 5e-2)


class ShapesTest(unittest.TestCase):
    def test_images_are_deterministic_from_the_seed(self):
        a, la = shapes.sample(5, 8)
        b, lb = shapes.sample(5, 8)
        c, _ = shapes.sample(6, 8)
        self.assertTrue(np.array_equal(a, b) and np.array_equal(la, lb))
        self.assertFalse(np.array_equal(a, c))
        self.assertEqual(a.shape, (8, 3, 32, 32))
        self.assertTrue(a.min() >= -1 and a.max() <= 1)

    def test_class_names_cover_every_shape_and_colour(self):
        self.assertEqual(len(shapes.CLASS_NAMES), len(shapes.SHAPES) * len(shapes.COLOURS))
        self.assertEqual(shapes.CLASS_NAMES[shapes.class_of("cross", "blue")], "blue cross")


class VerifyWithOrtTest(unittest.TestCase):
    def test_the_difference_is_absolute_within_one_and_relative_to_the_range_above(self):
        """An Identity graph, so onnxruntime returns the input: each case's reference is the input
        moved by a known amount."""
        graph = onnx.helper.make_graph(
            [onnx.helper.make_node("Identity", ["x"], ["y"])], "identity",
            [onnx.helper.make_tensor_value_info("x", onnx.TensorProto.FLOAT, [4])],
            [onnx.helper.make_tensor_value_info("y", onnx.TensorProto.FLOAT, [4])],
        )  # fmt: skip
        x_small = torch.tensor([0.5, -0.25, 0.125, 0.0])
        x_large = torch.tensor([250.0, -100.0, 3.0, 0.5])
        cases = [
            {"name": "small", "inputs": {"x": x_small}, "outputs": {"y": x_small + torch.tensor([0, 2**-12, 0, 0])}},
            # 2**-6 apart on the reference's largest value, 250 + 2**-6: 6.25e-5 of the range
            {"name": "large", "inputs": {"x": x_large}, "outputs": {"y": x_large + torch.tensor([2**-6, 0, 0, 0])}},
            {"name": "large_off_small_value", "inputs": {"x": x_large}, "outputs": {"y": x_large + torch.tensor([0, 0, 0, 2**-6])}},
        ]  # fmt: skip
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "identity.onnx"
            onnx.save(onnx.helper.make_model(graph, opset_imports=[onnx.helper.make_opsetid("", 17)]), str(path))
            diffs = verify_with_ort(path, cases)
        self.assertEqual(diffs["small"], 2**-12)
        self.assertAlmostEqual(diffs["large"], 2**-6 / (250 + 2**-6), places=12)
        self.assertAlmostEqual(diffs["large_off_small_value"], 2**-6 / 250, places=12)


class GoldenTensorTest(unittest.TestCase):
    def test_a_float_tensor_round_trips_bit_for_bit_through_base64_and_an_int_one_as_numbers(self):
        t = torch.tensor([[0.048610836267471313, -2.1549553871154785, 1e-30], [3.0, -0.0, float("inf")]])
        j = json.loads(json.dumps(tensor_json(t)))
        self.assertEqual((j["dtype"], j["dims"], set(j)), ("float32", [2, 3], {"dtype", "dims", "base64"}))
        self.assertTrue(torch.equal(tensor_from_json(j).view(torch.int32), t.view(torch.int32)))
        ids = torch.tensor([[1, 2, 3]])
        self.assertEqual(tensor_json(ids), {"dtype": "int64", "dims": [1, 3], "data": [1, 2, 3]})
        self.assertTrue(torch.equal(tensor_from_json(tensor_json(ids)), ids))
        decimals = {"dtype": "float32", "dims": [2], "data": [0.5, 1.5]}  # the older form
        self.assertTrue(torch.equal(tensor_from_json(decimals), torch.tensor([0.5, 1.5])))


if __name__ == "__main__":
    unittest.main()
