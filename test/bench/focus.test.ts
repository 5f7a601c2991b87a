import { describe, expect, it } from 'vitest';
import { FocusCounter, focusImage, focusOnObjects, maskImage, tokenCells } from '../../gpu-node/bench/focus';
import type { StepEvent } from '../../gpu-node/src/sampler/events';
import { zeroTimings } from '../../gpu-node/src/sampler/events';

const step = (kind: 'dense' | 'ras', mask: number[]): StepEvent => ({
  step: 0,
  steps: 1,
  kind,
  sigma: 1,
  tokensRun: mask.filter(Boolean).length,
  mask: Uint8Array.from(mask),
  timings: zeroTimings(),
});

describe('focus maps', () => {
  it('count the RAS steps each token ran in, ignoring dense steps', () => {
    const f = new FocusCounter(1, 4);
    f.add(step('dense', [1, 1, 1, 1]));
    f.add(step('ras', [1, 0, 0, 1]));
    f.add(step('ras', [1, 1, 0, 0]));
    expect(f.rasSteps).toBe(2);
    expect(Array.from(f.focus(0))).toEqual([1, 0.5, 0, 0.5]);
    expect(f.firstImageSteps.map((s) => [s.kind, Array.from(s.mask)])).toEqual([
      ['dense', [1, 1, 1, 1]],
      ['ras', [1, 0, 0, 1]],
      ['ras', [1, 1, 0, 0]],
    ]);
  });

  it('keep only the first images of a batch', () => {
    const f = new FocusCounter(1, 2);
    f.add(step('ras', [0, 1, 1, 1])); // two images of two tokens
    expect(Array.from(f.focus(0))).toEqual([0, 1]);
  });

  it('put each token of a 16×16 grid in the 3×3 cell its centre lies in', () => {
    const cells = tokenCells([16, 16], 3);
    expect([cells[0], cells[15], cells[5 * 16], cells[255], cells[8 * 16 + 8]]).toEqual([0, 2, 3, 8, 4]);
    // Token centres 4.5 and 5.5 (of 16) lie either side of the first cell edge, 16/3 = 5.33.
    expect([cells[4 * 16 + 4], cells[5 * 16 + 5]]).toEqual([0, 4]);
  });

  it('compare the focus on the named cells with the rest', () => {
    const cells = Int32Array.from([0, 0, 1, 1]);
    const on = focusOnObjects(Float64Array.from([1, 0.5, 0, 0.5]), cells, [7, 0]);
    expect(on).toEqual({ object_cells: 0.75, empty_cells: 0.25 });
  });

  it("draw a step's selection white, grey on a dense step", () => {
    const ras = maskImage({ kind: 'ras', mask: Uint8Array.of(1, 0) }, [1, 2], 1);
    const dense = maskImage({ kind: 'dense', mask: Uint8Array.of(1, 1) }, [1, 2], 1);
    expect(Array.from(ras.data)).toEqual([255, 255, 255, 255, 0, 0, 0, 255]);
    expect(Array.from(dense.data.subarray(0, 4))).toEqual([150, 150, 150, 255]);
  });

  it('draw the most-run token yellow and a never-run one black', () => {
    const img = focusImage(Float64Array.from([0.5, 0]), [1, 2], 2);
    expect(Array.from(img.data.subarray(0, 4))).toEqual([255, 255, 0, 255]);
    expect(Array.from(img.data.subarray(8, 12))).toEqual([0, 0, 0, 255]);
  });
});
