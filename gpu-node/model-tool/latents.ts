/**
 * Latents [B, C, H, W] (NCHW, as diffusers passes `hidden_states`) ↔ the
 * contract's tokens [B, N, p·p·C]: tokens row-major over the (H/p)×(W/p)
 * grid, each token's features ordered (py, px, channel)
 * (docs/model-contract.md; gpu-node/src/sampler/tokens.ts reads them the same
 * way). `unpatchify` is SD3Transformer2DModel's own: reshape to
 * (n, h, w, p, q, c), then einsum "nhwpqc->nchpwq".
 */

export interface LatentShape {
  batch: number;
  channels: number;
  height: number;
  width: number;
  patch: number;
}

/** Tokens [B, N, p·p·C] of latents [B, C, H, W]. */
export function patchify(latents: Float32Array, s: LatentShape): Float32Array {
  return permute(latents, s, true);
}

/** Latents [B, C, H, W] of tokens [B, N, p·p·C]. */
export function unpatchify(tokens: Float32Array, s: LatentShape): Float32Array {
  return permute(tokens, s, false);
}

/** One loop for both directions: `toTokens` picks which side is read. */
function permute(src: Float32Array, s: LatentShape, toTokens: boolean): Float32Array {
  const { batch, channels: c, height, width, patch: p } = s;
  if (height % p || width % p) throw new Error(`latents ${height}×${width} are not a multiple of the patch ${p}`);
  const size = batch * c * height * width;
  if (src.length !== size)
    throw new Error(`${src.length} values, but [${batch}, ${c}, ${height}, ${width}] holds ${size}`);
  const out = new Float32Array(size);
  const gw = width / p;
  const dim = p * p * c;
  for (let b = 0; b < batch; b++)
    for (let ch = 0; ch < c; ch++)
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++) {
          const pixel = ((b * c + ch) * height + y) * width + x;
          const token = b * (size / batch) + (Math.floor(y / p) * gw + Math.floor(x / p)) * dim;
          const feature = token + ((y % p) * p + (x % p)) * c + ch;
          if (toTokens) out[feature] = src[pixel];
          else out[pixel] = src[feature];
        }
  return out;
}
