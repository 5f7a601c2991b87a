"""Throughput of the prompted model's training and of the scene renderer, in one run.

Training img/s of the prompted model (text encoder + MMDiT, 256 image and 40
text tokens) at ``--batch`` under bf16 autocast where the device has it, beside
shapes-dit's architecture (dit.py, 64 tokens) measured the same way, so the
figure reads as a ratio on a shared machine; and the renderer's img/s. Prints JSON.

    /usr/bin/python3 gpu-node/tools/bench_prompted.py --device cpu --batch 64
"""

from __future__ import annotations

import argparse
import json
import time

import torch
import torch.nn.functional as F

import prompted
import scene_tokenizer
import scenes
import shapes
from dit import DiT, DiTConfig, patchify


def timed(step, reps: int, device) -> float:
    step()  # warm-up
    if device.type == "cuda":
        torch.cuda.synchronize()
    t0 = time.monotonic()
    for _ in range(reps):
        step()
    if device.type == "cuda":
        torch.cuda.synchronize()
    return (time.monotonic() - t0) / reps


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    device = torch.device(args.device)
    if device.type == "cpu":
        torch.set_num_threads(args.threads)
    bf16 = device.type == "cuda" or prompted.cpu_bf16()
    b = args.batch

    model = prompted.PromptedModel().to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4)
    x, layout = scenes.batch("train", 0, b, device)
    ids = scenes.to_device(scene_tokenizer.layout_ids(layout), device)

    def prompted_step():
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=bf16):
            loss = F.mse_loss(model(x, ids, torch.rand(b, device=device)).float(), x)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()

    dit = DiT(DiTConfig(patch=4, channels=3, hidden=128, depth=4, heads=2, num_classes=shapes.NUM_CLASSES)).to(device)
    dit_opt = torch.optim.AdamW(dit.parameters(), lr=1e-4)
    tokens = patchify(torch.randn(b, 3, 32, 32, device=device), 4)
    labels = torch.randint(0, shapes.NUM_CLASSES, (b,), device=device)

    def dit_step():
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=bf16):
            loss = F.mse_loss(dit.dense(tokens, torch.rand(b, device=device) * 1000, labels, grid_w=8).float(), tokens)
        dit_opt.zero_grad(set_to_none=True)
        loss.backward()
        dit_opt.step()

    t_prompted = timed(prompted_step, args.reps, device)
    t_dit = timed(dit_step, args.reps, device)
    t_render = timed(lambda: scenes.batch("train", 1, b, device), args.reps, device)
    print(json.dumps({
        "device": str(device), "threads": torch.get_num_threads(), "batch": b, "bf16": bf16, "torch": torch.__version__,
        "prompted_params": sum(p.numel() for p in model.parameters()),
        "prompted_train_img_per_s": round(b / t_prompted, 1),
        "dit_128x4_32px_train_img_per_s": round(b / t_dit, 1),
        "prompted_over_dit": round(t_dit / t_prompted, 3),
        "render_img_per_s": round(b / t_render, 1),
    }))  # fmt: skip


if __name__ == "__main__":
    main()
