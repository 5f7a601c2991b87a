/**
 * Classifier-free guidance over a forward's rows: rows [0, images) are the
 * conditional ones, rows [images, 2·images) their unconditional pairs (when
 * guidance ≠ 1). The guided velocity v_u + g·(v_c − v_u) of each token run
 * lands in the run's velocity cache at the token's place.
 */

export interface GuideShape {
  images: number;
  /** Model rows: images, or 2·images with CFG. */
  rows: number;
  /** Values per token. */
  dim: number;
  /** Tokens in the grid. */
  tokens: number;
}

/**
 * Writes the guided velocity of the `n` tokens per image in `index` [images, n]
 * from the model output `v` [rows, n, dim] into `vel` [images, N, dim].
 */
export function guide(
  v: Float32Array,
  index: Int32Array,
  n: number,
  g: number,
  s: GuideShape,
  vel: Float32Array,
): void {
  const uncond = s.rows > s.images;
  const { dim } = s;
  for (let b = 0; b < s.images; b++) {
    for (let t = 0; t < n; t++) {
      const dst = (b * s.tokens + index[b * n + t]) * dim;
      const c = (b * n + t) * dim;
      const u = ((s.images + b) * n + t) * dim;
      for (let d = 0; d < dim; d++) {
        const vc = v[c + d];
        vel[dst + d] = uncond ? v[u + d] + g * (vc - v[u + d]) : vc;
      }
    }
  }
}
