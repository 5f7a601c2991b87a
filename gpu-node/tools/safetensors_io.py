"""A lazy reader and a streaming writer of the safetensors format (Debian has no
safetensors package).

A file is an 8-byte little-endian header length N, N bytes of JSON (``{name:
{"dtype", "shape", "data_offsets": [begin, end]}, "__metadata__": {str: str}}``,
offsets relative to the data that follows), then the raw little-endian tensors.
Opening a file reads only its header; ``get`` maps one tensor (a zero-copy view
of the memory-mapped file, pages read on use), so a checkpoint is never in
memory twice. A sharded folder is the ``*.safetensors.index.json`` beside its
shards (``weight_map``: name -> shard file), as diffusers and transformers save.
The header is validated before any tensor is read: bounds, overlaps and gaps,
sizes against shapes, dtypes; each error names the file and the tensor.
"""

from __future__ import annotations

import json
import mmap
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

#: safetensors dtype -> (numpy storage dtype, torch dtype, item size). BF16 is read
#: as 16-bit integers and reinterpreted (numpy has no bfloat16).
DTYPES = {
    "F64": ("<f8", torch.float64, 8),
    "F32": ("<f4", torch.float32, 4),
    "F16": ("<f2", torch.float16, 2),
    "BF16": ("<i2", torch.bfloat16, 2),
    "I64": ("<i8", torch.int64, 8),
    "I32": ("<i4", torch.int32, 4),
    "I16": ("<i2", torch.int16, 2),
    "I8": ("i1", torch.int8, 1),
    "U8": ("u1", torch.uint8, 1),
    "BOOL": ("?", torch.bool, 1),
}
TORCH_TO_ST = {torch_dtype: name for name, (_, torch_dtype, _) in DTYPES.items()}
#: The format's own limit on the header (the reference implementation's).
MAX_HEADER_BYTES = 100_000_000
INDEX_SUFFIX = ".safetensors.index.json"


class SafetensorsError(ValueError):
    """A file or folder that is not valid safetensors; the message names the file and tensor."""


@dataclass(frozen=True)
class TensorInfo:
    dtype: str
    shape: tuple[int, ...]
    begin: int
    end: int

    @property
    def numel(self) -> int:
        return int(np.prod(self.shape, dtype=np.int64)) if self.shape else 1


class SafeFile:
    """One ``.safetensors`` file: its header parsed and checked, tensors mapped on demand."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        with self.path.open("rb") as f:
            size = self.path.stat().st_size
            if size < 8:
                raise SafetensorsError(f"{self.path}: {size} bytes, shorter than the 8-byte header length")
            (n,) = struct.unpack("<Q", f.read(8))
            if n > min(MAX_HEADER_BYTES, size - 8):
                raise SafetensorsError(f"{self.path}: header length {n} exceeds the file ({size} bytes) or the format's limit")
            raw = f.read(n)
        self.data_start = 8 + n
        self.metadata, self.tensors = parse_header(raw, size - self.data_start, self.path)
        self._map = None

    def keys(self) -> list[str]:
        return list(self.tensors)

    def info(self, name: str) -> TensorInfo:
        try:
            return self.tensors[name]
        except KeyError:
            raise KeyError(f"{self.path}: no tensor {name!r}") from None

    def get(self, name: str) -> torch.Tensor:
        """The tensor ``name`` as a torch tensor viewing the mapped file (copy-on-write)."""
        info = self.info(name)
        np_dtype, torch_dtype, item = DTYPES[info.dtype]
        if info.numel == 0:
            return torch.zeros(info.shape, dtype=torch_dtype)
        if self._map is None:
            with self.path.open("rb") as f:
                self._map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_COPY)
        offset = self.data_start + info.begin
        arr = np.frombuffer(self._map, dtype=np_dtype, count=info.numel, offset=offset)
        if offset % item:
            arr = arr.copy()  # unaligned data (a writer that did not pad): read it out
        t = torch.from_numpy(arr.reshape(info.shape))
        return t.view(torch.bfloat16) if info.dtype == "BF16" else t


def parse_header(raw: bytes, data_bytes: int, path: Path) -> tuple[dict, dict[str, TensorInfo]]:
    """Validate the JSON header against ``data_bytes`` of tensor data."""
    try:
        header = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise SafetensorsError(f"{path}: the header is not JSON ({e})") from None
    if not isinstance(header, dict):
        raise SafetensorsError(f"{path}: the header is not a JSON object")
    metadata = header.pop("__metadata__", None) or {}
    if not isinstance(metadata, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in metadata.items()):
        raise SafetensorsError(f"{path}: __metadata__ must map strings to strings")
    tensors = {name: tensor_info(name, entry, path) for name, entry in header.items()}
    cursor, previous = 0, None
    for name, info in sorted(tensors.items(), key=lambda item: (item[1].begin, item[1].end)):
        if info.begin < cursor:
            raise SafetensorsError(f"{path}: tensors {previous!r} and {name!r} overlap")
        if info.begin > cursor:
            raise SafetensorsError(f"{path}: {info.begin - cursor} unclaimed bytes before tensor {name!r}")
        cursor, previous = info.end, name
    if cursor > data_bytes:
        raise SafetensorsError(f"{path}: tensor {previous!r} ends at byte {cursor}, past the data ({data_bytes} bytes)")
    if cursor < data_bytes:
        raise SafetensorsError(f"{path}: {data_bytes - cursor} bytes after the last tensor")
    return metadata, tensors


def tensor_info(name: str, entry, path: Path) -> TensorInfo:
    if not isinstance(entry, dict) or set(entry) != {"dtype", "shape", "data_offsets"}:
        raise SafetensorsError(f"{path}: tensor {name!r} must have exactly dtype, shape and data_offsets")
    dtype, shape, offsets = entry["dtype"], entry["shape"], entry["data_offsets"]
    if dtype not in DTYPES:
        raise SafetensorsError(f"{path}: tensor {name!r} has an unsupported dtype {dtype!r} (known: {', '.join(DTYPES)})")
    if not isinstance(shape, list) or not all(isinstance(s, int) and not isinstance(s, bool) and s >= 0 for s in shape):
        raise SafetensorsError(f"{path}: tensor {name!r} has an invalid shape {shape!r}")
    if not (isinstance(offsets, list) and len(offsets) == 2 and all(isinstance(o, int) and o >= 0 for o in offsets)):
        raise SafetensorsError(f"{path}: tensor {name!r} has invalid data_offsets {offsets!r}")
    info = TensorInfo(dtype, tuple(shape), offsets[0], offsets[1])
    if info.end - info.begin != info.numel * DTYPES[dtype][2]:
        raise SafetensorsError(
            f"{path}: tensor {name!r} spans {info.end - info.begin} bytes, but {dtype} {shape} needs {info.numel * DTYPES[dtype][2]}"
        )
    return info


class Checkpoint:
    """A file or a sharded folder, read the same way: ``keys``, ``info``, ``get``."""

    def __init__(self, files: dict[str, SafeFile], metadata: dict):
        self._where = files
        self.metadata = metadata

    def keys(self) -> list[str]:
        return list(self._where)

    def __contains__(self, name: str) -> bool:
        return name in self._where

    def __len__(self) -> int:
        return len(self._where)

    def info(self, name: str) -> TensorInfo:
        return self._file(name).info(name)

    def get(self, name: str) -> torch.Tensor:
        return self._file(name).get(name)

    def _file(self, name: str) -> SafeFile:
        try:
            return self._where[name]
        except KeyError:
            raise KeyError(f"checkpoint has no tensor {name!r}") from None


def open_checkpoint(path: str | Path) -> Checkpoint:
    """A ``.safetensors`` file, a ``*.safetensors.index.json``, or a folder
    holding one index (sharded) or exactly one ``.safetensors`` file."""
    path = Path(path)
    if path.is_dir():
        indexes = sorted(path.glob(f"*{INDEX_SUFFIX}"))
        files = sorted(path.glob("*.safetensors"))
        if len(indexes) == 1:
            return open_sharded(indexes[0])
        if not indexes and len(files) == 1:
            path = files[0]
        else:
            found = [p.name for p in indexes] or [p.name for p in files]
            raise SafetensorsError(f"{path}: need one {INDEX_SUFFIX} or one .safetensors file, found {found}")
    if path.name.endswith(INDEX_SUFFIX):
        return open_sharded(path)
    f = SafeFile(path)
    return Checkpoint({name: f for name in f.keys()}, f.metadata)


def open_sharded(index_path: Path) -> Checkpoint:
    try:
        index = json.loads(index_path.read_text())
        weight_map = index["weight_map"]
    except (json.JSONDecodeError, KeyError, TypeError) as e:
        raise SafetensorsError(f"{index_path}: not a safetensors index with a weight_map ({e})") from None
    shards: dict[str, SafeFile] = {}
    for shard in sorted(set(weight_map.values())):
        if not (index_path.parent / shard).is_file():
            raise SafetensorsError(f"{index_path}: shard {shard!r} is missing")
        shards[shard] = SafeFile(index_path.parent / shard)
    where = {}
    for shard, f in shards.items():
        for name in f.keys():
            if weight_map.get(name) != shard:
                raise SafetensorsError(f"{index_path}: tensor {name!r} is in {shard} but the weight_map says {weight_map.get(name)}")
            where[name] = f
    missing = sorted(set(weight_map) - set(where))
    if missing:
        raise SafetensorsError(f"{index_path}: the weight_map names tensors no shard holds: {missing[:5]}")
    return Checkpoint(where, index.get("metadata") or {})


class Writer:
    """Writes a file tensor by tensor: the header first (from declared dtypes
    and shapes), then each tensor in the declared order, so a converter holds
    one tensor at a time."""

    def __init__(self, path: str | Path, specs: dict[str, tuple[str, tuple[int, ...]]], metadata: dict | None = None):
        # Largest items first keeps every tensor aligned to its item size (the header is padded to 8).
        self.order = sorted(specs, key=lambda k: (-DTYPES[specs[k][0]][2], k))
        header, offset = {}, 0
        for name in self.order:
            dtype, shape = specs[name]
            size = int(np.prod(shape, dtype=np.int64)) * DTYPES[dtype][2]
            header[name] = {"dtype": dtype, "shape": list(shape), "data_offsets": [offset, offset + size]}
            offset += size
        if metadata:
            header["__metadata__"] = {str(k): str(v) for k, v in metadata.items()}
        raw = json.dumps(header, separators=(",", ":")).encode()
        raw += b" " * (-len(raw) % 8)
        self.specs, self.next = specs, 0
        self.f = Path(path).open("wb")
        self.f.write(struct.pack("<Q", len(raw)) + raw)

    def write(self, name: str, tensor: torch.Tensor) -> None:
        if self.next >= len(self.order) or self.order[self.next] != name:
            raise ValueError(f"write {self.order[self.next] if self.next < len(self.order) else 'nothing'} next, not {name!r}")
        dtype, shape = self.specs[name]
        t = tensor.detach().cpu().contiguous()
        if TORCH_TO_ST.get(t.dtype) != dtype or tuple(t.shape) != tuple(shape):
            raise ValueError(f"tensor {name!r} is {t.dtype} {list(t.shape)}, declared {dtype} {list(shape)}")
        arr = (t.view(torch.int16) if dtype == "BF16" else t).numpy()
        self.f.write(arr.astype(DTYPES[dtype][0], copy=False).tobytes())
        self.next += 1

    def close(self) -> None:
        self.f.close()
        if self.next != len(self.order):
            raise ValueError(f"{len(self.order) - self.next} declared tensors were not written")

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc) -> None:
        if exc[0] is None:
            self.close()
        else:
            self.f.close()


def spec_of(t: torch.Tensor) -> tuple[str, tuple[int, ...]]:
    if t.dtype not in TORCH_TO_ST:
        raise ValueError(f"safetensors has no dtype for {t.dtype}")
    return TORCH_TO_ST[t.dtype], tuple(t.shape)


def save_file(tensors: dict[str, torch.Tensor], path: str | Path, metadata: dict | None = None) -> None:
    with Writer(path, {k: spec_of(t) for k, t in tensors.items()}, metadata) as w:
        for name in w.order:
            w.write(name, tensors[name])


def save_sharded(tensors: dict[str, torch.Tensor], folder: str | Path, max_shard_bytes: int, stem: str = "diffusion_pytorch_model") -> Path:
    """Shards of at most ``max_shard_bytes`` (a larger tensor gets its own) named
    as diffusers names them, plus ``<stem>.safetensors.index.json``; returns the index."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    groups: list[list[str]] = [[]]
    size = 0
    for name in tensors:
        nbytes = tensors[name].numel() * tensors[name].element_size()
        if groups[-1] and size + nbytes > max_shard_bytes:
            groups.append([])
            size = 0
        groups[-1].append(name)
        size += nbytes
    weight_map = {}
    for i, names in enumerate(groups):
        shard = f"{stem}-{i + 1:05d}-of-{len(groups):05d}.safetensors"
        save_file({k: tensors[k] for k in names}, folder / shard)
        weight_map.update({k: shard for k in names})
    total = sum(t.numel() * t.element_size() for t in tensors.values())
    index = folder / f"{stem}{INDEX_SUFFIX}"
    index.write_text(json.dumps({"metadata": {"total_size": total}, "weight_map": weight_map}, indent=2) + "\n")
    return index
