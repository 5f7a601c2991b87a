/**
 * The NextDiT family's 2-D RoPE table for a token grid (the card's `rope`,
 * docs/model-contract.md): `rope_cos`, `rope_sin` f32 [H, W, head_dim/2], as
 * diffusers' `get_2d_rotary_pos_embed_lumina(head_dim, 384, 384,
 * linear_factor, ntk_factor)` sliced to the grid (gpu-node/tools/lumina_rope.py
 * `real_table`, diffusers models/embeddings.py). Pair 2m rotates by the row
 * position, pair 2m + 1 by the column, each at ω_m = θ′^(−2m/(head_dim/2)) /
 * linear_factor for m < head_dim/4, θ′ = θ · ntk_factor. The pipeline's
 * scaling factor is sqrt(H·W / (default_grid[0]·default_grid[1])); with a
 * watershed ≥ 1 (the only kind a card may have, nextdit-card.ts) every step is
 * below it, so linear_factor = scaling factor and ntk_factor = 1 for a whole
 * run: one table per grid. Computed in float32 as torch does (each operation
 * rounded), so the node's table is PyTorch's.
 */
import type { ModelCard } from '../sampler/model';

export interface RopeTable {
  /** [H, W, head_dim/2] */
  cos: Float32Array;
  sin: Float32Array;
  dims: [number, number, number];
}

type RopeCard = Pick<ModelCard, 'head_dim'> & { rope: NonNullable<ModelCard['rope']> };

const f = Math.fround;

/** diffusers' `get_1d_rotary_pos_embed` frequencies for `dim` (= head_dim/2) in float32. */
export function ropeFrequencies(dim: number, theta: number, linearFactor: number, ntkFactor: number): Float32Array {
  const base = f(theta * ntkFactor);
  return Float32Array.from({ length: dim / 2 }, (_, m) => f(f(1 / f(base ** f(f(2 * m) / dim))) / f(linearFactor)));
}

/** The table of an H × W grid at the given factors (the card's θ; head_dim divisible by 4). */
export function ropeTable(
  card: RopeCard,
  grid: [number, number],
  factors: { linear: number; ntk: number } = gridFactors(card, grid),
): RopeTable {
  const [H, W] = grid;
  const half = card.head_dim / 2;
  const freqs = ropeFrequencies(half, card.rope.theta, factors.linear, factors.ntk);
  const cos = new Float32Array(H * W * half);
  const sin = new Float32Array(H * W * half);
  for (let r = 0; r < H; r++)
    for (let c = 0; c < W; c++)
      for (let m = 0; m < half / 2; m++) {
        const at = (r * W + c) * half + 2 * m;
        const row = f(r * freqs[m]);
        const col = f(c * freqs[m]);
        cos[at] = Math.cos(row);
        sin[at] = Math.sin(row);
        cos[at + 1] = Math.cos(col);
        sin[at + 1] = Math.sin(col);
      }
  return { cos, sin, dims: [H, W, half] };
}

/** The run's factors for a grid: linear = sqrt(H·W / default area), ntk 1 (every step below a watershed ≥ 1). */
export function gridFactors(card: RopeCard, [H, W]: [number, number]): { linear: number; ntk: number } {
  const [h0, w0] = card.rope.default_grid;
  return { linear: Math.sqrt(H * W) / Math.sqrt(h0 * w0), ntk: 1 };
}

/** Tables by grid, built once each (a grid's table is the same for every run and step). */
export class RopeTables {
  private readonly tables = new Map<string, RopeTable>();

  constructor(private readonly card: RopeCard) {}

  /** The table of an H × W grid. */
  get(H: number, W: number): RopeTable {
    const key = `${H}x${W}`;
    let table = this.tables.get(key);
    if (!table) {
      table = ropeTable(this.card, [H, W]);
      this.tables.set(key, table);
    }
    return table;
  }
}
