"""Train the embedded DiT on the shapes set with rectified flow.

Velocity target v = noise − x0 on x_t = (1 − t)·x0 + t·noise, logit-normal t,
10% null labels (classifier-free guidance), EMA weights, bf16 autocast where
the CPU has it. Resumable: the checkpoint (model + EMA, no optimiser moments,
which a short re-warm-up rebuilds) is written atomically every few minutes, so
a run stopped at any point loses at most that much.

    /usr/bin/python3 gpu-node/tools/train.py --ckpt gpu-node/models/shapes-dit/train.pt --minutes 120
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

import shapes
from dit import DiT, DiTConfig, patchify

DEFAULTS = DiTConfig(patch=4, channels=3, hidden=192, depth=6, heads=3, num_classes=shapes.NUM_CLASSES)


def lr_at(images: int, step_in_run: int, fresh: bool, args) -> float:
    """Linear warm-up (longer on a fresh start), constant, linear decay at the end."""
    warm = args.warmup if fresh else args.rewarm
    factor = min(1.0, (step_in_run + 1) / warm)
    decay_from = args.total_images * (1 - args.decay_frac)
    if images > decay_from:
        factor *= max(0.02, (args.total_images - images) / (args.total_images - decay_from))
    return args.lr * factor


def load(path: Path, args):
    if path.exists():
        ckpt = torch.load(path, map_location="cpu")
        cfg = DiTConfig(**ckpt["config"])
        model, ema = DiT(cfg), DiT(cfg)
        model.load_state_dict(ckpt["model"])
        ema.load_state_dict(ckpt["ema"])
        state = ckpt["state"]
        print(f"resumed at {state['images']} images, {state['train_seconds'] / 60:.1f} min", flush=True)
    else:
        model, ema = DiT(DEFAULTS), DiT(DEFAULTS)
        ema.load_state_dict(model.state_dict())
        state = {"step": 0, "images": 0, "train_seconds": 0.0, "data_seed": args.data_seed, "sessions": 0}
    for p in ema.parameters():
        p.requires_grad_(False)
    return model, ema, state


def save(path: Path, model: DiT, ema: DiT, state: dict, args) -> None:
    card = {
        "training": {
            "data": "gpu-node/tools/shapes.py",
            "data_seed": state["data_seed"],
            "steps": state["step"],
            "images_seen": state["images"],
            "train_minutes": round(state["train_seconds"] / 60, 1),
            "batch": args.batch,
            "lr": args.lr,
            "ema": args.ema,
            "label_dropout": args.label_dropout,
            "total_images_planned": args.total_images,
            "objective": "rectified flow, velocity target, logit-normal t",
        },
        "cond_labels": shapes.CLASS_NAMES,
    }
    blob = {"config": model.cfg.to_dict(), "model": model.state_dict(), "ema": ema.state_dict(), "state": state, "card": card}
    tmp = path.with_suffix(".tmp")
    torch.save(blob, tmp)
    os.replace(tmp, path)


def train_step(model: DiT, opt, x0: torch.Tensor, labels: torch.Tensor, args, use_bf16: bool) -> float:
    cfg = model.cfg
    b = x0.shape[0]
    t = torch.sigmoid(torch.randn(b))
    noise = torch.randn_like(x0)
    xt = (1 - t)[:, None, None, None] * x0 + t[:, None, None, None] * noise
    drop = torch.rand(b) < args.label_dropout
    cond = torch.where(drop, torch.full_like(labels, cfg.null_class), labels)
    tokens = patchify(xt, cfg.patch)
    target = patchify(noise - x0, cfg.patch)
    with torch.autocast("cpu", dtype=torch.bfloat16, enabled=use_bf16):
        pred = model.dense(tokens, t * cfg.time_scale, cond, grid_w=x0.shape[-1] // cfg.patch)
    loss = F.mse_loss(pred.float(), target)
    opt.zero_grad(set_to_none=True)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    return loss.item()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ckpt", type=Path, required=True)
    ap.add_argument("--minutes", type=float, default=60.0, help="stop after this much training time")
    ap.add_argument("--total-images", type=int, default=640_000, help="length of the lr schedule")
    ap.add_argument("--decay-frac", type=float, default=0.3)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=6e-4)
    ap.add_argument("--warmup", type=int, default=300)
    ap.add_argument("--rewarm", type=int, default=100)
    ap.add_argument("--ema", type=float, default=0.999)
    ap.add_argument("--label-dropout", type=float, default=0.1)
    ap.add_argument("--data-seed", type=int, default=20261125)
    ap.add_argument("--save-every", type=float, default=5.0, help="minutes between checkpoints")
    args = ap.parse_args()

    torch.set_num_threads(2)
    use_bf16 = "avx512_bf16" in Path("/proc/cpuinfo").read_text()
    model, ema, state = load(args.ckpt, args)
    torch.manual_seed(args.data_seed + state["step"])
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, betas=(0.9, 0.99), weight_decay=0.0)
    state["sessions"] += 1
    start_images, last_save, run_seconds, losses = state["images"], time.monotonic(), 0.0, []
    step_in_run = 0
    while run_seconds < args.minutes * 60 and state["images"] < args.total_images:
        t0 = time.monotonic()
        x, y = shapes.sample(state["data_seed"] * 1_000_003 + state["step"], args.batch)
        for g in opt.param_groups:
            g["lr"] = lr_at(state["images"], step_in_run, start_images == 0, args)
        losses.append(train_step(model, opt, torch.from_numpy(x), torch.from_numpy(y), args, use_bf16))
        with torch.no_grad():
            for pe, pm in zip(ema.parameters(), model.parameters()):
                pe.mul_(args.ema).add_(pm.detach(), alpha=1 - args.ema)
        dt = time.monotonic() - t0
        run_seconds += dt
        state["train_seconds"] += dt
        state["step"] += 1
        state["images"] += args.batch
        step_in_run += 1
        if state["step"] % 50 == 0:
            rate = (state["images"] - start_images) / run_seconds
            print(json.dumps({"step": state["step"], "images": state["images"], "loss": round(float(np.mean(losses)), 4),
                              "lr": round(opt.param_groups[0]["lr"], 6), "img_per_s": round(rate, 1),
                              "train_min": round(state["train_seconds"] / 60, 1)}), flush=True)
            losses = []
        if time.monotonic() - last_save > args.save_every * 60:
            save(args.ckpt, model, ema, state, args)
            last_save = time.monotonic()
    save(args.ckpt, model, ema, state, args)
    print(f"saved {args.ckpt} at {state['images']} images", flush=True)


if __name__ == "__main__":
    main()
