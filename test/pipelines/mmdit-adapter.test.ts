import { describe, expect, it } from 'vitest';
import { OnnxDitModel } from '../../gpu-node/src/runtime/onnx-model';
import { HostKv } from '../../gpu-node/src/sampler/kv-cache';
import type { ModelInputs } from '../../gpu-node/src/sampler/model';
import { type GoldenCase, MMDIT_CARD, mmditGolden, worstDiff } from '../helpers/mmdit';

const golden = mmditGolden();

/** A golden case as the model seam's inputs, its caches in host arrays. */
function seamInputs(model: OnnxDitModel, c: GoldenCase): { inputs: ModelInputs; kv: HostKv } {
  const { layers, heads, head_dim } = model.card;
  const [rows, n] = c.inputs.token_index.dims;
  const tokens = c.inputs.k_cache_0.dims[2];
  const kv = new HostKv(layers, rows, heads, tokens, head_dim);
  const size = rows * heads * tokens * head_dim;
  for (let l = 0; l < layers; l++) {
    kv.k.set(c.inputs[`k_cache_${l}`].data, l * size);
    kv.v.set(c.inputs[`v_cache_${l}`].data, l * size);
  }
  const f32 = (name: string) => ({
    type: 'float32' as const,
    data: Float32Array.from(c.inputs[name].data),
    dims: c.inputs[name].dims,
  });
  const inputs: ModelInputs = {
    x: Float32Array.from(c.inputs.x.data),
    tokenIndex: BigInt64Array.from(c.inputs.token_index.data, BigInt),
    timestep: Float32Array.from(c.inputs.timestep.data),
    cond: { encoder_hidden_states: f32('encoder_hidden_states'), pooled_projections: f32('pooled_projections') },
    rows,
    tokens: n,
    gridW: c.inputs.grid_w.data[0],
  };
  return { inputs, kv };
}

describe('the contract-3 (MMDiT) adapter on test-mmdit', () => {
  const cases = (['unfused', 'fused'] as const).flatMap((attention) =>
    golden.transformer.map((c) => [attention, c.name, c] as const),
  );

  it.each(cases)('%s: v and the caches it writes match PyTorch (%s)', async (attention, _name, c) => {
    const model = await OnnxDitModel.load(MMDIT_CARD, { intraOpThreads: 1, attention });
    const { inputs, kv } = seamInputs(model, c);
    const out = await model.run(inputs, kv);
    expect(worstDiff(out.v, c.outputs.v.data)).toBeLessThanOrEqual(golden.tolerance);
    // The fresh rows land in the host caches at the tokens run: gather them back and compare with k_new.
    const { layers, heads, head_dim: d } = model.card;
    const [rows, n] = c.inputs.token_index.dims;
    const N = kv.tokens;
    for (const [name, cache] of [
      ['k_new', kv.k],
      ['v_new', kv.v],
    ] as const) {
      const got = new Float32Array(layers * rows * heads * n * d);
      for (let l = 0; l < layers; l++)
        for (let r = 0; r < rows; r++)
          for (let h = 0; h < heads; h++)
            for (let t = 0; t < n; t++) {
              const j = c.inputs.token_index.data[r * n + t];
              const src = (((l * rows + r) * heads + h) * N + j) * d;
              got.set(cache.subarray(src, src + d), (((l * rows + r) * heads + h) * n + t) * d);
            }
      expect(worstDiff(got, c.outputs[name].data), name).toBeLessThanOrEqual(golden.tolerance);
    }
    await model.dispose();
  });

  it('refuses a dense forward fed class ids: the card takes a prompt', async () => {
    const model = await OnnxDitModel.load(MMDIT_CARD, { intraOpThreads: 1 });
    expect(model.card.cond.kind).toBe('prompt');
    const { inputs, kv } = seamInputs(model, golden.transformer[0]);
    const classFed = { ...inputs, cond: { cond: { type: 'int64' as const, data: BigInt64Array.of(1n), dims: [1] } } };
    await expect(model.run(classFed, kv)).rejects.toThrow();
    await model.dispose();
  });
});
