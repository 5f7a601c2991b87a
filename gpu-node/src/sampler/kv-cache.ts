/**
 * Host-resident K/V caches: every cache slot's K and V of every image token,
 * [slots, rows, heads, N, head_dim], in two arrays (docs/ras.md; slots: the
 * layers, then MMDiT-X's attn2, `kvSlots`). A RAS step
 * overwrites the rows of the tokens it ran, the dropped rows stay as last
 * computed, a dense step over every token in order replaces everything.
 */
import type { KvArrays, KvCaches } from './model';

export class HostKv implements KvCaches {
  readonly residency = 'host';
  k: Float32Array;
  v: Float32Array;
  /** Set when someone else holds the current arrays (a trajectory): copy before writing. */
  private shared = false;

  constructor(
    readonly slots: number,
    readonly rows: number,
    readonly heads: number,
    readonly tokens: number,
    readonly headDim: number,
  ) {
    const size = slots * rows * heads * tokens * headDim;
    this.k = new Float32Array(size);
    this.v = new Float32Array(size);
  }

  /** Hands the current arrays out read-only; the next write copies first (copy on write). */
  async snapshot(): Promise<KvArrays> {
    this.shared = true;
    return { k: this.k, v: this.v };
  }

  async rebase(base: KvArrays, keep: Int32Array): Promise<void> {
    const { slots, rows, heads, tokens, headDim } = this;
    const planes = slots * rows * heads;
    if (this.shared) {
      const merged = mergeRows(base, this, keep, planes, tokens, headDim);
      this.k = merged.k;
      this.v = merged.v;
      this.shared = false;
      return;
    }
    // Ours alone: merge in place. A new megabyte array per rebase cost more than the
    // copies themselves (docs/scenes.md, "Edits").
    this.kept = keptRows(this, keep, planes, tokens, headDim, this.kept);
    this.k.set(base.k);
    this.v.set(base.v);
    putRows(this, this.kept, keep, planes, tokens, headDim);
  }

  /** Scratch for the rows an in-place rebase keeps. */
  private kept: KvArrays | null = null;

  dispose(): void {}

  /**
   * Writes a forward's fresh rows [slots, rows, heads, n, head_dim] at the
   * token positions `index` [rows, n]. A forward over every token in grid
   * order has the cache's layout: it is adopted without copying.
   */
  write(kNew: Float32Array, vNew: Float32Array, index: Int32Array, n: number): void {
    if (n === this.tokens && isIdentity(index, n)) {
      this.k = kNew;
      this.v = vNew;
      this.shared = false;
      return;
    }
    if (this.shared) {
      this.k = this.k.slice();
      this.v = this.v.slice();
      this.shared = false;
    }
    const { slots, rows, heads, tokens, headDim, k, v } = this;
    for (let l = 0; l < slots; l++) {
      for (let r = 0; r < rows; r++) {
        for (let h = 0; h < heads; h++) {
          const plane = (l * rows + r) * heads + h;
          const dst = plane * tokens * headDim;
          let from = plane * n * headDim;
          for (let t = 0; t < n; t++) {
            // A plain loop: subarray() + set() per 64-float row costs more than the copy.
            const to = dst + index[r * n + t] * headDim;
            for (let d = 0; d < headDim; d++, from++) {
              k[to + d] = kNew[from];
              v[to + d] = vNew[from];
            }
          }
        }
      }
    }
  }
}

/** True when every row of `index` [rows, n] is 0, 1, …, n − 1. */
function isIdentity(index: Int32Array, n: number): boolean {
  for (let k = 0; k < index.length; k++) if (index[k] !== k % n) return false;
  return true;
}

/**
 * `base` (copied) with `own`'s rows for the tokens in `keep`; both laid out as
 * `planes` planes of [tokens, headDim] (planes = slots · rows · heads).
 */
export function mergeRows(
  base: KvArrays,
  own: KvArrays,
  keep: Int32Array,
  planes: number,
  tokens: number,
  headDim: number,
): KvArrays {
  const k = base.k.slice();
  const v = base.v.slice();
  for (let plane = 0; plane < planes; plane++) {
    for (let t = 0; t < keep.length; t++) {
      const at = (plane * tokens + keep[t]) * headDim;
      for (let d = at; d < at + headDim; d++) {
        k[d] = own.k[d];
        v[d] = own.v[d];
      }
    }
  }
  return { k, v };
}

/** `own`'s rows for the tokens in `keep`, packed [planes, keep, headDim] (into `into` when it fits). */
function keptRows(
  own: KvArrays,
  keep: Int32Array,
  planes: number,
  tokens: number,
  headDim: number,
  into: KvArrays | null,
): KvArrays {
  const size = planes * keep.length * headDim;
  const out = into && into.k.length === size ? into : { k: new Float32Array(size), v: new Float32Array(size) };
  const { k, v } = own;
  const outK = out.k;
  const outV = out.v;
  for (let plane = 0, to = 0; plane < planes; plane++) {
    for (let t = 0; t < keep.length; t++) {
      const at = (plane * tokens + keep[t]) * headDim;
      for (let d = at; d < at + headDim; d++, to++) {
        outK[to] = k[d];
        outV[to] = v[d];
      }
    }
  }
  return out;
}

/** Writes `keptRows`' packed rows back at the tokens in `keep`. */
function putRows(own: KvArrays, rows: KvArrays, keep: Int32Array, planes: number, tokens: number, headDim: number) {
  const { k, v } = own;
  const rowsK = rows.k;
  const rowsV = rows.v;
  for (let plane = 0, from = 0; plane < planes; plane++) {
    for (let t = 0; t < keep.length; t++) {
      const at = (plane * tokens + keep[t]) * headDim;
      for (let d = at; d < at + headDim; d++, from++) {
        k[d] = rowsK[from];
        v[d] = rowsV[from];
      }
    }
  }
}
