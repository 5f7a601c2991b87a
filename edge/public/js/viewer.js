// The image stage: the (scaled-up) image, an edit's progress drawn over its
// region only, the focus-map overlay, and the region selection by mouse drag
// or keyboard with the region the node will really re-sample around it.
import { describeRect, growRect, initialRect, moveRect, rectFromDrag } from './selection.js';

/** Longest side the image is shown at, in CSS pixels (an integer multiple of its size), room permitting. */
const TARGET_SIDE = 512;
/** Canvas pixels per token of the focus map (the canvas is stretched over the image). */
const FOCUS_CELL = 16;

/**
 * @typedef {import('./selection.js').Rect} Rect
 * @typedef {import('./selection.js').Frame} Frame
 * @typedef {{ rect: Rect, confirmed: boolean } | null} Selection
 */

/**
 * @param {{
 *   stage: HTMLElement, image: HTMLImageElement, patch: HTMLCanvasElement, focus: HTMLCanvasElement,
 *   box: HTMLElement, resampled: HTMLElement, onSelection: (selection: Selection) => void,
 * }} els
 */
export function createViewer(els) {
  const { stage, image, focus, box, resampled } = els;
  let scale = 1;
  /** @type {Frame | null} */
  let frame = null; // set while a finished image can be edited
  let size = { width: 0, height: 0 }; // of the shown image
  let patch = 1; // of the last editable image
  let margin = 0; // tokens the node grows the selection by
  /** @type {Selection} */
  let selection = null;
  /** @type {{ x: number, y: number } | null} */
  let dragFrom = null;
  let previewSeq = 0; // drops a preview that finished decoding after a newer one

  /** @param {HTMLElement} el @param {Rect} r */
  function place(el, r) {
    Object.assign(el.style, {
      left: `${r.x * scale}px`,
      top: `${r.y * scale}px`,
      width: `${r.width * scale}px`,
      height: `${r.height * scale}px`,
    });
  }

  function render() {
    box.hidden = selection === null;
    const grown = region();
    resampled.hidden = grown === null || (selection !== null && sameRect(grown, selection.rect));
    if (selection) {
      place(box, selection.rect);
      box.dataset.confirmed = String(selection.confirmed);
    }
    if (grown) place(resampled, grown);
  }

  /** The region the node re-samples for the selection, or null. */
  function region() {
    return selection ? growRect({ ...size, patch }, selection.rect, margin) : null;
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
  stage.addEventListener('keydown', (e) => onKey(e));

  /** @param {KeyboardEvent} e */
  function onKey(e) {
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
    e.preventDefault();
    setSelection({ rect: selection ? moved : initialRect(frame), confirmed: false });
  }

  /**
   * Sizes the image for `width`×`height`: an integer scale that fits the room the stage has.
   * @param {number} width
   * @param {number} height
   */
  function fit(width, height) {
    const room = Math.min(TARGET_SIDE, contentWidth(stage.parentElement) || TARGET_SIDE);
    scale = Math.max(1, Math.floor(room / Math.max(width, height)));
    image.width = width * scale;
    image.height = height * scale;
    stage.dataset.empty = 'false';
  }

  return {
    /**
     * Shows a finished image; `editable` (its token patch size) turns
     * selection on. The selection stays while the image size does; it is
     * dropped for an image of another size.
     * @param {string} src
     * @param {number} width
     * @param {number} height
     * @param {{ patch: number } | null} editable
     */
    show(src, width, height, editable) {
      previewSeq++;
      els.patch.hidden = true;
      image.src = src;
      fit(width, height);
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
     * Shows a preview: a generation's whole image, or an edit's `region` only,
     * drawn over the image being edited (outside it the preview is the
     * not-yet-denoised trajectory, not what the result will show).
     * Resolves once it is on screen.
     * @param {string} src
     * @param {number} width
     * @param {number} height
     * @param {Rect | null} region
     */
    async showPreview(src, width, height, region) {
      const seq = ++previewSeq;
      frame = null;
      stage.tabIndex = -1;
      stage.dataset.editable = 'false';
      if (!region) {
        image.src = src;
        fit(width, height);
        size = { width, height };
        await image.decode().catch(() => {});
        return;
      }
      const img = new Image();
      img.src = src;
      await img.decode();
      if (seq !== previewSeq) return;
      const canvas = els.patch;
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.clearRect(0, 0, width, height);
      // A preview can have fewer pixels than the image (downscaled; a latent model's is one pixel per latent pixel).
      const k = size.width ? width / size.width : 1;
      const [x, y, w, h] = [region.x, region.y, region.width, region.height].map((v) => Math.round(v * k));
      ctx.drawImage(img, x, y, w, h, x, y, w, h);
      canvas.hidden = false;
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
    /** @param {number} tokens the margin the node grows the selection by */
    setMargin(tokens) {
      margin = Number.isFinite(tokens) ? tokens : 0;
      render();
    },
    clearSelection() {
      setSelection(null);
    },
    /** The region the next edit re-samples (the selection grown by the margin), or null. */
    region,
    /** The selection and the region re-sampled, in words (for the region label). */
    describe() {
      const grown = region();
      if (!selection || !grown) return null;
      const f = { ...size, patch };
      const same = sameRect(grown, selection.rect);
      return { selected: describeRect(f, selection.rect), resampled: same ? null : describeRect(f, grown) };
    },
  };
}

/**
 * The width inside an element's padding (0 when there is none).
 * @param {HTMLElement | null} el
 */
function contentWidth(el) {
  if (!el) return 0;
  const style = getComputedStyle(el);
  return el.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
}

/** @param {Rect} a @param {Rect} b */
function sameRect(a, b) {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
