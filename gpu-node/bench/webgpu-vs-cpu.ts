/**
 * The quality cost of a WebGPU graph (docs/gpu.md, "FlashAttention's numerics"): shapes-dit
 * sampled with the same seeds on the CPU provider and on WebGPU with each attention graph;
 * per-image PSNR against the CPU's image and the evaluator's Fréchet distance between the sets.
 *
 *     SEEDS=32 STEPS=28 GRAPHS=fused,unfused MODES=dense,ras npx tsx gpu-node/bench/webgpu-vs-cpu.ts
 *
 * One JSON line per (mode, graph). Ratios of the times are from one run; nothing asserts.
 */
import { join } from 'node:path';
import { classAccuracy } from '../src/eval/accuracy';
import { Evaluator } from '../src/eval/evaluator';
import { featureStats, frechetDistance, type GaussianFit } from '../src/eval/frechet';
import { tokensToNchw } from '../src/eval/nchw';
import { meanPsnr } from '../src/eval/psnr';
import { type Attention, OnnxDitModel } from '../src/runtime/onnx-model';
import { MODELS_DIR } from '../src/runtime/registry';
import { sample } from '../src/sampler/sampler';
import { type RasSettings, resolveRequest } from '../src/sampler/settings';

const env = (key: string, fallback: string) => process.env[key] ?? fallback;
const SEEDS = Number(env('SEEDS', '32'));
const STEPS = Number(env('STEPS', '28'));
const GRAPHS = env('GRAPHS', 'fused,unfused').split(',') as Attention[];
const MODES: Record<string, Partial<RasSettings>> = { dense: { policy: 'dense' }, ras: { ratio: 0.25 } };
const GRID: [number, number] = [8, 8]; // 32×32 pixels, what shapes-dit was trained at
const card = join(MODELS_DIR, 'shapes-dit', 'model.json');

/** `SEEDS` images, seeds 1000…, class seed mod 16, in requests of 16. */
async function images(model: OnnxDitModel, ras: Partial<RasSettings>): Promise<{ tokens: Float32Array; ms: number }> {
  const parts: Float32Array[] = [];
  const t0 = performance.now();
  for (let s = 0; s < SEEDS; s += 16) {
    const seeds = Array.from({ length: Math.min(16, SEEDS - s) }, (_, i) => 1000 + s + i);
    const req = { cond: seeds.map((x) => x % 16), seeds, steps: STEPS, guidance: 3, grid: GRID, ras };
    parts.push((await sample(model, resolveRequest(model.card, req))).tokens);
  }
  const tokens = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    tokens.set(p, at);
    at += p.length;
  }
  return { tokens, ms: performance.now() - t0 };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

const cpu = await OnnxDitModel.load(card, { intraOpThreads: 1 });
const gpus = await Promise.all(
  GRAPHS.map((attention) => OnnxDitModel.load(card, { executionProviders: ['webgpu'], attention })),
);
const evaluator = await Evaluator.load();
const layout = { grid: GRID, patch: cpu.card.patch, channels: cpu.card.channels };
const labels = Array.from({ length: SEEDS }, (_, i) => (1000 + i) % 16);
const judge = async (tokens: Float32Array): Promise<{ fit: GaussianFit; accuracy: number }> => {
  const c = await evaluator.classify(tokensToNchw(tokens, SEEDS, layout), SEEDS);
  return { fit: featureStats(c.features, SEEDS, c.featureDim), accuracy: classAccuracy(c.predicted, labels) };
};
for (const mode of env('MODES', 'dense,ras').split(',')) {
  const ref = await images(cpu, MODES[mode]);
  const refJudged = await judge(ref.tokens);
  const per = ref.tokens.length / SEEDS;
  for (const model of gpus) {
    const got = await images(model, MODES[mode]);
    const psnr = Array.from({ length: SEEDS }, (_, i) =>
      meanPsnr(got.tokens.subarray(i * per, (i + 1) * per), ref.tokens.subarray(i * per, (i + 1) * per), 1),
    ).sort((a, b) => a - b);
    const judged = await judge(got.tokens);
    const row = {
      mode,
      graph: model.attention,
      seeds: SEEDS,
      steps: STEPS,
      psnr: {
        min: round(psnr[0]),
        p10: round(quantile(psnr, 0.1)),
        median: round(quantile(psnr, 0.5)),
        max: round(psnr[SEEDS - 1]),
      },
      below_35_db: psnr.filter((p) => p < 35).length,
      fd_vs_cpu: round(frechetDistance(judged.fit, refJudged.fit), 3),
      accuracy: judged.accuracy,
      accuracy_cpu: refJudged.accuracy,
      ms: Math.round(got.ms),
      ms_cpu: Math.round(ref.ms),
    };
    console.log(JSON.stringify(row));
  }
}
await Promise.all([cpu, ...gpus, evaluator].map((m) => m.dispose()));
