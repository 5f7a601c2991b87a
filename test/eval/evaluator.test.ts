import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classAccuracy } from '../../gpu-node/src/eval/accuracy';
import { Evaluator } from '../../gpu-node/src/eval/evaluator';
import { featureStats, frechetDistance } from '../../gpu-node/src/eval/frechet';
import { loadRealStats } from '../../gpu-node/src/eval/real-stats';
import { gaussian } from '../../gpu-node/src/sampler/rng';
import { loadFixture } from './fixture';

describe('the committed evaluator', () => {
  let evaluator: Evaluator;
  const fixture = loadFixture();

  beforeAll(async () => {
    evaluator = await Evaluator.load(undefined, { intraOpThreads: 1 });
  });
  afterAll(() => evaluator.dispose());

  it('classifies the committed real fixture with accuracy ≥ 0.95', async () => {
    const out = await evaluator.classify(fixture.images, fixture.count);
    expect(out.predicted).toHaveLength(fixture.count);
    expect(classAccuracy(out.predicted, fixture.labels)).toBeGreaterThanOrEqual(0.95);
  });

  it('returns logits [B, 16] and features [B, featureDim], and predicts the argmax', async () => {
    const out = await evaluator.classify(fixture.images.subarray(0, 3 * 3072), 3);
    expect(evaluator.labels).toHaveLength(16);
    expect(out.logits).toHaveLength(3 * 16);
    expect(out.features).toHaveLength(3 * out.featureDim);
    expect(out.featureDim).toBe(evaluator.featureDim);
    for (let b = 0; b < 3; b++) {
      const row = Array.from(out.logits.subarray(b * 16, b * 16 + 16));
      expect(out.predicted[b]).toBe(row.indexOf(Math.max(...row)));
    }
  });

  it('gives an image the same result alone as in a batch', async () => {
    const all = await evaluator.classify(fixture.images, fixture.count);
    const one = await evaluator.classify(fixture.images.slice(5 * 3072, 6 * 3072), 1);
    const dim = all.featureDim;
    expect(one.predicted[0]).toBe(all.predicted[5]);
    for (let i = 0; i < dim; i++) expect(one.features[i]).toBeCloseTo(all.features[5 * dim + i], 4);
  });

  it('puts real images far closer to the real statistics than noise images', async () => {
    const real = await loadRealStats();
    expect(real.dim).toBe(evaluator.featureDim);
    const noise = new Float32Array(fixture.images.length);
    gaussian(7, 0, noise);
    const fd = async (images: Float32Array) => {
      const out = await evaluator.classify(images, fixture.count);
      return frechetDistance(featureStats(out.features, out.count, out.featureDim), real);
    };
    expect(await fd(fixture.images)).toBeLessThan(0.25 * (await fd(noise.map((v) => v * 0.5))));
  });

  it('rejects an image buffer that is not count × 3 × 32 × 32', async () => {
    await expect(evaluator.classify(new Float32Array(100), 1)).rejects.toThrow(/images/);
  });
});
