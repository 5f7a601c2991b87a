import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compose } from '../../gpu-node/src/pipelines/compose';
import { stageFiles } from '../../gpu-node/src/pipelines/mmdit';
import { TextEncoder } from '../../gpu-node/src/pipelines/text-encoder';
import { TextStage } from '../../gpu-node/src/pipelines/text-stage';
import { type MmditCardFile, parseCard } from '../../gpu-node/src/runtime/card';
import { checkText } from '../../gpu-node/src/runtime/text-card';
import { MMDIT_CARD, MMDIT_DIR, worstDiff } from '../helpers/mmdit';
import { f32, SD3_MINI, sd3MiniEntries, sd3MiniGolden } from '../helpers/sd3-mini';

const golden = sd3MiniGolden();

/** test-mmdit's transformer graphs as paths from `dir`. */
const transformerFrom = (dir: string) => ({
  unfused: join(relative(dir, MMDIT_DIR), 'transformer.onnx'),
  fused: join(relative(dir, MMDIT_DIR), 'transformer.fused.onnx'),
});

async function composed(withT5: boolean, prompts: string[]) {
  const entries = sd3MiniEntries(withT5);
  const stages = await Promise.all(entries.map((e) => TextStage.load(SD3_MINI, e)));
  const outs = [];
  for (const stage of stages) outs.push(await stage.encode(prompts));
  await Promise.all(stages.map((s) => s.dispose()));
  return compose('sd3', entries, outs, prompts.length);
}

describe('the "sd3" compose rule', () => {
  it("equals diffusers' encode_prompt in PyTorch: CLIP-L ⊕ CLIP-G penultimate layers, zero-padded, then T5", async () => {
    const { hidden, pooled } = await composed(true, golden.prompts);
    const want = golden.with_t5;
    expect(want.encoder_hidden_states.dims).toEqual([2, 77 + 32, 64]);
    expect(worstDiff(hidden, f32(want.encoder_hidden_states))).toBeLessThan(golden.tolerance);
    expect(worstDiff(pooled, f32(want.pooled_projections))).toBeLessThan(golden.tolerance);
    expect(hidden.subarray(48, 64).every((x) => x === 0)).toBe(true); // 16 + 32 features, padded to 64
  });

  it('gives zeros for the T5 rows of an absent T5 (SD3 without its 9.5 GB encoder), as diffusers', async () => {
    const { hidden, pooled } = await composed(false, golden.prompts.slice(0, 1));
    const want = golden.without_t5;
    expect(worstDiff(hidden, f32(want.encoder_hidden_states))).toBeLessThan(golden.tolerance);
    expect(worstDiff(pooled, f32(want.pooled_projections))).toBeLessThan(golden.tolerance);
    expect(hidden.subarray(77 * 64).every((x) => x === 0)).toBe(true);
  });
});

describe('text encoder graphs and cards', () => {
  it('refuse a graph lacking the hidden output the card names, naming the file and the output', async () => {
    const file = join(SD3_MINI, 'text_encoder', 'model.onnx');
    await expect(TextEncoder.load(file, { hidden: 'hidden_states.11', pooled: 'text_embeds' })).rejects.toThrow(
      `${file}: the text encoder lacks hidden_states.11`,
    );
  });

  it("refuse a card whose composed shapes are not its transformer's, naming the card and the field", () => {
    const cond = { text_tokens: 109, joint_attention_dim: 64, pooled_projection_dim: 32 };
    expect(() => checkText('sd3-mini', 'sd3', sd3MiniEntries(), cond)).not.toThrow();
    expect(() => checkText('sd3-mini', 'sd3', sd3MiniEntries(true, 256), cond)).toThrow(
      'model card sd3-mini: cond.text_tokens is 109, but stages.text composed by "sd3" gives 333',
    );
    expect(() => checkText('sd3-mini', 'sd3', sd3MiniEntries(), { ...cond, pooled_projection_dim: 2048 })).toThrow(
      /cond.pooled_projection_dim is 2048/,
    );
    expect(() => checkText('sd3-mini', 'single', sd3MiniEntries(), cond)).toThrow(
      'model card sd3-mini: stages.text: compose "single" takes one entry, not 3',
    );
  });

  it('name the bad field of a text entry, and a stage file an entry names that is missing', () => {
    const card = JSON.parse(readFileSync(MMDIT_CARD, 'utf8'));
    const sd3 = {
      ...card,
      // The transformer stays test-mmdit's (its graphs, by a path from the miniature's folder).
      stages: { ...card.stages, text: sd3MiniEntries(), compose: 'sd3', transformer: transformerFrom(SD3_MINI) },
      cond: { ...card.cond, text_tokens: 109, joint_attention_dim: 64, pooled_projection_dim: 32 },
    };
    const parsed = parseCard('sd3-mini', sd3) as MmditCardFile;
    expect(stageFiles(SD3_MINI, parsed).text.map((e) => e.encoder)).toEqual([
      'text_encoder/model.onnx',
      'text_encoder_2/model.onnx',
      'text_encoder_3/model.onnx',
    ]);
    const half = { ...sd3MiniEntries()[2], tokenizer: null };
    expect(() =>
      parseCard('sd3-mini', { ...sd3, stages: { ...sd3.stages, text: [...sd3MiniEntries().slice(0, 2), half] } }),
    ).toThrow(
      'model card sd3-mini: stages.text.2: tokenizer and encoder are both set (an encoder) or both null (an absent one, zeros)',
    );
    const moved = { ...sd3MiniEntries()[2], tokenizer: 'tokenizer_4' };
    const missing = parseCard('sd3-mini', {
      ...sd3,
      stages: { ...sd3.stages, text: [...sd3MiniEntries().slice(0, 2), moved] },
    });
    expect(() => stageFiles(SD3_MINI, missing as MmditCardFile)).toThrow(
      `model ${SD3_MINI}: stage file tokenizer_4 is missing`,
    );
  });
});
