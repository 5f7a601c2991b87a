/**
 * The web page in headless Chromium with a prompted model as the default: a
 * GPU node whose models root (RAS_MODELS_DIR) holds `scenes-sd3` — here the
 * tiny random prompted model with a served size, so the test does not wait for
 * training — beside `shapes-dit`. The page offers the default first with a
 * prompt box, shows the node's 400 naming every unknown word, generates from a
 * prompt and re-edits a region with a new prompt for it, changing nothing
 * outside the region; a class model brings its labels back.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_PROMPT } from '../../edge/scripts/banner';
import { DEFAULT_MODEL } from '../../gpu-node/src/runtime/registry';
import { promptedDefaultRoot } from '../helpers/mmdit';
import type { Stack } from '../helpers/stack';
import { pageOnStack, waitForVersion as waitFor } from './browser';
import { changedPixels, dragOnImage, focusOverlay } from './page-helpers';

let stack: Stack;
let page: Page;
let consoleErrors: string[];
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ stack, page, consoleErrors, close } = await pageOnStack(promptedDefaultRoot()));
}, 180_000);

afterAll(() => close?.());

const text = async (sel: string) => (await page.locator(sel).textContent()) ?? '';
const label = (id: string) => text(`label[for="${id}"]`);

const waitForVersion = (v: number) => waitFor(page, v);

describe('the web page with a prompted default model', () => {
  it('offers the default first, with a prompt box', async () => {
    await page.goto(`${stack.url}/#key=${encodeURIComponent(stack.apiKey)}`);
    await page.locator('#status', { hasText: 'Pick a model and press Generate.' }).waitFor();
    expect(await page.locator('#model option').allTextContents()).toEqual([DEFAULT_MODEL, 'shapes-dit']);
    expect(await page.locator('#model').inputValue()).toBe(DEFAULT_MODEL);
    expect(await page.locator('#size option').allTextContents()).toEqual(['64×64']);
    expect(await page.locator('#condition').getAttribute('type')).toBe('text');
    expect(await label('condition')).toBe('Prompt');
    expect(await label('edit-condition')).toBe('What the region should hold');
  });

  it('shows the 400 that names every word the model does not know', async () => {
    await page.locator('#condition').fill('a small purple circle at the zenith');
    await page.locator('#generate').click();
    await page.locator('#error:not(:empty)').waitFor();
    expect(await text('#error')).toMatch(/"purple"[\s\S]*"zenith"/);
    expect(await text('#status')).toBe('Failed.');
    consoleErrors.length = 0; // the refused request logs one
  });

  it('generates from a prompt, then re-edits a region with a new prompt for it, changing nothing outside', async () => {
    await page.locator('#condition').fill(EXAMPLE_PROMPT);
    await page.locator('#seed').fill('7');
    await page.locator('#steps').fill('6');
    await page.locator('#generate').click();
    await waitForVersion(1);
    const v1 = (await page.locator('#image').getAttribute('src')) ?? '';
    await page.locator('#show-focus').check();
    expect(await focusOverlay(page)).toMatchObject({ grid: '16x16', drawn: true });
    await page.locator('#show-focus').uncheck();

    // The bottom-right quarter (64×64 px, 4 px tokens), no margin.
    await dragOnImage(page, 64, [
      [33, 33],
      [48, 48],
      [63, 63],
    ]);
    await page.locator('#margin').fill('0');
    expect(await text('#region')).toMatch(/^Region selected: 8×8 tokens at column 9, row 9 /);
    expect(await page.locator('#edit-condition').inputValue()).toBe(EXAMPLE_PROMPT); // the session's prompt to start from
    await page.locator('#edit-condition').fill('a large green triangle at the bottom right');
    await page.locator('#edit-seed').fill('8'); // fixed: the random model saturates pixels, an unlucky seed could leave the region as it was
    await page.locator('#edit').click();
    await waitForVersion(2);
    const v2 = (await page.locator('#image').getAttribute('src')) ?? '';
    const changed = await changedPixels(page, v1, v2);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter(([x, y]) => x < 32 || y < 32)).toEqual([]);
    expect(await page.locator('#history button').nth(1).textContent()).toMatch(
      /^Version 2 — edit of v1: a large green triangle at the bottom right/,
    );
  });

  it('brings the labels back for a class model', async () => {
    await page.locator('#model').selectOption('shapes-dit');
    expect(await page.locator('#condition option').count()).toBe(16);
    expect(await label('condition')).toBe('Condition');
    expect(consoleErrors).toEqual([]);
  });
});
