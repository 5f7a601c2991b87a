/**
 * Region-selection strategies, chosen by name from a small registry (docs/design.md#rooms).
 * A policy scores tokens; `select.ts` turns scores into the set to run.
 */
import { uniformAt } from '../rng';

export interface MetricContext {
  /** The image's seed: the random policy draws from a side stream of it. */
  seed: number;
  /** The step whose output is being scored. */
  step: number;
}

export type PolicyName = 'std' | 'l2norm' | 'random' | 'dense';

export interface SelectionPolicy {
  readonly name: PolicyName;
  /** Every step dense: the policy never selects. */
  readonly dense: boolean;
  /** Scores tokens `tokens` (indices) of one image from their velocity rows. */
  score(vel: Float32Array, tokenDim: number, tokens: ArrayLike<number>, out: Float32Array, ctx: MetricContext): void;
}

/** Standard deviation of each token's velocity over its C·p·p values (official `std`). */
function stdScore(vel: Float32Array, dim: number, tokens: ArrayLike<number>, out: Float32Array): void {
  for (let i = 0; i < tokens.length; i++) {
    const j = tokens[i];
    const base = j * dim;
    let sum = 0;
    let sq = 0;
    for (let d = 0; d < dim; d++) {
      const x = vel[base + d];
      sum += x;
      sq += x * x;
    }
    const mean = sum / dim;
    out[j] = Math.sqrt(Math.max(0, sq / dim - mean * mean));
  }
}

function l2Score(vel: Float32Array, dim: number, tokens: ArrayLike<number>, out: Float32Array): void {
  for (let i = 0; i < tokens.length; i++) {
    const j = tokens[i];
    let sq = 0;
    for (let d = j * dim; d < (j + 1) * dim; d++) sq += vel[d] * vel[d];
    out[j] = Math.sqrt(sq);
  }
}

/** The paper's ablation baseline: a uniform score, fresh each step, from the image's seed. */
function randomScore(
  _vel: Float32Array,
  _dim: number,
  tokens: ArrayLike<number>,
  out: Float32Array,
  ctx: MetricContext,
): void {
  const words = new Uint32Array(4);
  for (let j = 0; j < out.length; j++) out[j] = uniformAt(ctx.seed, 1 + ctx.step, j, words);
  void tokens;
}

const POLICIES: Record<PolicyName, SelectionPolicy> = {
  std: { name: 'std', dense: false, score: stdScore },
  l2norm: { name: 'l2norm', dense: false, score: l2Score },
  random: { name: 'random', dense: false, score: randomScore },
  dense: { name: 'dense', dense: true, score: () => {} },
};
export const POLICY_NAMES = Object.keys(POLICIES) as PolicyName[];

/** Whether `name` names a selection policy. */
export function isPolicyName(name: string): name is PolicyName {
  return Object.hasOwn(POLICIES, name);
}

/** The selection policy called `name`. */
export function selectionPolicy(name: PolicyName): SelectionPolicy {
  return POLICIES[name];
}
