import { describe, expect, it } from 'vitest';
import { ModelRegistry } from '../../gpu-node/src/runtime/registry';
import { SamplerConfigError } from '../../gpu-node/src/sampler/errors';
import type { SampleRequest } from '../../gpu-node/src/sampler/settings';
import { FakeModel, fakeCard } from '../helpers/fake-model';
import { resolveAndSample } from '../helpers/sample';

const ok: SampleRequest = { cond: [1], seeds: [1], steps: 8, guidance: 1 };

describe('bad configuration', () => {
  const cases: [string, SampleRequest, string][] = [
    ['ratio 0', { ...ok, ras: { ratio: 0 } }, 'ras.ratio'],
    ['ratio above 1', { ...ok, ras: { ratio: 1.5 } }, 'ras.ratio'],
    ['a ramp ending at 0', { ...ok, ras: { ratio: { from: 0.5, to: 0 } } }, 'ras.ratio'],
    ['zero steps', { ...ok, steps: 0 }, 'steps'],
    ['fractional steps', { ...ok, steps: 2.5 }, 'steps'],
    ['a grid beyond the card', { ...ok, grid: [17, 4] }, 'grid'],
    ['an unknown policy', { ...ok, ras: { policy: 'magic' as never } }, 'ras.policy'],
    ['a class outside the vocabulary', { ...ok, cond: [9] }, 'cond'],
    ['seeds that do not match the batch', { ...ok, seeds: [1, 2] }, 'seeds'],
    ['a negative seed', { ...ok, seeds: [-1] }, 'seeds'],
    ['negative guidance', { ...ok, guidance: -1 }, 'guidance'],
    ['a reset step past the end', { ...ok, ras: { resets: [8] } }, 'ras.resets'],
    ['h outside [0, 1]', { ...ok, ras: { highRatio: 2 } }, 'ras.highRatio'],
    ['warm-up 0 with a RAS first step', { ...ok, ras: { warmup: 0 } }, 'ras.warmup'],
  ];

  it.each(cases)('%s is a SamplerConfigError naming the field, raised before any compute', async (_, req, field) => {
    const fake = new FakeModel(fakeCard(), () => 0);
    const run = resolveAndSample(fake, req);
    await expect(run).rejects.toBeInstanceOf(SamplerConfigError);
    await expect(run).rejects.toMatchObject({ field });
    expect(fake.calls.length).toBe(0);
  });

  it('an unknown model is a SamplerConfigError on "model" listing the known ones', async () => {
    const registry = await ModelRegistry.scan();
    expect(() => registry.get('nope')).toThrowError(/model: unknown model "nope"; known: .*test-tiny/);
  });
});
