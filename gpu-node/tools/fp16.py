"""An fp16 version of an exported RAS-ready graph, converted deliberately.

A blanket conversion puts everything in half precision, casts around every op
it cannot handle, and turns the sinusoidal embeddings to noise (σ·1000 has a
resolution of 0.5 in fp16). Here the rule is the data flow instead:

- the *token stream* — every value computed from ``x`` or the K/V caches — is
  fp16: the inputs ``x`` and ``k_cache_<l>`` / ``v_cache_<l>`` (and an MMDiT-X's
  ``k2_cache_<l>`` / ``v2_cache_<l>``, a NextDiT's per-prompt ``text_k_<l>`` /
  ``text_v_<l>``), every layer's
  activations, the caches it returns and ``v``;
- the *conditioning* — the timestep and class embeddings, adaLN's
  modulations, the 2-D position embedding — stays fp32 and is cast once where
  it meets the stream; weights used only by the stream are stored in fp16.

export.py writes it beside the fp32 graphs (``model.fused.fp16.onnx``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

FLOAT, HALF = TensorProto.FLOAT, TensorProto.FLOAT16


def stream_inputs(graph: onnx.GraphProto) -> set[str]:
    # k2 / v2: MMDiT-X's attn2; text_k / text_v: a NextDiT's per-prompt cross-attention K/V
    caches = ("k_cache_", "v_cache_", "k2_cache_", "v2_cache_", "text_k_", "text_v_")
    return {i.name for i in graph.input if i.name == "x" or i.name.startswith(caches)}


def float_values(model: onnx.ModelProto) -> set[str]:
    """Names of the fp32 tensors: typed by shape inference, initializers and constants;
    MultiHeadAttention (a com.microsoft op inference does not know) returns its query's type."""
    typed = onnx.ModelProto()
    typed.CopyFrom(model)
    for n in typed.graph.node:
        if n.op_type == "MultiHeadAttention":
            typed.graph.value_info.append(helper.make_tensor_value_info(n.output[0], FLOAT, None))
    g = onnx.shape_inference.infer_shapes(typed).graph
    floats = {v.name for v in [*g.value_info, *g.input, *g.output] if v.type.tensor_type.elem_type == FLOAT}
    floats |= {t.name for t in g.initializer if t.data_type == FLOAT}
    for n in g.node:
        if n.op_type == "Constant" and n.attribute[0].t.data_type == FLOAT:
            floats.add(n.output[0])
    return floats


def convert(model: onnx.ModelProto, base_dir: Path | None = None) -> onnx.ModelProto:
    """The fp16 graph of ``model``, by the rule in the module docstring. Weights stored as
    external data are read from ``base_dir`` where the stream needs them in fp16."""
    floats = float_values(model)
    g = model.graph
    stream = set(stream_inputs(g))
    half_nodes = []
    for node in g.node:  # graph order is topological
        if any(i in stream for i in node.input):
            stream.update(node.output)
            half_nodes.append(node)
    half = stream & floats
    inits = {t.name: t for t in g.initializer}
    consumers: dict[str, list[onnx.NodeProto]] = {}
    for node in g.node:
        for i in node.input:
            consumers.setdefault(i, []).append(node)
    half_ids = {id(n) for n in half_nodes}
    casts: dict[str, str] = {}
    new_nodes = []
    for node in g.node:
        if id(node) in half_ids:
            for k, name in enumerate(node.input):
                if name in floats and name not in half:
                    node.input[k] = to_half(name, inits, consumers, half_ids, casts, new_nodes, base_dir)
            retype(node)
        new_nodes.append(node)
    del g.node[:]
    g.node.extend(new_nodes)
    for value in [*g.input, *g.output]:
        if value.name in half:
            value.type.tensor_type.elem_type = HALF
    del g.value_info[:]
    return model


def to_half(name, inits, consumers, half_ids, casts, new_nodes, base_dir) -> str:
    """The fp16 version of the fp32 value ``name`` for a stream node: the initializer
    itself when only the stream reads it, else one Cast shared by every reader."""
    init = inits.get(name)
    if init is not None and all(id(c) in half_ids for c in consumers[name]):
        if init.data_type == FLOAT:
            values = numpy_helper.to_array(init, str(base_dir or ""))
            init.CopyFrom(numpy_helper.from_array(values.astype(np.float16), name))
        return name
    if name not in casts:
        casts[name] = f"{name}__fp16"
        new_nodes.append(helper.make_node("Cast", [name], [casts[name]], to=HALF, name=f"{name}__to_fp16"))
    return casts[name]


def retype(node: onnx.NodeProto) -> None:
    """Ops of the stream whose attributes name fp32 produce fp16 instead."""
    for attr in node.attribute:
        if node.op_type == "Cast" and attr.name == "to" and attr.i == FLOAT:
            attr.i = HALF
        if node.op_type == "ConstantOfShape" and attr.name == "value" and attr.t.data_type == FLOAT:
            attr.t.CopyFrom(numpy_helper.from_array(numpy_helper.to_array(attr.t).astype(np.float16)))
