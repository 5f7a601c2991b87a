/**
 * `model forward` and `model inspect` on the committed converted Lumina-Next
 * miniature, test-lumina: diffusers-named inputs give the `sample` PyTorch's
 * LuminaNextDiT2DModel returned for them (test/fixtures/lumina-parity, written
 * by gpu-node/tools/lumina_parity.py and checked against the checkpoint by
 * test_model_forward_lumina.py); a row's sample is its own whatever the batch
 * and the padding; bad inputs are refused by name.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../edge/scripts/processes';
import { forward } from '../../gpu-node/model-tool/forward';
import { inspect } from '../../gpu-node/model-tool/inspect';
import { readSafetensors, type Tensor, writeSafetensors } from '../../gpu-node/model-tool/safetensors';
import { fromFloat32, toFloat32 } from '../../gpu-node/model-tool/tensor-values';
import { MODELS_DIR } from '../../gpu-node/src/runtime/registry';
import { worstDiff } from '../helpers/mmdit';

const LUMINA_DIR = join(MODELS_DIR, 'test-lumina');
const PAIR = join(ROOT, 'test/fixtures/lumina-parity');
/** Two rows, 3 × 5 tokens at patch 2 (6 × 10 latents), 8 text tokens, row 1's last 3 padding. */
const [B, H, W, T, PADDED] = [2, 6, 10, 8, 3];
const TOLERANCE = 1e-4;

const scratch = mkdtempSync(join(tmpdir(), 'ras-model-forward-nextdit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const pairIn = async () => (await readSafetensors(join(PAIR, 'in.safetensors'))).tensors;
const want = async () =>
  toFloat32((await readSafetensors(join(PAIR, 'sample.safetensors'))).tensors.get('sample')!, 'sample');

/** The committed inputs, edited, written to `file`. */
async function inputsFile(file: string, edit: (t: Map<string, Tensor>) => void = () => {}): Promise<string> {
  const t = await pairIn();
  edit(t);
  const path = join(scratch, file);
  await writeSafetensors(path, Object.fromEntries(t));
  return path;
}

async function run(inputs: string, attention: 'unfused' | 'fused' = 'unfused') {
  const out = join(scratch, `out-${Math.random().toString(36).slice(2)}.safetensors`);
  const r = await forward(LUMINA_DIR, { inputs, out, attention, threads: 1 });
  const sample = (await readSafetensors(out)).tensors.get('sample')!;
  expect(sample.shape).toEqual(r.shape);
  return { ...r, sample: toFloat32(sample, 'sample') };
}

/** Row `b` of a tensor [B, T, ...] as [1, T, ...], or its first `keep` entries along T. */
function row(t: Tensor, b: number, keep?: number): Tensor {
  const per = t.data.length / t.shape[0];
  const bytes = per / t.shape[1];
  const n = keep ?? t.shape[1];
  return { ...t, shape: [1, n, ...t.shape.slice(2)], data: t.data.slice(b * per, b * per + n * bytes) };
}

describe('model forward on test-lumina (NextDiT)', () => {
  it.each(['unfused', 'fused'] as const)(
    'matches PyTorch’s LuminaNextDiT2DModel sample on the %s graph',
    async (attention) => {
      const r = await run(await inputsFile('in.safetensors'), attention);
      expect(r.shape).toEqual([B, 8, H, W]);
      expect(worstDiff(r.sample, await want())).toBeLessThan(TOLERANCE);
    },
  );

  it('gives a padded row alone, without its padding, the sample it has in the batch', async () => {
    const alone = await inputsFile('row1.safetensors', (t) => {
      t.set('hidden_states', row(t.get('hidden_states')!, 1));
      t.set('encoder_hidden_states', row(t.get('encoder_hidden_states')!, 1, T - PADDED));
      t.set('encoder_mask', row(t.get('encoder_mask')!, 1, T - PADDED));
      t.set('timestep', { ...t.get('timestep')!, shape: [1], data: t.get('timestep')!.data.slice(4, 8) });
    });
    const r = await run(alone);
    const batch = await want();
    expect(r.shape).toEqual([1, 8, H, W]);
    expect(worstDiff(r.sample, batch.subarray(batch.length / 2))).toBeLessThan(TOLERANCE);
  });

  it('accepts the mask as BOOL or F32 and broadcasts a timestep of shape [1]', async () => {
    const asBool = await inputsFile('bool.safetensors', (t) => {
      const mask = new BigInt64Array(t.get('encoder_mask')!.data.slice().buffer);
      t.set('encoder_mask', { dtype: 'BOOL', shape: [B, T], data: Uint8Array.from(mask, Number) });
    });
    expect(worstDiff((await run(asBool)).sample, await want())).toBeLessThan(TOLERANCE);
    const oneTime = await inputsFile('t1.safetensors', (t) => {
      const mask = new BigInt64Array(t.get('encoder_mask')!.data.slice().buffer);
      t.set('encoder_mask', fromFloat32(Float32Array.from(mask, Number), [B, T]));
      t.set('timestep', fromFloat32(Float32Array.of(0.85), [1]));
    });
    const r = await run(oneTime);
    const batch = await want();
    // Row 1 ran at 0.85 in the pair too; row 0 did not, so it moves.
    expect(worstDiff(r.sample.subarray(r.sample.length / 2), batch.subarray(batch.length / 2))).toBeLessThan(TOLERANCE);
    expect(worstDiff(r.sample.subarray(0, r.sample.length / 2), batch.subarray(0, batch.length / 2))).toBeGreaterThan(
      1e-2,
    );
  });
});

describe('model forward refuses bad NextDiT inputs by name', () => {
  const zeros = (dtype: Tensor['dtype'], shape: number[], item = 4): Tensor => ({
    dtype,
    shape,
    data: new Uint8Array(shape.reduce((a, b) => a * b, 1) * item),
  });
  it.each([
    [
      'a missing encoder_mask',
      (t: Map<string, Tensor>) => t.delete('encoder_mask'),
      /no tensor "encoder_mask"; expected \[B, T\]/,
    ],
    [
      'text features of the wrong width',
      (t: Map<string, Tensor>) => t.set('encoder_hidden_states', zeros('F32', [B, T, 5])),
      /^encoder_hidden_states: expected \[B, T, \d+\] .* with B = 2, got \[2, 8, 5\]/,
    ],
    [
      'a mask of another length',
      (t: Map<string, Tensor>) => t.set('encoder_mask', zeros('I64', [B, T + 1], 8)),
      /^encoder_mask: expected \[B, T\] .* with B = 2, T = 8, got \[2, 9\]/,
    ],
    [
      'a row with every token masked',
      (t: Map<string, Tensor>) => t.set('encoder_mask', zeros('I64', [B, T], 8)),
      /^encoder_mask: row 0 masks every token/,
    ],
    [
      'a mask holding 2',
      (t: Map<string, Tensor>) => t.set('encoder_mask', fromFloat32(new Float32Array(B * T).fill(2), [B, T])),
      /^encoder_mask: 2 at flat index 0; a mask holds 0 \(padding\) and 1 \(token\)/,
    ],
    [
      'latents of SD3’s 16 channels',
      (t: Map<string, Tensor>) => t.set('hidden_states', zeros('F32', [B, 16, H, W])),
      /^hidden_states: expected \[B, 4, H, W\]/,
    ],
  ])('%s', async (_what, edit, message) => {
    await expect(run(await inputsFile('bad.safetensors', edit))).rejects.toThrow(message);
  });
});

/** tsx's loader by path, as the other CLI tests run theirs. */
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

describe('the model CLI on a NextDiT directory', () => {
  it('runs forward as a process and prints the sample’s shape and graph', async () => {
    const out = join(scratch, 'cli.safetensors');
    const args = [
      'forward',
      LUMINA_DIR,
      '--inputs',
      await inputsFile('cli-in.safetensors'),
      '--out',
      out,
      '--threads',
      '1',
    ];
    const child = spawn(process.execPath, ['--import', TSX, join(ROOT, 'gpu-node/model-tool/main.ts'), ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    const code = await new Promise((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^wrote .*cli\.safetensors: sample \[2, 8, 6, 10\] F32 \(transformer\.onnx, CPU, \d+ ms\)\n$/,
    );
  });

  it('inspects the family’s constants, its prompt graph and what every graph reads', async () => {
    const out = await inspect(LUMINA_DIR);
    expect(out).toMatch(/^ {2}format +ras-ready\/3, family nextdit$/m);
    expect(out).toMatch(/^ {2}patch +2, channels 4, out_channels 8, token_dim 16$/m);
    expect(out).toMatch(/^ {2}layers +\d+ × \d+ heads \(\d+ K\/V heads\) × head_dim \d+ \(hidden \d+\)$/m);
    expect(out).toMatch(/^ {2}rope +theta 10000, max \[\d+, \d+\], default_grid \[\d+, \d+\], scaling_watershed 1$/m);
    expect(out).toMatch(/^ {2}attention +base_sequence_length /m);
    expect(out).toMatch(/^ {2}guidance_channels 3$/m);
    expect(out).toMatch(/^ {2}prompt +transformer\.prompt\.onnx {2}/m);
  });
});
