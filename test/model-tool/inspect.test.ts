/**
 * `model inspect`: the card's summary and every stage with its size on disk,
 * for the committed models (both card formats) and for a latent-space card
 * whose stages (folders, `stages.text`, external data) the node's schema does
 * not know yet.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { human } from '../../gpu-node/model-tool/disk';
import { inspect } from '../../gpu-node/model-tool/inspect';
import { onnxInitializers } from '../../gpu-node/model-tool/onnx-initializers';
import { MODELS_DIR } from '../../gpu-node/src/runtime/registry';
import { MMDIT_DIR } from '../helpers/mmdit';

const size = (path: string) => human(statSync(path).size);
const scratch = mkdtempSync(join(tmpdir(), 'ras-model-inspect-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('model inspect', () => {
  it('prints a prompted card, each stage with its size, the graphs and how the weights are stored', async () => {
    const out = await inspect(MMDIT_DIR);
    expect(out).toMatch(/^ {2}format +ras-ready\/3, family mmdit$/m);
    expect(out).toMatch(/^ {2}layers +2 × 2 heads × head_dim 16 \(hidden 32\)$/m);
    expect(out).toMatch(/^ {2}grid +default 16×16, min 1×1, max 16×16 tokens/m);
    expect(out).toMatch(/^ {2}cond +kind "prompt", text_tokens 40, joint_attention_dim 32, pooled_projection_dim 32/m);
    const weights = size(join(MMDIT_DIR, 'model.weights'));
    for (const f of ['tokenizer.json', 'text_encoder.onnx', 'transformer.onnx', 'transformer.fused.onnx']) {
      expect(out).toContain(`${f}  ${size(join(MMDIT_DIR, f))}`);
    }
    expect(out).toMatch(
      /^ {2}transformer\.fused +transformer\.fused\.onnx {2}.*\n +\+ model\.weights {2}.* \(external data\)$/m,
    );
    expect(out).toMatch(/^ {2}decoder +null$/m);
    expect(out).toMatch(
      /^ {2}unfused +transformer\.onnx .*; reads model\.weights: 33 float32 tensors, 340\.0 kB; 7\.49 kB inline$/m,
    );
    expect(out).toContain(`model.weights  ${weights}, stored float32 (card: float32)`);
  });

  it('prints a class DiT card: no stages, three graphs over fp16-stored weights', async () => {
    const out = await inspect(join(MODELS_DIR, 'shapes-dit'));
    expect(out).toMatch(/^ {2}format +ras-ready-dit\/2, family dit$/m);
    expect(out).toMatch(/^ {2}cond +kind "class", num_classes 16, null 16, labels \[16 values\]$/m);
    expect(out).toContain('(none: the transformer graphs below are the model)');
    expect(out).toMatch(/^ {2}fused_fp16 +model\.fused\.fp16\.onnx /m);
    expect(out).toMatch(/model\.weights {2}8\.36 MB, stored float16 and float32 \(card: float16\)/);
  });

  it('walks stages it has no schema for: folders summed, text encoders by name, missing files named', async () => {
    const dir = join(scratch, 'latent');
    mkdirSync(join(dir, 'tokenizer'), { recursive: true });
    for (const f of ['model.weights', 'transformer.onnx', 'transformer.fused.onnx', 'text_encoder.onnx']) {
      copyFileSync(join(MMDIT_DIR, f), join(dir, f));
    }
    writeFileSync(join(dir, 'tokenizer/vocab.json'), '{"a": 0}');
    writeFileSync(join(dir, 'tokenizer/merges.txt'), '#version: 0.2\n');
    const card = JSON.parse(readFileSync(join(MMDIT_DIR, 'model.json'), 'utf8'));
    const clip = { length: 77, hidden_dim: 8, pooled: 'text_embeds', pooled_dim: 16 };
    card.stages.text = [
      { name: 'clip_l', tokenizer: 'tokenizer', encoder: 'text_encoder.onnx', hidden: 'hidden_states.11', ...clip },
      { name: 'clip_g', tokenizer: 'tokenizer', encoder: 'text_encoder.onnx', hidden: 'hidden_states.31', ...clip },
      {
        name: 't5',
        tokenizer: 'tokenizer_3',
        encoder: 'text_encoder_3/model.onnx',
        length: 256,
        hidden: 'last_hidden_state',
        hidden_dim: 32,
        pooled: null,
        pooled_dim: 0,
      },
    ];
    card.stages.compose = 'sd3';
    card.cond = { ...card.cond, text_tokens: 333 };
    writeFileSync(join(dir, 'model.json'), JSON.stringify(card));
    const out = await inspect(dir);
    expect(out).toMatch(/^ {2}text\.clip_l\.tokenizer +tokenizer\/ {2}22 B in 2 files$/m);
    expect(out).toMatch(
      /^ {2}text\.clip_l\.encoder +text_encoder\.onnx {2}6\.71 kB\n +\+ model\.weights {2}401\.3 kB/m,
    );
    expect(out).toMatch(/^ {2}text\.clip_l\.hidden +hidden_states\.11$/m);
    expect(out).toMatch(/^ {2}text\.t5\.tokenizer +tokenizer_3 {2}MISSING$/m);
    expect(out).toMatch(/^ {2}text\.t5\.encoder +text_encoder_3\/model\.onnx {2}MISSING$/m);
    expect(out).toMatch(/^ {2}text\.t5\.pooled +null$/m);
  });

  it('refuses a directory without a card, saying what DIR must be', async () => {
    await expect(inspect(scratch)).rejects.toThrow(/model\.json: no model card here; DIR must be a model directory/);
  });
});

describe('ONNX initializers read from the wire format', () => {
  it("agree with the onnx package's reading of the committed graphs", () => {
    // Counts from onnx.load(..., load_external_data=False) on the same files (data_type, location).
    const count = (file: string) => {
      const by: Record<string, number> = {};
      for (const t of onnxInitializers(file))
        by[`${t.dtype}@${t.location ?? 'inline'}`] = (by[`${t.dtype}@${t.location ?? 'inline'}`] ?? 0) + 1;
      return by;
    };
    expect(count(join(MMDIT_DIR, 'transformer.onnx'))).toEqual({ 'float32@inline': 32, 'float32@model.weights': 33 });
    expect(count(join(MODELS_DIR, 'shapes-dit/model.fused.fp16.onnx'))).toEqual({
      'float16@model.weights': 54,
      'float16@inline': 14,
      'float32@inline': 2,
      'float32@model.weights': 1,
    });
  });

  it('refuses a file that is not an ONNX model, naming it', () => {
    const bad = join(scratch, 'bad.onnx');
    writeFileSync(bad, Buffer.from([0x3a, 0x7f, 0x01])); // field 7, length 127, one byte present
    expect(() => onnxInitializers(bad)).toThrow(/bad\.onnx: not an ONNX model/);
  });
});
