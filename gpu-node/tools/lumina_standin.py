"""A stand-in Lumina-Next pipeline folder for the gpu bench's transformer rows: everything
``convert.py lumina --pipeline`` reads besides the transformer, at the sizes a transformer of
cross_attention_dim ``--cross`` needs, small enough to make anywhere.

    /usr/bin/python3 gpu-node/tools/lumina_standin.py --out DIR [--cross 2048]

writes ``DIR/text_encoder/`` and ``DIR/tokenizer/`` (a random Gemma of hidden ``--cross``, 2
layers, MLP 32, the mini tokenizer: mini_gemma.py), ``DIR/vae/`` (the committed mini SDXL-shaped
VAE, copied from test/fixtures/lumina-mini/vae), ``DIR/scheduler/`` and ``model_index.json``
(mini_lumina.py's). The bench feeds random Gemma features to the prompt graph, so the rows time
the transformer, not Gemma (as optimum_standin.py is for SD3-medium's rows); the real Gemma-2B
(hidden 2048, 18 layers) is what a user's folder holds.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

from mini_gemma import write_mini_gemma
from mini_lumina import MODEL_INDEX, ROOT, SCHEDULER

VAE = ROOT / "test" / "fixtures" / "lumina-mini" / "vae"


def gemma_sizes(hidden: int) -> dict:
    """A Gemma of width ``hidden`` with as little else as it can have: 2 layers (its penultimate
    hidden state is layer 1's output), one query and one K/V head of 8, MLP 32."""
    return {"hidden_size": hidden, "intermediate_size": 32, "num_hidden_layers": 2, "num_attention_heads": 1, "num_key_value_heads": 1, "head_dim": 8}


def write_standin(out: Path, cross: int) -> None:
    """The folder (``out`` must not exist)."""
    if out.exists():
        raise FileExistsError(f"--out {out}: exists")
    if not (VAE / "config.json").is_file():
        raise FileNotFoundError(f"{VAE / 'config.json'}: the mini VAE the stand-in copies is missing")
    out.mkdir(parents=True)
    write_mini_gemma(out, seed=0, sizes=gemma_sizes(cross))
    shutil.copytree(VAE, out / "vae", ignore=shutil.ignore_patterns("onnx"))
    (out / "scheduler").mkdir()
    (out / "scheduler" / "scheduler_config.json").write_text(json.dumps(SCHEDULER, indent=2) + "\n")
    (out / "model_index.json").write_text(json.dumps(MODEL_INDEX, indent=2) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True, help="the folder to write (must not exist)")
    ap.add_argument("--cross", type=int, default=2048, help="the transformer's cross_attention_dim (Gemma's hidden size)")
    args = ap.parse_args()
    write_standin(args.out, args.cross)


if __name__ == "__main__":
    main()
