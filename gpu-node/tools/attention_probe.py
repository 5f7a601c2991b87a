"""One-node attention graphs on the WebGPU provider against the CPU provider
(docs/gpu.md, "FlashAttention's numerics").

Builds a ``com.microsoft`` ``MultiHeadAttention`` node in the exporter's form
(query [B, n, H·d], key / value [B, H, N, d]) and the unfused
MatMul–Softmax–MatMul it replaces, runs each on both providers with the same
random inputs (attention_probe.mjs) and prints the max abs difference per
variant as JSON lines. Needs only ``onnx`` and ``node``:

    /usr/bin/python3 gpu-node/tools/attention_probe.py            # the default sweep
    /usr/bin/python3 gpu-node/tools/attention_probe.py --shape 2,64,64,3,64
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper

TOOLS = Path(__file__).resolve().parent
#: (B, n, N, H, d): below and above the 32 queries where onnxruntime switches to its prefill kernel.
SWEEP = [(1, 16, 64, 1, 64), (1, 31, 64, 1, 64), (1, 32, 16, 1, 64), (1, 64, 64, 1, 64), (2, 64, 64, 3, 64), (2, 256, 256, 2, 24)]


def value(name: str, dims: list[int]):
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, dims)


def fused(b: int, n: int, big_n: int, h: int, d: int) -> onnx.ModelProto:
    node = helper.make_node("MultiHeadAttention", ["q", "k", "v"], ["o"], domain="com.microsoft", num_heads=h)
    inputs = [value("q", [b, n, h * d]), value("k", [b, h, big_n, d]), value("v", [b, h, big_n, d])]
    graph = helper.make_graph([node], "fused", inputs, [value("o", [b, n, h * d])])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)])


def unfused(b: int, n: int, big_n: int, h: int, d: int) -> onnx.ModelProto:
    scale = helper.make_tensor("scale", TensorProto.FLOAT, [], [1 / np.sqrt(d)])
    nodes = [
        helper.make_node("Reshape", ["q", "qshape"], ["q4"]),
        helper.make_node("Transpose", ["q4"], ["qh"], perm=[0, 2, 1, 3]),
        helper.make_node("Transpose", ["k"], ["kt"], perm=[0, 1, 3, 2]),
        helper.make_node("MatMul", ["qh", "kt"], ["s0"]),
        helper.make_node("Mul", ["s0", "scale"], ["s"]),
        helper.make_node("Softmax", ["s"], ["p"], axis=-1),
        helper.make_node("MatMul", ["p", "v"], ["oh"]),
        helper.make_node("Transpose", ["oh"], ["o4"], perm=[0, 2, 1, 3]),
        helper.make_node("Reshape", ["o4", "oshape"], ["o"]),
    ]
    shapes = [helper.make_tensor("qshape", TensorProto.INT64, [4], [b, n, h, d]), helper.make_tensor("oshape", TensorProto.INT64, [3], [b, n, h * d])]
    inputs = [value("q", [b, n, h * d]), value("k", [b, h, big_n, d]), value("v", [b, h, big_n, d])]
    graph = helper.make_graph(nodes, "unfused", inputs, [value("o", [b, n, h * d])], [scale, *shapes])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])


def probe(shape: tuple[int, ...], tmp: Path) -> list[dict]:
    rows = []
    for name, build in (("fused", fused), ("unfused", unfused)):
        path = tmp / f"{name}.onnx"
        onnx.save(build(*shape), str(path))
        out = subprocess.run(["node", str(TOOLS / "attention_probe.mjs"), str(path)], check=True, stdout=subprocess.PIPE, text=True)
        b, n, big_n, h, d = shape
        rows.append({"graph": name, "B": b, "n": n, "N": big_n, "heads": h, "head_dim": d, **json.loads(out.stdout)})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shape", type=lambda t: tuple(int(v) for v in t.split(",")), action="append", help="B,n,N,heads,head_dim")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for shape in args.shape or SWEEP:
            for row in probe(shape, Path(tmp)):
                print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
