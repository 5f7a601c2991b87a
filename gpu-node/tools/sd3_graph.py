"""The MMDiT's RAS graphs for a checkpoint of any size, without its weights in memory.

The graphs are traced on a model whose parameters are placeholders (zero-size
storage broadcast to each shape: no memory) and exported with every weight a
graph input named by its state-dict name: the traced function takes the weights
as arguments, so the exporter sees no parameters to fold, serialize or run shape
inference on. ``attach_weights`` then turns each weight
input into an fp16 external-data initializer pointing into ``model.weights``,
which sd3_weights.py writes one tensor at a time from the checkpoint, read
through a ``Cast`` to fp32 under the input's name; in the fp16 graph a stream
weight is read in fp16 as it is stored. So the three graphs share one copy of
every tensor and no step holds more than one.
"""

from __future__ import annotations

from pathlib import Path

import onnx
import torch
from onnx import TensorProto, helper

import export_mmdit
from export import torchscript_export
from fp16 import convert as to_fp16
from mmdit import MMDiTConfig, SD3Transformer2DModel

FLOAT, HALF = TensorProto.FLOAT, TensorProto.FLOAT16
#: The traced grid: small (the graph's sizes are dynamic), with a subset smaller than it.
TRACE_GRID = (2, 2)


def placeholder_model(cfg: MMDiTConfig) -> SD3Transformer2DModel:
    """The model of ``cfg`` with every parameter and persistent buffer a broadcast
    zero (shape right, storage one element)."""
    return with_placeholders(SD3Transformer2DModel.from_config(cfg, device="meta"))


def with_placeholders(model: torch.nn.Module) -> torch.nn.Module:
    """A meta-device model (any family) with its parameters and meta buffers broadcast zeros,
    its constants refilled (``reset_constants``), in eval mode."""
    for module in model.modules():
        for name, p in list(module._parameters.items()):
            if p is not None:
                module._parameters[name] = torch.nn.Parameter(torch.zeros(()).expand(p.shape), requires_grad=False)
        for name, b in list(module._buffers.items()):
            if b is not None and b.is_meta:
                module._buffers[name] = torch.zeros(()).expand(b.shape)
    model.reset_constants()
    return model.eval()


class WeightsAsInputs(torch.nn.Module):
    """A graph module of ``model`` (``export_mmdit.RasGraph`` unless ``graph`` is given) with
    the model's state dict as trailing arguments, put in the parameters' slots for the call;
    the model is held outside the module tree, so the exporter finds no parameters.
    (``functional_call`` refuses to run under a trace.)"""

    def __init__(self, model: torch.nn.Module, names: list[str], contract: int, graph: torch.nn.Module | None = None):
        super().__init__()
        self.held = [graph if graph is not None else export_mmdit.RasGraph(model)]
        self.slots = [slot(model, name) for name in names]
        self.contract = contract

    def forward(self, *args):
        saved = [table[key] for table, key in self.slots]
        for (table, key), t in zip(self.slots, args[self.contract :]):
            table[key] = t
        try:
            return self.held[0](*args[: self.contract])
        finally:
            for (table, key), t in zip(self.slots, saved):
                table[key] = t


def slot(model: torch.nn.Module, name: str) -> tuple[dict, str]:
    """The dict (``_parameters`` or ``_buffers``) and key that hold state-dict entry ``name``."""
    path, _, key = name.rpartition(".")
    module = model.get_submodule(path)  # "" (a top-level parameter): the model itself
    return (module._parameters if key in module._parameters else module._buffers), key


def export_structure(model: SD3Transformer2DModel, path: Path, attention: str) -> list[str]:
    """The graph of ``model`` with ``attention`` ("unfused" / "fused"), weights as inputs
    (those the graph never reads dropped); returns the weights it reads."""
    feeds, names, outputs, dyn = export_mmdit.export_args(model, TRACE_GRID)
    model.attention = attention
    try:
        return trace_with_weights(model, export_mmdit.RasGraph(model), (feeds, names, outputs, dyn), path)
    finally:
        model.attention = "auto"


def trace_with_weights(model: torch.nn.Module, graph: torch.nn.Module, args: tuple, path: Path) -> list[str]:
    """``graph`` (a module calling ``model``) exported to ``path`` with ``args`` = (feeds,
    input names, output names, dynamic axes) and ``model``'s state dict as trailing inputs;
    the weights the graph never reads are dropped. Returns the weights it reads."""
    feeds, names, outputs, dyn = args
    state = model.state_dict()
    feeds = {**feeds, **state}
    module = WeightsAsInputs(model, list(state), len(names), graph)
    # Traced first: torch.onnx's own tracing clones every input, a full-size copy of each weight.
    with torch.no_grad():
        traced = torch.jit.trace(module, tuple(feeds.values()), check_trace=False)
    torchscript_export(traced, feeds, path, [*names, *state], outputs, dyn)
    onnx_graph = onnx.load(str(path))
    read = {name for node in onnx_graph.graph.node for name in node.input}
    unused = [i for i in onnx_graph.graph.input if i.name in state and i.name not in read]
    for value in unused:
        onnx_graph.graph.input.remove(value)
    onnx.save(onnx_graph, str(path))
    return [i.name for i in onnx_graph.graph.input if i.name in state]


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
    dropped = {
        n.output[0] for n in g.node if n.op_type == "Cast" and n.input[0] in weights and n.output[0] == f"{n.input[0]}__fp16"
    }
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
