import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { fromFloat16, toFloat16 } from '../../gpu-node/src/runtime/float16.js';
import { readGolden } from '../helpers/golden';
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

const golden: { tolerance: number; tolerance_fp16: number; cases: Case[] } = readGolden(
  join(TEST_MODEL_DIR, 'golden.json'),
);
const card = JSON.parse(readFileSync(join(TEST_MODEL_DIR, 'model.json'), 'utf8'));
/** A golden tensor as the session's input `type` wants it (the fp16 graph takes halves). */
function toOrt(t: Tensor, type: string): ort.Tensor {
  if (t.dtype === 'int64') return new ort.Tensor('int64', BigInt64Array.from(t.data, BigInt), t.dims);
  if (type === 'float16') return new ort.Tensor('float16', toFloat16(t.data), t.dims);
  return new ort.Tensor('float32', Float32Array.from(t.data), t.dims);
}

/** Worst |got − want| per output of one case through one graph on the CPU provider. */
async function worstDiffs(graph: string, c: Case): Promise<Record<string, number>> {
  const session = await ort.InferenceSession.create(join(TEST_MODEL_DIR, graph), { intraOpNumThreads: 1 });
  const types = Object.fromEntries(session.inputMetadata.map((m) => [m.name, m.isTensor ? m.type : '']));
  const feeds = Object.fromEntries(Object.entries(c.inputs).map(([k, t]) => [k, toOrt(t, types[k])]));
  const out = await session.run(feeds);
  await session.release();
  const worst: Record<string, number> = {};
  for (const [name, want] of Object.entries(c.outputs)) {
    const raw = out[name];
    const got = raw.type === 'float16' ? fromFloat16(raw.data as Uint16Array) : (raw.data as Float32Array);
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
      const tolerance = file.includes('fp16') ? golden.tolerance_fp16 : golden.tolerance;
      for (const [name, diff] of Object.entries(worst))
        expect(diff, `${c.name}/${name}`).toBeLessThanOrEqual(tolerance);
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
