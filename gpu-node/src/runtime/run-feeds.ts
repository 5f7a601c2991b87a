/**
 * The graph inputs fixed for a whole run: the pipeline's conditioning rows
 * (stacked once per run by the sampler) and, for a card with 2-D RoPE, the
 * grid's `rope_cos` / `rope_sin` table (rope.ts). Built once per
 * (conditioning, grid) and cast to the graph's own input types (a
 * half-precision graph may take the text K/V in fp16: read from the graph, not
 * assumed). On the CPU they are fed as they are each step; with
 * device-resident caches they cross to the device once per run
 * (`uploadGraph`, device-kv.ts `pinned`). A conditioning that carries its own
 * `rope_cos` / `rope_sin` (a parity check feeding diffusers' table at scaling
 * factor 1, a golden case) is fed those instead of the grid's.
 */
import ort from 'onnxruntime-node';
import type { Conditioning, ModelCard } from '../sampler/model';
import { toFloat16 } from './float16.js';
import { RopeTables } from './rope';

export class RunFeeds {
  private readonly rope: RopeTables | null;
  private readonly built = new WeakMap<Conditioning, { grid: string; feeds: Record<string, ort.Tensor> }>();

  constructor(
    card: ModelCard,
    /** The graph's input types by name (`session.inputMetadata`). */
    private readonly types: ReadonlyMap<string, string>,
  ) {
    this.rope = card.rope ? new RopeTables({ head_dim: card.head_dim, rope: card.rope }) : null;
  }

  /** The run's constant feeds for `cond` over a grid `gridW` wide of `tokens` tokens (the same object each step). */
  get(cond: Conditioning, tokens: number, gridW: number): Record<string, ort.Tensor> {
    const grid = `${tokens / gridW}x${gridW}`;
    const kept = this.built.get(cond);
    if (kept?.grid === grid) return kept.feeds;
    const feeds: Record<string, ort.Tensor> = {};
    for (const [name, t] of Object.entries(cond)) feeds[name] = this.tensor(name, t.type, t.data, [...t.dims]);
    if (this.rope && !cond.rope_cos) {
      const table = this.rope.get(tokens / gridW, gridW);
      feeds.rope_cos = this.tensor('rope_cos', 'float32', table.cos, table.dims);
      feeds.rope_sin = this.tensor('rope_sin', 'float32', table.sin, table.dims);
    }
    this.built.set(cond, { grid, feeds });
    return feeds;
  }

  /** A host tensor of `data`, in half precision where the graph's input `name` is float16. */
  private tensor(name: string, type: 'float32' | 'int64', data: Float32Array | BigInt64Array, dims: number[]) {
    if (type === 'float32' && this.types.get(name) === 'float16')
      return new ort.Tensor('float16', toFloat16(data as Float32Array), dims);
    return type === 'int64'
      ? new ort.Tensor('int64', data as BigInt64Array, dims)
      : new ort.Tensor('float32', data as Float32Array, dims);
  }
}

/** The graph's input types by name. */
export function inputTypes(session: ort.InferenceSession): Map<string, string> {
  return new Map(session.inputMetadata.flatMap((m) => (m.isTensor ? [[m.name, m.type as string] as const] : [])));
}

/** Feeds that cross to the device once per run: the floating-point ones (the int64 mask is bytes per row). */
export function uploadable(feeds: Record<string, ort.Tensor>): string[] {
  return Object.keys(feeds)
    .filter((name) => feeds[name].type === 'float32' || feeds[name].type === 'float16')
    .sort();
}
