import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { TEST_MODEL_DIR } from '../helpers/models';

interface Tensor {
  dtype: 'float32' | 'int64';
  dims: number[];
  data: number[];
}
interface Case {
  name: string;
  inputs: Record<string, Tensor>;
  outputs: Record<string, Tensor>;
}

const golden: { tolerance: number; cases: Case[] } = JSON.parse(
  readFileSync(join(TEST_MODEL_DIR, 'golden.json'), 'utf8'),
);
const card = JSON.parse(readFileSync(join(TEST_MODEL_DIR, 'model.json'), 'utf8'));
const toOrt = (t: Tensor) =>
  t.dtype === 'int64'
    ? new ort.Tensor(
        'int64',
        BigInt64Array.from(t.data, (v) => BigInt(v)),
        t.dims,
      )
    : new ort.Tensor('float32', Float32Array.from(t.data), t.dims);

/** Worst |got − want| per output of one case through one graph on the CPU provider. */
async function worstDiffs(graph: string, c: Case): Promise<Record<string, number>> {
  const session = await ort.InferenceSession.create(join(TEST_MODEL_DIR, graph), { intraOpNumThreads: 1 });
  const feeds = Object.fromEntries(Object.entries(c.inputs).map(([k, t]) => [k, toOrt(t)]));
  const out = await session.run(feeds);
  await session.release();
  const worst: Record<string, number> = {};
  for (const [name, want] of Object.entries(c.outputs)) {
    const got = out[name].data as Float32Array;
    expect(got.length, name).toBe(want.data.length);
    worst[name] = 0;
    for (let k = 0; k < got.length; k++) worst[name] = Math.max(worst[name], Math.abs(got[k] - want.data[k]));
  }
  return worst;
}

describe('the ONNX test model (contract ras-ready-dit/2)', () => {
  const graphs = Object.entries(card.graphs as Record<string, string>);
  const cases = graphs.flatMap(([kind, file]) => golden.cases.map((c) => [kind, c.name, file, c] as const));

  it.each(cases)(
    '%s graph matches the PyTorch golden outputs (%s) within the stated tolerance',
    async (_k, _n, file, c) => {
      const worst = await worstDiffs(file, c);
      for (const [name, diff] of Object.entries(worst))
        expect(diff, `${c.name}/${name}`).toBeLessThanOrEqual(golden.tolerance);
    },
  );

  it('returns the updated full caches of every layer beside the fresh rows', () => {
    const outputs = Object.keys(golden.cases[0].outputs).sort();
    expect(outputs).toEqual(['k_all_0', 'k_all_1', 'k_new', 'v', 'v_all_0', 'v_all_1', 'v_new']);
  });

  it('is not trivial: its velocities are far from zero', () => {
    const v = golden.cases[0].outputs.v.data;
    expect(Math.max(...v.map(Math.abs))).toBeGreaterThan(0.1);
  });
});
