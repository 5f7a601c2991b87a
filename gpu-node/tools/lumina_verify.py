"""Checking a converted Lumina-Next model directory's four graphs against the PyTorch
module in onnxruntime-node, and the golden values a test model carries for the node's
tests (``golden.json``).

The reference is the checkpoint's model with its weights rounded to fp16, as
``model.weights`` stores them. The transformer graphs run export_lumina's four cases
(``export.prompted_case_specs``: dense, dense with stale caches, a stale subset of a
batch of 2, a subset on another non-square grid with a longer text); the prompt graph
a padded batch of 2 and a longer single prompt.
"""

from __future__ import annotations

from pathlib import Path

import torch

import export_lumina
import lumina_graph
from export import FP16_TOLERANCE, GOLDEN_TOLERANCE, cases_json, verify_with_ort
from export_prompted import rounded
from lumina_checkpoint import load_transformer
from lumina_rope import real_table, rope_table

#: Non-square: its "other grid" case (export.prompted_case_specs) is 5 × 3.
VERIFY_GRID = (3, 4)
VERIFY_TEXT = 5
#: The prompt graph's cases: (name, batch, text tokens); the last row of each padded by two.
PROMPT_CASES = (("padded_b2", 2, VERIFY_TEXT), ("longer_b1", 1, VERIFY_TEXT + 4))
#: golden.json: a small grid and text (every graph size is dynamic), RoPE tables of two grids.
GOLDEN_GRID, GOLDEN_TEXT = (2, 3), 4
GOLDEN_ROPE_GRIDS = ((3, 5), (10, 12))


def reference_model(ckpt: Path, sample_size: int):
    """The checkpoint's model in fp32 with every weight rounded to fp16 (the stored values)."""
    model = load_transformer(ckpt, sample_size=sample_size)
    with torch.no_grad():
        for t in [*model.parameters(), *model.buffers()]:
            if t.is_floating_point():
                t.copy_(t.half().float())
    return model


def prompt_cases(model, specs=PROMPT_CASES) -> list[dict]:
    """The prompt graph's reference cases (``specs``: name, batch, text length), PyTorch's outputs."""
    cases = []
    for i, (name, batch, text) in enumerate(specs):
        feeds = lumina_graph.prompt_inputs(model, batch, text, seed=200 + i)
        with torch.no_grad():
            outs = lumina_graph.PromptGraph(model)(feeds["encoder_hidden_states"], feeds["encoder_mask"])
        cases.append({"name": name, "inputs": feeds, "outputs": dict(zip(lumina_graph.prompt_outputs(model), outs))})
    return cases


def verify(ckpt: Path, out: Path, sample_size: int, base: int | None) -> dict:
    """Worst difference per graph kind and case against PyTorch; raises past the tolerance
    (1e-4 in fp32, export.FP16_TOLERANCE for the fp16 graph)."""
    model = reference_model(ckpt, sample_size)
    cases = export_lumina.reference_cases(model, VERIFY_GRID, VERIFY_TEXT, base)
    diffs = {}
    for kind in [*lumina_graph.GRAPHS, "prompt"]:
        path = out / lumina_graph.graph_file(kind)
        diffs[kind] = verify_with_ort(path, prompt_cases(model) if kind == "prompt" else cases)
        tolerance = FP16_TOLERANCE if kind == "fused_fp16" else GOLDEN_TOLERANCE
        if max(diffs[kind].values()) > tolerance:
            raise RuntimeError(f"{path} disagrees with PyTorch: {diffs[kind]} > {tolerance}")
    return diffs


def rope_golden(head_dim: int, default: list[int]) -> list[dict]:
    """``lumina_rope.real_table`` for the grids of GOLDEN_ROPE_GRIDS at the card's scaling factor
    (√(H·W) / √(default_grid area); linear_factor = it, ntk_factor = 1 below the watershed), at
    the model's ``head_dim`` and at 8 (two frequencies per axis, so θ's exponent shows)."""
    tables = []
    for hd in dict.fromkeys((head_dim, 8)):
        for h, w in GOLDEN_ROPE_GRIDS:
            factor = (h * w) ** 0.5 / (default[0] * default[1]) ** 0.5
            cos, sin = real_table(rope_table(hd, h, w, linear_factor=factor, ntk_factor=1.0))
            tables.append({"head_dim": hd, "grid": [h, w], "scaling_factor": factor, "linear_factor": factor, "ntk_factor": 1.0,
                           "dims": list(cos.shape), "cos": cos.flatten().tolist(), "sin": sin.flatten().tolist()})  # fmt: skip
    return tables


def pipeline_case(model, features: torch.Tensor, mask: torch.Tensor) -> dict:
    """The prompt graph's case on the text encoder's features of the golden prompts."""
    feeds = {"encoder_hidden_states": features, "encoder_mask": mask}
    with torch.no_grad():
        outs = lumina_graph.PromptGraph(model)(features, mask)
    return {"name": "golden_prompts", "inputs": feeds, "outputs": dict(zip(lumina_graph.prompt_outputs(model), outs))}


def golden(ckpt: Path, sample_size: int, base: int | None, default: list[int], text: tuple | None = None) -> dict:
    """What the node's tests check against: the prompt graph and the transformer on fixed
    inputs (the transformer's v and fresh rows), RoPE tables, and with ``text`` (a
    lumina_golden_text.text_golden result) the text encoder's features of two prompts and
    the prompt graph's outputs on them (``pipeline``)."""
    model = reference_model(ckpt, sample_size)
    cases = export_lumina.reference_cases(model, GOLDEN_GRID, GOLDEN_TEXT, base)
    cases = [c for c in cases if c["name"] != "dense_b2"]
    for c in cases:
        c["outputs"] = {k: c["outputs"][k] for k in ("v", "k_new", "v_new")}
    blob = {
        "tolerance": GOLDEN_TOLERANCE,
        "tolerance_fp16": FP16_TOLERANCE,
        "source": "PyTorch: lumina_ras.encode_prompt and lumina_ras.run (export_lumina.reference), weights rounded to fp16",
        "base_sequence_length": base,
        "prompt": cases_json(prompt_cases(model, (("padded_b2", 2, GOLDEN_TEXT),))),
        "transformer": cases_json(cases),
        "rope": rope_golden(model.config.head_dim, default),
    }
    if text is not None:
        blob["text_encoder"] = text[0]
        blob["pipeline"] = cases_json([pipeline_case(model, text[1], text[2])])
    return rounded(blob)

