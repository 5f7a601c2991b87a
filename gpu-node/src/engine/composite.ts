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
  const data = Uint8ClampedArray.from(base.data);
  const box = pixelBox(masks.region, grid, p, width, height);
  if (!box) return { width, height, data };
  const inner = pixelMask(masks.inner, grid, p, box);
  const region = pixelMask(masks.region, grid, p, box);
  const toInner = chessboardDistance(inner, box.w, box.h, 1);
  // The image's border is not "outside": a region that reaches it is decoded up to it.
  const toOutside = chessboardDistance(region, box.w, box.h, 0);
  for (let by = 0; by < box.h; by++) {
    for (let bx = 0; bx < box.w; bx++) {
      const j = by * box.w + bx;
      if (!region[j]) continue;
      const w = inner[j] ? 1 : toOutside[j] / (toInner[j] + toOutside[j]);
      const i = ((box.y + by) * width + box.x + bx) * 4;
      for (let k = i; k < i + 4; k++)
        data[k] = w === 1 ? decoded.data[k] : Math.round(w * decoded.data[k] + (1 - w) * base.data[k]);
    }
  }
  return { width, height, data };
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The pixels of the region's tokens, one pixel wider each side (clamped to the image): all the work is inside. */
function pixelBox(tokens: TokenMask, grid: [number, number], p: number, width: number, height: number): Box | null {
  const cols = grid[1];
  let [r0, r1, c0, c1] = [Infinity, -1, Infinity, -1];
  tokens.forEach((on, j) => {
    if (!on) return;
    const [r, c] = [Math.floor(j / cols), j % cols];
    [r0, r1, c0, c1] = [Math.min(r0, r), Math.max(r1, r), Math.min(c0, c), Math.max(c1, c)];
  });
  if (r1 < 0) return null;
  const [x, y] = [Math.max(0, c0 * p - 1), Math.max(0, r0 * p - 1)];
  return { x, y, w: Math.min(width, (c1 + 1) * p + 1) - x, h: Math.min(height, (r1 + 1) * p + 1) - y };
}

/** A token mask over `grid` as one byte per pixel of `box`. */
function pixelMask(tokens: TokenMask, grid: [number, number], p: number, box: Box): Uint8Array {
  const cols = grid[1];
  const out = new Uint8Array(box.w * box.h);
  for (let by = 0; by < box.h; by++) {
    const row = Math.floor((box.y + by) / p) * cols;
    for (let bx = 0; bx < box.w; bx++) out[by * box.w + bx] = tokens[row + Math.floor((box.x + bx) / p)];
  }
  return out;
}

/** Each pixel's chessboard distance to the nearest pixel where `mask` is `source` (FAR when none): two raster passes. */
function chessboardDistance(mask: Uint8Array, width: number, height: number, source: 0 | 1): Int32Array {
  const d = new Int32Array(mask.length);
  for (let i = 0; i < d.length; i++) d[i] = mask[i] === source ? 0 : FAR;
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
