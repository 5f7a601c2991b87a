import { describe, expect, it } from 'vitest';
import { paperSchedule, planSteps, sigmas } from '../../gpu-node/src/sampler/schedule';

describe('sigmas', () => {
  it('run from 1 to 0 and bend towards 1 under the SD3 shift', () => {
    const plain = sigmas(10, 1);
    const shifted = sigmas(10, 3);
    expect(plain[0]).toBe(1);
    expect(plain[10]).toBe(0);
    expect(plain[5]).toBeCloseTo(0.5);
    expect(shifted[5]).toBeCloseTo((3 * 0.5) / (1 + 2 * 0.5));
    for (let i = 0; i < 10; i++) expect(shifted[i + 1]).toBeLessThan(shifted[i]);
  });
});

describe('the paper schedule', () => {
  it('is warm-up 4 and resets at 12 and 20 at 28 steps', () => {
    expect(paperSchedule(28)).toEqual({ warmup: 4, resets: [12, 20] });
  });

  it('scales with the step count', () => {
    expect(paperSchedule(14)).toEqual({ warmup: 2, resets: [6, 10] });
    expect(paperSchedule(56)).toEqual({ warmup: 8, resets: [24, 40] });
    expect(paperSchedule(1)).toEqual({ warmup: 1, resets: [] });
  });
});

describe('planSteps', () => {
  const plan = planSteps(28, 1024, { warmup: 4, resets: [12, 20], ratio: 0.25, dense: false });

  it('makes warm-up and reset steps dense and the rest RAS', () => {
    const dense = plan.flatMap((p, i) => (p.kind === 'dense' ? [i] : []));
    expect(dense).toEqual([0, 1, 2, 3, 12, 20]);
  });

  it('runs ceil(r·N) tokens on RAS steps and N on dense ones', () => {
    expect(plan[4].tokens).toBe(256);
    expect(plan[12].tokens).toBe(1024);
    expect(planSteps(3, 10, { warmup: 1, resets: [], ratio: 0.33, dense: false })[1].tokens).toBe(4);
  });

  it('ramps the ratio linearly over the RAS steps', () => {
    const ramp = planSteps(10, 100, { warmup: 2, resets: [], ratio: { from: 0.5, to: 0.1 }, dense: false });
    const ras = ramp.filter((p) => p.kind === 'ras').map((p) => p.tokens);
    expect(ras[0]).toBe(50);
    expect(ras.at(-1)).toBe(10);
    for (let k = 1; k < ras.length; k++) expect(ras[k]).toBeLessThanOrEqual(ras[k - 1]);
  });

  it('turns ratio 1 and the dense policy into all-dense plans', () => {
    expect(planSteps(8, 64, { warmup: 1, resets: [], ratio: 1, dense: false }).every((p) => p.kind === 'dense')).toBe(
      true,
    );
    expect(planSteps(8, 64, { warmup: 1, resets: [], ratio: 0.5, dense: true }).every((p) => p.kind === 'dense')).toBe(
      true,
    );
  });
});
