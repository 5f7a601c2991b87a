/**
 * Random-weight models at realistic size for speed measurements (speed does
 * not depend on the weights). Too big to commit, so the exporter makes them on
 * first use into `.cache/` (a few seconds; needs Debian's PyTorch).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

export interface BenchModelSpec {
  name: string;
  hidden: number;
  depth: number;
  heads: number;
  patch: number;
  channels: number;
}

/** DiT-S-like width at depth 12, latent-style 4 channels, patch 2. */
export const DIT_384: BenchModelSpec = { name: 'dit-384x12', hidden: 384, depth: 12, heads: 6, patch: 2, channels: 4 };

/** Path of the model's card, exporting it first if needed. */
export function ensureBenchModel(spec: BenchModelSpec): string {
  const dir = join(ROOT, '.cache', 'bench-models', spec.name);
  const card = join(dir, 'model.json');
  if (existsSync(card)) return card;
  process.stderr.write(`exporting ${spec.name} (random weights) to ${dir}\n`);
  const args = ['--random', '1', '--out', dir, '--grid', '16x16', '--num-classes', '16'];
  for (const key of ['hidden', 'depth', 'heads', 'patch', 'channels'] as const)
    args.push(`--${key}`, String(spec[key]));
  execFileSync('/usr/bin/python3', [join(ROOT, 'gpu-node/tools/export.py'), ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return card;
}
