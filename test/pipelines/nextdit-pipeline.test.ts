/**
 * The NextDiT pipeline's stages on test-lumina: Gemma's tokenizer as diffusers' Lumina pipeline
 * calls it (lowercased, `<bos>` first, cut at `length` with a warning, right-padded to a multiple of
 * 8, the mask), byte fallback (no word is unknown), each prompt encoded once and kept, a forward's
 * rows padded to its longest prompt.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../gpu-node/src/engine/engine';
import { GemmaStage } from '../../gpu-node/src/pipelines/gemma-stage';
import { NextditPipeline } from '../../gpu-node/src/pipelines/nextdit';
import { PromptGraph } from '../../gpu-node/src/pipelines/prompt-graph';
import { TextEncoder } from '../../gpu-node/src/pipelines/text-encoder';
import type { NextditCardFile } from '../../gpu-node/src/runtime/card';
import { OnnxDitModel } from '../../gpu-node/src/runtime/onnx-model';
import { goldenRow, LUMINA_CARD, LUMINA_DIR, luminaGolden } from '../helpers/lumina';
import { type GoldenTensor, worstDiff } from '../helpers/mmdit';

const golden = luminaGolden();

const load = async () => {
  const model = await OnnxDitModel.load(LUMINA_CARD, { intraOpThreads: 1 });
  const entry = (model.card as unknown as NextditCardFile).stages.text[0];
  return { model, entry, gemma: await GemmaStage.load(LUMINA_DIR, entry) };
};

describe("test-lumina's Gemma stage", () => {
  it("gives the ids, mask and features PyTorch's reference tokenizer and Gemma give", async () => {
    const { gemma, entry, model } = await load();
    const { prompts, input_ids, attention_mask } = golden.text_encoder;
    const hidden = golden.text_encoder[entry.hidden] as GoldenTensor;
    const T = input_ids.dims[1];
    for (const [r, prompt] of prompts.entries()) {
      const { ids, mask } = gemma.tokens('cond', prompt);
      const count = mask.filter((m) => m === 1n).length;
      expect([...ids].map(Number)).toEqual(input_ids.data.slice(r * T, r * T + ids.length));
      expect([...mask].map(Number)).toEqual(attention_mask.data.slice(r * T, r * T + ids.length));
      const D = entry.hidden_dim;
      const got = (await gemma.encode(prompt)).hidden.subarray(0, count * D);
      expect(worstDiff(got, hidden.data.slice(r * T * D, (r * T + count) * D))).toBeLessThanOrEqual(golden.tolerance);
    }
    await gemma.dispose();
    await model.dispose();
  });

  it('lowercases the prompt, puts <bos> first and pads on the right to a multiple of 8, the mask 1 on its tokens', async () => {
    const { gemma, entry, model } = await load();
    expect([entry.mask, entry.pad_to_multiple_of, entry.lowercase]).toEqual(['attention_mask', 8, true]);
    const { ids, mask, dropped } = gemma.tokens('cond', '  A Photo of a RED Cat ');
    expect(gemma.tokens('cond', 'a photo of a red cat').ids).toEqual(ids);
    const count = mask.filter((m) => m === 1n).length;
    expect(ids.length % 8).toBe(0);
    expect(ids.length).toBeLessThan(count + 8);
    expect(dropped).toBe(0);
    expect(Number(ids[0])).toBe(2); // <bos>
    expect([...mask]).toEqual([...Array(ids.length)].map((_, k) => (k < count ? 1n : 0n)));
    expect([...ids.slice(count)].every((id) => id === 0n)).toBe(true); // <pad>
    expect(gemma.tokens('cond', '').ids.length).toBe(8); // <bos> alone, padded
    await gemma.dispose();
    await model.dispose();
  });

  it('spells any word with byte fallback: none is unknown, none refused', async () => {
    const { gemma, model } = await load();
    const { mask, dropped } = gemma.tokens('cond', 'zqxj ünïcödé 日本 🐈');
    expect(dropped).toBe(0);
    expect(mask.filter((m) => m === 1n).length).toBeGreaterThan(10);
    await gemma.dispose();
    await model.dispose();
  });

  it('cuts a prompt past 256 tokens, counting what went', async () => {
    const { gemma, model } = await load();
    const long = gemma.tokens('cond', 'a red cat '.repeat(200));
    expect(long.ids.length).toBe(256);
    expect(long.mask.every((m) => m === 1n)).toBe(true);
    expect(long.dropped).toBeGreaterThan(0);
    expect(gemma.dropped('cond', 'a red cat '.repeat(200))).toBe(long.dropped);
    await gemma.dispose();
    await model.dispose();
  });
});

describe("test-lumina's Gemma encoder", () => {
  it('gives a prompt the same features however far it is padded on the right (causal, positions 0..t−1)', async () => {
    const { gemma, entry, model } = await load();
    const { ids, mask } = gemma.tokens('cond', 'a photo of a red cat');
    const count = mask.filter((m) => m === 1n).length;
    const encoder = await TextEncoder.load(`${LUMINA_DIR}/${entry.encoder}`, entry);
    const pad = (a: BigInt64Array, to: number) => {
      const out = new BigInt64Array(to);
      out.set(a);
      return out;
    };
    const D = entry.hidden_dim;
    const short = await encoder.encode(ids, 1, ids.length, mask);
    const longer = await encoder.encode(pad(ids, ids.length + 8), 1, ids.length + 8, pad(mask, ids.length + 8));
    expect(worstDiff(short.hidden.subarray(0, count * D), longer.hidden.subarray(0, count * D))).toBeLessThan(1e-5);
    await encoder.dispose();
    await gemma.dispose();
    await model.dispose();
  });
});

describe("test-lumina's pipeline", () => {
  it('conditions a forward as PyTorch does: Gemma, then the prompt graph, rows padded alike', async () => {
    const model = await OnnxDitModel.load(LUMINA_CARD, { intraOpThreads: 1 });
    const pipeline = await NextditPipeline.load(LUMINA_DIR, model);
    const [first, second] = golden.text_encoder.prompts.map((prompt) => ({ prompt }));
    const set = await pipeline.conditioning([first], second);
    const [want] = golden.pipeline;
    [set.images[0], set.negative].forEach((row, r) => {
      expect([...row.text_mask.data].map(Number)).toEqual(goldenRow(want.inputs.encoder_mask, r).data);
      for (const [name, t] of Object.entries(want.outputs))
        expect(worstDiff(row[name].data as Float32Array, goldenRow(t, r).data), name).toBeLessThanOrEqual(
          golden.tolerance,
        );
    });
    await pipeline.dispose();
    await model.dispose();
  });

  it('encodes each distinct prompt once and pads the rows of a forward to its longest prompt', async () => {
    const model = await OnnxDitModel.load(LUMINA_CARD, { intraOpThreads: 1 });
    const pipeline = await NextditPipeline.load(LUMINA_DIR, model);
    const long = { prompt: 'a photo of a red cat sitting in a garden with a small dog and a bird at sunset' };
    const set = await pipeline.conditioning([long, { prompt: 'a cat' }, long], pipeline.negative);
    expect(pipeline.encodedPrompts).toBe(3);
    const rows = [...set.images, set.negative];
    const T = rows[0].text_mask.dims[1];
    expect(T).toBeGreaterThan(8);
    for (const row of rows) expect(row.text_k_0.dims).toEqual([1, model.card.kv_heads, T, model.card.head_dim]);
    expect(rows[3].text_mask.data.filter((m) => m === 1n).length).toBe(1); // "" is <bos> alone
    await pipeline.conditioning([{ prompt: 'a cat' }], pipeline.negative);
    expect(pipeline.encodedPrompts).toBe(3);
    expect(pipeline.warnings({ prompt: 'a red cat '.repeat(200) })).toEqual([
      expect.stringMatching(
        /^the prompt is too long for text encoder gemma \(256 tokens\): its last \d+ tokens were dropped$/,
      ),
    ]);
    expect(pipeline.warnings(long)).toEqual([]);
    await pipeline.dispose();
    await model.dispose();
  });
});

describe("test-lumina's stage files", () => {
  it('stop the node at scan when the prompt graph is missing, naming it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ras-lumina-'));
    cpSync(LUMINA_DIR, join(root, 'test-lumina'), { recursive: true });
    rmSync(join(root, 'test-lumina', 'transformer.prompt.onnx'));
    await expect(createEngine({ modelsDir: root })).rejects.toThrow(/stage file transformer.prompt.onnx is missing/);
    rmSync(root, { recursive: true });
  });

  it("refuse a prompt graph without the contract's outputs, naming the file and what it lacks", async () => {
    const model = await OnnxDitModel.load(LUMINA_CARD, { intraOpThreads: 1 });
    const wider = { ...model.card, layers: model.card.layers + 1 };
    await expect(PromptGraph.load(join(LUMINA_DIR, 'transformer.prompt.onnx'), wider)).rejects.toThrow(
      new RegExp(
        `transformer.prompt.onnx: the prompt graph lacks text_k_${model.card.layers}, text_v_${model.card.layers}`,
      ),
    );
    await model.dispose();
  });
});
