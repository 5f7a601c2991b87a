/** What a run reports: per-step events, timings and the final result. */
import type { StepKind } from './schedule';
import type { ResolvedRequest } from './settings';
import type { Trajectory } from './trajectory';

export interface StepTimings {
  /** The model forward. */
  modelMs: number;
  /** Scoring tokens and choosing the next step's set. */
  selectMs: number;
  /** K/V host copies outside the forward: trajectory snapshots, an edit's rebase on its base. */
  kvMs: number;
  /** Gathering inputs, guidance, Euler update, previews. */
  copyMs: number;
  totalMs: number;
}

export interface StepEvent {
  step: number;
  steps: number;
  kind: StepKind;
  sigma: number;
  /** Tokens run per image at this step. */
  tokensRun: number;
  /** [B, N]: 1 where the token was computed at this step. */
  mask: Uint8Array;
  /** [B, N, C·p·p] predicted clean image x − σ·v, on preview steps only. */
  predictedClean?: Float32Array;
  timings: StepTimings;
}

export interface SampleResult {
  request: ResolvedRequest;
  /** [B, N, C·p·p] final tokens. */
  tokens: Float32Array;
  /** When the request asked to record it. */
  trajectory?: Trajectory;
  /** Tokens run per image over all steps (steps·N when dense). */
  tokensRun: number;
  tokensDense: number;
  timings: StepTimings;
}

export const zeroTimings = (): StepTimings => ({ modelMs: 0, selectMs: 0, kvMs: 0, copyMs: 0, totalMs: 0 });
