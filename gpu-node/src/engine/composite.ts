/**
 * A latent edit's pixels (docs/design.md#sessions). A VAE decoder sees the
 * whole latent, so decoding an edited latent changes pixels some way past the
 * tokens the edit re-sampled; the edit is placed on its base version's pixels
 * instead: inside the region the user asked for (snapped to tokens, undilated)
 * the decoded pixels, outside the dilated region the base's pixels exactly,
 * and across the margin band between them a linear blend from decoded (next
 * to the region) to base (at the band's outer edge).
 */
import type { TokenMask } from '../sampler/token-mask';
import type { RgbImage } from '../sampler/tokens';
import type { RegionMasks } from './region';

const FAR = 1 << 30;

/** `decoded` placed on `base` (same size) by the edit's token masks over `grid`, `p` pixels per token. */
export function composite(
  decoded: RgbImage,
  base: RgbImage,
  masks: RegionMasks,
  grid: [number, number],
  p: number,
): RgbImage {
  const { width, height } = decoded;
  if (base.width !== width || base.height !== height)
    throw new Error(`the base image is ${base.width}x${base.height}, the edit's ${width}x${height}`);
  const inner = pixelMask(masks.inner, grid, p);
  const region = pixelMask(masks.region, grid, p);
  const toInner = chessboardDistance(inner, width, height);
  // The image's border is not "outside": a region that reaches it is decoded up to it.
  const toOutside = chessboardDistance(
    region.map((v) => 1 - v),
    width,
    height,
  );
  const data = Uint8ClampedArray.from(base.data);
  for (let i = 0; i < width * height; i++) {
    if (!region[i]) continue;
    const w = inner[i] ? 1 : toOutside[i] / (toInner[i] + toOutside[i]);
    for (let ch = 0; ch < 4; ch++) {
      const k = i * 4 + ch;
      data[k] = w === 1 ? decoded.data[k] : Math.round(w * decoded.data[k] + (1 - w) * base.data[k]);
    }
  }
  return { width, height, data };
}

/** A token mask over `grid` as one byte per pixel. */
function pixelMask(tokens: TokenMask, grid: [number, number], p: number): Uint8Array {
  const [rows, cols] = grid;
  const width = cols * p;
  const out = new Uint8Array(rows * p * width);
  for (let y = 0; y < rows * p; y++) {
    const row = Math.floor(y / p) * cols;
    for (let x = 0; x < width; x++) out[y * width + x] = tokens[row + Math.floor(x / p)];
  }
  return out;
}

/** Each pixel's chessboard distance to the nearest set pixel of `mask` (FAR when none is set): two raster passes. */
function chessboardDistance(mask: Uint8Array, width: number, height: number): Int32Array {
  const d = Int32Array.from(mask, (v) => (v ? 0 : FAR));
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) relax(d, x, y, width, height, 1);
  for (let y = height - 1; y >= 0; y--) for (let x = width - 1; x >= 0; x--) relax(d, x, y, width, height, -1);
  return d;
}

/** One pass's step at (x, y): the neighbour behind on its row and the three on the row behind (`dir` 1: left and above). */
function relax(d: Int32Array, x: number, y: number, width: number, height: number, dir: 1 | -1): void {
  const i = y * width + x;
  let best = d[i];
  const side = x - dir;
  if (side >= 0 && side < width) best = Math.min(best, d[i - dir] + 1);
  const ny = y - dir;
  if (ny >= 0 && ny < height) {
    const row = ny * width;
    for (let nx = Math.max(0, x - 1); nx <= Math.min(width - 1, x + 1); nx++) best = Math.min(best, d[row + nx] + 1);
  }
  d[i] = best;
}
