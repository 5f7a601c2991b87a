/**
 * The web page in headless Chromium (Debian's, driven by playwright-core)
 * against the real stack: a GPU node process (serving the class model
 * shapes-dit and test-tiny) and the worker in workerd serving the page and the
 * API, asserting what a person sees:
 * a first visit without an error, the key from `npm start`'s link, only the
 * models and sizes that work, previews then the clean final image, an edit's
 * progress inside its region over the base image, the region really
 * re-sampled, text that never goes stale, and the layout at desktop and phone
 * widths. Leaves screenshots in test-artifacts/: web-first-visit.png, web-desktop.png, web-narrow.png.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkModels, ROOT } from '../../edge/scripts/processes';
import type { Stack } from '../helpers/stack';
import { pageOnStack, waitForVersion as waitFor } from './browser';
import {
  activeId,
  changedPixels,
  clearStorage,
  dragOnImage,
  editSnapshots,
  focusOverlay,
  layout,
  type Rect,
  recordPreviews,
  unlabelledControls,
} from './page-helpers';

let stack: Stack;
let page: Page;
let consoleErrors: string[];
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  // The class model's flow (page-prompted.test.ts: the prompted default's): a models root of shapes-dit and test-tiny.
  const root = linkModels(mkdtempSync(join(tmpdir(), 'ras-models-')), ['shapes-dit', 'test-tiny']);
  ({ stack, page, consoleErrors, close } = await pageOnStack(root));
}, 180_000);

afterAll(() => close?.());

const text = async (sel: string) => (await page.locator(sel).textContent()) ?? '';

const waitForVersion = (v: number) => waitFor(page, v);

async function imageSrc(): Promise<string> {
  return (await page.locator('#image').getAttribute('src')) ?? '';
}

/** The rectangles the region label names: [selected, re-sampled]. */
async function regionRects(): Promise<[Rect, Rect]> {
  const words = await text('#region');
  const all = [...words.matchAll(/\((\d+)×(\d+) px at (\d+),(\d+)\)/g)].map((m) => {
    const [w, h, x, y] = m.slice(1).map(Number);
    return { x, y, width: w, height: h };
  });
  if (all.length === 1 && words.includes('Re-sampled: exactly the selection')) return [all[0], all[0]];
  if (all.length !== 2) throw new Error(`no region in "${words}"`);
  return [all[0], all[1]];
}

const inside =
  (r: Rect) =>
  ([x, y]: [number, number]) =>
    x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;

/** The stage's overlay boxes in image pixels (the image is 32 px wide). */
async function boxIn(sel: string): Promise<Rect> {
  const [img, box] = await Promise.all([page.locator('#image').boundingBox(), page.locator(sel).boundingBox()]);
  if (!img || !box) throw new Error(`${sel} is not shown`);
  const k = img.width / 32;
  const r = (v: number) => Math.round(v / k);
  return { x: r(box.x - img.x), y: r(box.y - img.y), width: r(box.width), height: r(box.height) };
}

describe('the web page', () => {
  it('asks for the key on a first visit, with no error and no request, then offers only what works', async () => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(stack.url);
    await page.locator('#status', { hasText: 'Enter the API key to start.' }).waitFor();
    expect(await page.locator('#error').isVisible()).toBe(false);
    expect(await activeId(page)).toBe('api-key');
    expect(requests.filter((p) => p.startsWith('/v1/'))).toEqual([]);
    expect(await page.locator('#generate').isDisabled()).toBe(true);
    mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-artifacts/web-first-visit.png'), fullPage: true });

    await page.locator('#api-key').fill(stack.apiKey);
    await page.locator('#api-key').press('Enter');
    await page.locator('#status', { hasText: 'Pick a model and press Generate.' }).waitFor();
    // test-tiny (random weights) serves no size well: not offered; shapes-dit at the size it was trained for.
    expect(await page.locator('#model option').allTextContents()).toEqual(['shapes-dit']);
    expect(await page.locator('#generate').isDisabled()).toBe(false);
    expect(await page.locator('#size option').allTextContents()).toEqual(['32×32']);
    expect(await page.locator('#condition option').count()).toBe(16);
    expect(await text('#error')).toBe('');
  });

  it("takes the key from npm start's link and keeps it out of the address bar", async () => {
    await clearStorage(page);
    await page.goto('about:blank'); // a fresh load, as from the terminal (not a same-page fragment change)
    await page.goto(`${stack.url}/#key=${encodeURIComponent(stack.apiKey)}`);
    await page.locator('#status', { hasText: 'Pick a model and press Generate.' }).waitFor();
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.locator('#api-key').inputValue()).toBe(stack.apiKey);
    await page.reload();
    await page.locator('#status', { hasText: 'Pick a model and press Generate.' }).waitFor();
    expect(await text('#error')).toBe('');
  });

  let v1 = '';
  let v1Timings = '';

  it('shows previews with the focus map while sampling, then the final image clean', async () => {
    await page.locator('#condition').selectOption('red circle');
    await page.locator('#seed').fill('7');
    await page.locator('#steps').fill('8');
    await page.locator('#generate').click();
    await waitForVersion(1);
    expect(Number(await page.locator('#stage').getAttribute('data-previews'))).toBeGreaterThanOrEqual(1);
    v1 = await imageSrc();
    expect(await page.locator('#history img').first().getAttribute('src')).toBe(v1); // the result, not a preview
    // Clean: no focus map, no preview layer, the box unticked.
    expect(await page.locator('#focus').isVisible()).toBe(false);
    expect(await page.locator('#edit-preview').isVisible()).toBe(false);
    expect(await page.locator('#show-focus').isChecked()).toBe(false);
    // The map of the last step on request.
    await page.locator('#show-focus').check();
    expect(await page.locator('#focus').isVisible()).toBe(true);
    const focus = await focusOverlay(page);
    expect(focus).toMatchObject({ grid: '8x8', drawn: true });
    expect(focus.computed).toBeGreaterThan(0);
    expect(focus.computed).toBeLessThanOrEqual(64);
    await page.locator('#show-focus').uncheck();
    expect(await page.locator('#focus').isVisible()).toBe(false);
    v1Timings = await text('#timings');
    expect(v1Timings).toMatch(/^Sampling took \d+ ms \(\d+ ms end to end\)\. Computed \d+ of \d+ token evaluations/);
    expect(v1Timings).not.toMatch(/1\.00×/);
    expect(await page.locator('#history li').count()).toBe(1);
  });

  let v2 = '';

  it('re-edits a dragged region: progress shows inside the region over the base image; only the region shown as re-sampled changes', async () => {
    // 32×32 px image, 4 px tokens: drag from pixel (1,1) to (9,5) → tokens 0..2 × 0..1.
    await dragOnImage(page, 32, [
      [1, 1],
      [5, 3],
      [9, 5],
    ]);
    await page.locator('#margin').fill('1');
    expect(await text('#region')).toMatch(
      /^Region selected: 3×2 tokens at column 1, row 1 .*Re-sampled with the 1-token margin: 4×3 tokens/,
    );
    const [selected, resampled] = await regionRects();
    expect(selected).toEqual({ x: 0, y: 0, width: 12, height: 8 });
    expect(resampled).toEqual({ x: 0, y: 0, width: 16, height: 12 });
    // What is drawn on the image: the selection, and the larger region the node will re-sample.
    expect(await boxIn('#selection')).toEqual(selected);
    expect(await boxIn('#resampled')).toEqual(resampled);

    const seedBefore = '99';
    await page.locator('#edit-condition').selectOption('blue square');
    await page.locator('#edit-seed').fill(seedBefore);
    await recordPreviews(page);
    await page.locator('#edit').click();
    await waitForVersion(2);
    const snaps = await editSnapshots(page);
    expect(snaps.length).toBeGreaterThanOrEqual(1);
    for (const s of snaps) {
      expect(s.image).toBe(v1); // the base image under the preview, not the noisy trajectory
      expect(s.layerShown).toBe(true);
      expect(s.layerSize).toEqual([32, 32]);
      expect(s.painted.length).toBe(resampled.width * resampled.height); // all of the region…
      expect(s.painted.filter((p) => !inside(resampled)(p))).toEqual([]); // …and nothing outside it
    }

    v2 = await imageSrc();
    expect(v2).not.toBe(v1);
    expect(await page.locator('#edit-preview').isVisible()).toBe(false);
    expect(await page.locator('#focus').isVisible()).toBe(false);
    const changed = await changedPixels(page, v1, v2);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((p) => !inside(resampled)(p))).toEqual([]);
    expect(changed.some((p) => !inside(selected)(p))).toBe(true); // the margin really is re-sampled
    const items = page.locator('#history button');
    expect(await items.count()).toBe(2);
    expect(await items.nth(1).getAttribute('aria-current')).toBe('true');
    expect(await items.nth(1).textContent()).toMatch(/^Version 2 — edit of v1: blue square, seed 99/);
    expect(await page.locator('#edit-seed').inputValue()).not.toBe(seedBefore); // fresh noise for the next edit
  });

  it('never shows stale text: a failure says so, another version shows its own timings', async () => {
    const v2Timings = await text('#timings');
    expect(v2Timings).not.toBe(v1Timings);
    await page.route('**/v1/generations', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'invalid_argument', message: 'steps: Too big' } }),
      }),
    );
    await page.locator('#generate').click();
    await page.locator('#error', { hasText: 'steps: Too big' }).waitFor();
    expect(await text('#status')).toBe('Failed.');
    expect(await text('#timings')).toBe(v2Timings); // the shown image is still version 2
    expect(await imageSrc()).toBe(v2);
    await page.unroute('**/v1/generations');
    consoleErrors.length = 0; // the refused request logs one

    await page.locator('#history button').nth(0).click();
    expect(await imageSrc()).toBe(v1);
    expect(await text('#timings')).toBe(v1Timings);
    expect(await text('#status')).toBe('Showing version 1; the next edit edits it.');
    expect(await text('#error')).toBe('');
    await page.locator('#history button').nth(1).click();
    expect(await text('#timings')).toBe(v2Timings);
  });

  it('undoes to version 1, which shows its image again', async () => {
    await page.locator('#undo').click();
    const items = page.locator('#history button');
    expect(await items.nth(0).getAttribute('aria-current')).toBe('true');
    expect(await imageSrc()).toBe(v1);
    expect(await text('#status')).toBe('Showing version 1; the next edit edits it.');
    expect(await page.locator('#undo').isDisabled()).toBe(true);
  });

  it('selects a region with the keyboard alone and re-edits version 1 into version 3', async () => {
    await page.locator('#margin').fill('0');
    await page.locator('#stage').focus();
    await page.keyboard.press('Escape'); // drop the mouse selection
    expect(await text('#region')).toBe('No region selected.');
    await page.keyboard.press('Enter'); // start: the middle 4×4 tokens of 8×8
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowLeft');
    expect(await text('#region')).toMatch(/being chosen \(Enter confirms\)/);
    expect(await page.locator('#edit').isDisabled()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await text('#region')).toMatch(/^Region selected: 3×5 tokens at column 4, row 3/);
    const [rect, resampled] = await regionRects();
    expect(rect).toEqual({ x: 12, y: 8, width: 12, height: 20 });
    expect(resampled).toEqual(rect); // no margin
    expect(await text('#region')).toMatch(/Re-sampled: exactly the selection \(no margin\)\.$/);
    expect(await page.locator('#resampled').isVisible()).toBe(false);

    // Tab order reaches the edit controls and the button; the keyboard sets and presses them.
    await page.locator('#edit-seed').focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('1234');
    await page.locator('#edit').focus();
    await page.keyboard.press('Enter');
    await waitForVersion(3);
    const v3 = await imageSrc();
    const changed = await changedPixels(page, v1, v3);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((p) => !inside(rect)(p))).toEqual([]);
    const items = page.locator('#history button');
    expect(await items.count()).toBe(3);
    expect(await items.nth(2).textContent()).toMatch(/^Version 3 — edit of v1/);
    expect(await page.locator('#undo').isDisabled()).toBe(false);

    // Every control has a name for assistive technology; progress is announced.
    const controls = await unlabelledControls(page);
    expect(controls.checked).toBeGreaterThanOrEqual(18); // the form controls, history buttons and the image
    expect(controls.unnamed).toEqual([]);
    expect(await page.locator('#status').getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('#error').getAttribute('role')).toBe('alert');
    expect(consoleErrors).toEqual([]);
  });

  it('lays out at desktop and phone widths: large crisp image, buttons beside their fields, no sideways scroll', async () => {
    mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
    for (const [name, width, height] of [
      ['desktop', 1280, 900],
      ['narrow', 390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.locator('#history button').nth(2).click(); // re-fits the image to the room it has
      const l = await layout(page);
      expect(l.overflowX).toBe(0);
      expect(Math.abs(l.seedTop - l.randomTop)).toBeLessThan(8); // "Randomise" beside the seed, not under it
      expect(l.imageWidth % 32).toBe(0); // an integer multiple of the 32 px image
      expect(l.imageWidth).toBeGreaterThanOrEqual(name === 'desktop' ? 384 : 256);
      expect(l.imageRight).toBeLessThanOrEqual(l.panelRight); // inside its panel
      expect(l.imageRendering).toBe('pixelated');
      await page.screenshot({ path: join(ROOT, `test-artifacts/web-${name}.png`), fullPage: true });
    }
  });
});
