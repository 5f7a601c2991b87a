import { describe, expect, it } from 'vitest';
import { padRows } from '../../gpu-node/src/pipelines/nextdit-rows';
import type { Conditioning } from '../../gpu-node/src/sampler/model';

/** A prompt's rows at t tokens: 2 KV heads of width 2, values 1 + position; caption [1, 3]. */
function row(t: number, seed: number): Conditioning {
  const kv = Float32Array.from({ length: 2 * t * 2 }, (_, k) => seed + k);
  return {
    caption: { type: 'float32', data: Float32Array.of(seed, seed, seed), dims: [1, 3] },
    text_mask: {
      type: 'int64',
      data: BigInt64Array.from({ length: t }, (_, k) => (k < t - 1 ? 1n : 0n)),
      dims: [1, t],
    },
    text_k_0: { type: 'float32', data: kv, dims: [1, 2, t, 2] },
    text_v_0: { type: 'float32', data: kv.map((x) => -x), dims: [1, 2, t, 2] },
  };
}

describe("a forward's NextDiT prompt rows", () => {
  it('are padded to the longest prompt with zero K/V rows per head and mask 0; the longest stays as it is', () => {
    const long = row(3, 100);
    const [a, b] = padRows([row(1, 10), long]);
    expect(b).toBe(long);
    expect(a.text_mask.dims).toEqual([1, 3]);
    expect([...(a.text_mask.data as BigInt64Array)]).toEqual([0n, 0n, 0n]);
    expect(a.text_k_0.dims).toEqual([1, 2, 3, 2]);
    // head 0: token 0 = (10, 11), then zeros; head 1: token 0 = (12, 13), then zeros.
    expect([...a.text_k_0.data]).toEqual([10, 11, 0, 0, 0, 0, 12, 13, 0, 0, 0, 0]);
    expect([...a.text_v_0.data]).toEqual([-10, -11, 0, 0, 0, 0, -12, -13, 0, 0, 0, 0]);
    expect([...a.caption.data]).toEqual([10, 10, 10]);
  });

  it('leave rows of one length untouched', () => {
    const rows = [row(2, 1), row(2, 5)];
    expect(padRows(rows)).toEqual(rows);
  });
});
