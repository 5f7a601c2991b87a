"""Export a DiT to a RAS-ready ONNX graph plus its JSON model card
(contract ``ras-ready-dit/2``, docs/model-contract.md).

The graph takes and returns the K/V caches one tensor per layer
(``k_cache_<l>`` in, ``k_all_<l>`` out), so a runtime can keep them on the
device and feed each step's outputs straight back. It is checked against the
PyTorch forward with onnxruntime (through onnxruntime-node: Debian ships no
Python onnxruntime) on n = N and n < N cases; the worst absolute difference
goes into the card.

    /usr/bin/python3 gpu-node/tools/export.py --random 7 --out DIR \
        --hidden 384 --depth 12 --heads 6 --patch 2 --grid 16x16
"""

from __future__ import annotations

import argparse
import base64
import inspect
import json
import os
import subprocess
import tempfile
from pathlib import Path

import numpy as np
import onnx
import torch
from onnx.external_data_helper import load_external_data_for_tensor, uses_external_data

from dit import DiT, DiTConfig
from fp16 import convert as to_fp16
from half_storage import round_weights, store_half
from shared_weights import save_with_shared_weights

TOOLS = Path(__file__).resolve().parent
FORMAT = "ras-ready-dit/2"
#: Inputs of the stacked Python form (``DiT.forward``), as ``make_inputs`` builds them.
INPUTS = ["x", "token_index", "timestep", "cond", "k_cache", "v_cache", "grid_w"]


def graph_inputs(depth: int) -> list[str]:
    """Input names of the exported graph: caches one tensor per layer."""
    return ["x", "token_index", "timestep", "cond", "grid_w", *layer_names("k_cache", depth), *layer_names("v_cache", depth)]


def graph_outputs(depth: int) -> list[str]:
    return ["v", "k_new", "v_new", *layer_names("k_all", depth), *layer_names("v_all", depth)]


def layer_names(prefix: str, depth: int) -> list[str]:
    return [f"{prefix}_{layer}" for layer in range(depth)]


class RasGraph(torch.nn.Module):
    """``DiT.run`` with flat per-layer cache arguments, the shape of the graph."""

    def __init__(self, model: DiT):
        super().__init__()
        self.model = model

    def forward(self, x, token_index, timestep, cond, grid_w, *caches):
        depth = self.model.cfg.depth
        v, k_new, v_new, k_all, v_all = self.model.run(
            x, token_index, timestep, cond, grid_w, list(caches[:depth]), list(caches[depth:])
        )
        return (v, k_new, v_new, *k_all, *v_all)


def per_layer(tensors: dict, stacked: tuple[str, str]) -> dict:
    """``tensors`` with each stacked [L, ...] entry named in ``stacked`` split
    into the graph's per-layer ``<name>_<l>`` entries."""
    out = {k: v for k, v in tensors.items() if k not in stacked}
    for name in stacked:
        for layer, t in enumerate(tensors[name].unbind(0)):
            out[f"{name}_{layer}"] = t
    return out


def graph_feeds(inputs: dict) -> dict:
    """Stacked ``make_inputs`` tensors -> the graph's per-layer inputs."""
    return per_layer(inputs, ("k_cache", "v_cache"))


def export_onnx(model: DiT, path: Path, grid: tuple[int, int]) -> None:
    """Write the graph at opset 17 with dynamic batch and token counts (weights inline)."""
    model.eval()
    depth = model.cfg.depth
    n_all = grid[0] * grid[1]
    feeds = graph_feeds(make_inputs(model, grid, batch=2, n=max(1, n_all // 2), seed=0, stale=True))
    names = graph_inputs(depth)
    dyn = {"x": {0: "B", 1: "n"}, "token_index": {0: "B", 1: "n"}, "timestep": {0: "B"}, "cond": {0: "B"}}
    dyn.update({"v": {0: "B", 1: "n"}, "k_new": {1: "B", 3: "n"}, "v_new": {1: "B", 3: "n"}})
    for prefix in ("k_cache", "v_cache", "k_all", "v_all"):
        dyn.update({name: {0: "B", 2: "N"} for name in layer_names(prefix, depth)})
    torchscript_export(RasGraph(model), feeds, path, names, graph_outputs(depth), dyn)


def torchscript_export(module, feeds: dict, path: Path, names: list[str], outputs: list[str], dyn: dict) -> None:
    """``torch.onnx.export`` of ``module`` on ``feeds`` (in ``names`` order) at opset 17 with
    the ``com.microsoft`` domain, then the ONNX checker. PyTorch ≥ 2.9 defaults to the dynamo
    exporter; these graphs are written for the TorchScript one."""
    legacy = {"dynamo": False} if "dynamo" in inspect.signature(torch.onnx.export).parameters else {}
    with torch.no_grad():
        torch.onnx.export(
            module,
            tuple(feeds[k] for k in names),
            str(path),
            opset_version=17,
            input_names=names,
            output_names=outputs,
            dynamic_axes=dyn,
            custom_opsets={"com.microsoft": 1},
            **legacy,
        )
    # By path: past 2 GB PyTorch writes the weights beside the graph, and a loaded proto that
    # large cannot be serialized for the checker.
    onnx.checker.check_model(str(path))


def make_inputs(model: DiT, grid, batch: int, n: int, seed: int, stale: bool) -> dict:
    """Deterministic contract inputs. With ``stale`` the caches are random
    (rows of tokens not run this step); otherwise they are zeros."""
    cfg = model.cfg
    gen = torch.Generator().manual_seed(seed)
    n_all = grid[0] * grid[1]
    index = torch.stack([torch.randperm(n_all, generator=gen)[:n].sort().values for _ in range(batch)])
    shape = (cfg.depth, batch, cfg.heads, n_all, cfg.head_dim)
    cache = (lambda: torch.randn(shape, generator=gen)) if stale else (lambda: torch.zeros(shape))
    return {
        "x": torch.randn(batch, n, cfg.token_dim, generator=gen),
        "token_index": index.to(torch.int64),
        "timestep": torch.rand(batch, generator=gen) * cfg.time_scale,
        "cond": torch.randint(0, cfg.num_classes + 1, (batch,), generator=gen),
        "k_cache": cache(),
        "v_cache": cache(),
        "grid_w": torch.tensor([grid[1]], dtype=torch.int64),
    }


def reference_cases(model: DiT, grid) -> list[dict]:
    """n = N (dense, B = 1), n = N (B = 2, stale caches ignored) and n < N stale."""
    n_all = grid[0] * grid[1]
    specs = [("dense_b1", 1, n_all, False), ("dense_b2", 2, n_all, True), ("subset_b2", 2, max(1, n_all // 4), True)]
    cases = []
    for i, (name, batch, n, stale) in enumerate(specs):
        inputs = make_inputs(model, grid, batch, n, seed=100 + i, stale=stale)
        with torch.no_grad():
            v, k_new, v_new, k_all, v_all = model(*(inputs[k] for k in INPUTS))
        outputs = {"v": v, "k_new": k_new, "v_new": v_new, "k_all": k_all, "v_all": v_all}
        cases.append({"name": name, "inputs": graph_feeds(inputs), "outputs": per_layer(outputs, ("k_all", "v_all"))})
    return cases


def prompted_case_specs(grid, text: int) -> list[tuple]:
    """The cases a prompted family's RAS graph is checked on (MMDiT, NextDiT): dense (n = N, zero
    caches), dense with stale caches, a stale subset, and a subset on another grid (transposed, one
    row more) with more text tokens than the export traced, as (name, batch, n, stale, grid, text)."""
    n_all = grid[0] * grid[1]
    other = (grid[1] + 1, grid[0])
    return [
        ("dense_b1", 1, n_all, False, grid, text),
        ("dense_b2", 2, n_all, True, grid, text),
        ("subset_b2", 2, max(1, n_all // 4), True, grid, text),
        ("other_grid_b2", 2, max(1, other[0] * other[1] // 3), True, other, text + 3),
    ]


def tensor_json(t: torch.Tensor) -> dict:
    """A tensor for golden.json: int64 as a list of numbers; anything else as float32, its
    little-endian bytes in base64 (``"base64"`` in place of ``"data"``): exactly the values, in
    a quarter of the room JSON decimals take. ``tensor_from_json`` (and the TypeScript tests'
    ``readGolden``) read both forms."""
    if t.dtype == torch.int64:
        return {"dtype": "int64", "dims": list(t.shape), "data": t.flatten().tolist()}
    values = t.detach().flatten().to(torch.float32).contiguous().numpy().astype("<f4")
    return {"dtype": "float32", "dims": list(t.shape), "base64": base64.b64encode(values.tobytes()).decode("ascii")}


def tensor_from_json(j: dict) -> torch.Tensor:
    """``tensor_json``'s tensor back: int64 or float32, from ``"data"`` or ``"base64"``."""
    if "base64" in j:
        values = np.frombuffer(base64.b64decode(j["base64"]), dtype="<f4").astype(np.float32)
        return torch.from_numpy(values.copy()).reshape(j["dims"])
    dtype = torch.int64 if j["dtype"] == "int64" else torch.float32
    return torch.tensor(j["data"], dtype=dtype).reshape(j["dims"])


def short_names(graph: onnx.ModelProto) -> None:
    """Drops node names and renames intermediate values to short hex ids, in place: a model's
    graphs shrink two- to threefold (the exporter's module-path names are most of their bytes;
    the scenes model's were 275 KB each without weights). export_prompted.py and convert.py's
    SD3 graphs; inputs, outputs and initializers keep their names."""
    g = graph.graph
    keep = {v.name for v in [*g.input, *g.output]} | {t.name for t in g.initializer}
    renamed: dict[str, str] = {}
    for node in g.node:
        node.name = ""
        for k, name in enumerate(node.input):
            node.input[k] = renamed.get(name, name)
        for k, name in enumerate(node.output):
            if name and name not in keep:
                renamed[name] = node.output[k] = format(len(renamed), "x")
    del g.value_info[:]


def cases_json(cases: list[dict]) -> list[dict]:
    return [
        {
            "name": c["name"],
            "inputs": {k: tensor_json(v) for k, v in c["inputs"].items()},
            "outputs": {k: tensor_json(v) for k, v in c["outputs"].items()},
        }
        for c in cases
    ]


def write_cases_binary(cases: list[dict], path: Path) -> None:
    """Cases for verify_onnx.mjs: a little-endian u32 header length, a JSON
    header naming every tensor's case, role, dtype, dims and byte offset, then
    the raw tensors (JSON text of the per-layer caches of a large model would
    pass V8's largest string)."""
    header, blobs, offset = [], [], 0
    for c in cases:
        for role in ("inputs", "outputs"):
            for name, t in c[role].items():
                raw = t.contiguous().numpy().astype("<i8" if t.dtype == torch.int64 else "<f4").tobytes()
                dtype = "int64" if t.dtype == torch.int64 else "float32"
                header.append({"case": c["name"], "role": role, "name": name, "dtype": dtype, "dims": list(t.shape), "offset": offset, "bytes": len(raw)})
                blobs.append(raw)
                offset += len(raw)
    head = json.dumps(header).encode()
    with path.open("wb") as f:
        f.write(len(head).to_bytes(4, "little"))
        f.write(head)
        for raw in blobs:
            f.write(raw)


def verify_with_ort(onnx_path: Path, cases: list[dict]) -> dict:
    """Run the graph in onnxruntime-node on ``cases``; per case the worst output's largest difference
    against the reference, divided by max(1, the reference's largest magnitude) (verify_onnx.mjs):
    absolute for outputs within ±1, relative to the range of larger ones, so the tolerances hold
    for trained weights whose keys reach the hundreds as for the small random test models."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cases.bin"
        write_cases_binary(cases, path)
        out = subprocess.run(
            ["node", str(TOOLS / "verify_onnx.mjs"), str(onnx_path), str(path)],
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        )
    return json.loads(out.stdout)


def write_card(path: Path, model: DiT, grid, files: dict[str, str], extra: dict) -> dict:
    cfg = model.cfg
    card = {
        "format": FORMAT,
        "family": "dit",
        "graphs": files,
        "weights": path.with_suffix(".weights").name,
        "patch": cfg.patch,
        "channels": cfg.channels,
        "token_dim": cfg.token_dim,
        "hidden": cfg.hidden,
        "layers": cfg.depth,
        "heads": cfg.heads,
        "head_dim": cfg.head_dim,
        "grid": {"default": list(grid), "min": [1, 1], "max": [32, 32]},
        "token_layout": "row-major grid; token features ordered (py, px, channel)",
        "time": {"scale": cfg.time_scale, "shift": 1.0},
        "cond": {"kind": "class", "num_classes": cfg.num_classes, "null": cfg.null_class, "labels": None},
        "preview": {"kind": "rgb", "scale": 0.5, "offset": 0.5},
        "kv": {"layout": "per-layer [B,H,N,head_dim]"},
        "recommended": {"steps": 28, "guidance": 1.0},
        "params": sum(p.numel() for p in model.parameters()),
        "config": cfg.to_dict(),
    }
    extra = dict(extra)
    card["cond"]["labels"] = extra.pop("cond_labels", None)
    card.update(extra)
    path.write_text(json.dumps(card, indent=2) + "\n")
    return card


GOLDEN_TOLERANCE = 1e-4
#: Half precision: 11 significant bits through every layer, against PyTorch's fp32.
FP16_TOLERANCE = 5e-2


def graph_files(name: str) -> dict[str, str]:
    """File of each graph (attention variant, precision); all read ``<name>.weights``."""
    return {"unfused": f"{name}.onnx", "fused": f"{name}.fused.onnx", "fused_fp16": f"{name}.fused.fp16.onnx"}


def export_model(
    model: DiT,
    out_dir: Path,
    name: str,
    grid,
    card_extra: dict,
    golden: bool = False,
    weights_dtype: str = "float16",
    verify: bool = True,
) -> dict:
    """Export both graphs (unfused and fused attention, one shared weights file)
    and the card into ``out_dir`` and verify each; raises if a graph disagrees.
    With ``golden`` also writes ``golden.json``: the reference cases, so the
    TypeScript tests can check the runtime with no Python. ``weights_dtype``
    "float16" (the default) rounds ``model``'s weights to fp16, in place, and
    stores them so (half_storage.py); "float32" stores them as they are. Without
    ``verify`` (a random-weight timing model too big to check quickly) the card says so."""
    if weights_dtype not in ("float16", "float32"):
        raise ValueError(f"weights_dtype must be 'float16' or 'float32', got {weights_dtype!r}")
    out_dir.mkdir(parents=True, exist_ok=True)
    if weights_dtype == "float16":
        round_weights(model)
    files = graph_files(name)
    with tempfile.TemporaryDirectory() as tmp:
        exported = {}
        for kind in ("unfused", "fused"):
            model.attention = kind
            # A folder each: PyTorch names external weight files after tensors, per export.
            exported[kind] = Path(tmp) / kind / files[kind]
            exported[kind].parent.mkdir()
            export_onnx(model, exported[kind], grid)
        model.attention = "unfused"
        write_graphs(exported, out_dir, name, weights_dtype)
    if not verify:
        extra = {**card_extra, "export": {"opset": 17, "torch": torch.__version__, "weights_dtype": weights_dtype, "max_diff": None, "verified": False}}
        return write_card(out_dir / f"{name}.json", model, grid, files, extra)
    cases = reference_cases(model, grid)
    diffs = {}
    for kind, file in files.items():
        diffs[kind] = verify_with_ort(out_dir / file, cases)
        tolerance = FP16_TOLERANCE if kind.endswith("fp16") else GOLDEN_TOLERANCE
        if max(diffs[kind].values()) > tolerance:
            raise RuntimeError(f"ONNX graph {file} disagrees with PyTorch: {diffs[kind]} > {tolerance}")
    if golden:
        blob = {
            "tolerance": GOLDEN_TOLERANCE,
            "tolerance_fp16": FP16_TOLERANCE,
            "source": "PyTorch forward of dit.py",
            "cases": cases_json(cases),
        }
        (out_dir / "golden.json").write_text(json.dumps(blob, separators=(",", ":")))
    export = {"opset": 17, "torch": torch.__version__, "weights_dtype": weights_dtype, "max_diff": diffs}
    extra = {**card_extra, "export": export}
    return write_card(out_dir / f"{name}.json", model, grid, files, extra)


def write_graphs(exported: dict[str, Path], out_dir: Path, name: str, weights_dtype: str = "float32") -> None:
    """The exported ``unfused`` and ``fused`` graphs -> the model's three graphs over one
    weights file in ``out_dir``. An exported graph holds its weights inline or, past 2 GB (an
    SD3-size model), as PyTorch's external data beside it: they are read one tensor at a
    time and no proto over 2 GB is ever serialized. ``weights_dtype`` "float16" stores
    them in 16 bits (half_storage.py; the model's weights must have been rounded)."""
    files = graph_files(name)
    graphs, bases = {}, {}
    for kind, path in exported.items():
        graph = onnx.load(str(path), load_external_data=False)
        inline_constants(graph, path.parent)
        graphs[out_dir / files[kind]], bases[out_dir / files[kind]] = graph, path.parent
    fused, half = out_dir / files["fused"], out_dir / files["fused_fp16"]
    fp16 = onnx.ModelProto()
    fp16.CopyFrom(graphs[fused])
    graphs[half], bases[half] = to_fp16(fp16, bases[fused]), bases[fused]
    if weights_dtype == "float16":
        for path, graph in graphs.items():
            load_initializers(graph, bases[path])
            if kept := store_half(graph):
                raise RuntimeError(f"initializers not exact in fp16 after rounding: {kept}")
    save_with_shared_weights(graphs, out_dir / f"{name}.weights", bases)


def load_initializers(model: onnx.ModelProto, base_dir: Path) -> None:
    """Reads ``model``'s external-data initializers into the graph (store_half needs their
    bytes; once in fp16 a weight takes half its fp32 room)."""
    for tensor in model.graph.initializer:
        if uses_external_data(tensor):
            load_external_data_for_tensor(tensor, str(base_dir))
            tensor.ClearField("data_location")
            del tensor.external_data[:]


def inline_constants(model: onnx.ModelProto, base_dir: Path) -> None:
    """Tensors in node attributes (Constant values) that PyTorch wrote as external data are
    read back inline: they are small, and only initializers go to the weights file."""
    for node in model.graph.node:
        for attr in node.attribute:
            for tensor in [attr.t, *attr.tensors] if attr.HasField("t") else attr.tensors:
                if uses_external_data(tensor):
                    load_external_data_for_tensor(tensor, str(base_dir))
                    tensor.ClearField("data_location")
                    del tensor.external_data[:]


def parse_grid(text: str) -> tuple[int, int]:
    h, w = (int(v) for v in text.lower().split("x"))
    return h, w


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True, help="output directory")
    ap.add_argument("--name", default="model")
    ap.add_argument("--random", type=int, metavar="SEED", help="random non-zero weights from SEED")
    ap.add_argument("--checkpoint", type=Path, help="training checkpoint (uses its EMA weights and card)")
    ap.add_argument("--raw-weights", action="store_true", help="with --checkpoint: the raw, not the EMA, weights")
    ap.add_argument("--grid", type=parse_grid, default=(8, 8))
    ap.add_argument("--golden", action="store_true", help="also write golden.json (reference cases)")
    ap.add_argument(
        "--weights-dtype",
        choices=("float16", "float32"),
        default="float16",
        help="storage of the weights: float16 rounds them and casts to float32 in the graph (default)",
    )
    ap.add_argument("--no-verify", action="store_true", help="skip the onnxruntime check (big random timing models)")
    ap.add_argument("--steps", type=int, default=28, help="recommended steps (card)")
    ap.add_argument("--guidance", type=float, default=1.0, help="recommended guidance (card)")
    ap.add_argument(
        "--sizes",
        type=lambda text: [list(map(int, p.lower().split("x"))) for p in text.split(",") if p],
        help="pixel sizes WxH,... the model serves well (card); '' for none (a test model)",
    )
    for key in ("patch", "channels", "hidden", "depth", "heads", "num_classes"):
        ap.add_argument(f"--{key.replace('_', '-')}", type=int)
    args = ap.parse_args()
    # Two threads on the 2-core build machine; the device script gives the GPU machine's cores.
    torch.set_num_threads(int(os.environ.get("RAS_TORCH_THREADS", "2")))
    card_extra: dict = {}
    if args.checkpoint:
        ckpt = torch.load(args.checkpoint, map_location="cpu")
        model = DiT(DiTConfig(**ckpt["config"]))
        model.load_state_dict(ckpt["model" if args.raw_weights else "ema"])
        card_extra = {**ckpt.get("card", {}), "weights": "raw" if args.raw_weights else f"EMA of checkpoint {args.checkpoint.name}"}
    else:
        given = {k: getattr(args, k) for k in ("patch", "channels", "hidden", "depth", "heads", "num_classes")}
        model = DiT(DiTConfig(**{k: v for k, v in given.items() if v is not None}))
        if args.random is None:
            ap.error("give --random SEED or --checkpoint PATH")
        model.randomize(args.random)
        card_extra = {"weights": f"random (seed {args.random})"}
    card_extra["recommended"] = {"steps": args.steps, "guidance": args.guidance}
    if args.sizes is not None:
        card_extra["sizes"] = args.sizes
    card = export_model(
        model, args.out, args.name, args.grid, card_extra, args.golden, args.weights_dtype, not args.no_verify
    )
    print(json.dumps({"graphs": card["graphs"], "max_diff": card["export"]["max_diff"]}))


if __name__ == "__main__":
    main()
