import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { parseCard } from '../../gpu-node/src/runtime/card';
import { fromFloat16, toFloat16 } from '../../gpu-node/src/runtime/float16.js';
import { slotNames } from '../../gpu-node/src/runtime/kv-slots';
import { OnnxDitModel } from '../../gpu-node/src/runtime/onnx-model';
import { HostKv } from '../../gpu-node/src/sampler/kv-cache';
import { kvSlots, type ModelInputs } from '../../gpu-node/src/sampler/model';
import { type GoldenCase, MMDIT_CARD, MMDIT_X_CARD, MMDIT_X_DIR, mmditGolden, worstDiff } from '../helpers/mmdit';

const golden = mmditGolden();
const goldenX = mmditGolden(MMDIT_X_DIR);

/** A golden case as the model seam's inputs, its caches (every slot: attn2's too) in host arrays. */
function seamInputs(model: OnnxDitModel, c: GoldenCase): { inputs: ModelInputs; kv: HostKv } {
  const { heads, head_dim } = model.card;
  const [rows, n] = c.inputs.token_index.dims;
  const tokens = c.inputs.k_cache_0.dims[2];
  const kv = new HostKv(kvSlots(model.card), rows, heads, tokens, head_dim);
  const size = rows * heads * tokens * head_dim;
  slotNames(model.card).forEach((names, s) => {
    kv.k.set(c.inputs[names.k].data, s * size);
    kv.v.set(c.inputs[names.v].data, s * size);
  });
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

/** The rows of slots [from, from + count) at the tokens a case ran, gathered from host caches: [count, rows, heads, n, d]. */
function gathered(cache: Float32Array, kv: HostKv, c: GoldenCase, from: number, count: number): Float32Array {
  const { rows, heads, headDim: d, tokens: N } = kv;
  const n = c.inputs.token_index.dims[1];
  const got = new Float32Array(count * rows * heads * n * d);
  for (let l = 0; l < count; l++)
    for (let r = 0; r < rows; r++)
      for (let h = 0; h < heads; h++)
        for (let t = 0; t < n; t++) {
          const j = c.inputs.token_index.data[r * n + t];
          const src = ((((from + l) * rows + r) * heads + h) * N + j) * d;
          got.set(cache.subarray(src, src + d), (((l * rows + r) * heads + h) * n + t) * d);
        }
  return got;
}

describe.each([
  ['test-mmdit', MMDIT_CARD, golden],
  ['test-mmdit-x (attn2 in block 0, qk-norm)', MMDIT_X_CARD, goldenX],
] as const)('the contract-3 (MMDiT) adapter on %s', (_model, card, g) => {
  const cases = (['unfused', 'fused'] as const).flatMap((attention) =>
    g.transformer.map((c) => [attention, c.name, c] as const),
  );

  it.each(cases)('%s: v and the caches it writes match PyTorch (%s)', async (attention, _name, c) => {
    const model = await OnnxDitModel.load(card, { intraOpThreads: 1, attention });
    const { inputs, kv } = seamInputs(model, c);
    const out = await model.run(inputs, kv);
    expect(worstDiff(out.v, c.outputs.v.data)).toBeLessThanOrEqual(g.tolerance);
    // The fresh rows land in the host caches at the tokens run: gather them back and compare with k_new
    // (the layers' slots) and k2_new (attn2's, after them).
    const { layers } = model.card;
    const duals = kvSlots(model.card) - layers;
    const fresh = [
      ['k_new', kv.k, 0, layers],
      ['v_new', kv.v, 0, layers],
      ...(duals
        ? ([
            ['k2_new', kv.k, layers, duals],
            ['v2_new', kv.v, layers, duals],
          ] as const)
        : []),
    ] as const;
    for (const [name, cache, from, count] of fresh)
      expect(worstDiff(gathered(cache, kv, c, from, count), c.outputs[name].data), name).toBeLessThanOrEqual(
        g.tolerance,
      );
    await model.dispose();
  });
});

describe('the MMDiT fp16 graph (test-mmdit-x) on the CPU provider', () => {
  it.each(goldenX.transformer.map((c) => [c.name, c] as const))(
    'matches PyTorch fp32 within the fp16 tolerance, attn2 rows included (%s)',
    async (_name, c) => {
      const card = JSON.parse(readFileSync(MMDIT_X_CARD, 'utf8'));
      const session = await ort.InferenceSession.create(join(MMDIT_X_DIR, card.graphs.fused_fp16), {
        intraOpNumThreads: 1,
      });
      const half = new Set(session.inputMetadata.filter((m) => m.isTensor && m.type === 'float16').map((m) => m.name));
      expect([...half].sort()).toEqual([
        'k2_cache_0',
        'k_cache_0',
        'k_cache_1',
        'v2_cache_0',
        'v_cache_0',
        'v_cache_1',
        'x',
      ]);
      const feeds = Object.fromEntries(
        Object.entries(c.inputs).map(([name, t]) => [
          name,
          t.dtype === 'int64'
            ? new ort.Tensor('int64', BigInt64Array.from(t.data, BigInt), t.dims)
            : half.has(name)
              ? new ort.Tensor('float16', toFloat16(t.data), t.dims)
              : new ort.Tensor('float32', Float32Array.from(t.data), t.dims),
        ]),
      );
      const out = await session.run(feeds);
      await session.release();
      for (const [name, want] of Object.entries(c.outputs)) {
        const got = fromFloat16(out[name].data as Uint16Array);
        expect(worstDiff(got, want.data), name).toBeLessThanOrEqual(goldenX.tolerance_fp16!);
      }
    },
  );
});

describe('the contract-3 (MMDiT) adapter', () => {
  it('carries MMDiT-X attn2 caches as slots after the layers', () => {
    expect(goldenX.transformer[0].outputs.k2_new.dims[0]).toBe(1);
    expect(kvSlots({ layers: 2, dual_attention_layers: [0] })).toBe(3);
    expect(slotNames({ layers: 2, dual_attention_layers: [0] }).map((s) => s.kAll)).toEqual([
      'k_all_0',
      'k_all_1',
      'k2_all_0',
    ]);
  });

  it('refuses dual attention layers out of order, repeated or past the last block, naming the field', () => {
    const card = JSON.parse(readFileSync(MMDIT_X_CARD, 'utf8'));
    for (const dual of [[1, 0], [0, 0], [2]])
      expect(() => parseCard('x', { ...card, dual_attention_layers: dual })).toThrow(
        /model card x: dual_attention_layers: /,
      );
    expect(kvSlots(parseCard('x', { ...card, dual_attention_layers: [0, 1] }))).toBe(4);
  });

  it("refuses a graph whose attn2 cache inputs are not the card's, naming them", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ras-mmdit-x-'));
    cpSync(MMDIT_X_DIR, dir, { recursive: true });
    const card = JSON.parse(readFileSync(MMDIT_X_CARD, 'utf8'));
    writeFileSync(join(dir, 'model.json'), JSON.stringify({ ...card, dual_attention_layers: [] }));
    await expect(OnnxDitModel.load(join(dir, 'model.json'))).rejects.toThrow(
      /transformer.onnx: the graph has k2_cache_0, v2_cache_0, against the card/,
    );
    writeFileSync(join(dir, 'model.json'), JSON.stringify({ ...card, dual_attention_layers: [0, 1] }));
    await expect(OnnxDitModel.load(join(dir, 'model.json'))).rejects.toThrow(/lacks k2_cache_1, v2_cache_1/);
    rmSync(dir, { recursive: true });
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
