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

/**
 * Image `b` of a token batch [B, N, C·p·p] as RGBA, mapping channels 0..2 through
 * the card's preview transform (pixel = x·scale + offset in [0, 1]).
 */
export function tokensToImage(card: ModelCard, grid: [number, number], tokens: Float32Array, b: number): RgbImage {
  const { patch: p, channels: c, token_dim: dim } = card;
  const [gh, gw] = grid;
  const width = gw * p;
  const height = gh * p;
  const data = new Uint8ClampedArray(width * height * 4);
  const base = b * gh * gw * dim;
  const { scale, offset } = card.preview;
  for (let ty = 0; ty < gh; ty++) {
    for (let tx = 0; tx < gw; tx++) {
      const tok = base + (ty * gw + tx) * dim;
      for (let py = 0; py < p; py++) {
        for (let px = 0; px < p; px++) {
          const src = tok + (py * p + px) * c;
          const dst = ((ty * p + py) * width + tx * p + px) * 4;
          for (let ch = 0; ch < 3; ch++)
            data[dst + ch] = Math.round((tokens[src + Math.min(ch, c - 1)] * scale + offset) * 255);
          data[dst + 3] = 255;
        }
      }
    }
  }
  return { width, height, data };
}
