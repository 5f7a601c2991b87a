import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../gpu-node/src/engine/engine';
import type { MmditPipeline } from '../../gpu-node/src/pipelines/mmdit';
import { PromptTokenizer } from '../../gpu-node/src/pipelines/tokenizer';
import type { OnnxDitModel } from '../../gpu-node/src/runtime/onnx-model';
import { SamplerConfigError } from '../../gpu-node/src/sampler/errors';
import { MMDIT_DIR, mmditGolden, worstDiff } from '../helpers/mmdit';

const golden = mmditGolden();
const PROMPT = 'a small red circle at the top left';
const params = { model: 'test-mmdit', cond: { prompt: PROMPT }, seed: 5, steps: 6, guidance: 3 };

describe('the prompted pipeline: tokenizer', () => {
  it('gives the ids PyTorch was given (WordLevel tokenizer.json, fixed padding)', async () => {
    const tokenizer = await PromptTokenizer.load(`${MMDIT_DIR}/tokenizer.json`, 40);
    const want = golden.text_encoder[0].inputs.input_ids;
    golden.prompts.forEach((p, r) => {
      expect([...tokenizer.encode('cond', p).ids].map(Number)).toEqual(want.data.slice(r * 40, (r + 1) * 40));
    });
  });

  it('refuses unknown words, naming every one of them once', async () => {
    const tokenizer = await PromptTokenizer.load(`${MMDIT_DIR}/tokenizer.json`, 40);
    const attempt = () => tokenizer.encode('cond', 'a purple circle at the zorp top and a purple blob');
    expect(attempt).toThrowError(SamplerConfigError);
    expect(attempt).toThrowError(/unknown words "purple", "zorp", "blob"/);
  });

  it('cuts an over-long prompt at its length, saying how many tokens went', async () => {
    const tokenizer = await PromptTokenizer.load(`${MMDIT_DIR}/tokenizer.json`, 40);
    const { ids, dropped } = tokenizer.encode('cond', Array(43).fill('a').join(' '));
    expect(dropped).toBe(3);
    expect(new Set(ids)).toEqual(new Set([ids[0]]));
    expect(ids.length).toBe(40);
  });
});

describe('the prompted pipeline in the engine', () => {
  it('encodes the prompt and the empty negative once, matching PyTorch, and an edit reuses them', async () => {
    const engine = await createEngine();
    const pipeline = (await engine.pipeline('test-mmdit')) as MmditPipeline<OnnxDitModel>;
    const set = await pipeline.conditioning([{ prompt: golden.prompts[0] }, { prompt: golden.prompts[1] }], {
      prompt: '',
    });
    const want = golden.text_encoder[0].outputs;
    const rows = [...set.images, set.negative];
    rows.forEach((row, r) => {
      const hidden = want.last_hidden_state.data.slice(r * 40 * 32, (r + 1) * 40 * 32);
      expect(worstDiff(row.encoder_hidden_states.data as Float32Array, hidden)).toBeLessThan(golden.tolerance);
      const pooled = want.text_embeds.data.slice(r * 32, (r + 1) * 32);
      expect(worstDiff(row.pooled_projections.data as Float32Array, pooled)).toBeLessThan(golden.tolerance);
    });
    const before = pipeline.encodedPrompts;
    expect(before).toBe(3);

    const first = await engine.generate({ ...params, cond: { prompt: 'a large blue square' } });
    expect(pipeline.encodedPrompts).toBe(before + 1); // the negative was kept; 6 steps × 2 rows, one encode
    await engine.edit({ sessionId: first.sessionId, rects: [{ x: 0, y: 0, width: 16, height: 16 }] });
    expect(pipeline.encodedPrompts).toBe(before + 1); // the session's embeddings, reused
    await engine.edit({
      sessionId: first.sessionId,
      rects: [{ x: 0, y: 0, width: 16, height: 16 }],
      cond: { prompt: 'a yellow triangle in the middle' },
    });
    expect(pipeline.encodedPrompts).toBe(before + 2); // a new prompt for the region: encoded once
  });

  it('re-samples an edit region with its new prompt, keeping every pixel outside the dilated region', async () => {
    const engine = await createEngine();
    const base = await engine.generate(params);
    expect([base.width, base.height]).toEqual([64, 64]);
    const rect = { x: 32, y: 32, width: 16, height: 16 };
    const same = await engine.edit({ sessionId: base.sessionId, version: 1, rects: [rect], seed: 9, margin: 0 });
    const other = { prompt: 'a large green cross on the right' };
    const changed = await engine.edit({
      sessionId: base.sessionId,
      version: 1,
      rects: [rect],
      seed: 9,
      margin: 0,
      cond: other,
    });
    const [a, b, c] = [base, same, changed].map((r) => PNG.sync.read(Buffer.from(r.png)));
    let inside = 0;
    for (let y = 0; y < 64; y++)
      for (let x = 0; x < 64; x++) {
        const k = (y * 64 + x) * 4;
        const isIn = x >= 32 && x < 48 && y >= 32 && y < 48;
        for (let ch = 0; ch < 3; ch++) {
          if (!isIn) expect(c.data[k + ch]).toBe(a.data[k + ch]);
          else if (c.data[k + ch] !== b.data[k + ch]) inside++;
        }
      }
    expect(inside).toBeGreaterThan(0); // the region followed the new prompt, not the session's
    const info = await engine.getSession(base.sessionId);
    expect(info.recipe.cond).toEqual({ prompt: PROMPT });
  });

  it('refuses class ids and labels, and unknown words, as INVALID_ARGUMENT on the condition, before any run', async () => {
    const engine = await createEngine();
    await expect(engine.generate({ ...params, cond: 3 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      field: 'cond',
      message: expect.stringMatching(/takes a prompt/),
    });
    await expect(
      engine.generate({ ...params, cond: { prompt: 'a mauve circle at the top lft' } }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/"mauve", "lft"/),
    });
    await expect(engine.generate({ ...params, model: 'test-tiny', cond: { prompt: PROMPT } })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/not a prompt/),
    });
  });

  it('lists the model as prompted', async () => {
    const engine = await createEngine();
    const models = await engine.listModels();
    expect(models.find((m) => m.name === 'test-mmdit')).toMatchObject({
      prompted: true,
      width: 64,
      patch: 4,
      labels: [],
    });
    expect(models.find((m) => m.name === 'test-tiny')).toMatchObject({ prompted: false });
  });

  it('will not start with a prompted model missing a stage file, naming the file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ras-models-'));
    try {
      cpSync(MMDIT_DIR, join(root, 'broken'), { recursive: true, filter: (src) => !src.endsWith('text_encoder.onnx') });
      await expect(createEngine({ modelsDir: root })).rejects.toThrow(
        /broken: stage file text_encoder.onnx is missing/,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
