/**
 * A latent-space prompted model for engine tests: a hand-written `ras-ready/3`
 * card with SD3's latent shape (16 channels, patch 2: 16 pixels per token) in a
 * temp directory, test-mmdit's tokenizer and text encoder beside it, the
 * miniature VAE decoder as its decoder stage, and a transformer in TypeScript.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, type EngineOptions } from '../../gpu-node/src/engine/engine';
import { MmditPipeline } from '../../gpu-node/src/pipelines/mmdit';
import type { Pipelines } from '../../gpu-node/src/pipelines/registry';
import { parseCard } from '../../gpu-node/src/runtime/card';
import type { OnnxDitModel } from '../../gpu-node/src/runtime/onnx-model';
import { FakeModel } from './fake-model';
import { VAE_DIR, VAE_SPEC } from './latent';
import { MMDIT_DIR } from './mmdit';

export const LATENT_MODEL = 'latent-fake';

/** A linear preview over 16 channels: red from channels 0..3, green 4..7, blue 8..11, offset to mid-grey. */
export const LINEAR_PREVIEW = {
  kind: 'linear' as const,
  matrix: [0, 1, 2].map((row) => Array.from({ length: 16 }, (_, k) => (Math.floor(k / 4) === row ? 0.1 : 0))) as [
    number[],
    number[],
    number[],
  ],
  bias: [0.5, 0.5, 0.5] as [number, number, number],
};

/** test-mmdit's card made latent: patch 2 over 16 channels, a VAE decoder (scale 8), a linear preview. */
export function latentCardJson(): Record<string, unknown> {
  const card = JSON.parse(readFileSync(join(MMDIT_DIR, 'model.json'), 'utf8'));
  return {
    ...card,
    patch: 2,
    channels: 16,
    token_dim: 64,
    grid: { default: [3, 4], min: [1, 1], max: [8, 8] },
    stages: { ...card.stages, decoder: VAE_SPEC },
    preview: LINEAR_PREVIEW,
    recommended: { steps: 6, guidance: 2 },
  };
}

/** A model directory: the latent card, test-mmdit's files and the VAE decoder linked beside it. */
export function latentModelDir(card = latentCardJson(), dir = mkdtempSync(join(tmpdir(), 'ras-latent-'))): string {
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(MMDIT_DIR))
    if (file !== 'model.json') symlinkSync(join(MMDIT_DIR, file), join(dir, file));
  symlinkSync(VAE_DIR, join(dir, 'vae_decoder'));
  writeFileSync(join(dir, 'model.json'), JSON.stringify(card));
  return dir;
}

/** The fake transformer: a smooth velocity field of token, feature, time and prompt; the CPU's backend. */
class FakeLatentTransformer extends FakeModel {
  readonly backend = { provider: 'cpu', attention: 'unfused' as const, dtype: 'float32' as const };
  readonly attention = 'unfused' as const;
}

/** The latent model's pipeline over `dir` (the real tokenizer, text encoder and decoder stages). */
export async function latentPipeline(dir = latentModelDir()): Promise<MmditPipeline<OnnxDitModel>> {
  const card = parseCard(LATENT_MODEL, JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')));
  const field = (j: number, d: number, t: number, c: number) => Math.sin(0.9 * j + 0.37 * d + 0.001 * t + 5 * c);
  const transformer = new FakeLatentTransformer(card, field) as unknown as OnnxDitModel;
  return MmditPipeline.load(dir, transformer);
}

/** An engine serving only the latent model. */
export async function latentEngine(opts: EngineOptions = {}, pipeline?: MmditPipeline<OnnxDitModel>) {
  const p = pipeline ?? (await latentPipeline());
  const pipelines: Pipelines = { names: () => [LATENT_MODEL], get: async () => p };
  return { engine: await createEngine({ ...opts, pipelines }), pipeline: p };
}
