/**
 * The step plan: σ schedule (flow matching with the SD3 shift) and, per step,
 * whether it is dense or RAS and how many tokens it runs (docs/design.md#ras-sampling).
 */

/** σ_0..σ_steps from 1 to 0, shifted: σ' = s·σ / (1 + (s − 1)·σ). */
export function sigmas(steps: number, shift: number): Float64Array {
  const out = new Float64Array(steps + 1);
  for (let i = 0; i <= steps; i++) {
    const s = 1 - i / steps;
    out[i] = (shift * s) / (1 + (shift - 1) * s);
  }
  return out;
}

/** The paper's schedule at 28 steps, scaled to `steps`: warm-up 4, resets at 12 and 20. */
export function paperSchedule(steps: number): { warmup: number; resets: number[] } {
  const scale = (i: number) => Math.round((i * steps) / 28);
  const warmup = Math.max(1, scale(4));
  const resets = [scale(12), scale(20)].filter((i) => i >= warmup && i < steps);
  return { warmup, resets: [...new Set(resets)] };
}

export type StepKind = 'dense' | 'ras';

/** A ratio held constant or ramped linearly over the RAS steps (first → last). */
export type Ratio = number | { from: number; to: number };

export interface StepPlan {
  kind: StepKind;
  /** Tokens run per image at this step (N on dense steps). */
  tokens: number;
  ratio: number;
}

/** Per-step kinds and token counts for a grid of `n` tokens. */
export function planSteps(
  steps: number,
  n: number,
  opts: { warmup: number; resets: readonly number[]; ratio: Ratio; dense: boolean },
): StepPlan[] {
  const isDense = (i: number) => opts.dense || i < opts.warmup || opts.resets.includes(i);
  const rasSteps = Array.from({ length: steps }, (_, i) => i).filter((i) => !isDense(i));
  const ratioOf = (k: number): number => {
    if (typeof opts.ratio === 'number') return opts.ratio;
    const t = rasSteps.length > 1 ? k / (rasSteps.length - 1) : 0;
    return opts.ratio.from + (opts.ratio.to - opts.ratio.from) * t;
  };
  let k = 0;
  return Array.from({ length: steps }, (_, i): StepPlan => {
    if (isDense(i)) return { kind: 'dense', tokens: n, ratio: 1 };
    const ratio = ratioOf(k++);
    const tokens = Math.min(n, Math.max(1, Math.ceil(ratio * n - 1e-9)));
    return tokens === n ? { kind: 'dense', tokens: n, ratio: 1 } : { kind: 'ras', tokens, ratio };
  });
}
