"""Compare mmdit.SD3Transformer2DModel with diffusers' own, where diffusers is importable.

Builds miniature SD3, SD3.5-large-like and SD3.5-medium-like (MMDiT-X) models
with diffusers, checks that ours has the same state-dict names in the same
order, the same shapes and the same position table, loads diffusers' random
weights with ``strict=True`` and compares the dense forward and the RAS
forward at n = N; and that diffusers' own single-file converter
(``convert_sd3_transformer_checkpoint_to_diffusers``) takes our original-layout
tensors (mmdit_checkpoint.to_original) back to the same state dict. Prints one JSON line per variant; exits 1 past ``--tol``.

    PYTHONPATH=path/to/diffusers/src python3 gpu-node/tools/check_diffusers.py

diffusers needs torch 2 (``scaled_dot_product_attention``). On torch 1.13 this
script stands in the same formula for it and stubs the few torch 2 names that
diffusers only touches at import time; the model math is diffusers' own.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import types

import torch
import torch.nn.functional as F

import mmdit_ras
from mmdit import SD3Transformer2DModel, patchify, unpatchify
from mmdit_checkpoint import key_plan, to_original

BASE = dict(
    sample_size=8, patch_size=2, in_channels=4, num_layers=3, attention_head_dim=8, num_attention_heads=3,
    joint_attention_dim=12, caption_projection_dim=24, pooled_projection_dim=6, out_channels=4, pos_embed_max_size=10,
)  # fmt: skip
VARIANTS = {
    "sd3": BASE,
    "sd35-large": {**BASE, "qk_norm": "rms_norm"},
    "sd35-medium": {**BASE, "qk_norm": "rms_norm", "dual_attention_layers": (0, 1)},
}


def torch1_shims() -> None:
    """What diffusers needs of torch 2 to import and to run the SD3 transformer."""

    def sdpa(q, k, v, attn_mask=None, dropout_p=0.0, is_causal=False, scale=None):
        if attn_mask is not None or is_causal or dropout_p:
            raise NotImplementedError("the stand-in covers SD3's unmasked attention only")
        return torch.softmax(q @ k.transpose(-1, -2) * (scale or 1 / math.sqrt(q.shape[-1])), dim=-1) @ v

    class Stub(types.ModuleType):
        """Any attribute, callable: the device backends diffusers tables at import."""

        def __getattr__(self, name):
            return Stub(name)

        def __call__(self, *args, **kwargs):
            return False

    F.scaled_dot_product_attention = sdpa
    for name in ("xpu", "mps", "mtia"):
        if not hasattr(torch, name):
            setattr(torch, name, Stub(name))
    sys.modules.setdefault("torch.distributed._functional_collectives", Stub("funcol"))
    if not hasattr(torch.distributed, "device_mesh"):
        torch.distributed.device_mesh = types.SimpleNamespace(DeviceMesh=type("DeviceMesh", (), {}))
    if not hasattr(torch, "compiler"):
        torch.compiler = types.SimpleNamespace(disable=lambda f=None, **k: f if f is not None else (lambda g: g), is_compiling=lambda: False)
    for name in ("float8_e4m3fn", "float8_e5m2", "uint16", "uint32", "uint64"):
        if not hasattr(torch, name):
            setattr(torch, name, torch.float16 if name.startswith("float") else torch.int32)


def import_reference():
    """diffusers' SD3Transformer2DModel, without importing every other transformer."""
    import diffusers.models

    folder = diffusers.models.__path__[0] + "/transformers"
    if "diffusers.models.transformers" not in sys.modules:
        pkg = types.ModuleType("diffusers.models.transformers")
        pkg.__path__ = [folder]
        sys.modules["diffusers.models.transformers"] = pkg
    from diffusers.models.transformers.transformer_sd3 import SD3Transformer2DModel as Reference

    return Reference


def compare(Reference, cfg: dict, seed: int = 0) -> dict:
    torch.manual_seed(seed)
    ref, ours = Reference(**cfg).eval(), SD3Transformer2DModel(**cfg).eval()
    ref_sd, our_sd = ref.state_dict(), ours.state_dict()
    result = {
        "tensors": len(ref_sd),
        "same_names_in_order": list(ref_sd) == list(our_sd),
        "same_shapes": all(ref_sd[k].shape == our_sd[k].shape for k in ref_sd if k in our_sd),
        "pos_table": (ref_sd["pos_embed.pos_embed"] - our_sd["pos_embed.pos_embed"]).abs().max().item(),
    }
    gen = torch.Generator().manual_seed(seed + 1)
    with torch.no_grad():
        for name, p in ref_sd.items():
            if name != "pos_embed.pos_embed":
                p.copy_(torch.randn(p.shape, generator=gen) * 0.3 + (1.0 if p.dim() == 1 and ".norm_" in name else 0.0))
    ours.load_state_dict(ref_sd, strict=True)
    b, c, (h, w) = 2, cfg["in_channels"], (6, 8)
    p = cfg["patch_size"]
    lat = torch.randn(b, c, h, w, generator=gen)
    ehs = torch.randn(b, 5, cfg["joint_attention_dim"], generator=gen)
    pooled = torch.randn(b, cfg["pooled_projection_dim"], generator=gen)
    t = torch.tensor([999.0, 13.5])
    n = (h // p) * (w // p)
    with torch.no_grad():
        want = ref(lat, ehs, pooled, t, return_dict=False)[0]
        dense = ours(lat, ehs, pooled, t)
        idx = torch.arange(n).repeat(b, 1)
        r = ours.run(patchify(lat, p), idx, t, ehs, pooled, torch.tensor([w // p]), mmdit_ras.empty_caches(ours, b, n))
        ras = unpatchify(r["v"], p, cfg["out_channels"], h // p, w // p)
    result.update(dense=(dense - want).abs().max().item(), ras_all_tokens=(ras - want).abs().max().item(), output_scale=want.abs().mean().item())
    from diffusers.loaders.single_file_utils import convert_sd3_transformer_checkpoint_to_diffusers as convert

    back = convert(dict(to_original(key_plan(ours.config), our_sd)))
    result["single_file_mapping"] = sorted(back) == sorted(our_sd) and all(torch.equal(back[k], our_sd[k]) for k in our_sd)
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tol", type=float, default=1e-5)
    args = ap.parse_args()
    if not hasattr(F, "scaled_dot_product_attention"):
        torch1_shims()
    Reference = import_reference()
    worst = 0.0
    ok = True
    for name, cfg in VARIANTS.items():
        r = compare(Reference, cfg)
        ok = ok and r["same_names_in_order"] and r["same_shapes"] and r["single_file_mapping"]
        worst = max(worst, r["pos_table"], r["dense"], r["ras_all_tokens"])
        print(json.dumps({"variant": name, **r}))
    return 0 if ok and worst <= args.tol else 1


if __name__ == "__main__":
    sys.exit(main())
