/**
 * A run's constant feeds (runtime/run-feeds.ts): the conditioning in the graph's declared types,
 * the grid's RoPE table for a card with 2-D RoPE, built once per conditioning and grid.
 */
import { describe, expect, it } from 'vitest';
import { fromFloat16 } from '../../gpu-node/src/runtime/float16.js';
import { RunFeeds } from '../../gpu-node/src/runtime/run-feeds';
import type { Conditioning } from '../../gpu-node/src/sampler/model';
import { fakeCard } from '../helpers/fake-model';

const rope = {
  theta: 10000,
  max: [16, 16] as [number, number],
  default_grid: [2, 2] as [number, number],
  scaling_watershed: 1,
};
const cond: Conditioning = {
  caption: { type: 'float32', data: Float32Array.of(0.5, -2), dims: [1, 2] },
  text_mask: { type: 'int64', data: BigInt64Array.of(1n, 0n), dims: [1, 2] },
  text_k_0: { type: 'float32', data: Float32Array.of(1.5, 3), dims: [1, 1, 2, 1] },
};
const types = new Map([
  ['caption', 'float32'],
  ['text_mask', 'int64'],
  ['text_k_0', 'float16'],
  ['rope_cos', 'float32'],
  ['rope_sin', 'float32'],
]);

describe("a run's constant feeds", () => {
  it("casts each tensor to the graph's declared type and adds the grid's RoPE table [H, W, head_dim/2]", () => {
    const feeds = new RunFeeds(fakeCard({ head_dim: 4, rope }), types).get(cond, 6, 3);
    expect(Object.fromEntries(Object.entries(feeds).map(([n, t]) => [n, t.type]))).toEqual(Object.fromEntries(types));
    expect([...fromFloat16(feeds.text_k_0.data as Uint16Array)]).toEqual([1.5, 3]);
    expect(feeds.rope_cos.dims).toEqual([2, 3, 2]);
    expect(feeds.caption.data).toBe(cond.caption.data); // fp32 as it is, no copy
  });

  it('builds them once per conditioning and grid', () => {
    const run = new RunFeeds(fakeCard({ head_dim: 4, rope }), types);
    expect(run.get(cond, 6, 3)).toBe(run.get(cond, 6, 3));
    expect(run.get(cond, 6, 2).rope_cos.dims).toEqual([3, 2, 2]);
  });

  it("feeds a conditioning's own RoPE table instead of the grid's, and none for a card without rope", () => {
    const own = { ...cond, rope_cos: { type: 'float32' as const, data: new Float32Array(8), dims: [2, 2, 2] } };
    expect(new RunFeeds(fakeCard({ head_dim: 4, rope }), types).get(own, 6, 3).rope_cos.dims).toEqual([2, 2, 2]);
    expect(new RunFeeds(fakeCard(), new Map()).get(cond, 6, 3).rope_cos).toBeUndefined();
  });
});
