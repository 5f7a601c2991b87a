import { describe, expect, it } from 'vitest';
import { POLICY_NAMES, selectionPolicy } from '../../gpu-node/src/sampler/selection/policies';
import { selectTokens, stalenessBound } from '../../gpu-node/src/sampler/selection/select';

const N = 12;
const DIM = 4;
/** Token j's velocity row: std grows with j, mean and norm too. */
const vel = Float32Array.from({ length: N * DIM }, (_, k) => Math.floor(k / DIM) * (k % 2 === 0 ? 1 : -1));
const all = Int32Array.from({ length: N }, (_, j) => j);

describe.each(POLICY_NAMES.filter((n) => !selectionPolicy(n).dense))('policy %s (shared contract)', (name) => {
  const p = selectionPolicy(name);

  it('scores every token it is given with a finite, non-negative value', () => {
    const out = new Float32Array(N).fill(-1);
    p.score(vel, DIM, all, out, { seed: 3, step: 0 });
    for (const s of out) expect(Number.isFinite(s) && s >= 0).toBe(true);
  });

  it('is deterministic for the same seed and step', () => {
    const a = new Float32Array(N);
    const b = new Float32Array(N);
    p.score(vel, DIM, all, a, { seed: 3, step: 5 });
    p.score(vel, DIM, all, b, { seed: 3, step: 5 });
    expect(b).toEqual(a);
  });
});

describe('policies', () => {
  it('std and l2norm rank tokens by their velocity spread and size', () => {
    for (const name of ['std', 'l2norm'] as const) {
      const out = new Float32Array(N);
      selectionPolicy(name).score(vel, DIM, all, out, { seed: 0, step: 0 });
      for (let j = 1; j < N; j++) expect(out[j]).toBeGreaterThan(out[j - 1]);
    }
  });

  it('std leaves tokens it was not given untouched (their velocity is cached)', () => {
    const out = new Float32Array(N).fill(7);
    selectionPolicy('std').score(vel, DIM, Int32Array.of(2, 5), out, { seed: 0, step: 0 });
    expect(out[0]).toBe(7);
    expect(out[2]).not.toBe(7);
  });

  it('random draws a different order at each step', () => {
    const a = new Float32Array(N);
    const b = new Float32Array(N);
    selectionPolicy('random').score(vel, DIM, all, a, { seed: 1, step: 0 });
    selectionPolicy('random').score(vel, DIM, all, b, { seed: 1, step: 1 });
    expect(b).not.toEqual(a);
  });
});

describe('selectTokens', () => {
  const metric = Float32Array.from({ length: N }, (_, j) => j + 1);
  const fresh = new Int32Array(N);
  const opts = { highRatio: 1, starvationScale: 0, maxStale: 100 };

  it('with h = 1 drops the high end and keeps the lowest-metric tokens', () => {
    const out = new Int32Array(4);
    selectTokens(metric, fresh, out, opts);
    expect([...out]).toEqual([0, 1, 2, 3]);
  });

  it('with h = 0 drops the low end', () => {
    const out = new Int32Array(4);
    selectTokens(metric, fresh, out, { ...opts, highRatio: 0 });
    expect([...out]).toEqual([8, 9, 10, 11]);
  });

  it('with h = 0.5 keeps the middle band', () => {
    const out = new Int32Array(4);
    selectTokens(metric, fresh, out, { ...opts, highRatio: 0.5 });
    expect([...out]).toEqual([4, 5, 6, 7]);
  });

  it('the soft starvation term moves a starved token towards the kept band', () => {
    const stale = new Int32Array(N);
    stale[11] = 30;
    const out = new Int32Array(4);
    selectTokens(metric, stale, out, { ...opts, starvationScale: 0.2 });
    expect([...out]).toContain(11);
    selectTokens(metric, stale, out, { ...opts, highRatio: 0, starvationScale: 0.2 });
    expect([...out]).toContain(11);
  });

  it('runs tokens at the hard bound first, most starved first', () => {
    const stale = Int32Array.from({ length: N }, (_, j) => (j >= 6 ? 10 + j : 0));
    const out = new Int32Array(4);
    selectTokens(metric, stale, out, { ...opts, maxStale: 10 });
    expect([...out]).toEqual([8, 9, 10, 11]);
  });

  it('states its bound as maxStale + ceil(N/n) − 1', () => {
    expect(stalenessBound(8, 1024, 256)).toBe(11);
  });
});
