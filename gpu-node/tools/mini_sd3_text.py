"""Write a miniature of SD3's text side in optimum's layout (what
``optimum-cli export onnx --task text-to-image`` writes for its tokenizers and
text encoders) into ``test/fixtures/sd3-mini/optimum/``:

- ``tokenizer/``: CLIP-L's tokenizer as a slow CLIPTokenizer saves it (``vocab.json``,
  ``merges.txt``, ``tokenizer_config.json``, ``special_tokens_map.json``; pad ``<|endoftext|>``);
- ``tokenizer_2/``: CLIP-G's as a fast one (``tokenizer.json``, CLIPConverter's form; pad ``!``);
- ``tokenizer_3/``: T5's ``tokenizer.json`` (Unigram, Metaspace, ``</s>`` appended, pad ``<pad>`` id 0);
- ``text_encoder/``, ``text_encoder_2/``: tiny CLIP text transformers (mini_text_models.py), widths 16
  and 32, projections 16 + 16 = 32 (the mini transformer's pooled_projection_dim), ONNX with optimum's
  names ``input_ids`` → ``text_embeds``, ``last_hidden_state``, ``hidden_states.0`` … ``hidden_states.2``;
- ``text_encoder_3/``: a tiny T5-like encoder, ``input_ids`` → ``last_hidden_state`` [B, T, 64];
- ``model_index.json``, and ``golden.json``: the ids of a few prompts (mini_text_tokenizers.py's
  reference tokenizers) and PyTorch's composed ``encoder_hidden_states`` / ``pooled_projections``
  as diffusers' ``StableDiffusion3Pipeline.encode_prompt`` builds them, with T5 (both prompts) and
  without (zeros; the first prompt).

    /usr/bin/python3 gpu-node/tools/mini_sd3_text.py --out test/fixtures/sd3-mini/optimum
"""

from __future__ import annotations

import argparse
import base64
import json
from pathlib import Path

import torch

import mini_text_tokenizers as tok
from mini_text_files import write_tokenizers
from mini_text_models import ClipText, T5Like

CLIP_LEN, T5_LEN, JOINT = 77, 32, 64
PROMPTS = ["a photo of a red cat on the mat", ""]
#: Prompts whose ids golden.json gives: the last is cut at 77 (CLIP) and 32 (T5) tokens.
ID_PROMPTS = PROMPTS + ["a blue dog, on a mat!", " ".join(["the cat"] * 40)]
SEED = 18


def export(model: torch.nn.Module, names: list[str], path: Path, ids: torch.Tensor) -> None:
    path.mkdir(parents=True, exist_ok=True)
    axes = {"input_ids": {0: "batch_size", 1: "sequence_length"}}
    axes.update({n: {0: "batch_size", 1: "sequence_length"} for n in names})
    torch.onnx.export(model, (ids,), str(path / "model.onnx"), input_names=["input_ids"], output_names=names,
                      dynamic_axes=axes, opset_version=17)
    (path / "config.json").write_text(json.dumps(model.config, indent=2) + "\n")


def f32(t: torch.Tensor) -> dict:
    return {"dims": list(t.shape), "float32_base64": base64.b64encode(t.contiguous().numpy().tobytes()).decode()}


def encode_prompt(clip_l: ClipText, clip_g: ClipText, t5: T5Like | None, prompts: list[str]) -> tuple:
    """diffusers' encode_prompt: CLIP hidden_states[-2] concatenated, zero-padded to JOINT, then T5's rows."""
    outs = []
    for model, pad in ((clip_l, tok.EOS), (clip_g, "!")):
        ids = torch.tensor([tok.clip_ids(p, CLIP_LEN, pad)[0] for p in prompts])
        embeds, _, *states = model(ids)
        outs.append((states[-2], embeds))
    clip = torch.cat([outs[0][0], outs[1][0]], -1)
    clip = torch.nn.functional.pad(clip, (0, JOINT - clip.shape[-1]))
    if t5 is None:
        rows = torch.zeros(len(prompts), T5_LEN, JOINT)
    else:
        rows = t5(torch.tensor([tok.t5_ids(p, T5_LEN)[0] for p in prompts]))
    return torch.cat([clip, rows], -2), torch.cat([outs[0][1], outs[1][1]], -1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    out = ap.parse_args().out
    torch.manual_seed(SEED)
    vocab = len(tok.clip_vocab())
    clip_l = ClipText(vocab, 16, 2, 2, CLIP_LEN, 16).eval()
    clip_g = ClipText(vocab, 32, 2, 2, CLIP_LEN, 16).eval()
    t5 = T5Like(len(tok.t5_vocab()), JOINT, 16, 2, 32).eval()
    write_tokenizers(out, CLIP_LEN, T5_LEN)
    clip_names = ["text_embeds", "last_hidden_state"] + [f"hidden_states.{k}" for k in range(3)]
    with torch.no_grad():
        clip_ids = torch.tensor([tok.clip_ids(p, CLIP_LEN, tok.EOS)[0] for p in PROMPTS])
        export(clip_l, clip_names, out / "text_encoder", clip_ids)
        export(clip_g, clip_names, out / "text_encoder_2", clip_ids)
        export(t5, ["last_hidden_state"], out / "text_encoder_3", torch.tensor([tok.t5_ids(p, T5_LEN)[0] for p in PROMPTS]))
        with_t5, without_t5 = encode_prompt(clip_l, clip_g, t5, PROMPTS), encode_prompt(clip_l, clip_g, None, PROMPTS[:1])
    (out / "model_index.json").write_text(json.dumps(model_index(), indent=2) + "\n")
    golden = {
        "source": "gpu-node/tools/mini_sd3_text.py (PyTorch; diffusers' encode_prompt)",
        "tolerance": 1e-5,
        "lengths": {"clip": CLIP_LEN, "t5": T5_LEN},
        "joint_attention_dim": JOINT,
        "pooled_projection_dim": 32,
        "ids": [
            {"prompt": p, **{k: dict(zip(("ids", "dropped"), v)) for k, v in reference_ids(p).items()}}
            for p in ID_PROMPTS
        ],
        "prompts": PROMPTS,
        "with_t5": {"encoder_hidden_states": f32(with_t5[0]), "pooled_projections": f32(with_t5[1])},
        "without_t5": {"encoder_hidden_states": f32(without_t5[0]), "pooled_projections": f32(without_t5[1])},
    }
    (out / "golden.json").write_text(json.dumps(golden, indent=1) + "\n")


def reference_ids(prompt: str) -> dict:
    """Each tokenizer's ids and tokens dropped; T5's only for lowercase words (its reference knows no others)."""
    ids = {"tokenizer": tok.clip_ids(prompt, CLIP_LEN, tok.EOS), "tokenizer_2": tok.clip_ids(prompt, CLIP_LEN, "!")}
    if all(c.islower() or c == " " for c in prompt):
        ids["tokenizer_3"] = tok.t5_ids(prompt, T5_LEN)
    return ids


def model_index() -> dict:
    return {
        "_class_name": "StableDiffusion3Pipeline",
        "_diffusers_version": "0.30.0",
        "scheduler": ["diffusers", "FlowMatchEulerDiscreteScheduler"],
        "text_encoder": ["transformers", "CLIPTextModelWithProjection"],
        "text_encoder_2": ["transformers", "CLIPTextModelWithProjection"],
        "text_encoder_3": ["transformers", "T5EncoderModel"],
        "tokenizer": ["transformers", "CLIPTokenizer"],
        "tokenizer_2": ["transformers", "CLIPTokenizer"],
        "tokenizer_3": ["transformers", "T5TokenizerFast"],
        "transformer": ["diffusers", "SD3Transformer2DModel"],
        "vae": ["diffusers", "AutoencoderKL"],
    }


if __name__ == "__main__":
    main()
