/**
 * The largest tensor one forward binds, so a graph is never run where it
 * would pass the adapter's `maxStorageBufferBindingSize`: past it, WebGPU
 * does not fail, it computes garbage (measured: an unfused attention score
 * tensor of 3.2 GB on the H200). The unfused graph's [rows, heads, n, N]
 * scores are why the WebGPU path runs the fused graph.
 */
import type { ModelCard } from '../sampler/model';
import type { Attention } from './onnx-model';

const FLOAT = 4;
/** The MLP's hidden width over the model width (the exporter's DiT). */
const MLP_RATIO = 4;

/** Bytes of the largest tensor a dense forward over `tokens` tokens and `rows` model rows binds. */
export function largestBinding(card: ModelCard, attention: Attention, rows: number, tokens: number): number {
  const caches = rows * card.heads * tokens * card.head_dim;
  const mlp = rows * tokens * card.hidden * MLP_RATIO;
  const scores = attention === 'unfused' ? rows * card.heads * tokens * tokens : 0;
  return Math.max(caches, mlp, scores) * FLOAT;
}

/** Tokens of the largest grid the card serves. */
export function maxTokens(card: ModelCard): number {
  return card.grid.max[0] * card.grid.max[1];
}
