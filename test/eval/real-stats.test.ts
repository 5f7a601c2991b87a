import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRealStats } from '../../gpu-node/src/eval/real-stats';
import { SCENE_EVALUATOR_DIR } from '../../gpu-node/src/eval/scene-evaluator';

const dir = mkdtempSync(join(tmpdir(), 'ras-real-stats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base64 = (values: number[]) => Buffer.from(Float64Array.from(values).buffer).toString('base64');
const write = (blob: object) => writeFileSync(join(dir, 'real-stats.json'), JSON.stringify(blob));

describe('real-stats.json', () => {
  it('reads the mean and rebuilds the symmetric covariance from its upper triangle', async () => {
    write({ count: 10, dim: 2, mean: base64([1, -2.5]), cov_upper: base64([2, 0.5, 3]) });
    const stats = await loadRealStats(dir);
    expect(Array.from(stats.mean)).toEqual([1, -2.5]);
    expect(Array.from(stats.cov)).toEqual([2, 0.5, 0.5, 3]);
    expect(stats.count).toBe(10);
  });

  it('names the file and the sizes when they disagree with dim', async () => {
    write({ count: 10, dim: 3, mean: base64([1, 2, 3]), cov_upper: base64([2, 0.5, 3]) });
    await expect(loadRealStats(dir)).rejects.toThrow(/real-stats\.json: 3 mean and 3 covariance values for dim 3/);
  });

  it('gives a symmetric covariance with a positive diagonal for the committed scene statistics', async () => {
    const { dim, cov } = await loadRealStats(SCENE_EVALUATOR_DIR);
    for (let i = 0; i < dim; i++) {
      expect(cov[i * dim + i]).toBeGreaterThan(0);
      for (let j = 0; j < i; j++) expect(cov[i * dim + j]).toBe(cov[j * dim + i]);
    }
  });
});
