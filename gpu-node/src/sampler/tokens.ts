/**
 * Token ↔ image conversions. Tokens are row-major over the grid, each token's
 * features ordered (py, px, channel) — the layout the exporter documents.
 */
import type { ModelCard } from './model';

export interface RgbImage {
  width: number;
  height: number;
  /** RGBA, 8 bits per channel, row-major. */
  data: Uint8ClampedArray;
}

/** RGB in [0, 1] of one pixel's `c` channels at `src`, written to `rgb`. */
type PixelMap = (tokens: Float32Array, src: number, rgb: Float64Array) => void;

/**
 * Image `b` of a token batch [B, N, C·p·p] as RGBA, one image pixel per token
 * pixel (per latent pixel in latent space: previews never run the decoder),
 * through the card's preview: `rgb` maps channels 0..2 (x·scale + offset),
 * `linear` all C channels (matrix · x + bias); both clamped to [0, 1].
 */
export function tokensToImage(card: ModelCard, grid: [number, number], tokens: Float32Array, b: number): RgbImage {
  const { patch: p, channels: c, token_dim: dim } = card;
  const [gh, gw] = grid;
  const width = gw * p;
  const height = gh * p;
  const data = new Uint8ClampedArray(width * height * 4);
  const base = b * gh * gw * dim;
  const map = pixelMap(card);
  const rgb = new Float64Array(3);
  for (let ty = 0; ty < gh; ty++) {
    for (let tx = 0; tx < gw; tx++) {
      const tok = base + (ty * gw + tx) * dim;
      for (let py = 0; py < p; py++) {
        for (let px = 0; px < p; px++) {
          map(tokens, tok + (py * p + px) * c, rgb);
          const dst = ((ty * p + py) * width + tx * p + px) * 4;
          for (let ch = 0; ch < 3; ch++) data[dst + ch] = Math.round(rgb[ch] * 255);
          data[dst + 3] = 255;
        }
      }
    }
  }
  return { width, height, data };
}

function pixelMap(card: ModelCard): PixelMap {
  const c = card.channels;
  const preview = card.preview;
  if (preview.kind === 'rgb') {
    const { scale, offset } = preview;
    return (t, src, rgb) => {
      for (let ch = 0; ch < 3; ch++) rgb[ch] = t[src + Math.min(ch, c - 1)] * scale + offset;
    };
  }
  const m = Float64Array.from(preview.matrix.flat());
  const [b0, b1, b2] = preview.bias;
  return (t, src, rgb) => {
    let r = b0;
    let g = b1;
    let bl = b2;
    for (let k = 0; k < c; k++) {
      const x = t[src + k];
      r += m[k] * x;
      g += m[c + k] * x;
      bl += m[2 * c + k] * x;
    }
    rgb[0] = r;
    rgb[1] = g;
    rgb[2] = bl;
  };
}
