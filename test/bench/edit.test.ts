/** The edit rows: the measured ratio beside its compute floor, on a class model and on a prompted one. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { benchEditPrompted, measureEdit } from '../../gpu-node/bench/edit';
import { PROMPTED_MODEL } from '../../gpu-node/bench/quality-section';
import { createEngine } from '../../gpu-node/src/engine/engine';
import { copyPromptedModel } from '../helpers/mmdit';

const tmp = mkdtempSync(join(tmpdir(), 'bench-edit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the edit rows', () => {
  it('on a class model: the floor is the share of image tokens run (no text stream)', async () => {
    const engine = await createEngine();
    const row = await measureEdit(engine, 'test-tiny', 1, () => {});
    expect(row.text_tokens).toBe(0);
    expect(row.ideal_ratio).toBe(row.tokens_run_fraction);
    expect(row.outside_max_abs_diff).toBe(0);
  });

  it('is skipped until the prompted scenes model is exported', async () => {
    const logged: string[] = [];
    mkdirSync(join(tmp, 'empty'));
    const row = await benchEditPrompted(true, (s) => logged.push(s), join(tmp, 'empty'));
    expect(row).toEqual({ skipped: `${PROMPTED_MODEL} is not exported yet (docs/scenes.md)` });
    expect(logged.join('\n')).toContain('skipped');
  });

  it('on a prompted MMDiT, with a new prompt for the region: the floor counts the text stream at every step', async () => {
    const root = join(tmp, 'models');
    copyPromptedModel(root, PROMPTED_MODEL);
    const row = await benchEditPrompted(true, () => {}, root);
    if ('skipped' in row) throw new Error(row.skipped);
    expect(row.model).toBe(PROMPTED_MODEL);
    expect(row.text_tokens).toBe(40);
    expect(row.tokens_run_fraction).toBe(0.25);
    // 28 steps of the paper's schedule: 6 dense (4 warm-up, resets at 12 and 20), 22 at r = 0.5.
    // Full run: 6·256 + 22·128 image tokens; the edit of 64 tokens: 6·64 + 22·32; both with 40 text tokens a step.
    const full = 6 * 256 + 22 * 128 + 28 * 40;
    const edit = 6 * 64 + 22 * 32 + 28 * 40;
    expect(row.ideal_ratio).toBeCloseTo(edit / full, 3);
    expect(row.ideal_ratio).toBeGreaterThan(row.tokens_run_fraction);
    expect(row.outside_max_abs_diff).toBe(0);
  });
});
