import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stepConditioning, stepInputs } from '../../gpu-node/bench/gpu-checks';
import { randomNextditConditioning } from '../../gpu-node/bench/nextdit-cond';
import { OnnxDitModel } from '../../gpu-node/src/runtime/onnx-model';
import { MODELS_DIR } from '../../gpu-node/src/runtime/registry';

const CARD = join(MODELS_DIR, 'test-lumina', 'model.json');

describe('the gpu section’s Lumina rows on the committed test-lumina model', () => {
  it('condition a CFG pair through the model’s prompt graph: a 256-token prompt and the empty negative, padded to it', async () => {
    const model = await OnnxDitModel.load(CARD);
    const { images, negative } = await randomNextditConditioning(model, CARD);
    const { kv_heads: heads, head_dim: hd, layers } = model.card as typeof model.card & { kv_heads: number };
    for (const row of [images[0], negative]) {
      expect(row.text_mask.dims).toEqual([1, 256]);
      expect(row[`text_k_${layers - 1}`].dims).toEqual([1, heads, 256, hd]);
    }
    const valid = (row: typeof negative) => (row.text_mask.data as BigInt64Array).reduce((a, b) => a + b, 0n);
    expect([valid(images[0]), valid(negative)]).toEqual([256n, 1n]);
    // The negative's 8 tokens have K (its mask ignores 7 of them); the rows padding it to 256 are zeros (nextdit-rows.ts).
    const k = negative.text_k_0.data as Float32Array;
    expect(k.subarray(8 * hd, 256 * hd).every((x) => x === 0)).toBe(true);
    expect(k.subarray(7 * hd, 8 * hd).some((x) => x !== 0)).toBe(true);
    await model.dispose();
  });

  it('step at Lumina time, and with K/V on the device move no prompt or K/V bytes after the run’s first step', async () => {
    const model = await OnnxDitModel.load(CARD, { executionProviders: ['webgpu'], kvResidency: 'device' });
    const cond = await stepConditioning(model, CARD);
    const kv = model.createKv(2, 16);
    const dense = stepInputs(model, 16, 16, 4, cond);
    expect([...dense.timestep]).toEqual([0.5, 0.5]);
    await model.run(dense, kv);
    const first = { cond: model.condTraffic.toDevice, kv: model.kvTraffic.toDevice };
    expect(first.cond).toBeGreaterThan(0);
    for (let k = 0; k < 2; k++) await model.run(stepInputs(model, 16, 4, 4, cond), kv);
    expect([model.condTraffic.toDevice, model.kvTraffic.toDevice, model.kvTraffic.toHost]).toEqual([
      first.cond,
      first.kv,
      0,
    ]);
    kv.dispose();
    await model.dispose();
  });
});
