/**
 * A run's trajectory (docs/sessions.md): x at every step and the K/V caches the
 * steps attended over, so a region edit can move every token outside the
 * region along it exactly and give the region's queries the same context.
 *
 * K/V are kept every `kvEvery` steps (1: all); a step without its own uses the
 * latest kept one before it, a stale context in the spirit of RAS's own caches.
 */
export interface Trajectory {
  grid: [number, number];
  steps: number;
  /** Values per token (C·p·p). */
  dim: number;
  /** Model rows per step (2 with CFG). */
  rows: number;
  kvEvery: number;
  /** steps + 1 entries of [N·dim]: x before each step, then the final x. */
  x: Float32Array[];
  /** Per step (null where not kept): [slots, rows, heads, N, head_dim] (`kvSlots`: layers, then attn2's). */
  k: (Float32Array | null)[];
  v: (Float32Array | null)[];
}

/** The K/V a step of an edit attends over: its own if kept, else the latest before. */
export function kvAt(t: Trajectory, step: number): { k: Float32Array; v: Float32Array } {
  for (let i = step; i >= 0; i--) {
    const k = t.k[i];
    const v = t.v[i];
    if (k && v) return { k, v };
  }
  throw new Error(`trajectory keeps no K/V at or before step ${step}`);
}

/** Bytes held by a trajectory (the session cache budgets with this). */
export function trajectoryBytes(t: Trajectory): number {
  let bytes = 0;
  for (const a of [...t.x, ...t.k, ...t.v]) bytes += a?.byteLength ?? 0;
  return bytes;
}
