"""Train the prompted scenes model (issue 19) in one call: evaluator, model, evaluation.

    python3 gpu-node/tools/train_prompted.py --device cuda --minutes 5 --out OUT
    python3 gpu-node/tools/train_prompted.py --device cuda --minutes 5 --out OUT2 --resume OUT
    /usr/bin/python3 gpu-node/tools/train_prompted.py --device cpu --quick --out /tmp/prompted

``--minutes`` is the wall-clock budget of the whole call, start-up to the last
file: the evaluator trains for ``--evaluator-seconds`` (skipped on a resume,
which reuses the checkpoint's), the time the final evaluation will take is
measured and set aside, and the model trains for the rest, its learning rate
warmed up over ``--warmup`` steps and decayed linearly to 2% over the last
``--decay-frac`` of that training time. Rectified flow as train.py: x_t = (1 − t)·x₀
+ t·ε, velocity target ε − x₀, logit-normal t (location ``--logit-mean``), 10% empty captions, EMA weights,
AdamW, gradient clipping at 1; bf16 autocast on CPU and CUDA. The scenes are
rendered on the fly on the device (scenes.py, the "train" seed range).

Writes to ``--out`` (6 files; prompted_eval.py measures):
- log.jsonl: one JSON object a line (evaluator and model training, progress, timings);
- checkpoint.pt: what a continuation needs besides the EMA weights (the raw model
  weights in fp16, the run state, the evaluator); no optimiser moments: a resume
  re-warms the learning rate over ``--rewarm`` steps instead; ``lean_checkpoint``
  drops the raw weights (a resume then starts the model from the EMA weights);
- weights.fp16.pt: the final EMA weights in fp16 (prompted.save_weights);
- progress.png: the same 8 held-out captions (and noise) sampled at 25%, 50%, 75% and
  100% of the training time;
- samples.png: the first 32 held-out evaluation samples with their captions;
- results.json: the evaluator's accuracy on real scenes, the model's prompt
  accuracy on held-out captions (dense Euler, ``--steps``, CFG ``--guidance``) with
  its confusion matrix, the Fréchet distance to the real renders of the same
  captions, and the training summary.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

import png
import prompted
import prompted_eval
import scene_evaluator
import scene_tokenizer
import scenes

PROGRESS_AT = (0.25, 0.5, 0.75)


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--minutes", type=float, default=5.0, help="wall-clock budget of the whole call")
    ap.add_argument("--batch", type=int, default=None, help="default 512 on CUDA, 64 on CPU")
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--warmup", type=int, default=300)
    ap.add_argument("--rewarm", type=int, default=100)
    ap.add_argument("--decay-frac", type=float, default=0.3)
    ap.add_argument("--ema", type=float, default=0.999)
    ap.add_argument("--empty-captions", type=float, default=0.1)
    ap.add_argument("--logit-mean", type=float, default=0.0,
                    help="location of the logit-normal t (SD3's logit_mean; > 0 trains more often at high noise)")
    ap.add_argument("--seed", type=int, default=20261204)
    ap.add_argument("--evaluator-seconds", type=float, default=45.0)
    ap.add_argument("--evaluator-batch", type=int, default=256)
    ap.add_argument("--steps", type=int, default=28, help="sampling steps of the evaluation")
    ap.add_argument("--guidance", type=float, default=3.0)
    ap.add_argument("--shift", type=float, default=1.0)
    ap.add_argument("--eval-count", type=int, default=1024, help="held-out captions sampled at the end")
    ap.add_argument("--eval-batch", type=int, default=256)
    ap.add_argument("--real-count", type=int, default=4096, help="real scenes the evaluator is measured on")
    ap.add_argument("--save-every", type=float, default=10.0, help="minutes between checkpoints")
    ap.add_argument("--threads", type=int, default=1, help="CPU threads (on a shared CPU, 2 OpenMP threads "
                    "ran 5× slower than 1 here: they spin waiting for each other)")
    ap.add_argument("--compile", action="store_true", help="torch.compile the training forward (torch 2.x)")
    ap.add_argument("--resume", type=Path, help="an earlier --out: continue from its checkpoint and weights")
    ap.add_argument("--max-steps", type=int, default=None, help="stop after this many steps (the schedule too)")
    ap.add_argument("--quick", action="store_true", help="seconds: tiny counts everywhere (the unit test)")
    args = ap.parse_args(argv)
    if args.batch is None:
        args.batch = 512 if args.device.startswith("cuda") else 64
    if args.quick:
        args.batch, args.evaluator_batch, args.eval_count, args.eval_batch = 4, 8, 4, 4
        args.real_count, args.steps, args.warmup = 8, 2, 2
        args.max_steps = 3 if args.max_steps is None else args.max_steps
        args.evaluator_seconds = min(args.evaluator_seconds, 3.0)
    return args


class Log:
    """log.jsonl: every record gets ``t``, seconds since the call started."""

    def __init__(self, path: Path, start: float):
        self.file, self.start = open(path, "a"), start

    def __call__(self, record: dict) -> None:
        line = json.dumps({"t": round(time.monotonic() - self.start, 2), **record})
        self.file.write(line + "\n")
        self.file.flush()
        print(line, flush=True)


def train_evaluator(args, device, log) -> scene_evaluator.SceneEvaluatorNet:
    net = scene_evaluator.train(args.evaluator_seconds, args.evaluator_batch, device,
                                max_steps=3 if args.quick else None, log=log)  # fmt: skip
    log({"evaluator_trained": net.train_info})
    return net


def build(args, device, log):
    """(model, ema, state, evaluator state dict or None) — fresh, or from ``--resume``."""
    state = {"step": 0, "images": 0, "train_seconds": 0.0, "sessions": 0}
    ev_state = None
    if args.resume:
        ckpt = torch.load(args.resume / "checkpoint.pt", map_location="cpu")
        ema, _ = prompted.load_weights(args.resume / "weights.fp16.pt", device)
        model = prompted.PromptedModel(ema.mmdit_config, ema.text_config).to(device)
        # A lean checkpoint (lean_checkpoint, the one committed between sessions) has no raw
        # weights: the model restarts from the EMA weights, which the last lr decay left close to it.
        raw = ckpt.get("model") or prompted.state_fp16(ema)
        model.load_state_dict({k: v.float() if v.is_floating_point() else v for k, v in raw.items()})
        state, ev_state = ckpt["state"], ckpt["evaluator"]
        log({"resumed": state, "raw_weights": "checkpoint" if "model" in ckpt else "from the EMA weights"})
    else:
        configs = (prompted.TINY_MMDIT_CONFIG, prompted.TINY_TEXT_CONFIG) if args.quick else ()
        model = prompted.PromptedModel(*configs).to(device)
        ema = copy.deepcopy(model)
    for p in ema.parameters():
        p.requires_grad_(False)
    return model, ema.eval(), state, ev_state


def save_checkpoint(path: Path, model, state: dict, evaluator, args) -> None:
    blob = {
        "format": prompted.FORMAT + "/checkpoint",
        "model": prompted.state_fp16(model),
        "state": state,
        "evaluator": {k: v.cpu() for k, v in evaluator.state_dict().items()},
        "args": {k: str(v) for k, v in vars(args).items()},
    }
    tmp = path.with_suffix(".tmp")
    torch.save(blob, tmp)
    os.replace(tmp, path)


def lean_checkpoint(src: Path, dst: Path) -> None:
    """``src``'s checkpoint.pt without the raw model weights (what a resume needs besides the
    EMA weights file: the run state and the evaluator), so the pair committed between sessions
    stays small: weights.fp16.pt (5.5 MB) + this (about 1.2 MB) instead of 12 MB."""
    blob = torch.load(src, map_location="cpu")
    blob.pop("model", None)
    torch.save(blob, dst)


def sample_t(b: int, dev: torch.device, logit_mean: float = 0.0) -> torch.Tensor:
    """SD3's logit-normal t: sigmoid(N(logit_mean, 1)); its median is sigmoid(logit_mean)."""
    return torch.sigmoid(torch.randn(b, device=dev) + logit_mean)


def train_step(model, fwd, opt, x0: torch.Tensor, ids: torch.Tensor, args, bf16: bool) -> torch.Tensor:
    b, dev = x0.shape[0], x0.device
    t = sample_t(b, dev, args.logit_mean)
    noise = torch.randn_like(x0)
    xt = (1 - t)[:, None, None, None] * x0 + t[:, None, None, None] * noise
    empty = torch.rand(b, device=dev) < args.empty_captions
    ids = torch.where(empty[:, None], torch.full_like(ids, scene_tokenizer.PAD_ID), ids)
    with torch.autocast(dev.type, dtype=torch.bfloat16, enabled=bf16):
        pred = fwd(xt, ids, t)
    loss = F.mse_loss(pred.float(), noise - x0)
    opt.zero_grad(set_to_none=True)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    return loss.detach()


def lr_factor(step_in_run: int, frac: float, warm: int, decay_frac: float) -> float:
    """Linear warm-up over ``warm`` steps; linear decay to 2% over the last ``decay_frac`` of the time."""
    decay = 1.0 if frac < 1 - decay_frac else max(0.02, (1 - frac) / decay_frac)
    return min(1.0, (step_in_run + 1) / warm) * decay


def main(argv=None) -> dict:
    start = time.monotonic()
    args = parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    log = Log(args.out / "log.jsonl", start)
    device = torch.device(args.device)
    if device.type == "cpu":
        torch.set_num_threads(args.threads)
        bf16 = prompted.cpu_bf16()
    else:
        torch.backends.cuda.matmul.allow_tf32 = torch.backends.cudnn.allow_tf32 = True
        torch.backends.cudnn.benchmark = True
        bf16 = True
    log({"args": {k: str(v) for k, v in vars(args).items()}, "torch": torch.__version__, "bf16": bf16})

    model, ema, state, ev_state = build(args, device, log)
    if ev_state is None:
        evaluator = train_evaluator(args, device, log)
    else:
        evaluator = scene_evaluator.SceneEvaluatorNet().to(device)
        evaluator.load_state_dict(ev_state)
        evaluator.eval()
    real_h, ids_h, labels_h, captions_h = prompted_eval.heldout(args.eval_count, device)
    ev_report = prompted_eval.measure_evaluator(evaluator, args, device, real_h, labels_h)
    feats_real = ev_report.pop("_features_heldout")
    log({"evaluator": {k: {m: v[m] for m in ("count", "prompt_acc", "object_acc")} for k, v in ev_report.items()}})

    reserve = prompted_eval.estimate_reserve(ema, args, device, bf16)
    train_start = time.monotonic()
    budget = max(0.0, start + args.minutes * 60 - reserve - train_start)
    log({"train_budget_s": round(budget, 1), "reserve_s": round(reserve, 1)})
    n_prog, noise = min(8, args.eval_count), prompted_eval.noise_for(args.eval_count, device)
    summary = train(model, ema, state, args, device, bf16, budget, log, ids_h[:n_prog], noise[:n_prog], evaluator)
    progress = summary.pop("progress")

    t0 = time.monotonic()
    prompted.save_weights(args.out / "weights.fp16.pt", ema, {"images_seen": state["images"], "steps": state["step"]})
    save_checkpoint(args.out / "checkpoint.pt", model, state, evaluator, args)  # before anything else can fail
    images, dense = prompted_eval.dense(ema, evaluator, ids_h, labels_h, noise, feats_real, args, bf16)
    progress.append(("100%", scenes.to_uint8(images[:n_prog])))  # the progress rows' captions and noise
    rows = np.concatenate([r for _, r in progress])
    labels = [n for n, _ in progress]
    png.write(args.out / "progress.png", png.grid(rows, captions_h[:n_prog] * len(progress), n_prog, row_labels=labels))
    png.write(args.out / "samples.png", png.grid(scenes.to_uint8(images[:32]), captions_h[:32], 8))
    results = {
        "model": {"family": "sd3", "format": prompted.FORMAT, "mmdit": ema.mmdit_config,
                  "text_encoder": ema.text_config.to_dict(),
                  "params": sum(p.numel() for p in ema.parameters())},  # fmt: skip
        "training": summary,
        "evaluator": {"train": getattr(evaluator, "train_info", "from the resumed checkpoint"), **ev_report},
        "dense": {"steps": args.steps, "guidance": args.guidance, "shift": args.shift,
                  "captions": f"heldout batch 0 ({scenes.SEEDS['heldout']}), {args.eval_count} scenes",
                  **dense},  # fmt: skip
        "timings": {"final_s": round(time.monotonic() - t0, 1), "reserve_s": round(reserve, 1),
                    "total_s": round(time.monotonic() - start, 1), "budget_s": args.minutes * 60},  # fmt: skip
        "confusion_axes": "rows = true cell class, columns = read; 0 empty, 1 + (size·4 + colour)·4 + shape",
    }
    (args.out / "results.json").write_text(prompted_eval.compact_json(results) + "\n")
    log({"done": {"prompt_acc": dense["prompt_acc"], "object_acc": dense["object_acc"],
                  "fd": round(dense["fd_vs_real_renders"], 3),
                  "total_s": results["timings"]["total_s"]}})  # fmt: skip
    log.file.close()
    return results


def train(model, ema, state, args, device, bf16, budget, log, prog_ids, prog_noise, evaluator) -> dict:
    """The training loop, for ``budget`` seconds (or ``--max-steps``); returns the summary."""
    fwd = torch.compile(model) if args.compile else model
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, betas=(0.9, 0.99), weight_decay=0.0)
    torch.manual_seed(args.seed + state["step"])
    warm = args.warmup if state["step"] == 0 else args.rewarm
    ema_p, model_p = list(ema.parameters()), list(model.parameters())
    state["sessions"] += 1
    t0 = last_save = last_log = time.monotonic()
    step_in_run, losses = 0, []
    progress, next_progress, curve = [], list(PROGRESS_AT), []
    while True:
        frac = (time.monotonic() - t0) / budget if budget > 0 else 1.0
        if args.max_steps is not None:  # the schedule runs over whichever ends first
            frac = max(frac, step_in_run / max(args.max_steps, 1))
        if frac >= 1:
            break
        while next_progress and frac >= next_progress[0]:
            progress.append((f"{round(next_progress.pop(0) * 100)}%", prompted_eval.sample_row(ema, prog_ids, prog_noise, args, bf16)))
        for g in opt.param_groups:
            g["lr"] = args.lr * lr_factor(step_in_run, frac, warm, args.decay_frac)
        x0, layout = scenes.batch("train", state["step"], args.batch, device)
        ids = scenes.to_device(scene_tokenizer.layout_ids(layout), device)
        losses.append(train_step(model, fwd, opt, x0, ids, args, bf16))
        decay = min(args.ema, (1 + state["step"]) / (10 + state["step"]))  # EMA warm-up: a short run's EMA is not its init
        with torch.no_grad():
            torch._foreach_mul_(ema_p, decay)
            torch._foreach_add_(ema_p, model_p, alpha=1 - decay)
        state["step"] += 1
        state["images"] += args.batch
        step_in_run += 1
        if args.quick or step_in_run % 200 == 0 or time.monotonic() - last_log > 30:
            last_log = time.monotonic()
            loss = torch.stack(losses).mean().item()
            elapsed = time.monotonic() - t0
            curve.append([state["images"], round(loss, 5)])
            log({"step": state["step"], "images": state["images"], "loss": round(loss, 5),
                 "lr": round(opt.param_groups[0]["lr"], 7), "img_per_s": round(step_in_run * args.batch / elapsed, 1)})  # fmt: skip
            losses = []
        if time.monotonic() - last_save > args.save_every * 60:
            save_checkpoint(args.out / "checkpoint.pt", model, state, evaluator, args)
            last_save = time.monotonic()
    prompted_eval.sync(device)
    seconds = time.monotonic() - t0
    state["train_seconds"] += seconds
    if next_progress:
        log({"progress_rows_not_reached": next_progress})
    return {
        "steps": state["step"], "images_seen": state["images"], "train_seconds_total": round(state["train_seconds"], 1),
        "this_run": {"steps": step_in_run, "seconds": round(seconds, 1),
                     "img_per_s": round(step_in_run * args.batch / max(seconds, 1e-9), 1)},
        "sessions": state["sessions"], "batch": args.batch, "lr": args.lr, "warmup": warm, "ema": args.ema,
        "decay_frac": args.decay_frac, "empty_captions": args.empty_captions, "logit_mean": args.logit_mean,
        "compile": args.compile,
        "loss_curve": curve, "progress": progress,
        "objective": "rectified flow, velocity target, logit-normal t",
    }  # fmt: skip


if __name__ == "__main__":
    main()
