"""What export_scene_evaluator.py writes beside the graph: the stored form of the
net (batch norm folded, weights in 16 bits), the golden file of the TypeScript
tests and the held-out captions the bench samples.

The net is stored as it is measured: ``fold_batch_norm`` then ``round_weights``
(half_storage.py) give the exact PyTorch model whose weights the graph holds in
fp16 (``store_half``), so the card's accuracies are those of the file.
"""

from __future__ import annotations

import base64

import numpy as np
import torch
from torch import nn

import scene_evaluator
import scenes
from evaluator_io import quantise
from half_storage import round_weights

#: The held-out captions the bench samples: scenes.batch("heldout", 0, HELDOUT_CAPTIONS)'s,
#: the first batch prompted_eval.heldout draws at this count.
HELDOUT_CAPTIONS = 256
GOLDEN_IMAGES = 4
#: Prediction cases of the golden score check: held-out labels with cells re-read at random.
SCORE_CASES = 64
SCORE_SEED = 20261206


def fold_batch_norm(net: scene_evaluator.SceneEvaluatorNet) -> scene_evaluator.SceneEvaluatorNet:
    """``net`` (eval mode) with every conv → batch norm pair made one biased conv, in place."""

    def fold(seq: nn.Sequential) -> None:
        for i in range(len(seq) - 1):
            conv, bn = seq[i], seq[i + 1]
            if isinstance(conv, nn.Conv2d) and isinstance(bn, nn.BatchNorm2d):
                scale = bn.weight / torch.sqrt(bn.running_var + bn.eps)
                bias = bn.bias - bn.running_mean * scale
                if conv.bias is not None:
                    bias = bias + conv.bias * scale
                fused = nn.Conv2d(conv.in_channels, conv.out_channels, conv.kernel_size, conv.stride, conv.padding)
                with torch.no_grad():
                    fused.weight.copy_(conv.weight * scale[:, None, None, None])
                    fused.bias.copy_(bias)
                seq[i], seq[i + 1] = fused, nn.Identity()

    for module in list(net.modules()):
        if isinstance(module, nn.Sequential):
            fold(module)
    return net.eval()


def stored_net(state: dict) -> scene_evaluator.SceneEvaluatorNet:
    """The evaluator of a checkpoint's state dict as the graph stores it: folded, fp16-exact weights."""
    net = scene_evaluator.SceneEvaluatorNet()
    net.load_state_dict({k: v.float() if v.is_floating_point() else v for k, v in state.items()})
    net.eval()
    with torch.no_grad():
        fold_batch_norm(net)
    round_weights(net)
    return net


def heldout_captions() -> dict:
    """The bench's held-out captions with their per-cell labels (so no TypeScript grammar)."""
    _, layout = scenes.batch("heldout", 0, HELDOUT_CAPTIONS)
    labels = layout.labels
    return {
        "recipe": f"scenes.batch('heldout', 0, {HELDOUT_CAPTIONS}): seeds {scenes.SEEDS['heldout']} + 0",
        "count": len(labels),
        "labels_note": "per caption 9 cell labels, row-major: label l reads evaluator.json cell_classes[l] (0: empty)",
        "captions": [scenes.caption(lab) for lab in labels],
        "labels": labels.tolist(),
    }


def real_heldout_images() -> tuple[torch.Tensor, np.ndarray]:
    """The real renders of the held-out captions (the Fréchet distance's reference) and their labels."""
    images, layout = scenes.batch("heldout", 0, HELDOUT_CAPTIONS)
    return images, layout.labels


def golden(net: scene_evaluator.SceneEvaluatorNet, tolerance: float) -> dict:
    """golden.json: a few real renders (8-bit, as the tests decode them) with torch's outputs, and
    prediction cases with scene_evaluator.score's numbers (the TypeScript score must agree)."""
    images, labels = real_heldout_images()
    pixels = quantise(images[:GOLDEN_IMAGES].numpy())
    x = torch.from_numpy(pixels.astype(np.float32) / 127.5 - 1)
    with torch.no_grad():
        logits, features = net(x)
    rng = np.random.default_rng(SCORE_SEED)
    true = labels[:SCORE_CASES]
    pred = np.where(rng.random(true.shape) < 0.2, rng.integers(0, scenes.NUM_CELL_CLASSES, true.shape), true)
    pred[:GOLDEN_IMAGES] = logits.argmax(-1).numpy()
    return {
        "images": {
            "recipe": f"the first {GOLDEN_IMAGES} of heldout-captions.json's real renders, quantised to 8 bits",
            "dims": list(pixels.shape),
            "decode": "x = byte / 127.5 - 1",
            "pixels": base64.b64encode(pixels.tobytes()).decode("ascii"),
            "labels": labels[:GOLDEN_IMAGES].tolist(),
            "tolerance": tolerance,
            "logits": logits.numpy().round(6).tolist(),
            "features": features.numpy().round(6).tolist(),
        },
        "score": {
            "recipe": f"labels: heldout-captions.json's first {SCORE_CASES}; predictions: the evaluator's on the "
            f"golden images, then each cell re-read at random with probability 0.2 (seed {SCORE_SEED})",
            "labels": true.tolist(),
            "predicted": pred.tolist(),
            "python": scene_evaluator.score(pred, true),
        },
    }
