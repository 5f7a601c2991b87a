/**
 * The gpu section's SD3 models as `BenchModel`s: SD3-medium's size (a random diffusers checkpoint
 * of its config, `mini_sd3.py --sd3-medium-layers 24`, 4.2 GB in fp16, converted by
 * `convert.py sd3 --no-verify`) for GPU machines, and the miniature-width one of the sd3 section
 * for quick runs. The transformer rows feed random embeddings, so the text side is a stand-in
 * optimum folder of SD3-medium's sizes (`optimum_standin.py`: constant encoders, a 1×1 VAE),
 * which the converter checks against the transformer and copies.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type BenchModel, benchCache, ensureSd3BenchModel, ROOT, writeOnce } from './bench-models';

/** SD3-medium: 24 joint blocks of width 1536 (24 heads of 64), joint_attention_dim 4096, pooled 2048. */
const LAYERS = 24;
const JOINT = 4096;
const POOLED = 2048;

/** The random SD3-medium-size model (about 2.0 B parameters). */
export const SD3_MEDIUM_BENCH: BenchModel = {
  name: 'sd3-medium',
  params: 2.03e9,
  ensure: () => join(ensureSd3Medium(), 'model.json'),
};

/** The sd3 section's miniature-width model (width 256, 4 layers), for quick runs. */
export const SD3_W256_BENCH: BenchModel = {
  name: 'sd3-w256',
  params: 4 * 24 * 256 * 256,
  ensure: () => join(ensureSd3BenchModel(), 'model.json'),
};

/**
 * The converted directory `<cache>/sd3/sd3-medium`, made first if needed. Each step writes under
 * a `.tmp` name and renames when done, so a run stopped at its time limit leaves nothing that
 * looks finished, and the next call on the same machine starts from the last finished step
 * (the 4.2 GB checkpoint is kept until the conversion is done, then deleted).
 */
function ensureSd3Medium(): string {
  const root = join(benchCache(), 'sd3');
  const dir = join(root, 'sd3-medium');
  if (existsSync(join(dir, 'model.json'))) return dir;
  if (process.env.RAS_BENCH_NO_EXPORT) throw new Error(`sd3-medium was not converted (no card in ${dir})`);
  rmSync(dir, { recursive: true, force: true }); // not from a finished step: nothing renames a folder without its card
  const python = process.env.RAS_BENCH_PYTHON ?? '/usr/bin/python3';
  const run = (tool: string, args: string[]) =>
    execFileSync(python, [join(ROOT, 'gpu-node/tools', tool), ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  const checkpoint = join(root, 'sd3-medium-checkpoint');
  const optimum = join(root, 'sd3-medium-optimum');
  writeOnce(checkpoint, (tmp) => {
    process.stderr.write(`writing a random SD3-medium-size checkpoint (4.2 GB) to ${checkpoint}\n`);
    run('mini_sd3.py', ['--sd3-medium-layers', String(LAYERS), '--out', tmp]);
  });
  writeOnce(optimum, (tmp) =>
    run('optimum_standin.py', ['--out', tmp, '--joint', String(JOINT), '--pooled', String(POOLED)]),
  );
  writeOnce(dir, (tmp) => {
    process.stderr.write(`converting it to ${dir}\n`);
    const args = ['--transformer', checkpoint, '--pipeline', optimum, '--test-model', '--no-verify', '--out', tmp];
    run('convert.py', ['sd3', ...args]);
  });
  rmSync(checkpoint, { recursive: true, force: true });
  return dir;
}
