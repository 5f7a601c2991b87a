"""Weights stored in 16 bits, computed in 32.

The exporter rounds a model's weights to fp16 before it exports anything
(``round_weights``), so the PyTorch forward the graphs are checked against —
the card's measured differences, ``golden.json`` — is the model the files hold.
Then every large fp32 initializer, now exactly representable, is stored as fp16
with one ``Cast`` back to fp32 in front of it (``store_half``). onnxruntime folds
a Cast of a constant when it creates a session (constant folding, optimisation
level basic and above), so every op still runs in fp32 on the same values; only
the weights file halves. The fp16 graph's stream weights are these same fp16
tensors, so ``shared_weights`` stores each once for all three graphs.

fp16 rather than bf16: 11 significant bits against 8, and trained weights sit
far inside fp16's range (shapes-dit: |w| ≤ 0.58, 0.14% of them below fp16's
smallest normal 6.1e-5, kept as subnormals; docs/model-contract.md).
"""

from __future__ import annotations

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper, numpy_helper

from shared_weights import INLINE_BYTES

FLOAT, HALF = TensorProto.FLOAT, TensorProto.FLOAT16


def round_weights(model: torch.nn.Module) -> None:
    """Rounds every floating-point parameter of ``model`` to fp16 precision, in place (kept fp32)."""
    with torch.no_grad():
        for p in model.parameters():
            if p.is_floating_point():
                p.copy_(p.half().float())


def store_half(model: onnx.ModelProto) -> list[str]:
    """Stores ``model``'s large fp32 initializers as fp16, each read through a Cast to
    fp32 under its old name; in place. Only tensors that fp16 holds exactly are
    converted (the storage loses nothing); the names of the large ones left in
    fp32 are returned. A tensor whose fp16 form would stay inline (under
    ``INLINE_BYTES``) is left as it is."""
    g = model.graph
    casts, kept = [], []
    for init in g.initializer:
        if init.data_type != FLOAT or not init.HasField("raw_data") or len(init.raw_data) < 2 * INLINE_BYTES:
            continue
        values = numpy_helper.to_array(init)
        half = values.astype(np.float16)
        if not np.array_equal(half.astype(np.float32), values):
            kept.append(init.name)
            continue
        name = init.name
        init.CopyFrom(numpy_helper.from_array(half, f"{name}__fp16"))
        casts.append(helper.make_node("Cast", [init.name], [name], to=FLOAT, name=f"{name}__to_fp32"))
    nodes = [*casts, *g.node]
    del g.node[:]
    g.node.extend(nodes)
    return kept
