/**
 * The NextDiT family (test-lumina, converted by `convert.py lumina`) against PyTorch's outputs in its
 * golden.json: the transformer through the adapter (dense and subset, grouped-query caches at
 * kv_heads), the fp16 graph fed as the adapter casts its inputs, the prompt graph stage, and the
 * node's RoPE tables.
 */
import ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { PromptGraph } from '../../gpu-node/src/pipelines/prompt-graph';
import type { NextditCardFile } from '../../gpu-node/src/runtime/card';
import { fromFloat16, toFloat16 } from '../../gpu-node/src/runtime/float16.js';
import { OnnxDitModel } from '../../gpu-node/src/runtime/onnx-model';
import { ropeTable } from '../../gpu-node/src/runtime/rope';
import { inputTypes, RunFeeds } from '../../gpu-node/src/runtime/run-feeds';
import { HostKv } from '../../gpu-node/src/sampler/kv-cache';
import { type Conditioning, kvHeads, kvSlots, type ModelInputs } from '../../gpu-node/src/sampler/model';
import { condTensor, goldenRow, LUMINA_CARD, LUMINA_DIR, luminaGolden } from '../helpers/lumina';
import { type GoldenCase, worstDiff } from '../helpers/mmdit';

const golden = luminaGolden();
const STEP_INPUTS = new Set(['x', 'token_index', 'timestep', 'grid_w']);
const isCache = (name: string) => /^[kv]_cache_\d+$/.test(name);

/** A golden case as the model seam's inputs: its prompt tensors and RoPE table as the conditioning. */
function seamInputs(model: OnnxDitModel, c: GoldenCase): { inputs: ModelInputs; kv: HostKv } {
  const [rows, n] = c.inputs.token_index.dims;
  const tokens = c.inputs.k_cache_0.dims[2];
  const heads = kvHeads(model.card);
  const kv = new HostKv(kvSlots(model.card), rows, heads, tokens, model.card.head_dim);
  const size = rows * heads * tokens * model.card.head_dim;
  for (let l = 0; l < model.card.layers; l++) {
    kv.k.set(c.inputs[`k_cache_${l}`].data, l * size);
    kv.v.set(c.inputs[`v_cache_${l}`].data, l * size);
  }
  const cond: Conditioning = Object.fromEntries(
    Object.entries(c.inputs)
      .filter(([name]) => !STEP_INPUTS.has(name) && !isCache(name))
      .map(([name, t]) => [name, condTensor(t)]),
  );
  const inputs: ModelInputs = {
    x: Float32Array.from(c.inputs.x.data),
    tokenIndex: BigInt64Array.from(c.inputs.token_index.data, BigInt),
    timestep: Float32Array.from(c.inputs.timestep.data),
    cond,
    rows,
    tokens: n,
    gridW: c.inputs.grid_w.data[0],
  };
  return { inputs, kv };
}

/** Every layer's rows at the tokens a case ran, gathered from host caches: [layers, rows, heads, n, d]. */
function gathered(cache: Float32Array, kv: HostKv, c: GoldenCase): Float32Array {
  const { slots, rows, heads, headDim: d, tokens: N } = kv;
  const n = c.inputs.token_index.dims[1];
  const got = new Float32Array(slots * rows * heads * n * d);
  for (let l = 0; l < slots; l++)
    for (let r = 0; r < rows; r++)
      for (let h = 0; h < heads; h++)
        for (let t = 0; t < n; t++) {
          const src = (((l * rows + r) * heads + h) * N + c.inputs.token_index.data[r * n + t]) * d;
          got.set(cache.subarray(src, src + d), (((l * rows + r) * heads + h) * n + t) * d);
        }
  return got;
}

describe('the NextDiT adapter on test-lumina', () => {
  const cases = (['unfused', 'fused'] as const).flatMap((attention) =>
    golden.transformer.map((c) => [attention, c.name, c] as const),
  );

  it.each(cases)('%s: v and the caches it writes at kv_heads match PyTorch (%s)', async (attention, _name, c) => {
    const model = await OnnxDitModel.load(LUMINA_CARD, { intraOpThreads: 1, attention });
    expect(kvHeads(model.card)).toBeLessThan(model.card.heads);
    const { inputs, kv } = seamInputs(model, c);
    const out = await model.run(inputs, kv);
    expect(worstDiff(out.v, c.outputs.v.data)).toBeLessThanOrEqual(golden.tolerance);
    expect(worstDiff(gathered(kv.k, kv, c), c.outputs.k_new.data), 'k_new').toBeLessThanOrEqual(golden.tolerance);
    expect(worstDiff(gathered(kv.v, kv, c), c.outputs.v_new.data), 'v_new').toBeLessThanOrEqual(golden.tolerance);
    await model.dispose();
  });

  it.each(golden.transformer.map((c) => [c.name, c] as const))(
    'feeds the fp16 graph its inputs in the types it declares, within the fp16 tolerance (%s)',
    async (_name, c) => {
      const model = await OnnxDitModel.load(LUMINA_CARD, { intraOpThreads: 1 });
      const session = await ort.InferenceSession.create(
        `${LUMINA_DIR}/${(model.card as unknown as NextditCardFile).graphs.fused_fp16}`,
        {
          intraOpNumThreads: 1,
        },
      );
      const types = inputTypes(session);
      const { inputs } = seamInputs(model, c);
      const constant = new RunFeeds(model.card, types).get(inputs.cond, c.inputs.k_cache_0.dims[2], inputs.gridW);
      for (const [name, t] of Object.entries(constant)) expect(t.type, name).toBe(types.get(name));
      // The step's inputs and caches as the adapter feeds them to a half-precision graph.
      const rest = Object.fromEntries(
        Object.entries(c.inputs)
          .filter(([name]) => STEP_INPUTS.has(name) || isCache(name))
          .map(([name, t]) => {
            const { type, data, dims } = condTensor(t);
            if (types.get(name) === 'float16')
              return [name, new ort.Tensor('float16', toFloat16(data as Float32Array), dims)];
            return [
              name,
              type === 'int64'
                ? new ort.Tensor('int64', data as BigInt64Array, dims)
                : new ort.Tensor('float32', data as Float32Array, dims),
            ];
          }),
      );
      const out = await session.run({ ...constant, ...rest });
      await session.release();
      await model.dispose();
      for (const name of ['v', 'k_new', 'v_new']) {
        const t = out[name];
        const got = t.type === 'float16' ? fromFloat16(t.data as Uint16Array) : (t.data as Float32Array);
        expect(worstDiff(got, c.outputs[name].data), name).toBeLessThanOrEqual(golden.tolerance_fp16);
      }
    },
  );
});

describe('the NextDiT prompt stage on test-lumina', () => {
  it.each(golden.prompt.map((c) => [c.name, c] as const))(
    "gives each prompt's caption and text K/V as PyTorch, one prompt at a time (%s)",
    async (_name, c) => {
      const model = await OnnxDitModel.load(LUMINA_CARD, { intraOpThreads: 1 });
      const { stages } = model.card as unknown as NextditCardFile;
      const graph = await PromptGraph.load(`${LUMINA_DIR}/${stages.prompt}`, model.card);
      for (let r = 0; r < c.inputs.encoder_mask.dims[0]; r++) {
        const hidden = goldenRow(c.inputs.encoder_hidden_states, r);
        const mask = goldenRow(c.inputs.encoder_mask, r);
        const cond = await graph.encode({
          hidden: Float32Array.from(hidden.data),
          mask: BigInt64Array.from(mask.data, BigInt),
          tokens: mask.dims[1],
        });
        expect(cond.text_mask.data).toEqual(BigInt64Array.from(mask.data, BigInt));
        for (const [name, want] of Object.entries(c.outputs))
          expect(worstDiff(cond[name].data as Float32Array, goldenRow(want, r).data), name).toBeLessThanOrEqual(
            golden.tolerance,
          );
      }
      await graph.dispose();
      await model.dispose();
    },
  );
});

describe("the node's RoPE tables for test-lumina's card", () => {
  it.each(golden.rope.map((t) => [t.dims.join('×'), t] as const))(
    "equal PyTorch's at the card's scaling factor (%s: grid and head_dim/2)",
    async (_dims, want) => {
      const model = await OnnxDitModel.load(LUMINA_CARD, { intraOpThreads: 1 });
      // Golden tables come at the card's head_dim and at a wider one (more frequencies).
      const card = { head_dim: 2 * want.dims[2], rope: model.card.rope! };
      const table = ropeTable(card, want.grid);
      expect(table.dims).toEqual(want.dims);
      expect(worstDiff(table.cos, want.cos)).toBeLessThanOrEqual(1e-6);
      expect(worstDiff(table.sin, want.sin)).toBeLessThanOrEqual(1e-6);
      await model.dispose();
    },
  );
});
