/**
 * Random-weight models at realistic size for speed measurements (speed does
 * not depend on the weights). Too big to commit, so the exporter makes them on
 * first use into `.cache/bench-models/` (a few seconds; needs Debian's PyTorch), or into
 * `RAS_BENCH_CACHE` where that is set (the device script's quick mode: a fresh export each run).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

export interface BenchModelSpec {
  name: string;
  hidden: number;
  depth: number;
  heads: number;
  patch: number;
  channels: number;
  /** false: export without the onnxruntime check against PyTorch (minutes on a 1 B model). */
  verify?: boolean;
}

/** A model the device run exports in a stage of its own before the bench times it (scripts/device/). */
export interface BenchModel {
  name: string;
  /** Parameters, roughly: the export stage goes smallest first. */
  params: number;
  /** Path of its card, made first if needed (a thrown error says why it cannot be). */
  ensure(): string;
}

/** A DiT spec as a `BenchModel` (about 12·hidden² parameters a block). */
export function ditBenchModel(spec: BenchModelSpec): BenchModel {
  return { name: spec.name, params: 12 * spec.hidden * spec.hidden * spec.depth, ensure: () => ensureBenchModel(spec) };
}

/** DiT-S-like width at depth 12, latent-style 4 channels, patch 2. */
export const DIT_384: BenchModelSpec = { name: 'dit-384x12', hidden: 384, depth: 12, heads: 6, patch: 2, channels: 4 };

/** A tiny model for the quick gpu section (CI, software adapters). */
export const DIT_TINY: BenchModelSpec = { name: 'dit-64x2', hidden: 64, depth: 2, heads: 2, patch: 2, channels: 4 };

/**
 * The image stream of an SD3-size MMDiT: about 1.0 B parameters (GPU machines only). Not
 * checked against PyTorch at export: the same exporter's check of the 384×12 model covers the
 * code, and the bench's float16-vs-float32 PSNR would show a broken graph.
 */
export const DIT_SD3: BenchModelSpec = {
  name: 'dit-sd3-size',
  hidden: 1536,
  depth: 24,
  heads: 24,
  patch: 2,
  channels: 16,
  verify: false,
};

/** Where bench models are made: `RAS_BENCH_CACHE`, else `.cache/bench-models/`. */
export function benchCache(): string {
  return process.env.RAS_BENCH_CACHE ?? join(ROOT, '.cache', 'bench-models');
}

/** True when a cached card is what the exporter writes today (format 2 with all three graphs). */
function current(cardPath: string): boolean {
  const card = JSON.parse(readFileSync(cardPath, 'utf8'));
  return card.format === 'ras-ready-dit/2' && typeof card.graphs?.fused_fp16 === 'string';
}

/** Path of the model's card, exporting it first if needed. */
export function ensureBenchModel(spec: BenchModelSpec): string {
  const dir = join(benchCache(), spec.name);
  const card = join(dir, 'model.json');
  if (existsSync(card) && current(card)) return card;
  // The device script exports in a stage of its own, timed and bounded; the bench must not redo it.
  if (process.env.RAS_BENCH_NO_EXPORT) throw new Error(`${spec.name} was not exported (no current card in ${dir})`);
  process.stderr.write(`exporting ${spec.name} (random weights) to ${dir}\n`);
  const args = ['--random', '1', '--out', dir, '--grid', '16x16', '--num-classes', '16'];
  for (const key of ['hidden', 'depth', 'heads', 'patch', 'channels'] as const)
    args.push(`--${key}`, String(spec[key]));
  if (spec.verify === false) args.push('--no-verify');
  execFileSync(process.env.RAS_BENCH_PYTHON ?? '/usr/bin/python3', [join(ROOT, 'gpu-node/tools/export.py'), ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return card;
}

/**
 * The miniature-width SD3 of the sd3 section: a random diffusers checkpoint (`mini_sd3.py --bench`:
 * width 256, 4 layers, 1024 latent tokens) converted by `convert.py sd3` with the committed mini
 * optimum folder (text encoders, VAE decoder), into `<cache>/sd3/sd3-w256`. Returns its directory.
 */
export function ensureSd3BenchModel(): string {
  const root = join(benchCache(), 'sd3');
  const dir = join(root, 'sd3-w256');
  if (existsSync(join(dir, 'model.json'))) return dir;
  if (process.env.RAS_BENCH_NO_EXPORT) throw new Error(`sd3-w256 was not converted (no card in ${dir})`);
  process.stderr.write(`converting a random miniature-width SD3 checkpoint to ${dir}\n`);
  const python = process.env.RAS_BENCH_PYTHON ?? '/usr/bin/python3';
  const run = (tool: string, args: string[]) =>
    execFileSync(python, [join(ROOT, 'gpu-node/tools', tool), ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  const checkpoint = join(root, 'checkpoint', 'transformer');
  run('mini_sd3.py', ['--bench', '--out', checkpoint]);
  const optimum = join(ROOT, 'test/fixtures/sd3-mini/optimum');
  run('convert.py', [
    'sd3',
    '--transformer',
    checkpoint,
    '--pipeline',
    optimum,
    '--test-model',
    '--no-verify',
    '--out',
    dir,
  ]);
  return dir;
}

/**
 * Makes `path` by `write(path + '.tmp')` and a rename, unless it is there: a step of a big
 * model's making that a run stopped at its time limit leaves either done or visibly undone.
 */
export function writeOnce(path: string, write: (tmp: string) => void) {
  if (existsSync(path)) return;
  const tmp = `${path}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  write(tmp);
  renameSync(tmp, path);
}
