/**
 * GenerateParams (the wire's view) → SampleRequest (the sampler's view), but
 * for the conditions, which are the model's pipeline's (`pipelines/`).
 * Every problem is an INVALID_ARGUMENT EngineError naming the field.
 */
import { pixelsPerToken } from '../runtime/card';
import type { ConditioningSet } from '../sampler/conditioning';
import type { ModelCard } from '../sampler/model';
import type { SampleRequest } from '../sampler/settings';
import { EngineError, type GenerateParams } from './types';

function invalid(field: string, message: string): EngineError {
  return new EngineError('INVALID_ARGUMENT', `${field}: ${message}`, field);
}

/**
 * Pixel size → token grid; sizes must be whole tokens (`pixelsPerToken`)
 * within the card's limits. Absent means the card's default; a present 0 is a real 0, refused.
 */
export function gridOf(card: ModelCard, width?: number, height?: number): [number, number] {
  const p = pixelsPerToken(card);
  const grid: [number, number] = [card.grid.default[0], card.grid.default[1]];
  const wrong: { field: string; message: string }[] = []; // every wrong side: one answer names them all
  for (const [field, value, axis] of [
    ['height', height, 0],
    ['width', width, 1],
  ] as const) {
    if (value === undefined) continue;
    const lo = card.grid.min[axis] * p;
    const hi = card.grid.max[axis] * p;
    if (!Number.isInteger(value) || value % p !== 0 || value < lo || value > hi) {
      wrong.push({ field, message: `must be a multiple of ${p} in ${lo}..${hi}, got ${value}` });
      continue;
    }
    grid[axis] = value / p;
  }
  if (wrong.length === 1) throw invalid(wrong[0].field, wrong[0].message);
  if (wrong.length > 1)
    throw new EngineError('INVALID_ARGUMENT', wrong.map((w) => `${w.field}: ${w.message}`).join('; '));
  return grid;
}

/** A noise seed: a safe integer ≥ 0. */
export function checkSeed(seed: number): number {
  if (!Number.isSafeInteger(seed) || seed < 0) throw invalid('seed', `must be an integer ≥ 0, got ${seed}`);
  return seed;
}

/** The sampler's request for `params`, with the conditioning its pipeline built. */
export function toSampleRequest(card: ModelCard, params: GenerateParams, conditioning: ConditioningSet): SampleRequest {
  checkSeed(params.seed);
  return {
    conditioning,
    seeds: [params.seed],
    steps: params.steps ?? card.recommended.steps,
    guidance: params.guidance ?? card.recommended.guidance,
    grid: gridOf(card, params.width, params.height),
    ras: params.ras,
  };
}
