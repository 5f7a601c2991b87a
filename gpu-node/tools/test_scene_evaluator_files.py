"""The scene evaluator's stored form: folding batch norm keeps the net's outputs, the
stored weights are exact in fp16, and the golden score cases hold what score() says."""

from __future__ import annotations

import unittest

import numpy as np
import torch

import scene_evaluator
import scene_evaluator_files as files


def trained_like_state() -> dict:
    """A random evaluator state with batch-norm statistics away from the identity."""
    torch.manual_seed(3)
    net = scene_evaluator.SceneEvaluatorNet()
    with torch.no_grad():
        for m in net.modules():
            if isinstance(m, torch.nn.BatchNorm2d):
                m.running_mean.uniform_(-0.5, 0.5)
                m.running_var.uniform_(0.5, 2.0)
                m.weight.uniform_(0.5, 1.5)
                m.bias.uniform_(-0.2, 0.2)
    return net.state_dict()


class StoredNetTest(unittest.TestCase):
    def test_folding_batch_norm_keeps_the_outputs(self):
        state = trained_like_state()
        plain = scene_evaluator.SceneEvaluatorNet()
        plain.load_state_dict(state)
        plain.eval()
        x = torch.rand(2, 3, 64, 64) * 2 - 1
        net = scene_evaluator.SceneEvaluatorNet()
        net.load_state_dict(state)
        net.eval()
        files.fold_batch_norm(net)
        self.assertFalse(any(isinstance(m, torch.nn.BatchNorm2d) for m in net.modules()))
        with torch.no_grad():
            (a, fa), (b, fb) = plain(x), net(x)
        self.assertLess((a - b).abs().max().item(), 1e-4)
        self.assertLess((fa - fb).abs().max().item(), 1e-4)

    def test_stored_weights_are_exact_in_fp16(self):
        net = files.stored_net(trained_like_state())
        for name, p in net.named_parameters():
            self.assertTrue(torch.equal(p, p.half().float()), name)


class ScoreCasesTest(unittest.TestCase):
    def test_a_perfect_read_scores_one_and_a_missed_object_fails_its_caption(self):
        labels = np.array([[0, 3, 0, 0, 0, 0, 0, 0, 20], [5, 0, 0, 0, 0, 0, 0, 0, 0]])
        self.assertEqual(scene_evaluator.score(labels, labels)["prompt_acc"], 1.0)
        pred = labels.copy()
        pred[0, 8] = 0  # the large object read as empty: wrong in every attribute
        s = scene_evaluator.score(pred, labels)
        self.assertEqual(s["prompt_acc"], 0.5)
        self.assertAlmostEqual(s["shape_acc"], 2 / 3)
        self.assertAlmostEqual(s["object_acc"], 2 / 3)


if __name__ == "__main__":
    unittest.main()
