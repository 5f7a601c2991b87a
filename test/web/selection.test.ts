import { describe, expect, it } from 'vitest';
import {
  describeRect,
  growRect,
  initialRect,
  moveRect,
  type Rect,
  rectFromDrag,
} from '../../edge/public/js/selection.js';

const frame = { width: 12, height: 8, patch: 2 }; // 6×4 tokens, test-tiny's default

function inside(r: Rect): boolean {
  return r.x >= 0 && r.y >= 0 && r.x + r.width <= frame.width && r.y + r.height <= frame.height;
}

function aligned(r: Rect): boolean {
  return [r.x, r.y, r.width, r.height].every((v) => v % frame.patch === 0) && r.width > 0 && r.height > 0;
}

describe('rectangle from a drag', () => {
  it('covers the tokens of both corners, whichever corner comes first', () => {
    const want = { x: 2, y: 2, width: 6, height: 4 };
    expect(rectFromDrag(frame, { x: 2.5, y: 3.9 }, { x: 7.2, y: 5 })).toEqual(want);
    expect(rectFromDrag(frame, { x: 7.2, y: 5 }, { x: 2.5, y: 3.9 })).toEqual(want);
  });

  it('is one token for a click', () => {
    expect(rectFromDrag(frame, { x: 5, y: 1 }, { x: 5, y: 1 })).toEqual({ x: 4, y: 0, width: 2, height: 2 });
  });

  it('stays inside the image when the pointer leaves it', () => {
    const r = rectFromDrag(frame, { x: -30, y: -1 }, { x: 500, y: 9 });
    expect(r).toEqual({ x: 0, y: 0, width: 12, height: 8 });
    expect(rectFromDrag(frame, { x: 12, y: 8 }, { x: 12, y: 8 })).toEqual({ x: 10, y: 6, width: 2, height: 2 });
  });
});

describe('keyboard selection', () => {
  it('starts from a token-aligned rectangle in the middle', () => {
    const r = initialRect(frame);
    expect(r).toEqual({ x: 2, y: 2, width: 6, height: 4 }); // 3×2 of the 6×4 tokens
    expect(initialRect({ width: 2, height: 2, patch: 2 })).toEqual({ x: 0, y: 0, width: 2, height: 2 });
  });

  it('moves one token per arrow key and resizes with Shift', () => {
    const r = { x: 4, y: 2, width: 4, height: 2 };
    expect(moveRect(frame, r, { key: 'ArrowLeft' })).toEqual({ ...r, x: 2 });
    expect(moveRect(frame, r, { key: 'ArrowDown' })).toEqual({ ...r, y: 4 });
    expect(moveRect(frame, r, { key: 'ArrowRight', shiftKey: true })).toEqual({ ...r, width: 6 });
    expect(moveRect(frame, r, { key: 'ArrowLeft', shiftKey: true })).toEqual({ ...r, width: 2 });
    expect(moveRect(frame, r, { key: 'ArrowUp', shiftKey: true })).toEqual(r); // one token high already
    expect(moveRect(frame, r, { key: 'Enter' })).toBeNull();
  });

  it('never leaves the image nor shrinks below one token, whatever the keys', () => {
    const keys = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];
    let r = initialRect(frame);
    let seed = 12345;
    for (let i = 0; i < 2000; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const key = keys[seed % 4];
      const next = moveRect(frame, r, { key, shiftKey: (seed >> 8) % 2 === 1 });
      expect(next).not.toBeNull();
      r = next as Rect;
      expect(inside(r) && aligned(r), JSON.stringify(r)).toBe(true);
    }
  });

  it('describes the rectangle in tokens and pixels', () => {
    expect(describeRect(frame, { x: 2, y: 4, width: 4, height: 2 })).toBe(
      '2×1 tokens at column 2, row 3 (4×2 px at 2,4)',
    );
  });
});

describe('the region re-sampled', () => {
  it('grows the selection by the margin in tokens, inside the image', () => {
    const rect = { x: 2, y: 2, width: 4, height: 2 };
    expect(growRect(frame, rect, 0)).toEqual(rect);
    expect(growRect(frame, rect, 1)).toEqual({ x: 0, y: 0, width: 8, height: 6 });
    expect(growRect(frame, rect, 8)).toEqual({ x: 0, y: 0, width: 12, height: 8 });
  });
});
