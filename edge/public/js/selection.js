// The edit region: a pixel rectangle on the image, snapped to whole tokens
// (patch × patch pixels), as the node snaps it (docs/design.md#sessions). Pure functions.

/**
 * A rectangle in image pixels.
 * @typedef {{ x: number, y: number, width: number, height: number }} Rect
 */

/**
 * The image the selection lives on.
 * @typedef {{ width: number, height: number, patch: number }} Frame
 */

/**
 * @param {number} v
 * @param {number} lo
 * @param {number} hi
 */
const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

/**
 * The token-aligned rectangle covering the drag from point `a` to point `b`
 * (image pixels, either corner first); both corners' tokens are included.
 * @param {Frame} frame
 * @param {{ x: number, y: number }} a
 * @param {{ x: number, y: number }} b
 * @returns {Rect}
 */
export function rectFromDrag(frame, a, b) {
  const { patch } = frame;
  const cols = frame.width / patch;
  const rows = frame.height / patch;
  const col = (/** @type {number} */ x) => clamp(Math.floor(x / patch), 0, cols - 1);
  const row = (/** @type {number} */ y) => clamp(Math.floor(y / patch), 0, rows - 1);
  const c0 = Math.min(col(a.x), col(b.x));
  const c1 = Math.max(col(a.x), col(b.x));
  const r0 = Math.min(row(a.y), row(b.y));
  const r1 = Math.max(row(a.y), row(b.y));
  return { x: c0 * patch, y: r0 * patch, width: (c1 - c0 + 1) * patch, height: (r1 - r0 + 1) * patch };
}

/**
 * The selection keyboard users start from: the middle token-aligned quarter.
 * @param {Frame} frame
 * @returns {Rect}
 */
export function initialRect(frame) {
  const { patch } = frame;
  const cols = frame.width / patch;
  const rows = frame.height / patch;
  const w = Math.max(1, Math.round(cols / 2));
  const h = Math.max(1, Math.round(rows / 2));
  const c = Math.floor((cols - w) / 2);
  const r = Math.floor((rows - h) / 2);
  return { x: c * patch, y: r * patch, width: w * patch, height: h * patch };
}

/**
 * The region the node really re-samples for `rect`: its tokens grown by
 * `margin` tokens on every side, inside the image (gpu-node's region dilation).
 * @param {Frame} frame
 * @param {Rect} rect a token-aligned rectangle
 * @param {number} margin tokens
 * @returns {Rect}
 */
export function growRect(frame, rect, margin) {
  const m = Math.max(0, Math.floor(margin)) * frame.patch;
  const x = Math.max(0, rect.x - m);
  const y = Math.max(0, rect.y - m);
  const right = Math.min(frame.width, rect.x + rect.width + m);
  const bottom = Math.min(frame.height, rect.y + rect.height + m);
  return { x, y, width: right - x, height: bottom - y };
}

/** @type {Record<string, [number, number]>} */
const ARROWS = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/**
 * The selection after an arrow key: arrows move it one token; with Shift they
 * resize it (right/down grow, left/up shrink, never below one token). It stays
 * inside the image. Returns null for keys it does not handle.
 * @param {Frame} frame
 * @param {Rect} rect
 * @param {{ key: string, shiftKey?: boolean }} key
 * @returns {Rect | null}
 */
export function moveRect(frame, rect, key) {
  const d = ARROWS[key.key];
  if (!d) return null;
  const { patch } = frame;
  const [dx, dy] = [d[0] * patch, d[1] * patch];
  if (key.shiftKey) {
    const width = clamp(rect.width + dx, patch, frame.width - rect.x);
    const height = clamp(rect.height + dy, patch, frame.height - rect.y);
    return { ...rect, width, height };
  }
  const x = clamp(rect.x + dx, 0, frame.width - rect.width);
  const y = clamp(rect.y + dy, 0, frame.height - rect.height);
  return { ...rect, x, y };
}

/**
 * A rectangle in words, for screen readers and the region label.
 * @param {Frame} frame
 * @param {Rect} rect
 */
export function describeRect(frame, rect) {
  const p = frame.patch;
  const cols = rect.width / p;
  const rows = rect.height / p;
  return `${cols}×${rows} tokens at column ${rect.x / p + 1}, row ${rect.y / p + 1} (${rect.width}×${rect.height} px at ${rect.x},${rect.y})`;
}
