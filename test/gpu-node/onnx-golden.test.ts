import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTestModel, TEST_MODEL_DIR } from '../helpers/models';

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
const f32 = (t: Tensor) => Float32Array.from(t.data);
const i64 = (t: Tensor) => BigInt64Array.from(t.data, (v) => BigInt(v));

describe('the ONNX test model', () => {
  it.each(golden.cases.map((c) => [c.name, c] as const))(
    'matches the PyTorch golden outputs (%s) within the stated tolerance',
    async (_name, c) => {
      const model = await loadTestModel();
      const [rows, tokens] = c.inputs.x.dims;
      const out = await model.run({
        x: f32(c.inputs.x),
        tokenIndex: i64(c.inputs.token_index),
        timestep: f32(c.inputs.timestep),
        cond: i64(c.inputs.cond),
        kCache: f32(c.inputs.k_cache),
        vCache: f32(c.inputs.v_cache),
        rows,
        tokens,
        gridTokens: c.inputs.k_cache.dims[3],
        gridW: c.inputs.grid_w.data[0],
      });
      const got = { v: out.v, k_new: out.kNew, v_new: out.vNew };
      for (const [name, want] of Object.entries(c.outputs)) {
        const values = got[name as keyof typeof got];
        expect(values.length, name).toBe(want.data.length);
        let worst = 0;
        for (let k = 0; k < values.length; k++) worst = Math.max(worst, Math.abs(values[k] - want.data[k]));
        expect(worst, `${c.name}/${name} max abs diff`).toBeLessThanOrEqual(golden.tolerance);
      }
    },
  );

  it('is not trivial: its velocities are far from zero', () => {
    const v = golden.cases[0].outputs.v.data;
    expect(Math.max(...v.map(Math.abs))).toBeGreaterThan(0.1);
  });
});
