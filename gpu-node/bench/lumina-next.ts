/**
 * The gpu section's Lumina-Next models as `BenchModel`s: Lumina-Next-SFT's transformer at its
 * real size (a random diffusers transformer folder of its config, `mini_lumina.py
 * --transformer-only --layers 24 --hidden 2304`, 3.5 GB in fp16) for GPU machines, and a
 * miniature width (4 layers of width 256) for quick runs, each converted by `convert.py lumina
 * --no-verify` as a user's checkpoint is. The rows feed random Gemma features, so the rest of
 * the pipeline folder is a stand-in of the sizes the transformer needs (`lumina_standin.py`:
 * a 2-layer Gemma of width 2048, the mini VAE), which the converter checks and exports.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type BenchModel, benchCache, ROOT, writeOnce } from './bench-models';

/** A random NextDiT: Lumina-Next-SFT's shape at `layers` layers of width `hidden` (32 heads over 8 KV heads). */
interface LuminaSize {
  name: string;
  layers: number;
  hidden: number;
  /** What the checkpoint step prints (big ones take a while). */
  note: string;
}

const SFT: LuminaSize = { name: 'lumina-next-sft', layers: 24, hidden: 2304, note: ' (3.5 GB)' };
const W256: LuminaSize = { name: 'lumina-w256', layers: 4, hidden: 256, note: '' };
/** Lumina-Next's text tokens: Gemma's 256 (a long prompt), read every step by the cross-attention. */
export const LUMINA_TEXT = 256;
/** Lumina-Next-SFT's cross_attention_dim (Gemma-2B's width): mini_lumina.py keeps it at every width. */
const CROSS = 2048;

/** The random Lumina-Next-SFT-size model (1.75 B parameters). */
export const LUMINA_SFT_BENCH: BenchModel = {
  name: SFT.name,
  params: 1.75e9,
  ensure: () => join(ensureLumina(SFT), 'model.json'),
};

/** The miniature-width NextDiT (width 256, 4 layers) for quick runs. */
export const LUMINA_W256_BENCH: BenchModel = {
  name: W256.name,
  params: 6.1e6, // as its card counts them (6,134,432)

  ensure: () => join(ensureLumina(W256), 'model.json'),
};

/**
 * The converted directory `<cache>/lumina/<name>`, made first if needed. As sd3-medium.ts: each
 * step writes under a `.tmp` name and renames when done, so a run stopped at its time limit leaves
 * nothing that looks finished and the next call on the same machine goes on from the last finished
 * step; the checkpoint and the stand-in are deleted once converted.
 */
function ensureLumina(size: LuminaSize): string {
  const root = join(benchCache(), 'lumina');
  const dir = join(root, size.name);
  if (existsSync(join(dir, 'model.json'))) return dir;
  if (process.env.RAS_BENCH_NO_EXPORT) throw new Error(`${size.name} was not converted (no card in ${dir})`);
  rmSync(dir, { recursive: true, force: true });
  const python = process.env.RAS_BENCH_PYTHON ?? '/usr/bin/python3';
  const run = (tool: string, args: string[]) =>
    execFileSync(python, [join(ROOT, 'gpu-node/tools', tool), ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  const checkpoint = join(root, `${size.name}-checkpoint`);
  // One per model: the export stage makes models in parallel processes.
  const pipeline = join(root, `${size.name}-pipeline`);
  writeOnce(checkpoint, (tmp) => {
    process.stderr.write(`writing a random ${size.name} checkpoint${size.note} to ${checkpoint}\n`);
    run('mini_lumina.py', [
      '--transformer-only',
      '--layers',
      String(size.layers),
      '--hidden',
      String(size.hidden),
      '--out',
      tmp,
    ]);
  });
  writeOnce(pipeline, (tmp) => run('lumina_standin.py', ['--out', tmp, '--cross', String(CROSS)]));
  writeOnce(dir, (tmp) => {
    process.stderr.write(`converting it to ${dir}\n`);
    const args = ['--pipeline', pipeline, '--transformer', checkpoint, '--no-verify', '--out', tmp];
    run('convert.py', ['lumina', ...args]);
  });
  for (const done of [checkpoint, pipeline]) rmSync(done, { recursive: true, force: true });
  return dir;
}
