/**
 * What a latent preview costs (docs/model-contract.md, "SD3 in latent space"):
 * one preview event as the engine makes it (`stepEvents`: the linear map at
 * latent resolution, the downscale, the encoding) for SD3's 1024² image,
 * 128×128×16 latents (64×64 tokens of patch 2), and its 512² one (32×32
 * tokens), medians of repeated runs.
 *
 *     npx tsx gpu-node/bench/preview-cost.ts
 */
import { stepEvents } from '../src/engine/step-events';
import type { ModelCard } from '../src/sampler/model';
import { tokensToImage } from '../src/sampler/tokens';

const RUNS = 40;

const card: ModelCard = {
  name: 'sd3-shape',
  family: 'mmdit',
  patch: 2,
  channels: 16,
  token_dim: 64,
  hidden: 1536,
  layers: 24,
  heads: 24,
  head_dim: 64,
  grid: { default: [64, 64], min: [1, 1], max: [96, 96] },
  time: { scale: 1000, shift: 3 },
  cond: { kind: 'prompt', text_tokens: 333, joint_attention_dim: 4096, pooled_projection_dim: 2048, negative: '' },
  preview: {
    kind: 'linear',
    matrix: [0, 1, 2].map((r) => Array.from({ length: 16 }, (_, k) => Math.sin(r * 16 + k) * 0.2)) as [
      number[],
      number[],
      number[],
    ],
    bias: [0.5, 0.5, 0.5],
  },
  recommended: { steps: 28, guidance: 7 },
  stages: { decoder: { scale_factor: 8 } },
};

function median(fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[RUNS >> 1];
}

/** Medians of one preview event's parts over a grid of `side`² tokens. */
function measure(side: number): void {
  const grid: [number, number] = [side, side];
  const tokens = Float32Array.from({ length: side * side * card.token_dim }, (_, k) => Math.sin(k * 0.61));
  const event = {
    step: 0,
    steps: 28,
    kind: 'ras' as const,
    sigma: 0.5,
    tokensRun: (side * side) / 4,
    mask: new Uint8Array(side * side),
    predictedClean: tokens,
    timings: { totalMs: 0 } as never,
  };
  const map = median(() => tokensToImage(card, grid, tokens, 0));
  const png = median(() => stepEvents(card, grid, event, { every: 1, format: 'png' }));
  const jpeg = median(() => stepEvents(card, grid, event, { every: 1, format: 'jpeg' }));
  const [latent, image] = [side * 2, side * 16];
  console.log(
    `${image}² (${latent}×${latent}×16 latents): linear map ${map.toFixed(2)} ms; ` +
      `preview event PNG ${png.toFixed(2)} ms, JPEG ${jpeg.toFixed(2)} ms (medians of ${RUNS})`,
  );
}

measure(64);
measure(32);
