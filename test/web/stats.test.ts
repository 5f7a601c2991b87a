import { describe, expect, it } from 'vitest';
import { addProgress, describeResult, describeStats, emptyStats, speedups } from '../../edge/public/js/stats.js';

const step = (i: number, kind: 'dense' | 'ras', tokensRun: number, stepMs: number) => ({
  step: i,
  steps: 4,
  kind,
  tokensRun,
  tokens: 24,
  stepMs,
});

describe('generation stats', () => {
  it('counts steps, tokens computed vs a dense run, and both speedups', () => {
    let s = emptyStats();
    s = addProgress(s, step(0, 'dense', 24, 10));
    s = addProgress(s, step(1, 'ras', 6, 4));
    s = addProgress(s, step(2, 'ras', 6, 4));
    s = addProgress(s, step(3, 'dense', 24, 10));
    expect(s).toMatchObject({ stepsDone: 4, steps: 4, tokensRun: 60, tokensTotal: 96 });
    const { compute, time } = speedups(s);
    expect(compute).toBeCloseTo(96 / 60);
    expect(time).toBeCloseTo(40 / 28); // 4 dense steps at 10 ms vs 28 ms spent
    expect(describeStats(s)).toBe(
      'Step 4 of 4. Computed 60 of 96 token evaluations (63%): 1.60× less compute than dense, about 1.43× faster by measured step times.',
    );
  });

  it("does not time dense steps that ran only part of the image (an edit's region)", () => {
    let s = emptyStats();
    s = addProgress(s, step(0, 'dense', 6, 2));
    s = addProgress(s, step(1, 'ras', 3, 1));
    expect(speedups(s)).toEqual({ compute: 48 / 9, time: null });
  });

  it('has no time estimate before both kinds of step were timed', () => {
    const s = addProgress(emptyStats(), step(0, 'dense', 24, 10));
    expect(speedups(s)).toEqual({ compute: 1, time: null });
    expect(describeStats(emptyStats())).toBe('Waiting for the first step…');
  });

  it('says a run that computed every token was dense, not "1.00× fewer"', () => {
    const s = addProgress(emptyStats(), step(0, 'dense', 24, 10));
    expect(describeStats(s)).toBe(
      'Step 1 of 4. Computed 24 of 24 token evaluations (100%): every token, as dense sampling would.',
    );
    expect(describeResult({ totalMs: 12.4, edgeMs: 20, tokensRun: 24, tokensTotal: 96, rehomed: false })).toBe(
      'Sampling took 12 ms (20 ms end to end). Computed 24 of 96 token evaluations (25%): 4.00× less compute than dense.',
    );
  });
});
