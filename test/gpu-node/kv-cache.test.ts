/** HostKv's rebase (an edit's caches taking the base's rows outside its region): in place or copied, the same rows. */
import { describe, expect, it } from 'vitest';
import { HostKv, mergeRows } from '../../gpu-node/src/sampler/kv-cache';

const [slots, rows, heads, tokens, headDim] = [2, 2, 1, 6, 3];
const planes = slots * rows * heads;
const size = planes * tokens * headDim;
const filled = (seed: number) => Float32Array.from({ length: size }, (_, i) => seed * 1000 + i);
const keep = Int32Array.of(1, 4);

function cache(): HostKv {
  const kv = new HostKv(slots, rows, heads, tokens, headDim);
  kv.k.set(filled(1));
  kv.v.set(filled(2));
  return kv;
}

describe('HostKv.rebase', () => {
  const base = { k: filled(3), v: filled(4) };
  const expected = mergeRows(base, { k: filled(1), v: filled(2) }, keep, planes, tokens, headDim);

  it('takes the base everywhere but the kept tokens, which keep their own rows', () => {
    for (let plane = 0; plane < planes; plane++) {
      for (let t = 0; t < tokens; t++) {
        const at = (plane * tokens + t) * headDim;
        const from = keep.includes(t) ? filled(1) : base.k;
        expect(Array.from(expected.k.subarray(at, at + headDim))).toEqual(Array.from(from.subarray(at, at + headDim)));
      }
    }
  });

  it('merges in place when the arrays are its own, with the same rows, and again on the next rebase', async () => {
    const kv = cache();
    const arrays = kv.k;
    await kv.rebase(base, keep);
    expect(kv.k).toBe(arrays); // no new array
    expect(kv.k).toEqual(expected.k);
    expect(kv.v).toEqual(expected.v);
    await kv.rebase(base, keep); // the scratch of kept rows is reused
    expect(kv.k).toEqual(expected.k);
  });

  it('leaves a snapshot untouched: a shared cache merges into new arrays', async () => {
    const kv = cache();
    const held = await kv.snapshot();
    await kv.rebase(base, keep);
    expect(kv.k).not.toBe(held.k);
    expect(held.k).toEqual(filled(1));
    expect(held.v).toEqual(filled(2));
    expect(kv.k).toEqual(expected.k);
    expect(kv.v).toEqual(expected.v);
  });

  it('after a shared rebase, writes and rebases no longer touch the snapshot', async () => {
    const kv = cache();
    const held = await kv.snapshot();
    await kv.rebase(base, keep);
    kv.write(
      new Float32Array(planes * headDim).fill(-1),
      new Float32Array(planes * headDim).fill(-2),
      Int32Array.of(0, 0),
      1,
    );
    await kv.rebase(base, keep);
    expect(held.k).toEqual(filled(1));
    expect(kv.k).toEqual(expected.k);
  });
});
