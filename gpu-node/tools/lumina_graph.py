"""Lumina-Next's four graphs for a checkpoint of any size, without its weights in memory
(docs/model-contract.md, "Lumina-Next in latent space").

As sd3_graph.py does for the MMDiT: traced on a model whose parameters are
placeholders (broadcast zeros), every weight a graph input named by its diffusers
state-dict name, later turned into an fp16 external-data initializer in
``model.weights`` (``sd3_graph.attach_weights``), so all four graphs share one copy
of each tensor, streamed from the checkpoint by sd3_weights.py.

- ``unfused``: the RAS forward (export_lumina.RasGraph), attention spelled out;
- ``fused``: the self-attention as one ``com.microsoft::MultiHeadAttention`` (its K/V
  heads expanded to the query heads). The cross-attention stays spelled out: it needs
  the text mask, which MultiHeadAttention takes only as ``key_padding_mask``, an input
  WebGPU's kernel refuses (onnxruntime's contrib_ops/webgpu/bert/multihead_attention.cc:
  "not implemented for webgpu"); it reads at most 256 text keys, a small part of a step;
- ``fused_fp16``: ``fused`` with ``x``, ``v``, the caches and the text K/V in fp16 (fp16.py);
- ``prompt``: ``lumina_ras.encode_prompt``, Gemma features and mask -> ``caption`` and
  every layer's ``text_k_<l>`` / ``text_v_<l>``, once per prompt.
"""

from __future__ import annotations

from pathlib import Path

import onnx
import torch

import export_lumina
import lumina_ras
import sd3_graph
from lumina_next import LuminaNextConfig, LuminaNextDiT2DModel

#: Graph kind -> file in the model directory.
GRAPHS = {"unfused": "transformer.onnx", "fused": "transformer.fused.onnx", "fused_fp16": "transformer.fused.fp16.onnx"}
PROMPT_GRAPH = "transformer.prompt.onnx"
#: The traced grid (the graphs' sizes are dynamic) and text length.
TRACE_GRID = (2, 3)
TRACE_TEXT = 5


def placeholder_model(cfg: LuminaNextConfig) -> LuminaNextDiT2DModel:
    """The model of ``cfg`` with every parameter a broadcast zero (no memory)."""
    return sd3_graph.with_placeholders(LuminaNextDiT2DModel.from_config(cfg, device="meta"))


def set_fused(model: LuminaNextDiT2DModel, fused: bool) -> None:
    """Export every self-attention as one MultiHeadAttention node (``fused``) or spelled out."""
    for layer in model.layers:
        layer.attn1.fused = fused


class PromptGraph(torch.nn.Module):
    """``lumina_ras.encode_prompt`` with flat outputs: caption, text_k_<l>…, text_v_<l>…."""

    def __init__(self, model: LuminaNextDiT2DModel):
        super().__init__()
        self.held = [model]

    def forward(self, encoder_hidden_states, encoder_mask):
        p = lumina_ras.encode_prompt(self.held[0], encoder_hidden_states, encoder_mask)
        return (p["caption"], *p["text_k"], *p["text_v"])


def prompt_outputs(model: LuminaNextDiT2DModel) -> list[str]:
    """The prompt graph's outputs: caption, then every layer's text_k, then text_v."""
    return ["caption", *export_lumina.text_names(model)]


def prompt_inputs(model: LuminaNextDiT2DModel, batch: int, text: int, seed: int) -> dict:
    """Gemma-like features and a mask whose last row is padded by two tokens."""
    gen = torch.Generator().manual_seed(seed)
    mask = torch.ones(batch, text, dtype=torch.int64)
    mask[-1, -2:] = 0
    features = torch.randn(batch, text, model.config.cross_attention_dim, generator=gen)
    return {"encoder_hidden_states": features, "encoder_mask": mask}


def prompt_args(model: LuminaNextDiT2DModel) -> tuple[dict, list[str], list[str], dict]:
    """The prompt graph's feeds, input and output names, and dynamic batch and text sizes."""
    feeds = prompt_inputs(model, 2, TRACE_TEXT, seed=0)
    outputs = prompt_outputs(model)
    dyn = {"encoder_hidden_states": {0: "B", 1: "T"}, "encoder_mask": {0: "B", 1: "T"}, "caption": {0: "B"}}
    dyn.update({name: {0: "B", 2: "T"} for name in outputs[1:]})
    return feeds, list(feeds), outputs, dyn


def build_graphs(cfg: LuminaNextConfig, tmp: Path, base_sequence_length: int | None) -> tuple[dict, set[str], dict, int]:
    """The four graphs with weights as inputs (kind -> ModelProto; "prompt" for the prompt
    graph), the weights they read, the state dict's shapes and the parameter count."""
    model = placeholder_model(cfg)
    graphs, used = {}, set()
    for kind in ("unfused", "fused"):
        path = tmp / f"{kind}.onnx"
        set_fused(model, kind == "fused")
        try:
            args = export_lumina.export_args(model, TRACE_GRID, TRACE_TEXT)
            used.update(sd3_graph.trace_with_weights(model, export_lumina.RasGraph(model, base_sequence_length), args, path))
        finally:
            set_fused(model, False)
        graphs[kind] = onnx.load(str(path))
    graphs["fused_fp16"] = sd3_graph.fp16_graph(graphs["fused"])
    path = tmp / "prompt.onnx"
    used.update(sd3_graph.trace_with_weights(model, PromptGraph(model), prompt_args(model), path))
    graphs["prompt"] = onnx.load(str(path))
    shapes = {k: tuple(v.shape) for k, v in model.state_dict().items()}
    return graphs, used, shapes, sum(p.numel() for p in model.parameters())


def graph_file(kind: str) -> str:
    """The model directory's file of a graph kind."""
    return PROMPT_GRAPH if kind == "prompt" else GRAPHS[kind]
