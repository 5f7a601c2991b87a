/**
 * Which n tokens of one image run at the next RAS step (docs/design.md#ras-sampling).
 *
 * 1. Hard starvation bound: tokens uncomputed for `maxStale` steps or more are
 *    taken first, most starved first (ties by index).
 * 2. Band: of the N − n tokens to drop, round(h·(N − n)) come from the high end
 *    of the metric order and the rest from the low end.
 * 3. Soft starvation `exp(k·c)`: a token's metric is divided by it when ranking
 *    for the high-end drop and multiplied by it for the low-end drop, so a starved
 *    token always moves towards the kept middle. (The official code multiplies
 *    once, which for its default h = 1 makes starved tokens *more* likely to be
 *    dropped again, and never resets the count.)
 *
 * Bound: once forced, a token waits behind at most N − 1 staler-or-equal tokens,
 * n of which run per step, so no token goes more than
 * `maxStale + ceil(N / n) − 1` steps uncomputed (n = the smallest RAS count).
 */

export interface SelectOptions {
  /** h: share of dropped tokens taken from the high end of the metric order. */
  highRatio: number;
  /** k in exp(k·c). */
  starvationScale: number;
  /** Tokens this stale are run before any other. */
  maxStale: number;
}

/** The stated bound on steps a token can go uncomputed. */
export function stalenessBound(maxStale: number, tokens: number, minRun: number): number {
  return maxStale + Math.ceil(tokens / minRun) - 1;
}

/**
 * Fills `out` (length n) with the selected token indices in ascending order.
 * `metric` and `stale` have one entry per token of the image.
 */
export function selectTokens(metric: Float32Array, stale: Int32Array, out: Int32Array, opts: SelectOptions): void {
  const total = metric.length;
  const n = out.length;
  const forced: number[] = [];
  const free: number[] = [];
  for (let j = 0; j < total; j++) (stale[j] >= opts.maxStale ? forced : free).push(j);
  forced.sort((a, b) => stale[b] - stale[a] || a - b);
  const chosen = forced.slice(0, n);
  if (chosen.length < n) {
    const drop = total - n;
    const high = Math.round(opts.highRatio * drop);
    const down = new Float64Array(total);
    const up = new Float64Array(total);
    for (const j of free) {
      const boost = Math.exp(opts.starvationScale * stale[j]);
      down[j] = metric[j] / boost;
      up[j] = metric[j] * boost;
    }
    free.sort((a, b) => down[b] - down[a] || a - b);
    const rest = free.slice(high);
    rest.sort((a, b) => up[a] - up[b] || a - b);
    chosen.push(...rest.slice(drop - high));
  }
  chosen.sort((a, b) => a - b);
  out.set(chosen);
}
