/**
 * How much of a trajectory a session keeps (memory arithmetic in
 * docs/sessions.md). x at every step is always kept; K/V (the bulk) every
 * k-th step, k the smallest that fits the per-version byte cap.
 */
import { kvHeads, kvSlots, type ModelCard } from '../../sampler/model';

/** Bytes of one version's trajectory when K/V is kept every `kvEvery` steps. */
export function trajectoryBytesFor(
  card: ModelCard,
  steps: number,
  tokens: number,
  cfg: boolean,
  kvEvery: number,
): number {
  const rows = cfg ? 2 : 1;
  const xBytes = (steps + 1) * tokens * card.token_dim * 4;
  const kvPerStep = 2 * kvSlots(card) * rows * kvHeads(card) * tokens * card.head_dim * 4;
  return xBytes + Math.ceil(steps / kvEvery) * kvPerStep;
}

export function chooseKvEvery(card: ModelCard, steps: number, tokens: number, cfg: boolean, maxBytes: number): number {
  for (let k = 1; k < steps; k++) if (trajectoryBytesFor(card, steps, tokens, cfg, k) <= maxBytes) return k;
  return steps;
}
