/**
 * The web page in headless Chromium (Debian's, driven by playwright-core)
 * against the real stack: a GPU node process and the worker under
 * `wrangler dev` serving the page and the API. Generate with previews, select
 * a region with the mouse, re-edit, undo, select with the keyboard, re-edit.
 * Leaves a screenshot in test-artifacts/web.png.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, type Stack, startStack } from '../helpers/stack';
import { changedPixels, focusOverlay, type Rect, unlabelledControls } from './page-helpers';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let stack: Stack;
let context: BrowserContext;
let page: Page;
let profile: string;
const consoleErrors: string[] = [];

beforeAll(async () => {
  stack = await startStack();
  profile = mkdtempSync(join(tmpdir(), 'ras-chromium-'));
  // A persistent context is how playwright takes a fresh --user-data-dir.
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
}, 180_000);

afterAll(async () => {
  await context?.close();
  await stack?.stop();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const text = async (sel: string) => (await page.locator(sel).textContent()) ?? '';

/** Waits until the status says version `v` is done, failing with the page's error if one shows first. */
async function waitForVersion(v: number): Promise<void> {
  const done = page.locator('#status', { hasText: new RegExp(`^Done: version ${v}\\.`) });
  await done.or(page.locator('#error:not(:empty)')).waitFor({ timeout: 60_000 });
  expect(await text('#error')).toBe('');
  expect(await done.count()).toBe(1);
}

async function imageSrc(): Promise<string> {
  return (await page.locator('#image').getAttribute('src')) ?? '';
}

async function regionRect(): Promise<Rect> {
  const words = await text('#region');
  const m = /\((\d+)×(\d+) px at (\d+),(\d+)\)/.exec(words);
  if (!m) throw new Error(`no region in "${words}"`);
  const [w, h, x, y] = m.slice(1).map(Number);
  return { x, y, width: w, height: h };
}

describe('the web page', () => {
  it('says in plain words that an API key is needed, and remembers the key', async () => {
    await page.goto(stack.url);
    await page.locator('#error').filter({ hasText: 'API key' }).waitFor();
    expect(await text('#error')).toMatch(/^Could not load the models: The API key was not accepted: /);
    await page.locator('#api-key').fill(stack.apiKey);
    await page.locator('#api-key').dispatchEvent('change');
    await page.locator('#model option[value="test-tiny"]').waitFor({ state: 'attached' });
    await page.reload();
    expect(await page.locator('#api-key').inputValue()).toBe(stack.apiKey);
    await page.locator('#model option[value="test-tiny"]').waitFor({ state: 'attached' });
    expect(await text('#error')).toBe('');
    consoleErrors.length = 0; // the refused request above logs one; later steps must log none
  });

  it('generates, showing previews with the focus map and timings', async () => {
    await page.locator('#model').selectOption('test-tiny');
    await page.locator('#condition').fill('1'); // test-tiny names no labels: a class id
    await page.locator('#seed').fill('7');
    await page.locator('#steps').fill('8');
    await page.locator('#generate').click();
    await waitForVersion(1);
    expect(Number(await page.locator('#stage').getAttribute('data-previews'))).toBeGreaterThanOrEqual(1);
    const focus = await focusOverlay(page);
    expect(focus).toMatchObject({ grid: '4x6', drawn: true });
    expect(focus.computed).toBeGreaterThan(0);
    expect(focus.computed).toBeLessThanOrEqual(24);
    expect(await page.locator('#focus').isVisible()).toBe(true);
    await page.locator('#show-focus').uncheck();
    expect(await page.locator('#focus').isVisible()).toBe(false);
    await page.locator('#show-focus').check();
    expect(await page.locator('#focus').isVisible()).toBe(true);
    expect(await text('#status')).toMatch(/Step 8 of 8\. Tokens computed: \d+ of 192/);
    expect(await text('#timings')).toMatch(/estimated speedup vs dense: \d+\.\d\d×/);
    expect(await page.locator('#history li').count()).toBe(1);
  });

  let v1 = '';
  let v2 = '';

  it('re-edits a region dragged with the mouse: only that region changes; version 2 joins the history', async () => {
    v1 = await imageSrc();
    const box = await page.locator('#image').boundingBox();
    if (!box) throw new Error('no image box');
    // 12×8 px image, 2 px tokens: drag from pixel (1,1) to (5,3) → tokens 0..2 × 0..1.
    const at = (px: number, py: number) => [box.x + (px / 12) * box.width, box.y + (py / 8) * box.height] as const;
    await page.mouse.move(...at(1, 1));
    await page.mouse.down();
    await page.mouse.move(...at(3, 2), { steps: 4 });
    await page.mouse.move(...at(5, 3), { steps: 4 });
    await page.mouse.up();
    expect(await text('#region')).toMatch(/^Region selected: 3×2 tokens at column 1, row 1/);
    const rect = await regionRect();
    expect(rect).toEqual({ x: 0, y: 0, width: 6, height: 4 });

    await page.locator('#edit-condition').fill('2');
    await page.locator('#edit-seed').fill('99');
    await page.locator('#margin').fill('0');
    await page.locator('#edit').click();
    await waitForVersion(2);
    v2 = await imageSrc();
    expect(v2).not.toBe(v1);
    const changed = await changedPixels(page, v1, v2);
    expect(changed.length).toBeGreaterThan(0);
    const outside = changed.filter(([x, y]) => x >= rect.x + rect.width || y >= rect.y + rect.height);
    expect(outside).toEqual([]);
    const items = page.locator('#history button');
    expect(await items.count()).toBe(2);
    expect(await items.nth(1).getAttribute('aria-current')).toBe('true');
    expect(await items.nth(1).textContent()).toMatch(/^Version 2 — edit of v1/);
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
    await page.locator('#stage').focus();
    await page.keyboard.press('Escape'); // drop the mouse selection
    expect(await text('#region')).toBe('No region selected.');
    await page.keyboard.press('Enter'); // start: the middle 3×2 tokens of 6×4
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowLeft');
    expect(await text('#region')).toMatch(/being chosen \(Enter confirms\)/);
    expect(await page.locator('#edit').isDisabled()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await text('#region')).toMatch(/^Region selected: 2×3 tokens at column 3, row 2/);
    const rect = await regionRect();
    expect(rect).toEqual({ x: 4, y: 2, width: 4, height: 6 });

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
    const inside = ([x, y]: [number, number]) =>
      x >= rect.x && x < rect.x + rect.width && y >= rect.y && y < rect.y + rect.height;
    expect(changed.filter((p) => !inside(p))).toEqual([]);
    const items = page.locator('#history button');
    expect(await items.count()).toBe(3);
    expect(await items.nth(2).textContent()).toMatch(/^Version 3 — edit of v1/);
    expect(await page.locator('#undo').isDisabled()).toBe(false);

    // Every control has a name for assistive technology; progress is announced.
    const controls = await unlabelledControls(page);
    expect(controls.checked).toBeGreaterThanOrEqual(15); // the form controls, history buttons and the image
    expect(controls.unnamed).toEqual([]);
    expect(await page.locator('#status').getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('#error').getAttribute('role')).toBe('alert');

    mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-artifacts/web.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
  });
});
