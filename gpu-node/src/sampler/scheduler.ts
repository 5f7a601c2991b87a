/**
 * The solver (diffusers' scheduler shape): a small object built from an
 * immutable config (the σ schedule), one short `step()` that advances the
 * sample, and the clean-image estimate previews show. Flow matching with the
 * SD3 shift (docs/ras.md): the model predicts v = ε − x₀, so x_σ = x₀ + σ·v.
 * A second solver would implement `Scheduler` beside this one.
 */
import type { ModelCard } from './model';
import { modelTimestep } from './time';

export interface Scheduler {
  readonly steps: number;
  /** σ at step i (σ_0 = 1 … σ_steps = 0). */
  sigma(i: number): number;
  /** The model's timestep input at step i: σ_i (or 1 − σ_i) on the scale the model was trained with. */
  timestep(i: number): number;
  /** Advances `x` in place from step i to i + 1 with the velocity `v`. */
  step(i: number, v: Float32Array, x: Float32Array): void;
  /** The clean image x₀ the model's velocity points at from step i. */
  predictClean(i: number, v: Float32Array, x: Float32Array): Float32Array;
}

/** First-order Euler on the flow ODE dx/dσ = v. */
export class FlowMatchEuler implements Scheduler {
  readonly steps: number;
  private readonly time: ModelCard['time'];

  /**
   * `sigmas` from `schedule.ts`; `time` is the card's (`time.ts`): t = σ·scale (e.g. 1000), or (1 − σ)·scale
   * where its `input` says so; a number is the scale alone.
   */
  constructor(
    private readonly sigmas: Float64Array,
    time: number | ModelCard['time'],
  ) {
    this.time = typeof time === 'number' ? { scale: time, shift: 1 } : time;
    this.steps = sigmas.length - 1;
  }

  sigma(i: number): number {
    return this.sigmas[i];
  }

  timestep(i: number): number {
    return modelTimestep(this.time, this.sigmas[i]);
  }

  step(i: number, v: Float32Array, x: Float32Array): void {
    const dt = this.sigmas[i + 1] - this.sigmas[i];
    for (let k = 0; k < x.length; k++) x[k] += dt * v[k];
  }

  predictClean(i: number, v: Float32Array, x: Float32Array): Float32Array {
    const sigma = this.sigmas[i];
    const out = new Float32Array(x.length);
    for (let k = 0; k < out.length; k++) out[k] = x[k] - sigma * v[k];
    return out;
  }
}
