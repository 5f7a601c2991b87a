"""Several ONNX graphs of one model over one weights file.

The exporter writes the same weights twice (an unfused and a fused attention
graph); storing them once as ONNX external data keeps the repository and the
node's memory-mapped files at one copy. Initializers are matched by content, so
graphs whose exporter named or ordered the same tensor differently still share
it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import onnx
from onnx import TensorProto
from onnx.external_data_helper import load_external_data_for_tensor, uses_external_data

#: Initializers smaller than this stay inside the graph (shapes, scalars).
INLINE_BYTES = 1024


def save_with_shared_weights(
    graphs: dict[Path, onnx.ModelProto], weights: Path, external_dirs: dict[Path, Path] | None = None
) -> None:
    """Save every graph with its large initializers in ``weights`` (deduplicated by content).
    A graph's initializers that are still external data are read, one at a time, from its
    folder in ``external_dirs``."""
    offsets: dict[str, tuple[int, int]] = {}
    with weights.open("wb") as blob:
        for path, model in graphs.items():
            for tensor in model.graph.initializer:
                if uses_external_data(tensor):
                    load_external_data_for_tensor(tensor, str((external_dirs or {})[path]))
                    tensor.ClearField("data_location")
                    del tensor.external_data[:]
                if not tensor.HasField("raw_data") or len(tensor.raw_data) < INLINE_BYTES:
                    continue
                key = hashlib.sha256(tensor.raw_data).hexdigest() + str(tensor.data_type) + str(list(tensor.dims))
                if key not in offsets:
                    offsets[key] = (blob.tell(), len(tensor.raw_data))
                    blob.write(tensor.raw_data)
                    # Offsets aligned to 64 bytes, as onnx's own external-data writer may mmap them.
                    blob.write(b"\0" * (-blob.tell() % 64))
                offset, length = offsets[key]
                point_at(tensor, weights.name, offset, length)
    for path, model in graphs.items():
        onnx.save(model, str(path))


def point_at(tensor: TensorProto, location: str, offset: int, length: int) -> None:
    tensor.ClearField("raw_data")
    del tensor.external_data[:]
    for key, value in (("location", location), ("offset", str(offset)), ("length", str(length))):
        entry = tensor.external_data.add()
        entry.key, entry.value = key, value
    tensor.data_location = TensorProto.EXTERNAL
