/** The committed tiny random prompted models (`ras-ready/3`; MMDiT-X with attn2) and their PyTorch golden outputs. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linkModels } from '../../edge/scripts/processes';
import { DEFAULT_MODEL, MODELS_DIR } from '../../gpu-node/src/runtime/registry';
import { readGolden } from './golden';

export const MMDIT_DIR = join(MODELS_DIR, 'test-mmdit');
export const MMDIT_CARD = join(MMDIT_DIR, 'model.json');
/** MMDiT-X: qk-norm, attn2 in block 0 (its own K/V caches), an fp16 graph. */
export const MMDIT_X_DIR = join(MODELS_DIR, 'test-mmdit-x');
export const MMDIT_X_CARD = join(MMDIT_X_DIR, 'model.json');
/** The miniature SD3 converted by `convert.py sd3` (latent, CLIP-L/CLIP-G/T5 stages, a VAE decoder). */
export const SD3_DIR = join(MODELS_DIR, 'test-sd3');
export const SD3_CARD = join(SD3_DIR, 'model.json');

/** Makes `root/<name>` a copy of the tiny random prompted model (64×64 RGB, 256 tokens; the bench's stand-in for scenes-sd3). */
export function copyPromptedModel(root: string, name: string): void {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const f of [
    'model.json',
    'model.weights',
    'text_encoder.onnx',
    'tokenizer.json',
    'transformer.onnx',
    'transformer.fused.onnx',
  ])
    copyFileSync(join(MMDIT_DIR, f), join(dir, f));
}

/**
 * A new models root (for RAS_MODELS_DIR) whose default model, DEFAULT_MODEL, is the tiny random prompted
 * model with a served size (64×64), so clients offer it as they will the trained one, beside a link to
 * shapes-dit. The caller removes it.
 */
export function promptedDefaultRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'ras-models-'));
  copyPromptedModel(root, DEFAULT_MODEL);
  const card = join(root, DEFAULT_MODEL, 'model.json');
  writeFileSync(card, JSON.stringify({ ...JSON.parse(readFileSync(card, 'utf8')), sizes: [[64, 64]] }));
  return linkModels(root, ['shapes-dit']);
}

export interface GoldenTensor {
  dtype: 'float32' | 'int64';
  dims: number[];
  data: number[];
}
export interface GoldenCase {
  name: string;
  inputs: Record<string, GoldenTensor>;
  outputs: Record<string, GoldenTensor>;
}
export interface MmditGolden {
  tolerance: number;
  /** The fp16 graph's bar (test-mmdit-x). */
  tolerance_fp16?: number;
  prompts: string[];
  text_encoder: GoldenCase[];
  transformer: GoldenCase[];
}

export const mmditGolden = (dir = MMDIT_DIR): MmditGolden => readGolden(join(dir, 'golden.json'));

/** Worst |got − want| over a tensor. */
export function worstDiff(got: ArrayLike<number>, want: ArrayLike<number>): number {
  if (got.length !== want.length) throw new Error(`length ${got.length} ≠ ${want.length}`);
  let worst = 0;
  for (let k = 0; k < got.length; k++) worst = Math.max(worst, Math.abs(got[k] - want[k]));
  return worst;
}
