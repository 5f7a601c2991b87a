/**
 * The RAS sampler (docs/ras.md): flow-matching Euler steps, each dense or RAS,
 * with classifier-free guidance, per-image token selection shared by the CFG
 * pair, per-layer K/V caches (owned by the model) and cached velocities for dropped tokens.
 * Runtime-free: the model is any `DitModel`. Plain functions of a request
 * resolved once (`resolveRequest` in `settings.ts`); a run's state is `Run`.
 */
import { SamplingCancelledError } from './errors';
import type { SampleResult, StepEvent } from './events';
import type { DitModel } from './model';
import { Run } from './run';
import { checkBase, type ResolvedRequest } from './settings';
import type { Trajectory } from './trajectory';

export type { SampleResult, StepEvent, StepTimings } from './events';

/** What a run is given beside its settings. */
export interface StepsOptions {
  /** An edit's base trajectory (required for an edit): every token outside the region follows it. */
  base?: Trajectory;
  /** Stops the run between steps (SamplingCancelledError). */
  signal?: AbortSignal;
}

export interface SampleOptions extends StepsOptions {
  /** Sees every step event. */
  onStep?: (e: StepEvent) => void;
}

/** Runs `r` on `model` to the end. */
export async function sample(model: DitModel, r: ResolvedRequest, opts: SampleOptions = {}): Promise<SampleResult> {
  const it = steps(model, r, opts);
  for (;;) {
    const next = await it.next();
    if (next.done) return next.value;
    opts.onStep?.(next.value);
  }
}

/** Runs `r` on `model`, one event per step; the generator's return value is the result. */
export async function* steps(
  model: DitModel,
  r: ResolvedRequest,
  opts: StepsOptions = {},
): AsyncGenerator<StepEvent, SampleResult, void> {
  checkBase(r, opts.base);
  const run = new Run(model, r, opts.base);
  try {
    for (let i = 0; i < r.steps; i++) {
      if (opts.signal?.aborted) throw new SamplingCancelledError(i);
      yield await run.step(i);
    }
    return run.result();
  } finally {
    run.dispose(); // also when the consumer stops iterating early
  }
}
