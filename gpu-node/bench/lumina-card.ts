/**
 * What the gpu section's Lumina rows read from a converted NextDiT model's card
 * (docs/model-contract.md, "Lumina-Next in latent space"), checked by field, and the RoPE
 * table of a token grid as the contract defines it (`lumina_rope.real_table`).
 */
import { readFileSync } from 'node:fs';

/** The card's fields the rows use. */
export interface NextDitCard {
  token_dim: number;
  hidden: number;
  layers: number;
  heads: number;
  kv_heads: number;
  head_dim: number;
  graphs: { unfused: string; fused: string; fused_fp16: string };
  /** The prompt graph (`stages.prompt`). */
  prompt: string;
  /** T: text tokens of a prompt (`cond.text_tokens`). */
  textTokens: number;
  /** Gemma's hidden size (`cond.cross_attention_dim`). */
  crossDim: number;
  rope: { theta: number; default_grid: [number, number] };
}

/** `path`'s card, or an error naming the file and the first field that is not what the rows need. */
export function readNextDitCard(path: string): NextDitCard {
  const card = JSON.parse(readFileSync(path, 'utf8'));
  if (card.family !== 'nextdit') throw new Error(`${path}: family is ${JSON.stringify(card.family)}, not "nextdit"`);
  const at = (field: string): unknown => field.split('.').reduce((o, k) => (o as Record<string, unknown>)?.[k], card);
  const number = (field: string) => {
    const v = at(field);
    if (!Number.isInteger(v) || (v as number) <= 0) throw new Error(`${path}: ${field} must be a positive integer`);
    return v as number;
  };
  const text = (field: string) => {
    const v = at(field);
    if (typeof v !== 'string' || !v) throw new Error(`${path}: ${field} must name a file`);
    return v;
  };
  const grid = at('rope.default_grid');
  if (!Array.isArray(grid) || grid.length !== 2) throw new Error(`${path}: rope.default_grid must be [rows, cols]`);
  return {
    token_dim: number('token_dim'),
    hidden: number('hidden'),
    layers: number('layers'),
    heads: number('heads'),
    kv_heads: number('kv_heads'),
    head_dim: number('head_dim'),
    graphs: { unfused: text('graphs.unfused'), fused: text('graphs.fused'), fused_fp16: text('graphs.fused_fp16') },
    prompt: text('stages.prompt'),
    textTokens: number('cond.text_tokens'),
    crossDim: number('cond.cross_attention_dim'),
    rope: { theta: number('rope.theta'), default_grid: [grid[0], grid[1]] },
  };
}

/**
 * `rope_cos` / `rope_sin` [rows, cols, head_dim/2] of a rows × cols token grid: pair 2m turns
 * by the row times ω_m, pair 2m + 1 by the column, ω_m = θ^(−4m/head_dim) / s for m < head_dim/4,
 * with s = √(rows·cols / default grid) (diffusers' linear factor; the NTK factor is 1 at the
 * contract's watershed of 1).
 */
export function ropeTable(card: NextDitCard, rows: number, cols: number) {
  const half = card.head_dim / 2;
  const [g0, g1] = card.rope.default_grid;
  const linear = Math.sqrt((rows * cols) / (g0 * g1));
  const cos = new Float32Array(rows * cols * half);
  const sin = new Float32Array(rows * cols * half);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++)
      for (let j = 0; j < half; j++) {
        const m = j >> 1;
        const omega = card.rope.theta ** ((-4 * m) / card.head_dim) / linear;
        const angle = (j % 2 === 0 ? r : c) * omega;
        const at = (r * cols + c) * half + j;
        cos[at] = Math.cos(angle);
        sin[at] = Math.sin(angle);
      }
  return { cos, sin, dims: [rows, cols, half] };
}
