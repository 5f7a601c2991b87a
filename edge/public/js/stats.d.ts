// Generated from stats.js by test/web/public-types.ts; do not edit.
/** @typedef {import('../../../shared/src/http/responses').ProgressEvent} ProgressEvent */
/**
 * @typedef {{
 *   stepsDone: number,
 *   steps: number,
 *   tokensRun: number,
 *   tokensTotal: number,
 *   denseMs: number[],
 *   rasMs: number[],
 * }} Stats
 */
/** @returns {Stats} */
export function emptyStats(): Stats;
/**
 * The totals after one more finished step.
 * @param {Stats} s
 * @param {ProgressEvent} p
 * @returns {Stats}
 */
export function addProgress(s: Stats, p: ProgressEvent): Stats;
/**
 * Speedups over a dense run: `compute` = token evaluations a dense run makes /
 * those run (the ideal); `time` = the measured dense-step time × steps / the
 * time the steps took (null until a dense step and a RAS step were timed).
 * @param {Stats} s
 * @returns {{ compute: number | null, time: number | null }}
 */
export function speedups(s: Stats): {
  compute: number | null;
  time: number | null;
};
/**
 * Token evaluations in words: "60 of 96 token evaluations (63%): 1.60× less
 * compute than dense", or that every token was computed.
 * @param {number} run
 * @param {number} total
 */
export function describeTokens(run: number, total: number): string;
/**
 * The totals in words, for the page's live region.
 * @param {Stats} s
 * @returns {string}
 */
export function describeStats(s: Stats): string;
/**
 * A finished run's timings in words.
 * @param {{ totalMs: number, edgeMs: number, tokensRun: number, tokensTotal: number, rehomed: boolean }} r
 */
export function describeResult(r: {
  totalMs: number;
  edgeMs: number;
  tokensRun: number;
  tokensTotal: number;
  rehomed: boolean;
}): string;
export type ProgressEvent = import('../../../shared/src/http/responses').ProgressEvent;
export type Stats = {
  stepsDone: number;
  steps: number;
  tokensRun: number;
  tokensTotal: number;
  denseMs: number[];
  rasMs: number[];
};
