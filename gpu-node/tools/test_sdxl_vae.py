"""Tests of the SDXL VAE decode path (vae_kl*.py), its export (export_vae_decoder.py)
and the miniature fixture (mini_sdxl_vae.py, test/fixtures/lumina-mini/vae/)."""

from __future__ import annotations

import json
import shutil
import tempfile
import unittest
from pathlib import Path

import onnx
import torch
import torch.nn.functional as F

import mini_sdxl_vae
from export_vae_decoder import export_vae_decoder
from safetensors_io import open_checkpoint, save_file
from vae_kl_checkpoint import load_decoder
from vae_kl_config import parse_config

FIXTURE = Path(__file__).resolve().parents[2] / "test/fixtures/lumina-mini/vae"
WEIGHTS = "diffusion_pytorch_model.safetensors"


def reference_decode(sd: dict[str, torch.Tensor], groups: int, z: torch.Tensor) -> torch.Tensor:
    """diffusers' AutoencoderKL._decode spelled out on the state dict (autoencoder_kl.py, vae.py's
    Decoder, UNetMidBlock2D, UpDecoderBlock2D, ResnetBlock2D, Upsample2D, AttnProcessor2_0)."""

    def gn(x, p):
        return F.group_norm(x, groups, sd[f"{p}.weight"], sd[f"{p}.bias"], eps=1e-6)

    def conv(x, p):
        w = sd[f"{p}.weight"]
        return F.conv2d(x, w, sd[f"{p}.bias"], padding=w.shape[-1] // 2)

    def silu(x):
        return x * torch.sigmoid(x)

    def resnet(x, p):
        h = conv(silu(gn(x, f"{p}.norm1")), f"{p}.conv1")
        h = conv(silu(gn(h, f"{p}.norm2")), f"{p}.conv2")
        return (conv(x, f"{p}.conv_shortcut") if f"{p}.conv_shortcut.weight" in sd else x) + h

    def attention(x, p):
        b, c, hh, ww = x.shape
        h = gn(x, f"{p}.group_norm").reshape(b, c, hh * ww).permute(0, 2, 1)
        q, k, v = (F.linear(h, sd[f"{p}.{n}.weight"], sd[f"{p}.{n}.bias"]) for n in ("to_q", "to_k", "to_v"))
        a = torch.einsum("bic,bjc->bij", q, k) / c**0.5
        o = F.linear(torch.einsum("bij,bjc->bic", a.softmax(-1), v), sd[f"{p}.to_out.0.weight"], sd[f"{p}.to_out.0.bias"])
        return o.permute(0, 2, 1).reshape(b, c, hh, ww) + x

    h = conv(conv(z, "post_quant_conv"), "decoder.conv_in")
    mid = "decoder.mid_block"
    h = resnet(attention(resnet(h, f"{mid}.resnets.0"), f"{mid}.attentions.0"), f"{mid}.resnets.1")
    blocks = 1 + max(int(k.split(".")[2]) for k in sd if k.startswith("decoder.up_blocks."))
    for i in range(blocks):
        j = 0
        while f"decoder.up_blocks.{i}.resnets.{j}.conv1.weight" in sd:
            h = resnet(h, f"decoder.up_blocks.{i}.resnets.{j}")
            j += 1
        if i < blocks - 1:
            h = conv(h.repeat_interleave(2, dim=2).repeat_interleave(2, dim=3), f"decoder.up_blocks.{i}.upsamplers.0.conv")
    return conv(silu(gn(h, "decoder.conv_norm_out")), "decoder.conv_out")


def fixture_state() -> dict[str, torch.Tensor]:
    ckpt = open_checkpoint(FIXTURE / WEIGHTS)
    return {k: ckpt.get(k).clone() for k in ckpt.keys()}


def latent(batch: int = 2, h: int = 3, w: int = 5, seed: int = 3) -> torch.Tensor:
    return torch.randn(batch, 4, h, w, generator=torch.Generator().manual_seed(seed)) / 0.13025


class DecodePathTest(unittest.TestCase):
    def copy_with(self, state: dict[str, torch.Tensor]) -> Path:
        """The fixture folder with its weights replaced by ``state``, in a temporary folder."""
        tmp = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, tmp)
        shutil.copyfile(FIXTURE / "config.json", tmp / "config.json")
        save_file(state, tmp / WEIGHTS)
        return tmp

    def test_the_module_equals_diffusers_decode_spelled_out_at_a_non_square_latent_and_batch_2(self):
        cfg, model = load_decoder(FIXTURE)
        sd = {k: v.float() for k, v in fixture_state().items()}
        z = latent()
        with torch.no_grad():
            out = model(z)
        self.assertEqual(tuple(out.shape), (2, 3, 24, 40))
        self.assertLess((out - reference_decode(sd, cfg.norm_num_groups, z)).abs().max().item(), 1e-5)
        self.assertGreater(out.std().item(), 0.2)  # not a trivially flat image

    def test_the_fixture_holds_the_encoder_too_and_the_loader_skips_it(self):
        keys = set(fixture_state())
        self.assertIn("encoder.mid_block.attentions.0.to_q.weight", keys)
        self.assertIn("quant_conv.weight", keys)
        _, model = load_decoder(FIXTURE.parent)  # a pipeline folder: its vae/
        self.assertEqual(set(model.state_dict()), {k for k in keys if k.startswith(("decoder.", "post_quant_conv."))})

    def test_old_attention_names_load_to_identical_outputs(self):
        state = fixture_state()
        old = {"to_q": "query", "to_k": "key", "to_v": "value", "to_out.0": "proj_attn"}
        prefix = "decoder.mid_block.attentions.0."
        renamed = {}
        for k, v in state.items():
            for new, was in old.items():
                if k.startswith(prefix + new + "."):
                    k = prefix + was + k[len(prefix + new) :]
            renamed[k] = v
        self.assertIn(prefix + "proj_attn.weight", renamed)
        _, model = load_decoder(self.copy_with(renamed))
        _, want = load_decoder(FIXTURE)
        with torch.no_grad():
            self.assertTrue(torch.equal(model(latent()), want(latent())))

    def test_an_fp32_file_loads_to_the_same_outputs_as_the_fixtures_fp16(self):
        _, model = load_decoder(self.copy_with({k: v.float() for k, v in fixture_state().items()}))
        _, want = load_decoder(FIXTURE)
        with torch.no_grad():
            self.assertTrue(torch.equal(model(latent()), want(latent())))

    def test_an_unknown_a_missing_a_misshapen_or_a_doubled_tensor_is_named(self):
        state = fixture_state()
        cases = {
            "'decoder.bogus.weight' is neither": {**state, "decoder.bogus.weight": torch.zeros(1)},
            "missing, e.g. ['decoder.conv_out.bias']": {k: v for k, v in state.items() if k != "decoder.conv_out.bias"},
            "'decoder.conv_in.bias' has shape [5]": {**state, "decoder.conv_in.bias": torch.zeros(5)},
            "'decoder.mid_block.attentions.0.query.bias' and 'decoder.mid_block.attentions.0.to_q.bias' are both": {
                **state, "decoder.mid_block.attentions.0.query.bias": state["decoder.mid_block.attentions.0.to_q.bias"]
            },
        }  # fmt: skip
        for message, bad in cases.items():
            with self.subTest(message), self.assertRaises(ValueError) as e:
                load_decoder(self.copy_with(bad))
            self.assertIn(message, str(e.exception))

    def test_an_unsupported_config_value_is_named(self):
        config = json.loads((FIXTURE / "config.json").read_text())
        cases = {
            "up_block_types[2] is 'AttnUpDecoderBlock2D'": {"up_block_types": ["UpDecoderBlock2D"] * 2 + ["AttnUpDecoderBlock2D"] * 2},
            "_class_name is 'AutoencoderKLCogVideoX'": {"_class_name": "AutoencoderKLCogVideoX"},
            "block_out_channels[0] = 4 is not a multiple of norm_num_groups 8": {"norm_num_groups": 8},
            "latents_mean is set": {"latents_mean": [0.0] * 4},
        }
        for message, change in cases.items():
            with self.subTest(message), self.assertRaises(ValueError) as e:
                parse_config({**config, **change}, "vae/config.json")
            self.assertIn(f"vae/config.json: {message}", str(e.exception))

    def test_a_folder_without_config_json_is_named(self):
        with tempfile.TemporaryDirectory() as tmp, self.assertRaises(ValueError) as e:
            load_decoder(Path(tmp))
        self.assertIn(f"{tmp}: neither it nor its vae/ holds a config.json", str(e.exception))

    def test_absent_keys_take_diffusers_defaults_and_no_shift_is_zero(self):
        cfg = parse_config({"block_out_channels": [32, 32], "up_block_types": ["UpDecoderBlock2D"] * 2}, "c")
        self.assertEqual((cfg.latent_channels, cfg.layers_per_block, cfg.norm_num_groups), (4, 1, 32))
        self.assertEqual((cfg.scaling_factor, cfg.shift_factor, cfg.scale_factor), (0.18215, 0.0, 2))
        self.assertTrue(cfg.use_post_quant_conv and cfg.mid_block_add_attention)


class ExportTest(unittest.TestCase):
    """One export of the generator's output, checked against the committed fixture and PyTorch."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp())
        cls.result = mini_sdxl_vae.write_fixture(cls.tmp / "vae", cls.tmp / "vae/onnx", 20)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_onnxruntime_matches_pytorch_at_batch_2_on_a_non_square_latent(self):
        self.assertLess(self.result["max_abs_diff"], 1e-4)
        want = {"scaling_factor": 0.13025, "shift_factor": 0.0, "scale_factor": 8, "latent_channels": 4}
        self.assertEqual({k: v for k, v in self.result.items() if k != "max_abs_diff"}, want)

    def test_the_graph_has_optimums_names_dynamic_axes_and_fp16_stored_weights(self):
        graph = onnx.load(str(self.tmp / "vae/onnx/model.onnx")).graph
        self.assertEqual([i.name for i in graph.input], ["latent_sample"])
        self.assertEqual([o.name for o in graph.output], ["sample"])
        dims = [d.dim_param or d.dim_value for d in graph.input[0].type.tensor_type.shape.dim]
        self.assertEqual(dims, ["batch", 4, "height", "width"])
        self.assertIn("decoder.up_blocks.0.resnets.0.conv1.weight__fp16", {t.name for t in graph.initializer})

    def test_the_committed_fixture_is_what_the_tool_writes(self):
        for name in [WEIGHTS, "config.json", "onnx/config.json", "onnx/golden.json", "onnx/model.onnx"]:
            self.assertEqual((self.tmp / "vae" / name).read_bytes(), (FIXTURE / name).read_bytes(), name)

    def test_without_verify_nothing_is_run_and_the_config_is_copied(self):
        out = self.tmp / "again"
        result = export_vae_decoder(self.tmp, out, verify=False)  # the pipeline folder: its vae/
        self.assertIsNone(result["max_abs_diff"])
        self.assertEqual((out / "config.json").read_bytes(), (FIXTURE / "config.json").read_bytes())
        self.assertFalse((out / "model.onnx_data").exists())  # a few KB of weights stay in the graph


if __name__ == "__main__":
    unittest.main()
