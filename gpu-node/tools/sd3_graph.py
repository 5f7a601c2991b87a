"""The MMDiT's RAS graphs for a checkpoint of any size, without its weights in memory.

The graphs are traced on a model whose parameters are placeholders (zero-size
storage broadcast to each shape: no memory), exported with the weights as graph
inputs named by their state-dict names (``export_params=False``, no constant
folding). ``attach_weights`` then turns each such input into an fp16 external-data
initializer pointing into ``model.weights``, which sd3_weights.py writes one tensor
at a time from the checkpoint, read through a ``Cast`` to fp32 under the input's
name; in the fp16 graph a stream weight is read in fp16 as it is stored. So the
three graphs share one copy of every tensor and no step holds more than one.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import onnx
import torch
from onnx import TensorProto, helper

import export_mmdit
from fp16 import convert as to_fp16
from mmdit import MMDiTConfig, SD3Transformer2DModel

FLOAT, HALF = TensorProto.FLOAT, TensorProto.FLOAT16
#: The exporter's name for the wrapped model's parameters (export_mmdit.RasGraph.model).
WRAPPER_PREFIX = "model."
#: The traced grid: small (the graph's sizes are dynamic), with a subset smaller than it.
TRACE_GRID = (2, 2)


def placeholder_model(cfg: MMDiTConfig) -> SD3Transformer2DModel:
    """The model of ``cfg`` with every parameter and persistent buffer a broadcast
    zero (shape right, storage one element)."""
    model = SD3Transformer2DModel.from_config(cfg, device="meta")
    for module in model.modules():
        for name, p in list(module._parameters.items()):
            if p is not None:
                module._parameters[name] = torch.nn.Parameter(torch.zeros(()).expand(p.shape), requires_grad=False)
        for name, b in list(module._buffers.items()):
            if b is not None and b.is_meta:
                module._buffers[name] = torch.zeros(()).expand(b.shape)
    model.reset_constants()
    return model.eval()


@contextlib.contextmanager
def no_initializer_dedup():
    """torch.onnx merges weights that compare equal; every placeholder does, and the
    real tensors are distinct, so the pass is skipped for this export."""
    name = "_jit_pass_onnx_deduplicate_initializers"
    original = getattr(torch._C, name, None)
    if original is not None:
        setattr(torch._C, name, lambda graph, params, *rest: params)
    try:
        yield
    finally:
        if original is not None:
            setattr(torch._C, name, original)


def export_structure(model: SD3Transformer2DModel, path: Path, attention: str) -> None:
    """The graph of ``model`` with ``attention`` ("unfused" / "fused"), weights as inputs."""
    model.attention = attention
    try:
        with no_initializer_dedup():
            export_mmdit.export_onnx(model, path, TRACE_GRID, params=False)
    finally:
        model.attention = "auto"


def weight_inputs(graph: onnx.GraphProto, contract: set[str]) -> list[str]:
    """Renames the graph's weight inputs to their state-dict names; returns those names."""
    renamed = {i.name: i.name[len(WRAPPER_PREFIX) :] for i in graph.input if i.name not in contract}
    for value in graph.input:
        value.name = renamed.get(value.name, value.name)
    for node in graph.node:
        for k, name in enumerate(node.input):
            node.input[k] = renamed.get(name, name)
    return list(renamed.values())


def fp16_graph(fused: onnx.ModelProto) -> onnx.ModelProto:
    """The fused graph with the token stream in fp16 (fp16.py), weights still inputs."""
    half = onnx.ModelProto()
    half.CopyFrom(fused)
    return to_fp16(half)


def attach_weights(model: onnx.ModelProto, weights: dict[str, dict], location: str) -> None:
    """Weight inputs -> fp16 initializers ``<name>__fp16`` in ``location`` (``weights``:
    name -> {offset, length, dims}), read in fp32 through one Cast; a Cast to fp16 that
    fp16.py put in front of a weight (its output already named ``<name>__fp16``) goes."""
    g = model.graph
    names = [i.name for i in g.input if i.name in weights]
    keep = [i for i in g.input if i.name not in weights]
    del g.input[:]
    g.input.extend(keep)
    dropped = {n.output[0] for n in g.node if n.op_type == "Cast" and n.input[0] in weights and n.output[0] == f"{n.input[0]}__fp16"}
    nodes = [n for n in g.node if not (n.op_type == "Cast" and n.output[0] in dropped)]
    readers = {name for n in nodes for name in n.input}
    casts = []
    for name in names:
        w = weights[name]
        tensor = TensorProto(name=f"{name}__fp16", data_type=HALF, dims=w["dims"])
        for key, value in (("location", location), ("offset", str(w["offset"])), ("length", str(w["length"]))):
            entry = tensor.external_data.add()
            entry.key, entry.value = key, value
        tensor.data_location = TensorProto.EXTERNAL
        g.initializer.append(tensor)
        if name in readers:
            casts.append(helper.make_node("Cast", [tensor.name], [name], to=FLOAT, name=f"{name}__to_fp32"))
    del g.node[:]
    g.node.extend([*casts, *nodes])
