"""Gemma's penultimate hidden state as an ONNX graph: Lumina-Next's text-encoder stage.

    /usr/bin/python3 gpu-node/tools/export_gemma.py TEXT_ENCODER_DIR --out OUT_DIR [--no-verify]

Lumina reads ``hidden_states[-2]`` of transformers' ``GemmaModel``: the output of the first
N − 1 decoder layers, not through the final norm. optimum's export gives only
``last_hidden_state`` (after the norm), so the graph is built here (docs/model-contract.md,
the NextDiT section's ``text_encoder/`` row): ``input_ids`` i64 [B, T] and
``attention_mask`` i64 [B, T] → ``hidden_states.{N−1}`` f32 [B, T, hidden], positions
0..T−1 (right padding), the last layer and the final norm never run.

As sd3_graph.py does for the MMDiT, the graph is traced on a model whose parameters are
placeholders (no memory), with every weight a graph input; each tensor the graph reads is
then streamed from the checkpoint into ``model.onnx_data`` in fp16 (sd3_weights.py) and
read through a Cast to fp32, so Gemma-2B's 10 GB of fp32 safetensors never sit in memory
and every op runs in fp32. ``verify`` runs the graph in onnxruntime-node against the
PyTorch module with its weights rounded to fp16 (the model the file holds) on a right-padded
batch of 2 — that check loads the whole model (10 GB in fp32 for Gemma-2B).
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path

import onnx
import torch

import sd3_graph
from export import torchscript_export, verify_with_ort
from gemma import GemmaConfig, GemmaModel
from gemma_checkpoint import load_text_encoder, open_text_encoder, text_encoder_folder
from half_storage import round_weights
from sd3_weights import write_weights

INPUTS = ["input_ids", "attention_mask"]
#: The traced batch and length (both dynamic in the graph).
TRACE_SHAPE = (2, 5)
WEIGHTS = "model.onnx_data"


class Penultimate(torch.nn.Module):
    """``GemmaModel.encode`` through ``layers`` layers: the graph's forward."""

    def __init__(self, model: GemmaModel, layers: int):
        super().__init__()
        self.model, self.layers = model, layers

    def forward(self, input_ids, attention_mask):
        return self.model.encode(input_ids, attention_mask, self.layers)


class WeightsAsInputs(sd3_graph.WeightsAsInputs):
    """sd3_graph's weights-as-arguments wrapper, holding the encoder's forward instead of the MMDiT's."""

    def __init__(self, model: GemmaModel, names: list[str], layers: int):
        super().__init__(model, names, len(INPUTS))
        self.held = [Penultimate(model, layers)]


def placeholder_model(cfg: GemmaConfig) -> GemmaModel:
    """GemmaModel of ``cfg`` with every parameter a broadcast zero (shape right, one element of storage)."""
    model = GemmaModel(cfg, device="meta")
    for module in model.modules():
        for name, p in list(module._parameters.items()):
            if p is not None:
                module._parameters[name] = torch.nn.Parameter(torch.zeros(()).expand(p.shape), requires_grad=False)
    return model.eval()


def export_structure(model: GemmaModel, layers: int, path: Path, output: str) -> list[str]:
    """The graph with weights as inputs, those it never reads dropped; returns the weights it reads."""
    b, t = TRACE_SHAPE
    state = model.state_dict()
    feeds = {"input_ids": torch.zeros(b, t, dtype=torch.int64), "attention_mask": torch.ones(b, t, dtype=torch.int64), **state}
    with torch.no_grad():
        traced = torch.jit.trace(WeightsAsInputs(model, list(state), layers), tuple(feeds.values()), check_trace=False)
    dyn = {name: {0: "B", 1: "T"} for name in [*INPUTS, output]}
    torchscript_export(traced, feeds, path, [*INPUTS, *state], [output], dyn)
    graph = onnx.load(str(path))
    read = {name for node in graph.graph.node for name in node.input}
    for value in [i for i in graph.graph.input if i.name in state and i.name not in read]:
        graph.graph.input.remove(value)
    onnx.save(graph, str(path))
    return [i.name for i in graph.graph.input if i.name in state]


def export_text_encoder(folder: Path, out_dir: Path, *, verify: bool = True) -> dict:
    """Writes ``out_dir/model.onnx``, ``model.onnx_data`` (fp16) and ``config.json`` (copied) for the
    Gemma folder ``folder``; returns {"hidden": output name, "hidden_dim", "layers": layers run,
    "max_diff": the worst difference against PyTorch, None without ``verify``}."""
    folder = text_encoder_folder(folder)
    cfg, shapes, tensors = open_text_encoder(folder)
    layers = cfg.num_hidden_layers - 1
    hidden = f"hidden_states.{layers}"
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        structure = Path(tmp) / "structure.onnx"
        used = export_structure(placeholder_model(cfg), layers, structure, hidden)
        graph = onnx.load(str(structure))
    placed = write_weights(tensors, shapes, set(used), out_dir / WEIGHTS, str(folder))
    sd3_graph.attach_weights(graph, placed, WEIGHTS)
    onnx.save(graph, str(out_dir / "model.onnx"))
    onnx.checker.check_model(str(out_dir / "model.onnx"))
    shutil.copyfile(folder / "config.json", out_dir / "config.json")
    diff = verify_export(folder, out_dir / "model.onnx", hidden) if verify else None
    return {"hidden": hidden, "hidden_dim": cfg.hidden_size, "layers": layers, "max_diff": diff}


def reference_cases(model: GemmaModel, output: str) -> list[dict]:
    """A batch of 2, the second right-padded (``<pad>`` ids, mask 0), at two lengths neither traced."""
    gen = torch.Generator().manual_seed(0)
    cases = []
    for t in (7, 12):
        ids = torch.randint(4, model.cfg.vocab_size, (2, t), generator=gen)
        mask = torch.ones(2, t, dtype=torch.int64)
        mask[1, t // 2 :] = 0
        ids[1, t // 2 :] = 0
        with torch.no_grad():
            want = model(ids, mask)[-2]  # transformers' hidden_states[-2], what Lumina reads
        cases.append({"name": f"padded_b2_t{t}", "inputs": {"input_ids": ids, "attention_mask": mask}, "outputs": {output: want}})
    return cases


def verify_export(folder: Path, graph: Path, output: str) -> float:
    """The graph's worst difference from the PyTorch module (fp16-rounded weights) on ``reference_cases``."""
    model = load_text_encoder(folder)
    round_weights(model)
    return max(verify_with_ort(graph, reference_cases(model, output)).values())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path, help="a transformers Gemma folder, or a pipeline folder holding text_encoder/")
    ap.add_argument("--out", type=Path, required=True, help="the folder to write model.onnx, model.onnx_data, config.json into")
    ap.add_argument("--no-verify", action="store_true", help="skip the onnxruntime check (it loads the whole model)")
    args = ap.parse_args()
    print(json.dumps(export_text_encoder(args.folder, args.out, verify=not args.no_verify)))


if __name__ == "__main__":
    main()
