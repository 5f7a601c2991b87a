/** Helpers of the browser test whose callbacks run inside the page. */
import type { Page } from 'playwright-core';

// The browser globals the callbacks use: the tests' program has no DOM lib, so
// these declarations are local to this module.
interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}
interface Canvas2D {
  drawImage(img: unknown, x: number, y: number): void;
  getImageData(x: number, y: number, w: number, h: number): Pixels;
}
interface Canvas {
  width: number;
  height: number;
  getContext(kind: '2d'): Canvas2D | null;
}
declare const document: { createElement(tag: 'canvas'): Canvas; querySelector(sel: string): unknown };
declare class Image {
  src: string;
  naturalWidth: number;
  naturalHeight: number;
  decode(): Promise<void>;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Drags the mouse over the shown image through `points`, in the image's own pixels (it is
 * `imageSize` px wide and high): down at the first, moving through the others, up at the last.
 */
export async function dragOnImage(page: Page, imageSize: number, points: [number, number][]): Promise<void> {
  await page.locator('#image').scrollIntoViewIfNeeded();
  const box = await page.locator('#image').boundingBox();
  if (!box) throw new Error('no image box');
  const at = ([px, py]: [number, number]) =>
    [box.x + (px / imageSize) * box.width, box.y + (py / imageSize) * box.height] as const;
  const [first, ...rest] = points;
  await page.mouse.move(...at(first));
  await page.mouse.down();
  for (const p of rest) await page.mouse.move(...at(p), { steps: 4 });
  await page.mouse.up();
}

/** Pixels [x, y] whose RGBA differs between two same-sized images (decoded by the browser). */
export function changedPixels(page: Page, a: string, b: string): Promise<[number, number][]> {
  return page.evaluate(
    async ([srcA, srcB]) => {
      const decode = async (src: string) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        const ctx = c.getContext('2d') as Canvas2D;
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, c.width, c.height);
      };
      const [x, y] = await Promise.all([decode(srcA), decode(srcB)]);
      if (x.width !== y.width || x.height !== y.height) throw new Error('images differ in size');
      const out: [number, number][] = [];
      for (let i = 0; i < x.data.length; i += 4) {
        const same = [0, 1, 2, 3].every((k) => x.data[i + k] === y.data[i + k]);
        if (!same) out.push([(i / 4) % x.width, Math.floor(i / 4 / x.width)]);
      }
      return out;
    },
    [a, b] as const,
  );
}

/** The focus overlay: its token grid, how many tokens it marks computed, and whether it drew anything. */
export function focusOverlay(page: Page): Promise<{ grid: string; computed: number; drawn: boolean }> {
  return page.evaluate(() => {
    const c = document.querySelector('#focus') as Canvas & { dataset: Record<string, string | undefined> };
    const d = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
    let drawn = false;
    for (let i = 3; i < d.length && !drawn; i += 4) drawn = d[i] > 0;
    return { grid: c.dataset.grid ?? '', computed: Number(c.dataset.computed), drawn };
  });
}

interface Control {
  id: string;
  tagName: string;
  type?: string;
  labels?: { length: number } | null;
  textContent: string | null;
  getAttribute(name: string): string | null;
}
declare const window: { document: { querySelectorAll(sel: string): Iterable<Control> } };

/** Controls with no accessible name: inputs and selects without a label or aria-label, buttons without text. */
export function unlabelledControls(page: Page): Promise<{ checked: number; unnamed: string[] }> {
  return page.evaluate(() => {
    const out: string[] = [];
    let checked = 0;
    for (const el of window.document.querySelectorAll('input, select, button, [tabindex="0"]')) {
      const named =
        (el.labels?.length ?? 0) > 0 ||
        Boolean(el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')) ||
        (el.tagName === 'BUTTON' && Boolean(el.textContent?.trim()));
      checked++;
      if (!named) out.push(`${el.tagName.toLowerCase()}#${el.id}`);
    }
    return { checked, unnamed: out };
  });
}

interface Stage {
  dataset: Record<string, string | undefined>;
  /** Where `recordPreviews` keeps its snapshots (a property of the stage element). */
  editSnapshots?: EditSnapshot[];
}
interface PreviewCanvas extends Canvas {
  hidden: boolean;
}
declare class MutationObserver {
  constructor(cb: () => void);
  observe(target: unknown, opts: { attributes: boolean; attributeFilter: string[] }): void;
}

/** What the stage showed when a preview came on screen during a run. */
export interface EditSnapshot {
  previews: number;
  /** The `<img>`'s source (the image under the preview). */
  image: string;
  /** Whether the edit-preview layer was shown, its size, and the pixels it paints. */
  layerShown: boolean;
  layerSize: [number, number];
  painted: [number, number][];
}

/** Starts recording the stage each time a run's preview comes on screen; read them with `editSnapshots`. */
export function recordPreviews(page: Page): Promise<void> {
  return page.evaluate(() => {
    const stage = document.querySelector('#stage') as Stage;
    const layer = document.querySelector('#edit-preview') as PreviewCanvas;
    const img = document.querySelector('#image') as { src: string };
    const snapshots: EditSnapshot[] = [];
    stage.editSnapshots = snapshots;
    new MutationObserver(() => {
      const previews = Number(stage.dataset.previews);
      if (!previews) return;
      const d = layer.getContext('2d')?.getImageData(0, 0, layer.width, layer.height).data ?? new Uint8ClampedArray();
      const painted: [number, number][] = [];
      for (let i = 3; i < d.length; i += 4)
        if (d[i] > 0) painted.push([((i - 3) / 4) % layer.width, Math.floor((i - 3) / 4 / layer.width)]);
      snapshots.push({
        previews,
        image: img.src,
        layerShown: !layer.hidden,
        layerSize: [layer.width, layer.height],
        painted,
      });
    }).observe(stage, { attributes: true, attributeFilter: ['data-previews'] });
  });
}

/** The snapshots `recordPreviews` took. */
export function editSnapshots(page: Page): Promise<EditSnapshot[]> {
  return page.evaluate(() => (document.querySelector('#stage') as Stage).editSnapshots ?? []);
}

/** Layout facts of the page at the current viewport: overflow, and where a field's button sits. */
export function layout(page: Page): Promise<{
  overflowX: number;
  seedTop: number;
  randomTop: number;
  imageWidth: number;
  imageRight: number;
  panelRight: number;
  imageRendering: string;
}> {
  return page.evaluate(() => {
    const doc = document as unknown as {
      documentElement: { scrollWidth: number; clientWidth: number };
      querySelector(sel: string): { getBoundingClientRect(): { top: number; width: number; right: number } };
    };
    const top = (sel: string) => doc.querySelector(sel).getBoundingClientRect().top;
    const image = doc.querySelector('#image').getBoundingClientRect();
    return {
      overflowX: doc.documentElement.scrollWidth - doc.documentElement.clientWidth,
      seedTop: top('#seed'),
      randomTop: top('#seed-random'),
      imageWidth: image.width,
      imageRight: image.right,
      panelRight: doc.querySelector('#viewer-panel').getBoundingClientRect().right - 16, // its padding
      imageRendering: getComputedStyle(doc.querySelector('#image')).imageRendering,
    };
  });
}

declare const localStorage: { clear(): void };
declare function getComputedStyle(el: unknown): { imageRendering: string };

/** The id of the focused element. */
export function activeId(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (document as unknown as { activeElement: { id: string } | null }).activeElement?.id);
}

/** Forgets what the page kept in this browser (a first visit again). */
export function clearStorage(page: Page): Promise<void> {
  return page.evaluate(() => localStorage.clear());
}
