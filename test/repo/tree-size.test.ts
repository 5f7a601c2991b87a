/** The tracked tree stays inside the GPU machine's budget (README, "Tree budget"). */
import { execFileSync } from 'node:child_process';
import { lstatSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { overBudget, TREE_BUDGET_BYTES, type TrackedFile } from './tree-size';

const ROOT = resolve(import.meta.dirname, '../..');

/** Every file `git ls-files` lists that exists on disk, with its size (a link counts as itself). */
function trackedFiles(): TrackedFile[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const files: TrackedFile[] = [];
  for (const path of out.split('\0').filter(Boolean)) {
    const stat = lstatSync(join(ROOT, path), { throwIfNoEntry: false });
    if (stat) files.push({ path, bytes: stat.size });
  }
  return files;
}

describe('the tracked tree', () => {
  it(`holds at most ${TREE_BUDGET_BYTES} bytes`, () => {
    const files = trackedFiles();
    expect(files.length).toBeGreaterThan(0);
    expect(overBudget(files)).toBeUndefined();
  });

  it('is reported with its total and largest files when over the budget', () => {
    const files = [
      { path: 'a.weights', bytes: 7_000_000 },
      { path: 'b.onnx', bytes: 2_000_000 },
      { path: 'c.md', bytes: 1_500_000 },
    ];
    expect(overBudget(files, 10_500_000)).toBeUndefined();
    const message = overBudget(files, 10_000_000, 2);
    expect(message?.split('\n')).toEqual([
      'the tracked tree is 10.50 MB, over its budget of 10.00 MB by 0.50 MB; largest files:',
      '  7.00 MB  a.weights',
      '  2.00 MB  b.onnx',
    ]);
  });
});
