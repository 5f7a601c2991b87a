"""Export a DiT to a RAS-ready ONNX graph plus its JSON model card (DESIGN.md §4).

The graph is checked against the PyTorch forward with onnxruntime (through
onnxruntime-node: Debian ships no Python onnxruntime) on n = N and n < N cases;
the worst absolute difference goes into the card.

    /usr/bin/python3 gpu-node/tools/export.py --random 7 --out DIR \
        --hidden 384 --depth 12 --heads 6 --patch 2 --grid 16x16
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
from pathlib import Path

import onnx
import torch

from dit import DiT, DiTConfig

TOOLS = Path(__file__).resolve().parent
INPUTS = ["x", "token_index", "timestep", "cond", "k_cache", "v_cache", "grid_w"]
OUTPUTS = ["v", "k_new", "v_new"]


def export_onnx(model: DiT, path: Path, grid: tuple[int, int]) -> None:
    """Write the graph at opset 17 with dynamic batch and token counts."""
    model.eval()
    n_all = grid[0] * grid[1]
    args = make_inputs(model, grid, batch=2, n=max(1, n_all // 2), seed=0, stale=True)
    dyn = {
        "x": {0: "B", 1: "n"},
        "token_index": {0: "B", 1: "n"},
        "timestep": {0: "B"},
        "cond": {0: "B"},
        "k_cache": {1: "B", 3: "N"},
        "v_cache": {1: "B", 3: "N"},
        "v": {0: "B", 1: "n"},
        "k_new": {1: "B", 3: "n"},
        "v_new": {1: "B", 3: "n"},
    }
    with torch.no_grad():
        torch.onnx.export(
            model,
            tuple(args[k] for k in INPUTS),
            str(path),
            opset_version=17,
            input_names=INPUTS,
            output_names=OUTPUTS,
            dynamic_axes=dyn,
        )
    onnx.checker.check_model(onnx.load(str(path)))


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
            outs = model(*(inputs[k] for k in INPUTS))
        cases.append({"name": name, "inputs": inputs, "outputs": dict(zip(OUTPUTS, outs))})
    return cases


def tensor_json(t: torch.Tensor) -> dict:
    dtype = "int64" if t.dtype == torch.int64 else "float32"
    return {"dtype": dtype, "dims": list(t.shape), "data": t.flatten().tolist()}


def cases_json(cases: list[dict]) -> list[dict]:
    return [
        {
            "name": c["name"],
            "inputs": {k: tensor_json(v) for k, v in c["inputs"].items()},
            "outputs": {k: tensor_json(v) for k, v in c["outputs"].items()},
        }
        for c in cases
    ]


def verify_with_ort(onnx_path: Path, cases: list[dict]) -> dict:
    """Run the graph in onnxruntime-node on ``cases``; max abs diff per case."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump({"cases": cases_json(cases)}, f)
    out = subprocess.run(
        ["node", str(TOOLS / "verify_onnx.mjs"), str(onnx_path), f.name],
        check=True,
        capture_output=True,
        text=True,
    )
    Path(f.name).unlink()
    return json.loads(out.stdout)


def write_card(path: Path, model: DiT, grid, extra: dict) -> dict:
    cfg = model.cfg
    card = {
        "format": "ras-ready-dit/1",
        "family": "dit",
        "graph": path.with_suffix(".onnx").name,
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


def export_model(model: DiT, out_dir: Path, name: str, grid, card_extra: dict, golden: bool = False) -> dict:
    """Export graph + card into ``out_dir`` and verify; raises if the graph disagrees.
    With ``golden`` also writes ``golden.json``: the reference cases, so the
    TypeScript tests can check the runtime with no Python."""
    out_dir.mkdir(parents=True, exist_ok=True)
    onnx_path = out_dir / f"{name}.onnx"
    export_onnx(model, onnx_path, grid)
    cases = reference_cases(model, grid)
    diffs = verify_with_ort(onnx_path, cases)
    worst = max(diffs.values())
    if worst > GOLDEN_TOLERANCE:
        raise RuntimeError(f"ONNX graph disagrees with PyTorch: {diffs} > {GOLDEN_TOLERANCE}")
    if golden:
        blob = {"tolerance": GOLDEN_TOLERANCE, "source": "PyTorch forward of dit.py", "cases": cases_json(cases)}
        (out_dir / "golden.json").write_text(json.dumps(blob, separators=(",", ":")))
    extra = {**card_extra, "export": {"opset": 17, "torch": torch.__version__, "max_abs_diff": diffs}}
    return write_card(out_dir / f"{name}.json", model, grid, extra)


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
    ap.add_argument("--steps", type=int, default=28, help="recommended steps (card)")
    ap.add_argument("--guidance", type=float, default=1.0, help="recommended guidance (card)")
    for key in ("patch", "channels", "hidden", "depth", "heads", "num_classes"):
        ap.add_argument(f"--{key.replace('_', '-')}", type=int)
    args = ap.parse_args()
    torch.set_num_threads(2)
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
    card = export_model(model, args.out, args.name, args.grid, card_extra, args.golden)
    print(json.dumps({"graph": str(args.out / card["graph"]), "max_abs_diff": card["export"]["max_abs_diff"]}))


if __name__ == "__main__":
    main()
