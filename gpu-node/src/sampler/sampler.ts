/**
 * The RAS sampler (docs/ras.md): flow-matching Euler steps, each dense or RAS,
 * with classifier-free guidance, per-image token selection shared by the CFG
 * pair, per-layer K/V caches (owned by the model) and cached velocities for dropped tokens.
 * Runtime-free: the model is any `DitModel`.
 */
import { SamplingCancelledError } from './errors';
import type { SampleResult, StepEvent } from './events';
import type { DitModel } from './model';
import { Run } from './run';
import { type ResolvedRequest, resolveRequest, type SampleRequest } from './settings';

export type { SampleResult, StepEvent, StepTimings } from './events';

export class RasSampler {
  constructor(readonly model: DitModel) {}

  /** Validates `req` (throws SamplerConfigError) without running anything. */
  resolve(req: SampleRequest): ResolvedRequest {
    return resolveRequest(this.model.card, req);
  }

  /** Runs to the end; `onStep` sees every step event. */
  async sample(req: SampleRequest, onStep?: (e: StepEvent) => void): Promise<SampleResult> {
    const it = this.steps(req);
    for (;;) {
      const next = await it.next();
      if (next.done) return next.value;
      onStep?.(next.value);
    }
  }

  /** One event per step; the generator's return value is the result. */
  async *steps(req: SampleRequest): AsyncGenerator<StepEvent, SampleResult, void> {
    const r = this.resolve(req);
    const run = new Run(this.model, r, req.edit?.base);
    try {
      for (let i = 0; i < run.r.steps; i++) {
        if (req.signal?.aborted) throw new SamplingCancelledError(i);
        yield await run.step(i);
      }
      return run.result();
    } finally {
      run.dispose(); // also when the consumer stops iterating early
    }
  }
}
