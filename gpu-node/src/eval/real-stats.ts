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
  /** Little-endian float64 in base64 (gpu-node/tools/evaluator_io.py `stats_json`). */
  mean: z.string(),
  /** The covariance's upper triangle, row by row with the diagonal, as `mean` is stored. */
  cov_upper: z.string(),
});

/** Loads `<dir>/real-stats.json` as a Gaussian fit; throws if its sizes disagree with `dim`. */
export async function loadRealStats(dir = EVALUATOR_DIR): Promise<GaussianFit> {
  const path = join(dir, 'real-stats.json');
  const { count, dim, mean, cov_upper } = statsSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  const m = float64s(mean);
  const upper = float64s(cov_upper);
  if (m.length !== dim || upper.length !== (dim * (dim + 1)) / 2)
    throw new Error(`${path}: ${m.length} mean and ${upper.length} covariance values for dim ${dim}`);
  const cov = new Float64Array(dim * dim);
  for (let i = 0, k = 0; i < dim; i++)
    for (let j = i; j < dim; j++, k++) cov[i * dim + j] = cov[j * dim + i] = upper[k];
  return { dim, count, mean: m, cov };
}

function float64s(base64: string): Float64Array {
  const bytes = Buffer.from(base64, 'base64');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float64Array.from({ length: Math.floor(bytes.byteLength / 8) }, (_, i) => view.getFloat64(i * 8, true));
}
