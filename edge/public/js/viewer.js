// The image stage: the (scaled-up) image, the focus-map overlay, and the
// region selection by mouse drag or keyboard.
import { describeRect, initialRect, moveRect, rectFromDrag } from './selection.js';

/** Longest side the image is shown at, in CSS pixels (an integer multiple of its size). */
const TARGET_SIDE = 384;
/** Canvas pixels per token of the focus map (the canvas is stretched over the image). */
const FOCUS_CELL = 16;

/**
 * @typedef {import('./selection.js').Rect} Rect
 * @typedef {import('./selection.js').Frame} Frame
 * @typedef {{ rect: Rect, confirmed: boolean } | null} Selection
 */

/**
 * @param {{
 *   stage: HTMLElement, image: HTMLImageElement, focus: HTMLCanvasElement, box: HTMLElement,
 *   onSelection: (selection: Selection) => void,
 * }} els
 */
export function createViewer(els) {
  const { stage, image, focus, box } = els;
  let scale = 1;
  /** @type {Frame | null} */
  let frame = null; // set while a finished image can be edited
  let size = { width: 0, height: 0 }; // of the shown image
  let patch = 1; // of the last editable image
  /** @type {Selection} */
  let selection = null;
  /** @type {{ x: number, y: number } | null} */
  let dragFrom = null;

  function render() {
    box.hidden = selection === null;
    if (selection) {
      const { rect, confirmed } = selection;
      Object.assign(box.style, {
        left: `${rect.x * scale}px`,
        top: `${rect.y * scale}px`,
        width: `${rect.width * scale}px`,
        height: `${rect.height * scale}px`,
      });
      box.dataset.confirmed = String(confirmed);
    }
  }

  /** @param {Selection} next */
  function setSelection(next) {
    selection = next;
    render();
    els.onSelection(selection);
  }

  /** @param {PointerEvent} e */
  function point(e) {
    const r = image.getBoundingClientRect();
    return { x: (e.clientX - r.left) / scale, y: (e.clientY - r.top) / scale };
  }

  stage.addEventListener('pointerdown', (e) => {
    if (!frame || e.button !== 0) return;
    e.preventDefault();
    stage.focus();
    stage.setPointerCapture(e.pointerId);
    dragFrom = point(e);
    setSelection({ rect: rectFromDrag(frame, dragFrom, dragFrom), confirmed: false });
  });
  stage.addEventListener('pointermove', (e) => {
    if (!frame || !dragFrom) return;
    setSelection({ rect: rectFromDrag(frame, dragFrom, point(e)), confirmed: false });
  });
  stage.addEventListener('pointerup', (e) => {
    if (!frame || !dragFrom) return;
    const rect = rectFromDrag(frame, dragFrom, point(e));
    dragFrom = null;
    setSelection({ rect, confirmed: true });
  });

  stage.addEventListener('keydown', (e) => {
    if (!frame) return;
    if (e.key === 'Escape' && selection) {
      e.preventDefault();
      setSelection(null);
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (!selection || selection.confirmed)
        setSelection({ rect: selection?.rect ?? initialRect(frame), confirmed: false });
      else setSelection({ rect: selection.rect, confirmed: true });
      return;
    }
    // The first arrow key starts a selection in the middle; later ones move or resize it.
    const moved = moveRect(frame, selection?.rect ?? initialRect(frame), e);
    if (!moved) return;
    const rect = selection ? moved : initialRect(frame);
    e.preventDefault();
    setSelection({ rect, confirmed: false });
  });

  return {
    /**
     * Shows an image; `editable` (a finished image, with its token patch size)
     * turns selection on. The selection stays while the image size does (an
     * edit's previews show it too); it is dropped for an image of another size.
     * @param {string} src
     * @param {number} width
     * @param {number} height
     * @param {{ patch: number } | null} editable
     */
    show(src, width, height, editable) {
      scale = Math.max(1, Math.floor(TARGET_SIDE / Math.max(width, height)));
      image.src = src;
      image.width = width * scale;
      image.height = height * scale;
      const keep = size.width === width && size.height === height;
      size = { width, height };
      if (editable) patch = editable.patch;
      frame = editable ? { width, height, patch } : null;
      dragFrom = null;
      stage.tabIndex = frame ? 0 : -1;
      stage.dataset.editable = String(frame !== null);
      if (!keep && selection) setSelection(null);
      else render();
    },
    /**
     * Draws the focus map: tokens whose cached velocity was reused are dimmed,
     * the computed ones stay bright inside an outline.
     * @param {Uint8Array | null} map rows·cols bytes, row-major
     * @param {number} rows
     * @param {number} cols
     */
    drawFocus(map, rows, cols) {
      const cell = FOCUS_CELL;
      focus.width = Math.max(1, cols * cell);
      focus.height = Math.max(1, rows * cell);
      const ctx = focus.getContext('2d');
      if (!ctx) return;
      ctx.clearRect(0, 0, focus.width, focus.height);
      let computed = 0;
      for (let i = 0; map && i < rows * cols; i++) {
        const [x, y] = [(i % cols) * cell, Math.floor(i / cols) * cell];
        if (map[i]) {
          computed++;
          ctx.strokeStyle = 'rgb(255 176 0)';
          ctx.lineWidth = 2;
          ctx.strokeRect(x + 1, y + 1, cell - 2, cell - 2);
        } else {
          ctx.fillStyle = 'rgb(0 0 0 / 0.55)';
          ctx.fillRect(x, y, cell, cell);
        }
      }
      focus.dataset.grid = map ? `${rows}x${cols}` : '';
      focus.dataset.computed = String(computed);
    },
    /** @param {boolean} on */
    showFocus(on) {
      focus.hidden = !on;
    },
    clearSelection() {
      setSelection(null);
    },
    /** The selection in words (for the region label). */
    describe() {
      return selection ? describeRect({ ...size, patch }, selection.rect) : null;
    },
  };
}
