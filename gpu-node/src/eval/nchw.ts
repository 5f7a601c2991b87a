/**
 * Sampler tokens ↔ NCHW images for the evaluator. Tokens are row-major over the
 * grid, each token's features ordered (py, px, channel) — the layout of
 * `sampler/tokens.ts` and the exporter's card.
 */

/** Where a token batch [B, rows·cols, p·p·C] lives in image space. */
export interface TokenLayout {
  grid: readonly [number, number];
  patch: number;
  channels: number;
}

function checkedSize(what: string, data: ArrayLike<number>, count: number, layout: TokenLayout): number {
  const [rows, cols] = layout.grid;
  const size = count * rows * cols * layout.patch * layout.patch * layout.channels;
  if (data.length !== size)
    throw new RangeError(`${what}: ${data.length} values, want ${size} for ${count} × ${rows}×${cols} grid`);
  return size;
}

/** Visits every (token offset, image offset) pair of one layout. */
function eachPixel(count: number, layout: TokenLayout, visit: (token: number, image: number) => void): void {
  const { grid, patch: p, channels: c } = layout;
  const [rows, cols] = grid;
  const [h, w] = [rows * p, cols * p];
  for (let b = 0; b < count; b++)
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const tok = (b * rows * cols + Math.floor(y / p) * cols + Math.floor(x / p)) * p * p * c;
        const inner = ((y % p) * p + (x % p)) * c;
        for (let ch = 0; ch < c; ch++) visit(tok + inner + ch, ((b * c + ch) * h + y) * w + x);
      }
}

/** Tokens [B, N, p·p·C] → images [B, C, rows·p, cols·p]. */
export function tokensToNchw(tokens: ArrayLike<number>, count: number, layout: TokenLayout): Float32Array {
  const out = new Float32Array(checkedSize('tokens', tokens, count, layout));
  eachPixel(count, layout, (t, i) => {
    out[i] = tokens[t];
  });
  return out;
}

/** Images [B, C, rows·p, cols·p] → tokens [B, N, p·p·C]; the inverse of `tokensToNchw`. */
export function nchwToTokens(images: ArrayLike<number>, count: number, layout: TokenLayout): Float32Array {
  const out = new Float32Array(checkedSize('images', images, count, layout));
  eachPixel(count, layout, (t, i) => {
    out[t] = images[i];
  });
  return out;
}
