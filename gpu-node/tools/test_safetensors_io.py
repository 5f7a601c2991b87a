"""Tests of the safetensors reader and writer (safetensors_io.py)."""

from __future__ import annotations

import json
import struct
import tempfile
import unittest
from pathlib import Path

import torch

from safetensors_io import SafeFile, SafetensorsError, Writer, open_checkpoint, save_file, save_sharded


def sample_tensors() -> dict[str, torch.Tensor]:
    gen = torch.Generator().manual_seed(0)
    f = torch.randn(3, 5, generator=gen)
    return {
        "a.f32": f,
        "a.f16": f.half(),
        "a.bf16": f.bfloat16(),
        "a.f64": f.double(),
        "b.i64": torch.arange(-3, 4, dtype=torch.int64),
        "b.i32": torch.arange(6, dtype=torch.int32).reshape(2, 3),
        "b.u8": torch.tensor([0, 7, 255], dtype=torch.uint8),
        "b.bool": torch.tensor([True, False, True]),
        "c.scalar": torch.tensor(2.5),
        "c.empty": torch.zeros(0, 4),
    }


def raw_file(path: Path, header: dict, data: bytes) -> Path:
    raw = json.dumps(header).encode()
    path.write_bytes(struct.pack("<Q", len(raw)) + raw + data)
    return path


class RoundTripTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def test_every_dtype_comes_back_bit_for_bit_with_the_metadata(self):
        tensors = sample_tensors()
        save_file(tensors, self.dir / "m.safetensors", metadata={"format": "pt"})
        f = SafeFile(self.dir / "m.safetensors")
        self.assertEqual(f.metadata, {"format": "pt"})
        self.assertEqual(sorted(f.keys()), sorted(tensors))
        for name, want in tensors.items():
            got = f.get(name)
            self.assertEqual(got.dtype, want.dtype, name)
            self.assertEqual(got.shape, want.shape, name)
            self.assertTrue(torch.equal(got, want), name)

    def test_opening_reads_only_the_header(self):
        save_file({"w": torch.ones(64, 64)}, self.dir / "m.safetensors")
        f = SafeFile(self.dir / "m.safetensors")
        self.assertEqual(f.info("w").shape, (64, 64))
        self.assertEqual(f.info("w").dtype, "F32")
        self.assertIsNone(f._map)  # nothing mapped until a tensor is asked for
        self.assertEqual(f.get("w").sum().item(), 64 * 64)

    def test_tensors_are_aligned_to_their_item_size(self):
        save_file(sample_tensors(), self.dir / "m.safetensors")
        f = SafeFile(self.dir / "m.safetensors")
        for name in f.keys():
            item = torch.empty(0, dtype=f.get(name).dtype).element_size()
            self.assertEqual((f.data_start + f.info(name).begin) % item, 0, name)

    def test_a_sharded_folder_reads_as_one_checkpoint(self):
        tensors = sample_tensors()
        index = save_sharded(tensors, self.dir / "sharded", max_shard_bytes=100)
        self.assertEqual(index.name, "diffusion_pytorch_model.safetensors.index.json")
        shards = sorted(p.name for p in (self.dir / "sharded").glob("*.safetensors"))
        self.assertGreater(len(shards), 2)
        self.assertEqual(shards[0], f"diffusion_pytorch_model-00001-of-{len(shards):05d}.safetensors")
        ckpt = open_checkpoint(self.dir / "sharded")
        self.assertEqual(sorted(ckpt.keys()), sorted(tensors))
        for name, want in tensors.items():
            self.assertTrue(torch.equal(ckpt.get(name), want), name)

    def test_a_shard_missing_from_the_index_is_named(self):
        index = save_sharded(sample_tensors(), self.dir / "sharded", max_shard_bytes=100)
        victim = json.loads(index.read_text())["weight_map"]["a.f32"]
        (self.dir / "sharded" / victim).unlink()
        with self.assertRaisesRegex(SafetensorsError, f"shard '{victim}' is missing"):
            open_checkpoint(index)

    def test_the_writer_takes_tensors_in_its_declared_order_only(self):
        with self.assertRaisesRegex(ValueError, "write a next, not 'b'"):
            with Writer(self.dir / "m.safetensors", {"a": ("F32", (2,)), "b": ("F32", (2,))}) as w:
                w.write("b", torch.zeros(2))
        with self.assertRaisesRegex(ValueError, "declared F32"):
            with Writer(self.dir / "m.safetensors", {"a": ("F32", (2,))}) as w:
                w.write("a", torch.zeros(2, dtype=torch.float16))


class BadHeaderTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def assertBad(self, path: Path, pattern: str):
        with self.assertRaisesRegex(SafetensorsError, pattern):
            SafeFile(path)

    def test_a_file_shorter_than_its_header_length(self):
        (self.dir / "short").write_bytes(b"\x01\x02")
        self.assertBad(self.dir / "short", "shorter than the 8-byte header length")
        (self.dir / "long").write_bytes(struct.pack("<Q", 1000) + b"{}")
        self.assertBad(self.dir / "long", "header length 1000 exceeds the file")

    def test_a_header_that_is_not_a_json_object(self):
        raw = b"not json"
        (self.dir / "x").write_bytes(struct.pack("<Q", len(raw)) + raw)
        self.assertBad(self.dir / "x", "not JSON")
        self.assertBad(raw_file(self.dir / "y", [], b""), "not a JSON object")

    def test_an_unknown_dtype_is_named(self):
        header = {"w": {"dtype": "F8_E4M3", "shape": [2], "data_offsets": [0, 2]}}
        self.assertBad(raw_file(self.dir / "x", header, b"\0\0"), "'w' has an unsupported dtype 'F8_E4M3'")

    def test_overlapping_tensors_are_named(self):
        header = {
            "a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]},
            "b": {"dtype": "F32", "shape": [2], "data_offsets": [4, 12]},
        }
        self.assertBad(raw_file(self.dir / "x", header, bytes(12)), "tensors 'a' and 'b' overlap")

    def test_a_tensor_past_the_end_or_a_gap(self):
        header = {"a": {"dtype": "F32", "shape": [4], "data_offsets": [0, 16]}}
        self.assertBad(raw_file(self.dir / "x", header, bytes(8)), "'a' ends at byte 16, past the data \\(8 bytes\\)")
        header = {"a": {"dtype": "F32", "shape": [1], "data_offsets": [4, 8]}}
        self.assertBad(raw_file(self.dir / "y", header, bytes(8)), "4 unclaimed bytes before tensor 'a'")

    def test_offsets_that_disagree_with_the_shape(self):
        header = {"a": {"dtype": "F16", "shape": [3], "data_offsets": [0, 8]}}
        self.assertBad(raw_file(self.dir / "x", header, bytes(8)), "spans 8 bytes, but F16 \\[3\\] needs 6")

    def test_metadata_must_be_strings(self):
        header = {"__metadata__": {"step": 3}}
        self.assertBad(raw_file(self.dir / "x", header, b""), "__metadata__ must map strings to strings")


if __name__ == "__main__":
    unittest.main()
