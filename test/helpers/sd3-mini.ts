/** The miniature SD3 text side in optimum's layout (gpu-node/tools/mini_sd3_text.py) and its golden.json. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TextEntry } from '../../gpu-node/src/runtime/text-card';
import { float32s } from './golden';

export const SD3_MINI = join(__dirname, '..', 'fixtures', 'sd3-mini', 'optimum');

interface GoldenIds {
  ids: number[];
  dropped: number;
}
interface GoldenF32 {
  dims: number[];
  float32_base64: string;
}
export interface Sd3MiniGolden {
  tolerance: number;
  lengths: { clip: number; t5: number };
  joint_attention_dim: number;
  pooled_projection_dim: number;
  ids: ({ prompt: string } & Record<'tokenizer' | 'tokenizer_2', GoldenIds> & { tokenizer_3?: GoldenIds })[];
  prompts: string[];
  with_t5: Record<'encoder_hidden_states' | 'pooled_projections', GoldenF32>;
  without_t5: Record<'encoder_hidden_states' | 'pooled_projections', GoldenF32>;
}

export const sd3MiniGolden = (): Sd3MiniGolden => JSON.parse(readFileSync(join(SD3_MINI, 'golden.json'), 'utf8'));

/** A golden tensor's values. */
export function f32(t: GoldenF32): Float32Array {
  return float32s(t.float32_base64);
}

/** The card's `stages.text` for the miniature, as the contract's SD3 example with its sizes; T5 absent on request. */
export function sd3MiniEntries(withT5 = true, t5Length = 32): TextEntry[] {
  const clip = (name: string, n: string, dim: number): TextEntry => ({
    name,
    tokenizer: `tokenizer${n}`,
    encoder: `text_encoder${n}/model.onnx`,
    length: 77,
    hidden: 'hidden_states.1',
    hidden_dim: dim,
    pooled: 'text_embeds',
    pooled_dim: 16,
  });
  const t5 = withT5
    ? { tokenizer: 'tokenizer_3', encoder: 'text_encoder_3/model.onnx' }
    : { tokenizer: null, encoder: null };
  return [
    clip('clip_l', '', 16),
    clip('clip_g', '_2', 32),
    { name: 't5', ...t5, length: t5Length, hidden: 'last_hidden_state', hidden_dim: 64, pooled: null, pooled_dim: 0 },
  ];
}
