import { describe, expect, it } from 'vitest';
import { Evaluator, tokensToNchw } from '../../gpu-node/src/eval/evaluator';
import { ModelRegistry } from '../../gpu-node/src/runtime/registry';
import { classCond } from '../../gpu-node/src/sampler/conditioning';
import { resolveAndSample } from '../helpers/sample';

describe('the embedded default model', () => {
  it('loads and draws a class the evaluator recognises, for fixed seeds', async () => {
    const model = await (await ModelRegistry.scan()).get('shapes-dit');
    const { card } = model;
    const cond = classCond(card);
    expect(cond.labels).toContain('red circle');
    const evaluator = await Evaluator.load();
    const wanted = ['red circle', 'blue square', 'yellow triangle', 'green cross'].map((l) => cond.labels!.indexOf(l));
    const res = await resolveAndSample(model, {
      cond: wanted,
      seeds: wanted.map((_, i) => 7 + i),
      steps: card.recommended.steps,
      guidance: card.recommended.guidance,
    });
    const layout = { grid: card.grid.default, patch: card.patch, channels: card.channels };
    const cls = await evaluator.classify(tokensToNchw(res.tokens, wanted.length, layout), wanted.length);
    const hits = wanted.filter((c, i) => cls.predicted[i] === c).length;
    expect(hits, `predicted ${[...cls.predicted].map((p) => cond.labels![p])}`).toBeGreaterThanOrEqual(3);
  });
});
