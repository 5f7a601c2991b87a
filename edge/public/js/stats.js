// Running totals of a generation or edit from its `progress` events: steps
// done, tokens the model ran vs a dense run, and the speedup over dense.

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
export function emptyStats() {
  return { stepsDone: 0, steps: 0, tokensRun: 0, tokensTotal: 0, denseMs: [], rasMs: [] };
}

/**
 * The totals after one more finished step.
 * @param {Stats} s
 * @param {ProgressEvent} p
 * @returns {Stats}
 */
export function addProgress(s, p) {
  // Only a step that ran every token times a dense step (an edit's "dense" steps run just its region).
  const dense = p.kind === 'dense' && p.tokensRun === p.tokens;
  return {
    stepsDone: Math.max(s.stepsDone, p.step + 1),
    steps: p.steps,
    tokensRun: s.tokensRun + p.tokensRun,
    tokensTotal: s.tokensTotal + p.tokens,
    denseMs: dense ? [...s.denseMs, p.stepMs] : s.denseMs,
    rasMs: dense ? s.rasMs : [...s.rasMs, p.stepMs],
  };
}

/** @param {number[]} xs */
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/**
 * Speedups over a dense run: `compute` = token evaluations a dense run makes /
 * those run (the ideal); `time` = the measured dense-step time × steps / the
 * time the steps took (null until a dense step and a RAS step were timed).
 * @param {Stats} s
 * @returns {{ compute: number | null, time: number | null }}
 */
export function speedups(s) {
  const compute = s.tokensRun > 0 ? s.tokensTotal / s.tokensRun : null;
  const n = s.denseMs.length + s.rasMs.length;
  if (s.denseMs.length === 0 || s.rasMs.length === 0) return { compute, time: null };
  const denseStep = sum(s.denseMs) / s.denseMs.length;
  const spent = sum(s.denseMs) + sum(s.rasMs);
  return { compute, time: spent > 0 ? (denseStep * n) / spent : null };
}

/**
 * Token evaluations in words: "60 of 96 token evaluations (63%): 1.60× less
 * compute than dense", or that every token was computed.
 * @param {number} run
 * @param {number} total
 */
export function describeTokens(run, total) {
  const pct = total > 0 ? Math.round((100 * run) / total) : 0;
  const words = `${run} of ${total} token evaluations (${pct}%)`;
  if (run <= 0 || run >= total) return `${words}: every token, as dense sampling would`;
  return `${words}: ${(total / run).toFixed(2)}× less compute than dense`;
}

/**
 * The totals in words, for the page's live region.
 * @param {Stats} s
 * @returns {string}
 */
export function describeStats(s) {
  if (s.steps === 0) return 'Waiting for the first step…';
  const { time } = speedups(s);
  let text = `Step ${s.stepsDone} of ${s.steps}. Computed ${describeTokens(s.tokensRun, s.tokensTotal)}`;
  if (time !== null) text += `, about ${time.toFixed(2)}× faster by measured step times`;
  return `${text}.`;
}

/**
 * A finished run's timings in words.
 * @param {{ totalMs: number, edgeMs: number, tokensRun: number, tokensTotal: number, rehomed: boolean }} r
 */
export function describeResult(r) {
  return (
    `Sampling took ${Math.round(r.totalMs)} ms (${Math.round(r.edgeMs)} ms end to end). ` +
    `Computed ${describeTokens(r.tokensRun, r.tokensTotal)}.` +
    (r.rehomed ? ' The session moved to another GPU node and was rebuilt.' : '')
  );
}
