/**
 * Focus maps of RAS runs (issue 19: "do they follow the objects?"): for each image, the share
 * of the RAS steps in which each token was computed, read from the sampler's step events
 * (`StepEvent.mask`, [B, N], 1 where the token ran), as a picture over the image and as one
 * number per image: the mean focus on the tokens of the cells the caption names against the
 * mean on the empty cells' tokens.
 */
import type { StepEvent } from '../src/sampler/events';
import type { RgbImage } from '../src/sampler/tokens';

/** Per-token counts of RAS steps run, for the first `images` images of a batch. */
export class FocusCounter {
  readonly counts: Float64Array;
  rasSteps = 0;
  /** The first image's selection at every step (dense steps too), [N] each. */
  readonly firstImageSteps: { kind: StepEvent['kind']; mask: Uint8Array }[] = [];

  constructor(
    readonly images: number,
    readonly tokens: number,
  ) {
    this.counts = new Float64Array(images * tokens);
  }

  /** Adds a step's selection (dense steps run every token and say nothing of RAS's focus). */
  add(e: StepEvent): void {
    if (this.images > 0) this.firstImageSteps.push({ kind: e.kind, mask: e.mask.slice(0, this.tokens) });
    if (e.kind !== 'ras') return;
    this.rasSteps++;
    for (let i = 0; i < this.counts.length; i++) this.counts[i] += e.mask[i];
  }

  /** Image `b`'s focus: per token the share of RAS steps it ran in, [N] in [0, 1]. */
  focus(b: number): Float64Array {
    const out = this.counts.slice(b * this.tokens, (b + 1) * this.tokens);
    return out.map((v) => (this.rasSteps ? v / this.rasSteps : 0));
  }
}

/** Which cell of a `cellGrid` × `cellGrid` layout each token's centre lies in (row-major). */
export function tokenCells(grid: [number, number], cellGrid: number): Int32Array {
  const [rows, cols] = grid;
  return Int32Array.from({ length: rows * cols }, (_, j) => {
    const r = Math.floor(((Math.floor(j / cols) + 0.5) * cellGrid) / rows);
    const c = Math.floor((((j % cols) + 0.5) * cellGrid) / cols);
    return r * cellGrid + c;
  });
}

/** Mean focus on the tokens in cells the caption names (`labels` > 0) and on the others. */
export function focusOnObjects(focus: Float64Array, cells: Int32Array, labels: readonly number[]) {
  const sums = [0, 0];
  const counts = [0, 0];
  focus.forEach((v, j) => {
    const k = labels[cells[j]] > 0 ? 0 : 1;
    sums[k] += v;
    counts[k]++;
  });
  const mean = (k: number) => (counts[k] ? sums[k] / counts[k] : Number.NaN);
  return { object_cells: mean(0), empty_cells: mean(1) };
}

/** One step's selection as a picture of the image's size: where the token ran white (grey on a dense step), else black. */
export function maskImage(step: FocusCounter['firstImageSteps'][number], grid: [number, number], patch: number) {
  const on = step.kind === 'dense' ? 150 : 255;
  return focusImage(Float64Array.from(step.mask), grid, patch, (v) => [on * v, on * v, on * v]);
}

/**
 * A focus map as a picture of the image's size, scaled to its own maximum (where RAS looked,
 * whatever r): black (never ran) → red → yellow (the most-run token).
 */
export function focusImage(
  focus: Float64Array,
  grid: [number, number],
  patch: number,
  colour = (v: number) => [255 * Math.min(1, 2 * v), 255 * Math.max(0, 2 * v - 1), 0],
): RgbImage {
  const [rows, cols] = grid;
  const top = Math.max(...focus) || 1;
  const width = cols * patch;
  const height = rows * patch;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = focus[Math.floor(y / patch) * cols + Math.floor(x / patch)] / top;
      data.set([...colour(v), 255], (y * width + x) * 4);
    }
  }
  return { width, height, data };
}
