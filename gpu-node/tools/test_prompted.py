"""The prompted scenes model's tooling: scenes, tokenizer, PNG, evaluator scoring, training.

    /usr/bin/python3 -m unittest gpu-node/tools/test_prompted.py   (from gpu-node/tools)
"""

from __future__ import annotations

import io
import json
import shutil
import struct
import tempfile
import unittest
import zlib
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

import binding_probe
import export_scene_evaluator
import png
import prompted
import scene_evaluator
import scene_evaluator_files
import scene_tokenizer
import scenes
import sessions_grid
import prompted_eval
import sampling_sweep
import train_prompted
from evaluator_io import run_onnx

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "scenes-sd3"


class ScenesTest(unittest.TestCase):
    def test_a_batch_is_reproducible_from_its_split_and_index(self):
        a, la = scenes.batch("train", 5, 6)
        b, lb = scenes.batch("train", 5, 6)
        c, _ = scenes.batch("heldout", 5, 6)
        self.assertTrue(torch.equal(a, b))
        np.testing.assert_array_equal(la.labels, lb.labels)
        self.assertFalse(torch.equal(a, c))
        self.assertEqual(tuple(a.shape), (6, 3, 64, 64))
        self.assertLessEqual(a.abs().max().item(), 1.0)

    def test_training_never_shows_a_held_out_pair_and_every_held_out_scene_has_one(self):
        rng = np.random.default_rng(1)
        train = scenes.draw_layout(rng, 2000, "train")
        held = scenes.draw_layout(rng, 500, "heldout")
        at_held = lambda lay: (scenes.HELD_OUT_CELL[lay.obj] == lay.cell) & lay.present  # noqa: E731
        self.assertFalse(at_held(train).any())
        self.assertTrue(at_held(held).any(axis=1).all())
        per_cell = np.bincount(scenes.HELD_OUT_CELL, minlength=9)
        self.assertTrue(((per_cell >= 3) & (per_cell <= 4)).all())
        for attr in (lambda o: o % 4, lambda o: (o // 4) % 4, lambda o: o // 16):  # shape, colour, size
            self.assertGreater(len({(attr(o), c) for o, c in enumerate(scenes.HELD_OUT_CELL)}), 4)

    def test_the_seed_ranges_are_disjoint_from_each_other_and_from_the_other_tools(self):
        bases = sorted(scenes.SEEDS.values())
        self.assertTrue(all(b - a >= 10**9 for a, b in zip(bases, bases[1:])))  # 1e9 batches each
        for start, end in ((5 * 10**9, 7 * 10**9 + 1), (20261125 * 1_000_003, 20261126 * 1_000_003)):
            self.assertTrue(all(b + 10**9 <= start or b >= end for b in bases))  # evaluator.py, train.py

    def test_objects_sit_in_distinct_cells_with_their_colour_at_their_centre(self):
        layout = scenes.draw_layout(np.random.default_rng(2), 64, "any")
        img = scenes.render(layout)
        for i in range(64):
            cells = layout.cell[i][layout.present[i]]
            self.assertEqual(len(set(cells.tolist())), len(cells))
            self.assertEqual(cells.tolist(), sorted(cells.tolist()))  # caption order
        single = np.flatnonzero(layout.present.sum(axis=1) == 1)
        self.assertGreater(len(single), 5)
        pitch = scenes.SIZE / scenes.GRID
        for i in single:
            (x, y), cell = layout.centre[i, 0], layout.cell[i, 0]
            self.assertEqual((int(y // pitch), int(x // pitch)), divmod(int(cell), 3))
            pixel = (img[i, :, int(y), int(x)].numpy() + 1) / 2
            np.testing.assert_allclose(pixel, layout.rgb[i, 0], atol=0.02)

    def test_the_caption_names_each_object_in_reading_order(self):
        labels = np.zeros(9, dtype=np.int64)
        labels[0] = 1 + scenes.OBJECTS.index(("small", "red", "circle"))
        labels[5] = 1 + scenes.OBJECTS.index(("large", "blue", "square"))
        self.assertEqual(
            scenes.caption(labels), "a small red circle at the top left and a large blue square on the right"
        )


class TokenizerTest(unittest.TestCase):
    def test_the_committed_tokenizer_json_is_the_grammars(self):
        committed = json.loads((MODEL_DIR / "tokenizer.json").read_text())
        self.assertEqual(committed, json.loads(json.dumps(scene_tokenizer.tokenizer_json())))
        self.assertEqual(committed["model"]["type"], "WordLevel")

    def test_layout_ids_equal_the_tokenized_captions_and_fit_the_length(self):
        layout = scenes.draw_layout(np.random.default_rng(3), 300, "any")
        captions = [scenes.caption(lab) for lab in layout.labels]
        np.testing.assert_array_equal(scene_tokenizer.layout_ids(layout), scene_tokenizer.tokenize(captions))
        longest = " and ".join(["a large yellow triangle at the bottom right"] * 4)
        self.assertLessEqual(len(longest.split()), scene_tokenizer.TEXT_LEN)

    def test_unknown_words_are_all_named(self):
        with self.assertRaisesRegex(ValueError, r"texts\[1\]: unknown words purple, zenith"):
            scene_tokenizer.tokenize(["a red circle", "a Purple circle at the zenith purple"])


class PngTest(unittest.TestCase):
    def test_the_png_decodes_to_the_pixels_written(self):
        """Pillow decodes it (every row filter the encoder may choose) back to the same pixels."""
        from PIL import Image

        rng = np.random.default_rng(4)
        smooth = np.linspace(0, 255, 40 * 30 * 3).reshape(40, 30, 3).astype(np.uint8)
        sheet = png.grid(rng.integers(0, 256, (4, 8, 8, 3), dtype=np.uint8), ["red", "a b", "", "x"], cols=2)
        for image in (rng.integers(0, 256, (5, 7, 3), dtype=np.uint8), smooth, sheet):
            data = png.encode(image)
            self.assertEqual(data[:8], b"\x89PNG\r\n\x1a\n")
            np.testing.assert_array_equal(np.asarray(Image.open(io.BytesIO(data))), image)

    def test_filtered_rows_take_less_room_than_unfiltered_ones(self):
        smooth = np.linspace(0, 255, 64 * 64 * 3).reshape(64, 64, 3).astype(np.uint8)
        rows = b"".join(b"\x00" + smooth[y].tobytes() for y in range(64))
        self.assertLess(len(png.encode(smooth)), len(zlib.compress(rows, 9)) / 2)

    def test_a_grid_draws_the_caption_under_its_tile(self):
        tiles = np.full((2, 8, 8, 3), 128, np.uint8)
        sheet = png.grid(tiles, ["red", ""], cols=2, scale=1)
        text = sheet[4 + 8 :, :20]
        self.assertTrue((text == 0).any())  # ink under the first tile
        self.assertFalse((sheet[4 + 8 :, 20:] == 0).any())  # none under the empty caption


class EvaluatorScoringTest(unittest.TestCase):
    def test_prompt_accuracy_needs_every_cell_right(self):
        labels = np.array([[1, 0, 0, 0, 0, 0, 0, 0, 17], [0, 5, 0, 0, 0, 0, 0, 0, 0]])
        self.assertEqual(scene_evaluator.score(labels.copy(), labels)["prompt_acc"], 1.0)
        pred = labels.copy()
        pred[0, 8] = 1 + 2  # large red circle read as small red triangle: size and shape wrong
        s = scene_evaluator.score(pred, labels)
        self.assertEqual((s["prompt_acc"], s["object_acc"]), (0.5, 2 / 3))
        self.assertEqual((s["colour_acc"], s["size_acc"]), (1.0, 2 / 3))
        self.assertEqual(np.asarray(s["confusion"]).sum(), 18)

    def test_the_frechet_distance_is_zero_for_equal_statistics_and_grows_with_a_shift(self):
        f = np.random.default_rng(5).standard_normal((500, 6))
        stats = scene_evaluator.feature_stats(f)
        self.assertAlmostEqual(scene_evaluator.frechet(stats, stats), 0.0, places=6)
        self.assertAlmostEqual(scene_evaluator.frechet(stats, scene_evaluator.feature_stats(f + 1)), 6.0, places=6)

    def test_the_cell_pooling_has_adaptive_poolings_bins(self):
        fmap = torch.randn(2, 5, 16, 16)
        want = torch.cat([F.adaptive_avg_pool2d(fmap, 3), F.adaptive_max_pool2d(fmap, 3)], 1).flatten(2).transpose(1, 2)
        torch.testing.assert_close(scene_evaluator.cell_pool(fmap), want)

    def test_the_evaluator_exports_to_a_graph_that_agrees_with_torch(self):
        torch.manual_seed(6)
        net = scene_evaluator.SceneEvaluatorNet()
        for m in net.modules():  # non-trivial BatchNorm statistics, so folding them is exercised
            if isinstance(m, torch.nn.BatchNorm2d):
                m.running_mean.uniform_(-0.5, 0.5)
                m.running_var.uniform_(0.5, 2.0)
        net = scene_evaluator_files.stored_net(net.state_dict())  # as the export stores it: folded, fp16-exact
        images = scenes.batch("evaluator-real", 1, 3)[0]
        with torch.no_grad():
            logits, features = net(images)
        with tempfile.TemporaryDirectory() as tmp:
            export_scene_evaluator.export(net, Path(tmp) / "e.onnx")
            got = run_onnx(Path(tmp) / "e.onnx", images.numpy())
        np.testing.assert_allclose(got["logits"], logits.numpy(), atol=1e-4)
        np.testing.assert_allclose(got["features"], features.numpy(), atol=1e-4)

    def test_the_evaluator_reads_nine_cells_and_gives_features(self):
        net = scene_evaluator.SceneEvaluatorNet().eval()
        pred, feats = scene_evaluator.read(net, scenes.batch("evaluator-real", 0, 3)[0])
        self.assertEqual((pred.shape, feats.shape), ((3, 9), (3, net.feature_dim)))


def half_exact_tiny_model() -> prompted.PromptedModel:
    """The tiny prompted model off its zero initialisation (seed 0), in 16-bit-exact values, the
    position table too: what save_weights stores is then the model itself."""
    torch.manual_seed(0)
    model = prompted.PromptedModel(prompted.TINY_MMDIT_CONFIG, prompted.TINY_TEXT_CONFIG).eval()
    with torch.no_grad():
        for p in model.parameters():
            p.copy_((torch.randn_like(p) * 0.05).half().float())
        for b in model.buffers():
            b.copy_(b.half().float())
    return model


class ModelTest(unittest.TestCase):
    def test_the_model_stays_within_3_m_parameters_and_6_mb_in_16_bits(self):
        model = prompted.PromptedModel()
        params = sum(p.numel() for p in model.parameters())
        self.assertLessEqual(params, 3_000_000)
        self.assertLessEqual(sum(v.numel() * 2 for v in prompted.state_fp16(model).values()), 6_000_000)

    def test_sampling_from_saved_weights_reproduces_the_model(self):
        model = half_exact_tiny_model()
        ids = torch.as_tensor(scene_tokenizer.tokenize(["a large blue square on the right", ""]))
        noise = prompted_eval.noise_for(2, "cpu")
        want = prompted.sample(model, ids, noise, steps=2, bf16=False)
        self.assertFalse(want.requires_grad)  # sampling keeps no autograd graph (28 steps of one would fill memory)
        with tempfile.TemporaryDirectory() as tmp:
            prompted.save_weights(Path(tmp) / "w.pt", model, {"note": "test"})
            loaded, card = prompted.load_weights(Path(tmp) / "w.pt")
        self.assertEqual(card, {"note": "test"})
        torch.testing.assert_close(prompted.sample(loaded.eval(), ids, noise, steps=2, bf16=False), want)
        self.assertFalse(torch.equal(want[0], want[1]))  # the caption matters

    def test_sampling_from_a_start_runs_only_the_steps_below_it(self):
        torch.manual_seed(0)
        model = prompted.PromptedModel(prompted.TINY_MMDIT_CONFIG, prompted.TINY_TEXT_CONFIG).eval()
        ids = torch.as_tensor(scene_tokenizer.tokenize(["a large blue square on the right"]))
        x = prompted_eval.noise_for(1, "cpu") * 0.5
        times = []
        forward = model.transformer.forward
        model.transformer.forward = lambda *a: times.append(a[3][0].item()) or forward(*a)
        torch.testing.assert_close(prompted.sample(model, ids, x, steps=4, bf16=False, start=0.0), x.clamp(-1, 1))
        self.assertEqual(times, [])
        prompted.sample(model, ids, x, steps=4, bf16=False, start=0.6)
        self.assertEqual(times, [600.0, 500.0, 250.0])  # 0.6, then the schedule's 0.5 and 0.25


class BindingProbeTest(unittest.TestCase):
    def test_a_changed_caption_moves_one_attribute_of_every_object_and_keeps_the_others(self):
        _, layout = scenes.batch("heldout", 2, 16)
        n_shapes, n_colours = len(scenes.SHAPES), len(scenes.COLOUR_NAMES)
        parts = lambda obj: (obj // (n_colours * n_shapes), obj // n_shapes % n_colours, obj % n_shapes)  # noqa: E731
        for i, attribute in enumerate(("size", "colour", "shape")):
            other = binding_probe.changed(layout, attribute)
            before, after = parts(layout.obj), parts(other.obj)
            for j in range(3):
                if j == i:
                    self.assertTrue((before[j] != after[j]).all(), attribute)
                else:
                    np.testing.assert_array_equal(before[j], after[j])
            np.testing.assert_array_equal(other.cell, layout.cell)
            np.testing.assert_array_equal(other.present, layout.present)
            self.assertNotEqual(scenes.caption(other.labels[0]), scenes.caption(layout.labels[0]))

    def test_a_redrawn_object_changes_its_pixels_and_a_larger_d_prime_needs_less_noise(self):
        _, layout = scenes.batch("heldout", 2, 8)
        x = scenes.render(layout)
        for attribute in binding_probe.ATTRIBUTES:
            self.assertFalse(torch.equal(scenes.render(binding_probe.redrawn(layout, attribute)), x), attribute)
        report = binding_probe.image_decides(count=64)
        for attribute in binding_probe.ATTRIBUTES:
            for size in ("small", "large"):
                row = report[attribute][size]
                self.assertGreater(row["D"], 0.0)
                self.assertTrue(1.0 > row["t"][0] > row["t"][1] > 0.0, (attribute, size, row))

    def test_follow_samples_from_each_start_and_reports_each_attribute(self):
        torch.manual_seed(0)
        model = prompted.PromptedModel(prompted.TINY_MMDIT_CONFIG, prompted.TINY_TEXT_CONFIG).eval()
        report = binding_probe.follow(model, scene_evaluator.SceneEvaluatorNet().eval(), count=2, starts=(0.5, 0.9),
                                      steps=2)  # fmt: skip
        self.assertEqual((report["start"], report["steps"]), ([0.5, 0.9], 2))
        for attribute in binding_probe.ATTRIBUTES:
            self.assertEqual({k: len(v) for k, v in report[attribute].items()}, {"true": 2, "image": 2, "caption": 2})

    def test_the_probe_reports_each_attribute_at_each_time(self):
        torch.manual_seed(0)
        model = prompted.PromptedModel(prompted.TINY_MMDIT_CONFIG, prompted.TINY_TEXT_CONFIG).eval()
        report = binding_probe.probe(model, scene_evaluator.SceneEvaluatorNet().eval(), count=4, times=(0.2, 0.8))
        self.assertEqual(report["t"], [0.2, 0.8])
        for attribute in binding_probe.ATTRIBUTES:
            self.assertEqual(set(report[attribute]), {"true", "image", "caption"})
            for values in report[attribute].values():
                self.assertEqual(len(values), 2)
                self.assertTrue(all(0.0 <= v <= 1.0 for v in values))


class QuickRunTest(unittest.TestCase):
    def test_the_logit_mean_moves_the_median_t_and_keeps_the_spread(self):
        torch.manual_seed(0)
        for mean in (0.0, 0.7):
            t = train_prompted.sample_t(20000, torch.device("cpu"), mean)
            logit = torch.log(t / (1 - t))
            self.assertAlmostEqual(t.median().item(), torch.sigmoid(torch.tensor(mean)).item(), delta=0.01)
            self.assertAlmostEqual(logit.std().item(), 1.0, delta=0.03)

    def test_a_quick_run_writes_its_six_files_and_a_resume_continues_it(self):
        with tempfile.TemporaryDirectory() as tmp:
            first, second = Path(tmp) / "a", Path(tmp) / "b"
            results = train_prompted.main(["--device", "cpu", "--quick", "--out", str(first)])
            names = {"log.jsonl", "checkpoint.pt", "weights.fp16.pt", "progress.png", "samples.png", "results.json"}
            self.assertEqual({p.name for p in first.iterdir()}, names)
            self.assertEqual(json.loads((first / "results.json").read_text())["training"]["steps"], 3)
            self.assertTrue(np.isfinite([loss for _, loss in results["training"]["loss_curve"]]).all())
            self.assertIn("prompt_acc", results["dense"])
            self.assertIn("prompt_acc", results["evaluator"]["real"])
            resumed = train_prompted.main(["--device", "cpu", "--quick", "--out", str(second), "--resume", str(first)])
            self.assertEqual((resumed["training"]["steps"], resumed["training"]["sessions"]), (6, 2))

    def test_a_lean_checkpoint_resumes_from_the_ema_weights(self):
        with tempfile.TemporaryDirectory() as tmp:
            first, lean, second = Path(tmp) / "a", Path(tmp) / "lean", Path(tmp) / "b"
            train_prompted.main(["--device", "cpu", "--quick", "--out", str(first)])
            lean.mkdir()
            train_prompted.lean_checkpoint(first / "checkpoint.pt", lean / "checkpoint.pt")
            shutil.copy(first / "weights.fp16.pt", lean / "weights.fp16.pt")
            self.assertNotIn("model", torch.load(lean / "checkpoint.pt"))
            self.assertLess((lean / "checkpoint.pt").stat().st_size, (first / "checkpoint.pt").stat().st_size)
            resumed = train_prompted.main(["--device", "cpu", "--quick", "--out", str(second), "--resume", str(lean)])
            self.assertEqual((resumed["training"]["steps"], resumed["training"]["sessions"]), (6, 2))
            log = [json.loads(line) for line in (second / "log.jsonl").read_text().splitlines()]
            self.assertTrue(any(r.get("raw_weights") == "from the EMA weights" for r in log))


class SessionsGridTest(unittest.TestCase):
    def test_the_sheet_has_the_real_renders_then_a_row_per_session(self):
        from PIL import Image

        model = half_exact_tiny_model()
        with tempfile.TemporaryDirectory() as tmp:
            prompted.save_weights(Path(tmp) / "w.pt", model, {})
            with self.assertRaises(SystemExit):  # a label per source
                sessions_grid.main([str(Path(tmp) / "w.pt"), "--labels", "1,2", "--out", str(Path(tmp) / "x.png")])
            args = ["--labels", "1,2", "--steps", "2", "--out", str(Path(tmp) / "s.png")]
            sessions_grid.main([str(Path(tmp) / "w.pt")] * 2 + args)
            sheet = np.asarray(Image.open(Path(tmp) / "s.png"))
        real, ids, _, captions = prompted_eval.heldout(sessions_grid.EVAL_COUNT, "cpu")
        images, _ = sessions_grid.rows([model, model], prompted.cpu_bf16(), steps=2)
        want = png.grid(np.concatenate([scenes.to_uint8(real[:8]), images[8:]]), captions[:8] * 3, 8,
                        row_labels=["REAL", "1", "2"])  # fmt: skip
        np.testing.assert_array_equal(sheet, want)
        np.testing.assert_array_equal(images[8:16], images[16:])  # the same noise for every row
        self.assertFalse((images[8:16] == scenes.to_uint8(real[:8])).all())


class SamplingSweepTest(unittest.TestCase):
    def test_scores_each_setting_on_the_validation_captions_from_one_noise(self):
        model, evaluator = half_exact_tiny_model(), scene_evaluator.SceneEvaluatorNet().eval()
        settings = sampling_sweep.parse_settings("3:1:2,1.5:3:2,3:1:2")
        rows = list(sampling_sweep.sweep(model, evaluator, settings, count=3, batch=2, bf16=False))
        self.assertEqual([(r["guidance"], r["shift"], r["steps"], r["count"]) for r in rows],
                         [(3.0, 1.0, 2, 3), (1.5, 3.0, 2, 3), (3.0, 1.0, 2, 3)])  # fmt: skip
        for r in rows:
            self.assertTrue(all(0.0 <= r[k] <= 1.0 for k in sampling_sweep.SCORES))
        strip = lambda r: {k: v for k, v in r.items() if k != "seconds"}  # noqa: E731
        self.assertEqual(strip(rows[0]), strip(rows[2]))  # the same noise and captions for every setting
        with self.assertRaisesRegex(ValueError, "is not guidance:shift:steps"):
            sampling_sweep.parse_settings("3:1")


if __name__ == "__main__":
    unittest.main()
