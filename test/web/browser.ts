/**
 * The browser of the page tests: Debian's Chromium, headless, through
 * playwright-core, with a fresh profile and one page whose console errors are
 * collected, beside a real stack whose node serves a given models root; and
 * the wait both page tests use.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { type Stack, startStack } from '../helpers/stack';

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

export interface Browser {
  page: Page;
  /** The page's console errors and uncaught exceptions so far (a test may clear it). */
  consoleErrors: string[];
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** A stack whose node serves `modelsRoot` (RAS_MODELS_DIR; removed on close) and a browser page. */
export async function pageOnStack(modelsRoot: string): Promise<Browser & { stack: Stack }> {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await stack?.stop();
    rmSync(modelsRoot, { recursive: true, force: true });
  };
  try {
    stack = await startStack({ nodeEnv: { RAS_MODELS_DIR: modelsRoot } });
    browser = await openPage();
    return { ...browser, stack, close };
  } catch (e) {
    await close();
    throw e;
  }
}

async function openPage(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'ras-chromium-'));
  // A persistent context is how playwright takes a fresh --user-data-dir.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  return {
    page,
    consoleErrors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the status says version `v` is done, failing with the page's error if one shows first. */
export async function waitForVersion(page: Page, v: number): Promise<void> {
  const done = page.locator('#status', { hasText: new RegExp(`^Done: version ${v}\\.$`) });
  await done.or(page.locator('#error:not(:empty)')).waitFor({ timeout: 60_000 });
  expect((await page.locator('#error').textContent()) ?? '').toBe('');
  expect(await done.count()).toBe(1);
}
