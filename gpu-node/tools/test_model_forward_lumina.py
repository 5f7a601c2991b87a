"""The user's parity check for the NextDiT family, end to end (docs/lumina.md,
"From a checkpoint to a served prompt"): diffusers-named inputs saved from
Python, ``npm run model -- forward`` on the committed converted miniature
test-lumina, its ``sample`` against our LuminaNextDiT2DModel (diffusers' names
and math) on the checkpoint test-lumina was converted from: two rows, a
non-square 3 × 5 token grid, the second prompt padded. Also that the pair the
TypeScript test reads (test/fixtures/lumina-parity) is still this model's."""

from __future__ import annotations

import json
import subprocess
import tempfile
import unittest
from pathlib import Path

import torch

import safetensors_io
from lumina_parity import load_stored, parity_inputs, reference

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "gpu-node" / "models" / "test-lumina"
CHECKPOINT = ROOT / "test" / "fixtures" / "lumina-mini" / "transformer"
PAIR = ROOT / "test" / "fixtures" / "lumina-parity"


def run_tool(inputs: Path, out: Path, *extra: str) -> None:
    tsx = ROOT / "node_modules" / ".bin" / "tsx"
    main = ROOT / "gpu-node" / "model-tool" / "main.ts"
    args = [str(tsx), str(main), "forward", str(MODEL), "--inputs", str(inputs), "--out", str(out), "--threads", "1", *extra]
    subprocess.run(args, check=True, cwd=ROOT, capture_output=True)


class LuminaModelForwardTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.card = json.loads((MODEL / "model.json").read_text())
        cls.model = load_stored(CHECKPOINT)
        cls.inputs = parity_inputs(cls.model)
        cls.ref = reference(cls.model, cls.inputs, cls.card)

    def test_forward_writes_the_dense_sample_of_the_pytorch_module(self):
        cfg = self.model.config
        with tempfile.TemporaryDirectory() as tmp:
            safetensors_io.save_file(self.inputs, Path(tmp) / "in.safetensors")
            out = Path(tmp) / "out.safetensors"
            run_tool(Path(tmp) / "in.safetensors", out)
            ours = safetensors_io.SafeFile(out).get("sample")
        self.assertEqual(tuple(ours.shape), (2, cfg.out_channels, 6, 10))
        self.assertGreater(self.ref.abs().max().item(), 0.1)
        self.assertLess((ours - self.ref).abs().max().item(), 1e-4)

    def test_unmasking_the_padding_moves_only_the_padded_row(self):
        """The mask reaches the sample: the check fails for a tool that drops it."""
        unmasked = dict(self.inputs, encoder_mask=torch.ones_like(self.inputs["encoder_mask"]))
        moved = reference(self.model, unmasked, self.card)
        self.assertLess((moved[0] - self.ref[0]).abs().max().item(), 1e-6)
        self.assertGreater((moved[1] - self.ref[1]).abs().max().item(), 1e-3)

    def test_the_committed_pair_is_this_models(self):
        pair_in = safetensors_io.SafeFile(PAIR / "in.safetensors")
        for name, tensor in self.inputs.items():
            self.assertTrue(torch.equal(pair_in.get(name), tensor), name)
        sample = safetensors_io.SafeFile(PAIR / "sample.safetensors").get("sample")
        self.assertLess((sample - self.ref).abs().max().item(), 1e-6)


if __name__ == "__main__":
    unittest.main()
