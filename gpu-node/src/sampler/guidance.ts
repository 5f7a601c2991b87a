/**
 * Classifier-free guidance over a forward's rows: rows [0, images) are the
 * conditional ones, rows [images, 2·images) their unconditional pairs (when
 * guidance ≠ 1). The guided velocity v_u + g·(v_c − v_u) of each token run
 * lands in the run's velocity cache at the token's place. A card's
 * `guidance_channels` guides only the first channels of each patch pixel
 * (features (py, px, c)); the others take the conditional row's value, as
 * diffusers' Lumina pipeline and the original `forward_with_cfg` do (3 of 4).
 */

export interface GuideShape {
  images: number;
  /** Model rows: images, or 2·images with CFG. */
  rows: number;
  /** Values per token. */
  dim: number;
  /** Tokens in the grid. */
  tokens: number;
  /** Latent channels per patch pixel (feature d is channel d mod channels); with `guidedChannels`. */
  channels?: number;
  /** Channels [0, guidedChannels) are guided; absent: all. */
  guidedChannels?: number;
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
  const guided = guidedFeatures(s);
  for (let b = 0; b < s.images; b++) {
    for (let t = 0; t < n; t++) {
      const dst = (b * s.tokens + index[b * n + t]) * dim;
      const c = (b * n + t) * dim;
      const u = ((s.images + b) * n + t) * dim;
      for (let d = 0; d < dim; d++) {
        const vc = v[c + d];
        vel[dst + d] = uncond && guided[d] ? v[u + d] + g * (vc - v[u + d]) : vc;
      }
    }
  }
}

/** 1 for each feature of a token CFG guides. */
function guidedFeatures(s: GuideShape): Uint8Array {
  const C = s.channels ?? s.dim;
  const G = s.guidedChannels ?? C;
  return Uint8Array.from({ length: s.dim }, (_, d) => (d % C < G ? 1 : 0));
}
