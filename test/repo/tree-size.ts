/**
 * The tracked tree's size against its budget (README, "Tree budget"): the GPU machine receives
 * the tracked tree plus what a run carries, 64 MiB in all, and its kit (Node, onnxruntime-node)
 * takes about 38 MB of that.
 */

/** Bytes the tracked tree may hold: 64 MiB (67.1 MB) less the kit's 38 MB, with some slack. */
export const TREE_BUDGET_BYTES = 24_000_000;

export interface TrackedFile {
  path: string;
  bytes: number;
}

/** Undefined when `files` fit in `budget` bytes; else a message with the total and the `top` largest files. */
export function overBudget(files: TrackedFile[], budget = TREE_BUDGET_BYTES, top = 10): string | undefined {
  const total = files.reduce((sum, f) => sum + f.bytes, 0);
  if (total <= budget) return undefined;
  const largest = [...files].sort((a, b) => b.bytes - a.bytes).slice(0, top);
  const width = Math.max(...largest.map((f) => mb(f.bytes).length));
  const lines = largest.map((f) => `  ${mb(f.bytes).padStart(width)}  ${f.path}`);
  return [
    `the tracked tree is ${mb(total)}, over its budget of ${mb(budget)} by ${mb(total - budget)}; largest files:`,
    ...lines,
  ].join('\n');
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
