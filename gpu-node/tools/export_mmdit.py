"""Export the MMDiT's RAS forward to ONNX (the proposed ``ras-ready/3`` I/O,
docs/model-contract.md) and check it against PyTorch in onnxruntime.

Opset 17 with torch 1.13's TorchScript exporter, as export.py does for the
DiT: attention spelled out (``unfused``) or one ``com.microsoft``
``MultiHeadAttention`` node per attention (``fused``). The caches are one
tensor per layer in and out; MMDiT-X's ``attn2`` caches are named by block.
This is the graph only: convert.py's ``sd3`` subcommand writes a model directory
from a checkpoint (sd3_graph.py streams the weights into these graphs).
"""

from __future__ import annotations

from pathlib import Path

import torch

import mmdit_ras
from export import prompted_case_specs, torchscript_export, verify_with_ort
from mmdit import SD3Transformer2DModel

#: Inputs before the caches.
HEAD_INPUTS = ["x", "token_index", "timestep", "encoder_hidden_states", "pooled_projections", "grid_w"]


def cache_names(model: SD3Transformer2DModel, kind: str) -> list[str]:
    """``cache`` inputs or ``all`` outputs: k_<kind>_<l>, v_<kind>_<l>, then attn2's k2 / v2."""
    layers, dual = range(model.config.num_layers), model.dual_layers
    names = [f"k_{kind}_{i}" for i in layers] + [f"v_{kind}_{i}" for i in layers]
    return names + [f"k2_{kind}_{i}" for i in dual] + [f"v2_{kind}_{i}" for i in dual]


def graph_inputs(model) -> list[str]:
    return HEAD_INPUTS + cache_names(model, "cache")


def graph_outputs(model) -> list[str]:
    fresh = ["k2_new", "v2_new"] if model.dual_layers else []
    return ["v", "k_new", "v_new", *fresh, *cache_names(model, "all")]


class RasGraph(torch.nn.Module):
    """``mmdit_ras.run`` with flat per-layer cache arguments, the graph's shape."""

    def __init__(self, model: SD3Transformer2DModel):
        super().__init__()
        self.model = model

    def forward(self, x, token_index, timestep, encoder_hidden_states, pooled_projections, grid_w, *flat):
        layers, duals = self.model.config.num_layers, len(self.model.dual_layers)
        caches = {
            "k": list(flat[:layers]),
            "v": list(flat[layers : 2 * layers]),
            "k2": list(flat[2 * layers : 2 * layers + duals]),
            "v2": list(flat[2 * layers + duals :]),
        }
        r = mmdit_ras.run(self.model, x, token_index, timestep, encoder_hidden_states, pooled_projections, grid_w, caches)
        fresh = [r["k2_new"], r["v2_new"]] if duals else []
        return (r["v"], r["k_new"], r["v_new"], *fresh, *r["k_all"], *r["v_all"], *r.get("k2_all", []), *r.get("v2_all", []))


def make_inputs(model, grid, batch: int, n: int, text: int, seed: int, stale: bool) -> dict:
    """Deterministic graph inputs by name; ``stale`` caches are random, others zeros."""
    cfg = model.config
    gen = torch.Generator().manual_seed(seed)
    n_all = grid[0] * grid[1]
    index = torch.stack([torch.randperm(n_all, generator=gen)[:n].sort().values for _ in range(batch)])
    shape = (batch, cfg.num_attention_heads, n_all, cfg.attention_head_dim)
    feeds = {
        "x": torch.randn(batch, n, cfg.patch_size**2 * cfg.in_channels, generator=gen),
        "token_index": index.to(torch.int64),
        "timestep": torch.rand(batch, generator=gen) * 1000,
        "encoder_hidden_states": torch.randn(batch, text, cfg.joint_attention_dim, generator=gen),
        "pooled_projections": torch.randn(batch, cfg.pooled_projection_dim, generator=gen),
        "grid_w": torch.tensor([grid[1]], dtype=torch.int64),
    }
    for name in cache_names(model, "cache"):
        feeds[name] = torch.randn(shape, generator=gen) if stale else torch.zeros(shape)
    return feeds


def export_args(model: SD3Transformer2DModel, grid, text: int = 5) -> tuple[dict, list[str], list[str], dict]:
    """What ``torchscript_export`` takes for the graph: feeds, input and output names, and
    the dynamic batch, token, text and grid sizes."""
    n_all = grid[0] * grid[1]
    feeds = make_inputs(model, grid, batch=2, n=max(1, n_all // 2), text=text, seed=0, stale=True)
    names = graph_inputs(model)
    dyn = {"x": {0: "B", 1: "n"}, "token_index": {0: "B", 1: "n"}, "timestep": {0: "B"}}
    dyn.update({"encoder_hidden_states": {0: "B", 1: "T"}, "pooled_projections": {0: "B"}, "v": {0: "B", 1: "n"}})
    dyn.update({name: {1: "B", 3: "n"} for name in ("k_new", "v_new", "k2_new", "v2_new")})
    dyn.update({name: {0: "B", 2: "N"} for name in cache_names(model, "cache") + cache_names(model, "all")})
    outputs = graph_outputs(model)
    dyn = {k: v for k, v in dyn.items() if k in names or k in outputs}
    return feeds, names, outputs, dyn


def export_onnx(model: SD3Transformer2DModel, path: Path, grid, text: int = 5) -> None:
    """Write the graph (weights inline) with dynamic batch, token, text and grid sizes."""
    model.eval()
    feeds, names, outputs, dyn = export_args(model, grid, text)
    torchscript_export(RasGraph(model), feeds, path, names, outputs, dyn)


def reference_cases(model, grid, text: int = 5) -> list[dict]:
    """Dense (n = N, zero caches), dense with stale caches, a stale subset, and a
    subset on another grid (transposed, one row more) with more text tokens than
    the export traced; with PyTorch's outputs."""
    cases = []
    for i, (name, batch, n, stale, g, t) in enumerate(prompted_case_specs(grid, text)):
        feeds = make_inputs(model, g, batch, n, t, seed=100 + i, stale=stale)
        with torch.no_grad():
            outs = RasGraph(model)(*(feeds[k] for k in graph_inputs(model)))
        cases.append({"name": name, "inputs": feeds, "outputs": dict(zip(graph_outputs(model), outs))})
    return cases


def export_and_verify(model: SD3Transformer2DModel, path: Path, grid, attention: str = "unfused") -> dict:
    """Export with ``attention`` ("unfused" or "fused") and return onnxruntime's
    worst absolute difference to PyTorch per reference case."""
    model.attention = attention
    try:
        export_onnx(model, path, grid)
        model.attention = "unfused"
        return verify_with_ort(path, reference_cases(model, grid))
    finally:
        model.attention = "auto"
