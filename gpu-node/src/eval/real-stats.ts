/**
 * The committed real-image feature statistics (real-stats.json, written by
 * gpu-node/tools/evaluator.py over held-out real images): the reference side
 * of the Fréchet distance.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { EVALUATOR_DIR } from './evaluator';
import type { GaussianFit } from './frechet';

const statsSchema = z.object({
  count: z.number().int().min(2),
  dim: z.number().int().positive(),
  mean: z.array(z.number()),
  cov: z.array(z.array(z.number())),
});

/** Loads `<dir>/real-stats.json` as a Gaussian fit; throws if its shapes disagree with `dim`. */
export async function loadRealStats(dir = EVALUATOR_DIR): Promise<GaussianFit> {
  const path = join(dir, 'real-stats.json');
  const { count, dim, mean, cov } = statsSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  if (mean.length !== dim || cov.length !== dim || cov.some((row) => row.length !== dim))
    throw new Error(`${path}: mean/cov shapes do not match dim ${dim}`);
  return { dim, count, mean: Float64Array.from(mean), cov: Float64Array.from(cov.flat()) };
}
