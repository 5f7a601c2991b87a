/** The miniature Lumina-Next converted by `convert.py lumina` (test-lumina) and its PyTorch golden outputs. */
import { join } from 'node:path';
import { MODELS_DIR } from '../../gpu-node/src/runtime/registry';
import type { Conditioning } from '../../gpu-node/src/sampler/model';
import { readGolden } from './golden';
import type { GoldenCase, GoldenTensor } from './mmdit';

export const LUMINA_DIR = join(MODELS_DIR, 'test-lumina');
export const LUMINA_CARD = join(LUMINA_DIR, 'model.json');

export interface RopeGolden {
  grid: [number, number];
  linear_factor: number;
  ntk_factor: number;
  dims: number[];
  cos: number[];
  sin: number[];
}

export interface LuminaGolden {
  tolerance: number;
  tolerance_fp16: number;
  /** The prompt graph: encoder_hidden_states + encoder_mask → caption, text_k_<l>, text_v_<l>. */
  prompt: GoldenCase[];
  /** The transformer: its inputs by name; outputs v, k_new, v_new. */
  transformer: GoldenCase[];
  rope: RopeGolden[];
  /** Gemma on fixed prompts: the ids and mask transformers' tokenizer gives (right-padded), the hidden states. */
  text_encoder: { prompts: string[]; input_ids: GoldenTensor; attention_mask: GoldenTensor } & Record<string, unknown>;
  /** The same prompts through Gemma and the prompt graph: the conditioning a forward gets. */
  pipeline: GoldenCase[];
}

export const luminaGolden = (): LuminaGolden => readGolden(join(LUMINA_DIR, 'golden.json'));

/** A golden tensor as a conditioning tensor. */
export function condTensor(t: GoldenTensor): Conditioning[string] {
  return t.dtype === 'int64'
    ? { type: 'int64', data: BigInt64Array.from(t.data, BigInt), dims: t.dims }
    : { type: 'float32', data: Float32Array.from(t.data), dims: t.dims };
}

/** Row r of a golden tensor [B, …] as [1, …]. */
export function goldenRow(t: GoldenTensor, r: number): GoldenTensor {
  const size = t.data.length / t.dims[0];
  return { dtype: t.dtype, dims: [1, ...t.dims.slice(1)], data: t.data.slice(r * size, (r + 1) * size) };
}
