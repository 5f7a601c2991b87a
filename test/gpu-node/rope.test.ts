/**
 * The node's 2-D RoPE table (runtime/rope.ts) against PyTorch's: golden values from
 * gpu-node/tools/lumina_rope.py (`real_table(rope_table(head_dim, 384, 384, linear_factor, 1)[:H, :W])`,
 * diffusers' get_2d_rotary_pos_embed_lumina sliced to the grid), printed with
 *   python3 -c "import math; from lumina_rope import *; c, s = real_table(rope_table(72, 384, 384,
 *   math.sqrt(96*40)/64, 1.)[:96, :40]); print(c[95, 39, 0].item(), …)"
 */
import { describe, expect, it } from 'vitest';
import { gridFactors, RopeTables, ropeTable } from '../../gpu-node/src/runtime/rope';

const card = (head_dim: number, defaultGrid: [number, number]) => ({
  head_dim,
  rope: { theta: 10000, max: [384, 384] as [number, number], default_grid: defaultGrid, scaling_watershed: 1 },
});
const at = (t: { cos: Float32Array; sin: Float32Array; dims: number[] }, r: number, c: number, k: number) => {
  const [, W, half] = t.dims;
  const i = (r * W + c) * half + k;
  return [t.cos[i], t.sin[i]];
};

describe('the RoPE table of a token grid', () => {
  it("equals PyTorch's on a non-square 3 × 5 grid with head_dim 8, rows in even pairs and columns in odd", () => {
    const t = ropeTable(card(8, [4, 4]), [3, 5]);
    expect(t.dims).toEqual([3, 5, 4]);
    const want = {
      '2,4': [
        [-0.474851042, -0.549032986, 0.999786675, 0.99914676],
        [0.880066156, -0.835800707, 0.02065444, 0.04130007],
      ],
      '1,3': [
        [0.512420237, -0.99906677, 0.999946654, 0.999520063],
        [0.858734846, 0.043192446, 0.010327771, 0.030978909],
      ],
    };
    for (const [key, [cos, sin]] of Object.entries(want)) {
      const [r, c] = key.split(',').map(Number);
      for (let k = 0; k < 4; k++) {
        expect(at(t, r, c, k)[0]).toBeCloseTo(cos[k], 8);
        expect(at(t, r, c, k)[1]).toBeCloseTo(sin[k], 8);
      }
    }
  });

  it("equals PyTorch's bit for bit at Lumina-Next's head_dim 72 on a 96 × 40 grid (linear factor √(96·40)/64)", () => {
    const t = ropeTable(card(72, [64, 64]), [96, 40]);
    const want: [number, number, number, number, number][] = [
      [95, 39, 0, -0.747699499130249, -0.6640372276306152],
      [95, 39, 1, -0.8463623523712158, 0.5326075553894043],
      [50, 30, 2, 0.8966310620307922, -0.4427783787250519],
      [17, 39, 35, 0.9999774098396301, 0.0067188977263867855],
      [95, 0, 34, 0.9998660683631897, 0.016365939751267433],
    ];
    for (const [r, c, k, cos, sin] of want) expect(at(t, r, c, k)).toEqual([cos, sin]);
  });

  it('scales positions by sqrt(H·W) over the default grid, with no NTK factor: 1 at the default grid', () => {
    expect(gridFactors(card(72, [64, 64]), [64, 64])).toEqual({ linear: 1, ntk: 1 });
    expect(gridFactors(card(72, [64, 64]), [32, 32]).linear).toBe(0.5);
  });

  it('builds each grid once and keeps it', () => {
    const tables = new RopeTables(card(8, [4, 4]));
    expect(tables.get(3, 5)).toBe(tables.get(3, 5));
    expect(tables.get(5, 3).dims).toEqual([5, 3, 4]);
  });
});
