import { beforeAll, describe, expect, it } from 'vitest';
import type { OnnxDitModel } from '../../gpu-node/src/runtime/onnx-model';
import { SamplingCancelledError } from '../../gpu-node/src/sampler/errors';
import type { StepEvent } from '../../gpu-node/src/sampler/sampler';
import type { SampleRequest } from '../../gpu-node/src/sampler/settings';
import { FakeModel, fakeCard } from '../helpers/fake-model';
import { loadTestModel } from '../helpers/models';
import { resolveAndSample } from '../helpers/sample';

let model: OnnxDitModel;
beforeAll(async () => {
  model = await loadTestModel();
});

const base: SampleRequest = { cond: [1], seeds: [42], steps: 12, guidance: 1, ras: { ratio: 0.25 } };
const maxAbsDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, k) => Math.max(m, Math.abs(v - b[k])), 0);

describe('the sampler on the ONNX test model', () => {
  it('with ratio 1 gives exactly the dense result', async () => {
    const dense = await resolveAndSample(model, { ...base, ras: { policy: 'dense' } });
    const full = await resolveAndSample(model, { ...base, ras: { policy: 'std', ratio: 1 } });
    expect(full.tokens).toEqual(dense.tokens);
    expect(full.tokensRun).toBe(dense.tokensDense);
  });

  it('with ratio 0.25 runs fewer tokens and lands near the dense result', async () => {
    const dense = await resolveAndSample(model, { ...base, ras: { policy: 'dense' } });
    const ras = await resolveAndSample(model, base);
    expect(ras.tokensRun).toBeLessThan(dense.tokensRun);
    const diff = maxAbsDiff(ras.tokens, dense.tokens);
    expect(diff).toBeGreaterThan(0);
    const scale = dense.tokens.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    expect(diff).toBeLessThan(scale);
  });

  it('runs a batch of 2 (with CFG) like two single runs', async () => {
    const req = { ...base, guidance: 2.5, ras: { ratio: 0.5 } };
    const pair = await resolveAndSample(model, { ...req, cond: [1, 3], seeds: [7, 8] });
    const one = await resolveAndSample(model, { ...req, cond: [1], seeds: [7] });
    const two = await resolveAndSample(model, { ...req, cond: [3], seeds: [8] });
    const half = one.tokens.length;
    expect(maxAbsDiff(pair.tokens.subarray(0, half), one.tokens)).toBeLessThan(1e-4);
    expect(maxAbsDiff(pair.tokens.subarray(half), two.tokens)).toBeLessThan(1e-4);
  });

  it('gives the same image for the same seed and another for another seed', async () => {
    const a = await resolveAndSample(model, base);
    const b = await resolveAndSample(model, base);
    const c = await resolveAndSample(model, { ...base, seeds: [43] });
    expect(b.tokens).toEqual(a.tokens);
    expect(maxAbsDiff(a.tokens, c.tokens)).toBeGreaterThan(0.1);
  });

  it('samples a non-square grid other than the default', async () => {
    const res = await resolveAndSample(model, { ...base, grid: [3, 5] });
    expect(res.tokens.length).toBe(15 * model.card.token_dim);
    expect(res.tokens.every(Number.isFinite)).toBe(true);
  });

  it('predicts the final image at the last step (x − σ·v lands where Euler ends)', async () => {
    const events: StepEvent[] = [];
    const res = await resolveAndSample(model, { ...base, previewEvery: 4 }, { onStep: (e) => events.push(e) });
    const previews = events.filter((e) => e.predictedClean).map((e) => e.step);
    expect(previews).toEqual([3, 7, 11]);
    expect(maxAbsDiff(events[11].predictedClean!, res.tokens)).toBeLessThan(1e-5);
  });
});

describe("the sampler's step events", () => {
  /** Token velocity spread grows with the token index and depends on the class. */
  const field = (j: number, d: number, t: number, cond: number) =>
    (d % 2 ? -1 : 1) * (1 + ((j * (cond + 1)) % 24)) + t * 1e-4;

  it('follow the plan: kinds, token counts and masks', async () => {
    const fake = new FakeModel(fakeCard(), field);
    const events: StepEvent[] = [];
    const res = await resolveAndSample(fake, { ...base, steps: 28 }, { onStep: (e) => events.push(e) });
    expect(events.map((e) => e.kind === 'dense')).toEqual(res.request.plan.map((p) => p.kind === 'dense'));
    for (const e of events) expect(e.mask.reduce((s, v) => s + v, 0)).toBe(e.tokensRun);
    expect(events[4].tokensRun).toBe(6);
    expect(res.tokensRun).toBe(events.reduce((s, e) => s + e.tokensRun, 0));
  });

  it('share one selection within a CFG pair and choose per image', async () => {
    const fake = new FakeModel(fakeCard(), field);
    await resolveAndSample(fake, { ...base, cond: [0, 1], seeds: [1, 2], guidance: 3 });
    const rasCalls = fake.calls.filter((c) => c.tokens < 24);
    expect(rasCalls.length).toBeGreaterThan(0);
    for (const c of rasCalls) {
      const rowsOf = (r: number) => [...c.tokenIndex.subarray(r * c.tokens, (r + 1) * c.tokens)];
      expect(c.rows).toBe(4);
      expect(rowsOf(2)).toEqual(rowsOf(0));
      expect(rowsOf(3)).toEqual(rowsOf(1));
      expect([...c.cond.cond.data]).toEqual([0n, 1n, 4n, 4n]);
    }
    const differs = (c: (typeof rasCalls)[0]) =>
      c.tokenIndex.subarray(0, c.tokens).some((j, t) => j !== c.tokenIndex[c.tokens + t]);
    expect(rasCalls.every(differs)).toBe(true);
  });

  it('stop within one step of an abort', async () => {
    const fake = new FakeModel(fakeCard(), field);
    const ctl = new AbortController();
    const run = resolveAndSample(fake, base, {
      signal: ctl.signal,
      onStep: (e) => {
        if (e.step === 2) ctl.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(SamplingCancelledError);
    expect(fake.calls.length).toBe(3);
  });
});

describe('starvation', () => {
  /** Adversarial: a fixed metric order, so without starvation the same tokens are always dropped. */
  const field = (j: number, d: number) => (d % 2 ? -1 : 1) * (j + 1);
  const longRun = { cond: [0], seeds: [5], steps: 60, guidance: 1 };

  async function worstStaleness(ras: SampleRequest['ras']) {
    const fake = new FakeModel(fakeCard(), field);
    let stale = new Int32Array(24);
    let worst = 0;
    const req = { ...longRun, ras: { warmup: 1, resets: [], ratio: 0.25, ...ras } };
    const res = await resolveAndSample(fake, req, {
      onStep: (e) => {
        stale = stale.map((s, j) => (e.mask[j] ? 0 : s + 1));
        worst = Math.max(worst, ...stale);
      },
    });
    return { worst, bound: res.request.staleBound };
  }

  it('leaves no token uncomputed for more than the stated bound', async () => {
    for (const highRatio of [1, 0, 0.3]) {
      const { worst, bound } = await worstStaleness({ highRatio });
      expect(bound).toBe(8 + 4 - 1);
      expect(worst).toBeLessThanOrEqual(bound);
    }
  });

  it('holds with the soft term alone', async () => {
    const { worst } = await worstStaleness({ maxStale: 1000, starvationScale: 0.5 });
    expect(worst).toBeLessThan(20);
  });

  it('is what keeps tokens alive: without it they starve for the whole run', async () => {
    const { worst } = await worstStaleness({ maxStale: 1000, starvationScale: 0 });
    expect(worst).toBe(59);
  });
});
