// Generated from selection.js by test/web/public-types.ts; do not edit.
/**
 * The token-aligned rectangle covering the drag from point `a` to point `b`
 * (image pixels, either corner first); both corners' tokens are included.
 * @param {Frame} frame
 * @param {{ x: number, y: number }} a
 * @param {{ x: number, y: number }} b
 * @returns {Rect}
 */
export function rectFromDrag(
  frame: Frame,
  a: {
    x: number;
    y: number;
  },
  b: {
    x: number;
    y: number;
  },
): Rect;
/**
 * The selection keyboard users start from: the middle token-aligned quarter.
 * @param {Frame} frame
 * @returns {Rect}
 */
export function initialRect(frame: Frame): Rect;
/**
 * The region the node really re-samples for `rect`: its tokens grown by
 * `margin` tokens on every side, inside the image (gpu-node's region dilation).
 * @param {Frame} frame
 * @param {Rect} rect a token-aligned rectangle
 * @param {number} margin tokens
 * @returns {Rect}
 */
export function growRect(frame: Frame, rect: Rect, margin: number): Rect;
/**
 * The selection after an arrow key: arrows move it one token; with Shift they
 * resize it (right/down grow, left/up shrink, never below one token). It stays
 * inside the image. Returns null for keys it does not handle.
 * @param {Frame} frame
 * @param {Rect} rect
 * @param {{ key: string, shiftKey?: boolean }} key
 * @returns {Rect | null}
 */
export function moveRect(
  frame: Frame,
  rect: Rect,
  key: {
    key: string;
    shiftKey?: boolean;
  },
): Rect | null;
/**
 * A rectangle in words, for screen readers and the region label.
 * @param {Frame} frame
 * @param {Rect} rect
 */
export function describeRect(frame: Frame, rect: Rect): string;
/**
 * A rectangle in image pixels.
 */
export type Rect = {
  x: number;
  y: number;
  width: number;
  height: number;
};
/**
 * The image the selection lives on.
 */
export type Frame = {
  width: number;
  height: number;
  patch: number;
};
