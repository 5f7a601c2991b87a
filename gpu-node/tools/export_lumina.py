"""Export Lumina-Next's RAS forward (lumina_ras.py) to ONNX and check it against
PyTorch in onnxruntime-node.

Opset 17 with torch 1.13's TorchScript exporter, as export_mmdit.py. The I/O
follows ras-ready/3 (docs/model-contract.md) where the families agree: ``x``
[B,n,C·p·p] (the node's token layout, features (py, px, c): the graph reorders them to
the patch embedder's (c, py, px)), ``token_index`` i64 [B,n], ``timestep`` [B] (Lumina time 1 − σ),
``grid_w`` i64 [1], per-layer ``k_cache_<l>`` / ``v_cache_<l>`` [B,Hkv,N,hd] in;
``v``, ``k_new`` / ``v_new`` [L,B,Hkv,n,hd], ``k_all_<l>`` / ``v_all_<l>`` out.

The prompt enters as what ``lumina_ras.encode_prompt`` fixes once per prompt:
``caption`` [B,cond] (the pooled-caption part of the adaLN embedding),
``text_mask`` i64 [B,T] (1 = token, 0 = padding) and per-layer ``text_k_<l>`` /
``text_v_<l>`` [B,Hkv,T,hd], so a runtime computes the text K/V once, not every
step. The RoPE table is an input as a real pair ``rope_cos`` / ``rope_sin``
[rows, cols, hd/2] (``lumina_rope.real_table``; the table changes with
resolution and diffusers' time-aware scaling), gathered by token index in the
graph: no complex numbers. Proportional attention (``base_sequence_length``)
is baked in and computed from the cache length N in the graph. Attention is
spelled out (MatMul–Softmax–MatMul, K/V heads repeated for grouped queries).
"""

from __future__ import annotations

from pathlib import Path

import torch

import lumina_ras
from export import prompted_case_specs, torchscript_export, verify_with_ort
from lumina_next import LuminaNextDiT2DModel
from lumina_rope import real_table, rope_table

#: Inputs before the per-layer text K/V and caches.
HEAD_INPUTS = ["x", "token_index", "timestep", "caption", "text_mask", "rope_cos", "rope_sin", "grid_w"]


def layer_names(model: LuminaNextDiT2DModel, kind: str) -> list[str]:
    """``k_<kind>_<l>`` for every layer, then ``v_<kind>_<l>``."""
    layers = range(model.config.num_layers)
    return [f"k_{kind}_{i}" for i in layers] + [f"v_{kind}_{i}" for i in layers]


def text_names(model: LuminaNextDiT2DModel) -> list[str]:
    layers = range(model.config.num_layers)
    return [f"text_k_{i}" for i in layers] + [f"text_v_{i}" for i in layers]


def graph_inputs(model) -> list[str]:
    return HEAD_INPUTS + text_names(model) + layer_names(model, "cache")


def graph_outputs(model) -> list[str]:
    return ["v", "k_new", "v_new", *layer_names(model, "all")]


def patch_features(x: torch.Tensor, patch: int, channels: int) -> torch.Tensor:
    """Tokens [B,n,C·p·p] with features (py, px, c), the node's layout for every family, ->
    (c, py, px), the order of ``LuminaPatchEmbed``'s weight (``lumina_next.patchify``)."""
    b, n, _ = x.shape
    return x.reshape(b, n, patch, patch, channels).permute(0, 1, 4, 2, 3).reshape(b, n, -1)


def node_features(x: torch.Tensor, patch: int, channels: int) -> torch.Tensor:
    """The inverse of ``patch_features``: (c, py, px) -> (py, px, c)."""
    b, n, _ = x.shape
    return x.reshape(b, n, channels, patch, patch).permute(0, 1, 3, 4, 2).reshape(b, n, -1)


class RasGraph(torch.nn.Module):
    """``lumina_ras.run`` with flat per-layer arguments and a real RoPE table, the graph's shape."""

    def __init__(self, model: LuminaNextDiT2DModel, base_sequence_length: int | None = None):
        super().__init__()
        self.model, self.base = model, base_sequence_length

    def forward(self, x, token_index, timestep, caption, text_mask, rope_cos, rope_sin, grid_w, *flat):
        layers = self.model.config.num_layers
        text_k, text_v = list(flat[:layers]), list(flat[layers : 2 * layers])
        caches = {"k": list(flat[2 * layers : 3 * layers]), "v": list(flat[3 * layers :])}
        prompt = {"caption": caption, "text_k": text_k, "text_v": text_v, "mask": text_mask.bool()}
        scale = self.self_scale(caches["k"][0])
        x = patch_features(x, self.model.config.patch_size, self.model.config.in_channels)
        r = lumina_ras.run(self.model, x, token_index, timestep, prompt, (rope_cos, rope_sin), grid_w, caches, self_scale=scale)
        return (r["v"], r["k_new"], r["v_new"], *r["k_all"], *r["v_all"])

    def self_scale(self, cache: torch.Tensor):
        """1/√hd, times √(log_base N) with N counted from the cache, so it stays dynamic in the graph."""
        scale = self.model.config.head_dim**-0.5
        if self.base is None:
            return scale
        tokens = torch.ones_like(cache[0, 0, :, 0]).sum()
        return torch.sqrt(torch.log(tokens) / float(torch.log(torch.tensor(float(self.base))))) * scale


def make_inputs(model, grid, batch: int, n: int, text: int, seed: int, stale: bool) -> dict:
    """Deterministic graph inputs by name (the prompt through ``encode_prompt``, the last
    prompt padded by two tokens, a RoPE table larger than the grid); ``stale`` caches are
    random, others zeros."""
    cfg = model.config
    gen = torch.Generator().manual_seed(seed)
    n_all = grid[0] * grid[1]
    index = torch.stack([torch.randperm(n_all, generator=gen)[:n].sort().values for _ in range(batch)])
    mask = torch.ones(batch, text, dtype=torch.int64)
    mask[-1, -2:] = 0
    with torch.no_grad():
        prompt = lumina_ras.encode_prompt(model, torch.randn(batch, text, cfg.cross_attention_dim, generator=gen), mask)
    cos, sin = real_table(rope_table(cfg.head_dim, grid[0] + 1, grid[1] + 2))
    feeds = {
        "x": torch.randn(batch, n, cfg.patch_size**2 * cfg.in_channels, generator=gen),
        "token_index": index.to(torch.int64),
        "timestep": torch.rand(batch, generator=gen),
        "caption": prompt["caption"],
        "text_mask": mask,
        "rope_cos": cos,
        "rope_sin": sin,
        "grid_w": torch.tensor([grid[1]], dtype=torch.int64),
    }
    feeds.update(zip(text_names(model), prompt["text_k"] + prompt["text_v"]))
    shape = (batch, cfg.kv_heads, n_all, cfg.head_dim)
    for name in layer_names(model, "cache"):
        feeds[name] = torch.randn(shape, generator=gen) if stale else torch.zeros(shape)
    return feeds


def export_args(model: LuminaNextDiT2DModel, grid, text: int = 5) -> tuple[dict, list[str], list[str], dict]:
    """What ``torchscript_export`` takes for the graph: feeds, input and output names, and
    the dynamic batch, token, text, grid and table sizes."""
    feeds = make_inputs(model, grid, batch=2, n=max(1, grid[0] * grid[1] // 2), text=text, seed=0, stale=True)
    dyn = {"x": {0: "B", 1: "n"}, "token_index": {0: "B", 1: "n"}, "timestep": {0: "B"}, "caption": {0: "B"}}
    dyn.update({"text_mask": {0: "B", 1: "T"}, "rope_cos": {0: "R", 1: "C"}, "rope_sin": {0: "R", 1: "C"}, "v": {0: "B", 1: "n"}})
    dyn.update({name: {1: "B", 3: "n"} for name in ("k_new", "v_new")})
    dyn.update({name: {0: "B", 2: "T"} for name in text_names(model)})
    dyn.update({name: {0: "B", 2: "N"} for name in layer_names(model, "cache") + layer_names(model, "all")})
    return feeds, graph_inputs(model), graph_outputs(model), dyn


def export_onnx(model: LuminaNextDiT2DModel, path: Path, grid, text: int = 5, base_sequence_length: int | None = None) -> None:
    """Write the graph (weights inline) with dynamic batch, token, text, grid and table sizes."""
    model.eval()
    feeds, names, outputs, dyn = export_args(model, grid, text)
    torchscript_export(RasGraph(model, base_sequence_length), feeds, path, names, outputs, dyn)


def reference_cases(model, grid, text: int = 5, base_sequence_length: int | None = None) -> list[dict]:
    """Dense (n = N, zero caches), dense with stale caches, a stale subset, and a subset on
    another non-square grid (transposed, one row more) with more text tokens than the export
    traced; outputs from ``lumina_ras.run`` on the complex table with a Python-float scale."""
    cases = []
    for i, (name, batch, n, stale, g, t) in enumerate(prompted_case_specs(grid, text)):
        feeds = make_inputs(model, g, batch, n, t, seed=100 + i, stale=stale)
        cases.append({"name": name, "inputs": feeds, "outputs": reference(model, feeds, base_sequence_length)})
    return cases


def reference(model, feeds: dict, base_sequence_length: int | None) -> dict:
    """PyTorch's outputs by name for graph ``feeds``, through the complex RoPE path."""
    cfg = model.config
    layers = cfg.num_layers
    text = [feeds[k] for k in text_names(model)]
    prompt = {"caption": feeds["caption"], "text_k": text[:layers], "text_v": text[layers:], "mask": feeds["text_mask"].bool()}
    table = torch.complex(feeds["rope_cos"], feeds["rope_sin"])
    cache = [feeds[k] for k in layer_names(model, "cache")]
    caches = {"k": cache[:layers], "v": cache[layers:]}
    grid_w = int(feeds["grid_w"][0])
    x = patch_features(feeds["x"], cfg.patch_size, cfg.in_channels)
    with torch.no_grad():
        r = lumina_ras.run(model, x, feeds["token_index"], feeds["timestep"], prompt, table, grid_w, caches, base_sequence_length)
    return dict(zip(graph_outputs(model), (r["v"], r["k_new"], r["v_new"], *r["k_all"], *r["v_all"])))


def export_and_verify(model: LuminaNextDiT2DModel, path: Path, grid, base_sequence_length: int | None = None) -> dict:
    """Export and return onnxruntime-node's worst absolute difference to PyTorch per reference case."""
    export_onnx(model, path, grid, base_sequence_length=base_sequence_length)
    return verify_with_ort(path, reference_cases(model, grid, base_sequence_length=base_sequence_length))
