/**
 * The largest tensor one forward binds, so a graph is never run where it
 * would pass the adapter's `maxStorageBufferBindingSize`: past it, WebGPU
 * does not fail, it computes garbage (measured: an unfused attention score
 * tensor of 3.2 GB on the H200). The unfused graph's [rows, heads, n, N]
 * scores are why the WebGPU path runs the fused graph where FlashAttention is
 * exact; where it is not, the unfused graph runs if its scores fit
 * (`webgpuAttention`).
 */
import { kvHeads, type ModelCard } from '../sampler/model';
import type { AdapterInfo } from './adapter';
import type { Attention } from './onnx-model';

const FLOAT = 4;
/** The MLP's hidden width over the model width (the exporter's DiT). */
const MLP_RATIO = 4;

/** Bytes of the largest tensor a dense forward over `tokens` tokens and `rows` model rows binds. */
export function largestBinding(card: ModelCard, attention: Attention, rows: number, tokens: number): number {
  const caches = rows * kvHeads(card) * tokens * card.head_dim;
  const mlp = rows * tokens * card.hidden * MLP_RATIO;
  const scores = attention === 'unfused' ? rows * card.heads * tokens * tokens : 0;
  return Math.max(caches, mlp, scores) * FLOAT;
}

/** Tokens of the largest grid the card serves. */
export function maxTokens(card: ModelCard): number {
  return card.grid.max[0] * card.grid.max[1];
}

/**
 * Whether onnxruntime-node 1.30's WebGPU FlashAttention is exact (fp32, ~1e-7) on `adapter`.
 * Its prefill kernel (32 queries or more) comes in two variants: a workgroup-memory loop on
 * NVIDIA, Apple and adapters without subgroups, and a subgroup-shuffle loop everywhere else.
 * The second declares its per-key-block score accumulators inside the loop without an
 * initializer, and the shader compiler onnxruntime ships zeroes them once, not per iteration:
 * every block's scores start from the previous block's probabilities (measured on lavapipe:
 * 0.33 max abs error on random inputs; a simulation of exactly that reproduces its output to
 * 4e-7). docs/gpu.md, "FlashAttention's numerics".
 */
export function exactFlashAttention(adapter: AdapterInfo): boolean {
  return !adapter.subgroups || adapter.vendor === 'nvidia' || adapter.vendor === 'apple';
}

/**
 * The attention graph a WebGPU node runs unless told otherwise: the fused one where
 * FlashAttention is exact (or the adapter is unknown), else the unfused one where its score
 * tensor fits the binding limit at the card's largest grid, else the fused one (inexact, but
 * the unfused would compute garbage).
 */
export function webgpuAttention(card: ModelCard, adapter: AdapterInfo | undefined, rows: number): Attention {
  if (!adapter || exactFlashAttention(adapter)) return 'fused';
  const scores = largestBinding(card, 'unfused', rows, maxTokens(card));
  return scores <= adapter.maxStorageBufferBindingSize ? 'unfused' : 'fused';
}
