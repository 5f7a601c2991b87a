/**
 * Quality: the paper's central comparison on the embedded model, in one run,
 * same seeds for every row: dense at the recommended steps (the reference),
 * RAS at r = 0.5 / 0.25 (both band ends), random selection at r = 0.25, and
 * dense with fewer steps at the compute of RAS r = 0.25.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classAccuracy } from '../src/eval/accuracy';
import { Evaluator, tokensToNchw } from '../src/eval/evaluator';
import { featureStats, frechetDistance } from '../src/eval/frechet';
import { meanPsnr } from '../src/eval/psnr';
import { loadRealStats } from '../src/eval/real-stats';
import { ModelRegistry } from '../src/runtime/registry';
import { classCond } from '../src/sampler/conditioning';
import type { DitModel } from '../src/sampler/model';
import { sample } from '../src/sampler/sampler';
import { type RasSettings, resolveRequest, type SampleRequest } from '../src/sampler/settings';
import { tokensToImage } from '../src/sampler/tokens';
import { imageGrid, qualityPlot } from './pictures';

export const EMBEDDED_MODEL = 'shapes-dit';

export interface QualityRow {
  name: string;
  policy: string;
  steps: number;
  ratio: number;
  high_ratio?: number;
  ms: number;
  tokens_per_image: number;
  class_acc: number;
  fd: number;
  psnr_vs_ref: number;
}

interface Setting {
  name: string;
  steps: number;
  ras: Partial<RasSettings>;
}

/** PSNR (dB) of images in [-1, 1] against the reference, averaged per image. */
async function sampleAll(model: DitModel, labels: number[], s: Setting, guidance: number) {
  const { card } = model;
  const dim = card.token_dim;
  const perImage = card.grid.default[0] * card.grid.default[1] * dim;
  const tokens = new Float32Array(labels.length * perImage);
  let tokensRun = 0;
  const t0 = performance.now();
  for (let at = 0; at < labels.length; at += 16) {
    const cond = labels.slice(at, at + 16);
    const req: SampleRequest = { cond, seeds: cond.map((_, i) => 1000 + at + i), steps: s.steps, guidance, ras: s.ras };
    const res = await sample(model, resolveRequest(card, req));
    tokens.set(res.tokens, at * perImage);
    tokensRun = res.tokensRun;
  }
  return { tokens, ms: performance.now() - t0, tokensRun };
}

/** The class rows of `given`, else of the embedded model (skipped where it is not committed). */
export async function benchQuality(quick: boolean, outDir: string, log: (s: string) => void, given?: DitModel) {
  const registry = await ModelRegistry.scan();
  if (!given && !registry.names().includes(EMBEDDED_MODEL)) {
    log(`quality: skipped, no ${EMBEDDED_MODEL} model committed yet`);
    return { skipped: `model ${EMBEDDED_MODEL} not found` };
  }
  const model = given ?? (await registry.get(EMBEDDED_MODEL));
  const card = model.card;
  const evaluator = await Evaluator.load();
  const real = await loadRealStats();
  const perClass = quick ? 4 : 16;
  const classes = classCond(card).num_classes;
  const labels = Array.from({ length: classes * perClass }, (_, i) => i % classes);
  const steps = card.recommended.steps;
  const guidance = card.recommended.guidance;
  const settings: Setting[] = [
    { name: `dense ${steps}`, steps, ras: { policy: 'dense' } },
    { name: 'RAS std r=0.5 h=0.5', steps, ras: { policy: 'std', ratio: 0.5, highRatio: 0.5 } },
    { name: 'RAS std r=0.25 h=1', steps, ras: { policy: 'std', ratio: 0.25, highRatio: 1 } },
    { name: 'RAS std r=0.25 h=0.5', steps, ras: { policy: 'std', ratio: 0.25, highRatio: 0.5 } },
    { name: 'RAS std r=0.25 h=0', steps, ras: { policy: 'std', ratio: 0.25, highRatio: 0 } },
    { name: 'RAS l2norm r=0.25', steps, ras: { policy: 'l2norm', ratio: 0.25 } },
    { name: 'random r=0.25', steps, ras: { policy: 'random', ratio: 0.25 } },
    { name: 'random r=0.5', steps, ras: { policy: 'random', ratio: 0.5 } },
  ];
  const grid = card.grid.default;
  const n = grid[0] * grid[1];
  const layout = { grid, patch: card.patch, channels: card.channels };
  const rows: QualityRow[] = [];
  const pictures: ReturnType<typeof tokensToImage>[][] = [];
  let ref: Float32Array | null = null;
  const run = async (s: Setting) => {
    const out = await sampleAll(model, labels, s, guidance);
    const images = tokensToNchw(out.tokens, labels.length, layout);
    ref ??= images;
    const cls = await evaluator.classify(images, labels.length);
    const fit = featureStats(cls.features, labels.length, cls.featureDim);
    const row: QualityRow = {
      name: s.name,
      policy: s.ras.policy ?? 'std',
      steps: s.steps,
      ratio: s.ras.policy === 'dense' ? 1 : (s.ras.ratio as number),
      ...(s.ras.highRatio === undefined ? {} : { high_ratio: s.ras.highRatio }),
      ms: Math.round(out.ms),
      tokens_per_image: out.tokensRun,
      class_acc: Math.round(classAccuracy(cls.predicted, labels) * 1000) / 1000,
      fd: Math.round(frechetDistance(fit, real) * 1000) / 1000,
      psnr_vs_ref: Math.round(meanPsnr(images, ref, labels.length) * 100) / 100,
    };
    log(`quality ${row.name}: acc ${row.class_acc} fd ${row.fd} psnr ${row.psnr_vs_ref} ${row.ms} ms`);
    rows.push(row);
    pictures.push(labels.slice(0, classCond(card).num_classes).map((_, b) => tokensToImage(card, grid, out.tokens, b)));
    return out;
  };
  for (const s of settings) await run(s);
  // Equal compute: dense steps whose token-steps match RAS r = 0.25 (the same for every band).
  const ras25 = rows.find((r) => r.name === 'RAS std r=0.25 h=0.5')!;
  const eqSteps = Math.max(1, Math.round(ras25.tokens_per_image / n));
  await run({ name: `dense ${eqSteps} (equal compute)`, steps: eqSteps, ras: { policy: 'dense' } });
  writeFileSync(join(outDir, 'quality-grid.png'), imageGrid(pictures));
  writeFileSync(join(outDir, 'quality-vs-time.svg'), await qualityPlot(rows));
  return {
    model: card.name,
    samples_per_row: labels.length,
    samples_per_class: perClass,
    guidance,
    rows_in_grid: rows.map((r) => r.name),
    quality: rows,
  };
}
