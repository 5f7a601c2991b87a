/**
 * Edit regions: pixel rectangles or a pixel mask, snapped to the tokens they
 * touch and dilated by a margin of tokens (docs/design.md#sessions).
 */
import type { TokenMask } from '../sampler/token-mask';
import { EngineError, type Rect } from './types';

export interface RegionInput {
  rects?: Rect[];
  mask?: { width: number; height: number; data: Uint8Array };
  margin?: number;
}

const invalid = (field: string, message: string) => new EngineError('INVALID_ARGUMENT', `${field}: ${message}`, field);

/** A region's token masks [rows·cols]: the tokens it touches, and those dilated by the margin (the re-sampled ones). */
export interface RegionMasks {
  /** The rects and mask snapped to whole tokens, undilated. */
  inner: TokenMask;
  /** `inner` dilated by the margin: 1 = re-sample. */
  region: TokenMask;
}

/** The region's token mask [rows·cols] (1 = re-sample) for an image of grid `grid` and `p` pixels per token. */
export function regionTokens(input: RegionInput, grid: [number, number], p: number): TokenMask {
  return regionMasks(input, grid, p).region;
}

/** The region's masks, undilated and dilated, for an image of grid `grid` and `p` pixels per token. */
export function regionMasks(input: RegionInput, grid: [number, number], p: number): RegionMasks {
  const [rows, cols] = grid;
  const width = cols * p;
  const height = rows * p;
  const hit = new Uint8Array(rows * cols);
  const rects = input.rects ?? [];
  if (!rects.length && !input.mask) throw invalid('region', 'give at least one rect or a mask');
  rects.forEach((r, i) => {
    const ok = [r.x, r.y, r.width, r.height].every(Number.isInteger) && r.width > 0 && r.height > 0;
    if (!ok || r.x < 0 || r.y < 0 || r.x + r.width > width || r.y + r.height > height) {
      throw invalid(`rects[${i}]`, `must be a non-empty integer rectangle inside ${width}x${height}`);
    }
    for (let ty = Math.floor(r.y / p); ty <= Math.floor((r.y + r.height - 1) / p); ty++) {
      for (let tx = Math.floor(r.x / p); tx <= Math.floor((r.x + r.width - 1) / p); tx++) hit[ty * cols + tx] = 1;
    }
  });
  if (input.mask) {
    const m = input.mask;
    if (m.width !== width || m.height !== height || m.data.length !== width * height) {
      throw invalid('mask', `must be ${width}x${height} with one byte per pixel`);
    }
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) if (m.data[y * width + x]) hit[Math.floor(y / p) * cols + Math.floor(x / p)] = 1;
    }
  }
  const margin = input.margin ?? 1;
  if (!Number.isInteger(margin) || margin < 0 || margin > 64)
    throw invalid('margin', `must be an integer 0..64, got ${margin}`);
  return { inner: hit, region: dilate(hit, rows, cols, margin) };
}

function dilate(hit: TokenMask, rows: number, cols: number, margin: number): TokenMask {
  const out = new Uint8Array(hit.length);
  for (let ty = 0; ty < rows; ty++) {
    for (let tx = 0; tx < cols; tx++) {
      if (!hit[ty * cols + tx]) continue;
      for (let y = Math.max(0, ty - margin); y <= Math.min(rows - 1, ty + margin); y++) {
        for (let x = Math.max(0, tx - margin); x <= Math.min(cols - 1, tx + margin); x++) out[y * cols + x] = 1;
      }
    }
  }
  return out;
}
