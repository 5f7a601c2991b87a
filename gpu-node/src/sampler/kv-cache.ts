/**
 * Per-layer K/V of every image token, [layers, rows, heads, N, head_dim]
 * (DESIGN.md §3): a RAS step overwrites the rows of the tokens it ran, the
 * dropped rows stay as last computed, a dense step replaces everything.
 */
export class KvCache {
  k: Float32Array;
  v: Float32Array;
  /** Set when someone else holds the current arrays (a trajectory): copy before writing. */
  private shared = false;

  constructor(
    readonly layers: number,
    readonly rows: number,
    readonly heads: number,
    readonly tokens: number,
    readonly headDim: number,
  ) {
    const size = layers * rows * heads * tokens * headDim;
    this.k = new Float32Array(size);
    this.v = new Float32Array(size);
  }

  /** A dense step's output has the cache's layout: adopt it without copying. */
  replace(kNew: Float32Array, vNew: Float32Array): void {
    if (kNew.length !== this.k.length || vNew.length !== this.v.length) {
      throw new Error(`dense K/V has ${kNew.length} values, cache holds ${this.k.length}`);
    }
    this.k = kNew;
    this.v = vNew;
    this.shared = false;
  }

  /** Hands the current arrays out read-only; the next write copies first (copy on write). */
  share(): { k: Float32Array; v: Float32Array } {
    this.shared = true;
    return { k: this.k, v: this.v };
  }

  /** Starts from `base` (copied), keeping this cache's rows for `keep` tokens. */
  rebase(base: { k: Float32Array; v: Float32Array }, keep: Int32Array): void {
    const k = base.k.slice();
    const v = base.v.slice();
    const { k: ownK, v: ownV, headDim: hd } = this;
    for (let plane = 0; plane < this.layers * this.rows * this.heads; plane++) {
      for (let t = 0; t < keep.length; t++) {
        const at = (plane * this.tokens + keep[t]) * hd;
        for (let d = at; d < at + hd; d++) {
          k[d] = ownK[d];
          v[d] = ownV[d];
        }
      }
    }
    this.k = k;
    this.v = v;
    this.shared = false;
  }

  /**
   * Writes fresh rows [layers, rows, heads, n, head_dim] at the token positions
   * `index` [images, n]; model row r belongs to image r mod images (CFG pairs).
   */
  scatter(kNew: Float32Array, vNew: Float32Array, index: Int32Array, n: number, images: number): void {
    if (this.shared) {
      this.k = this.k.slice();
      this.v = this.v.slice();
      this.shared = false;
    }
    const { layers, rows, heads, tokens, headDim } = this;
    const { k, v } = this;
    for (let l = 0; l < layers; l++) {
      for (let r = 0; r < rows; r++) {
        const sel = (r % images) * n;
        for (let h = 0; h < heads; h++) {
          const plane = (l * rows + r) * heads + h;
          const dst = plane * tokens * headDim;
          let from = plane * n * headDim;
          for (let t = 0; t < n; t++) {
            // A plain loop: subarray() + set() per 64-float row costs more than the copy.
            const to = dst + index[sel + t] * headDim;
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
