/**
 * `model forward` on the committed test-mmdit: diffusers-named NCHW inputs
 * built from a dense golden case give the golden velocity, through the
 * function and through the CLI process; bad inputs are refused by name.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../edge/scripts/processes';
import { forward } from '../../gpu-node/model-tool/forward';
import { patchify, unpatchify } from '../../gpu-node/model-tool/latents';
import { readSafetensors, type Tensor, writeSafetensors } from '../../gpu-node/model-tool/safetensors';
import { type FloatDtype, fromFloat32, toFloat32 } from '../../gpu-node/model-tool/tensor-values';
import { MODELS_DIR } from '../../gpu-node/src/runtime/registry';
import { tokensToImage } from '../../gpu-node/src/sampler/tokens';
import { MMDIT_DIR, mmditGolden, worstDiff } from '../helpers/mmdit';

const golden = mmditGolden();
const dense = golden.transformer.find((c) => c.name === 'dense_b1')!;
const [P, C] = [4, 3]; // test-mmdit's patch and channels
const [GH, GW] = [4, 4]; // dense_b1 runs a 4×4 grid (grid_w 4, 16 tokens)
const scratch = mkdtempSync(join(tmpdir(), 'ras-model-forward-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const shape = { batch: 1, channels: C, height: GH * P, width: GW * P, patch: P };
const f32 = (name: string) => Float32Array.from(dense.inputs[name].data);

/** dense_b1 as diffusers names its inputs, latents NCHW; `edit` changes tensors before writing. */
async function inputsFile(
  file: string,
  dtype: FloatDtype = 'F32',
  edit: (t: Record<string, Tensor>) => void = () => {},
) {
  const t: Record<string, Tensor> = {
    hidden_states: fromFloat32(unpatchify(f32('x'), shape), [1, C, GH * P, GW * P], dtype),
    encoder_hidden_states: fromFloat32(f32('encoder_hidden_states'), dense.inputs.encoder_hidden_states.dims, dtype),
    pooled_projections: fromFloat32(f32('pooled_projections'), dense.inputs.pooled_projections.dims, dtype),
    timestep: fromFloat32(f32('timestep'), [1], dtype),
  };
  edit(t);
  const path = join(scratch, file);
  await writeSafetensors(path, t);
  return path;
}

/** The written `sample` back as tokens [B, N, p·p·C], to compare with the golden `v`. */
async function sampleTokens(out: string, batch = 1): Promise<Float32Array> {
  const sample = (await readSafetensors(out)).tensors.get('sample')!;
  expect(sample.dtype).toBe('F32');
  expect(sample.shape).toEqual([batch, C, GH * P, GW * P]);
  return patchify(toFloat32(sample, 'sample'), { ...shape, batch });
}

describe('model forward on test-mmdit', () => {
  it.each(['unfused', 'fused'] as const)('matches the PyTorch golden velocity on the %s graph', async (attention) => {
    const out = join(scratch, `${attention}.safetensors`);
    const r = await forward(MMDIT_DIR, { inputs: await inputsFile('in.safetensors'), out, attention, threads: 1 });
    expect(r.shape).toEqual([1, C, GH * P, GW * P]);
    expect(worstDiff(await sampleTokens(out), dense.outputs.v.data)).toBeLessThanOrEqual(golden.tolerance);
  });

  it('broadcasts a timestep of shape [1] over a batch of two', async () => {
    const twice = (t: Tensor): Tensor => ({
      ...t,
      shape: [2, ...t.shape.slice(1)],
      data: Buffer.concat([t.data, t.data]),
    });
    const inputs = await inputsFile('b2.safetensors', 'F32', (t) => {
      for (const name of ['hidden_states', 'encoder_hidden_states', 'pooled_projections']) t[name] = twice(t[name]);
    });
    const out = join(scratch, 'b2-out.safetensors');
    await forward(MMDIT_DIR, { inputs, out, attention: 'unfused', threads: 1 });
    const v = await sampleTokens(out, 2);
    const want = [...dense.outputs.v.data, ...dense.outputs.v.data];
    expect(worstDiff(v, want)).toBeLessThanOrEqual(golden.tolerance);
  });

  it('accepts F16 and BF16 inputs, converted to float32 (their rounding moves the output a little)', async () => {
    for (const dtype of ['F16', 'BF16'] as const) {
      const out = join(scratch, `${dtype}-out.safetensors`);
      await forward(MMDIT_DIR, {
        inputs: await inputsFile(`${dtype}.safetensors`, dtype),
        out,
        attention: 'unfused',
        threads: 1,
      });
      const diff = worstDiff(await sampleTokens(out), dense.outputs.v.data);
      expect(diff, dtype).toBeGreaterThan(0);
      expect(diff, dtype).toBeLessThan(dtype === 'F16' ? 0.01 : 0.1);
    }
  });
});

describe('the latent layout', () => {
  it("unpatchifies tokens to the pixels the node's own tokensToImage draws from them", () => {
    const card = { patch: P, channels: C, token_dim: P * P * C, preview: { kind: 'rgb', scale: 0.5, offset: 0.5 } };
    const [gh, gw] = [2, 3]; // non-square, so rows and columns cannot be swapped unnoticed
    const tokens = Float32Array.from({ length: gh * gw * P * P * C }, (_, i) => Math.sin(i * 0.37));
    const latents = unpatchify(tokens, { batch: 1, channels: C, height: gh * P, width: gw * P, patch: P });
    const image = tokensToImage(card as never, [gh, gw], tokens, 0);
    for (let y = 0; y < gh * P; y++)
      for (let x = 0; x < gw * P; x++)
        for (let c = 0; c < C; c++) {
          const value = latents[(c * gh * P + y) * gw * P + x];
          expect(image.data[(y * gw * P + x) * 4 + c]).toBe(Math.round((value * 0.5 + 0.5) * 255));
        }
    expect(patchify(latents, { batch: 1, channels: C, height: gh * P, width: gw * P, patch: P })).toEqual(tokens);
  });
});

/** tsx's loader by path, as the other CLI tests run theirs. */
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

/** `npm run -s model -- ARGS` as a child process: its exit code and output. */
function model(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', TSX, join(ROOT, 'gpu-node/model-tool/main.ts'), ...args], {
    cwd: scratch,
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (b) => (out.stdout += b));
  child.stderr.on('data', (b) => (out.stderr += b));
  return new Promise((done) => child.on('close', (code) => done({ code, ...out })));
}

describe('the model CLI', () => {
  it('runs forward as a process and writes the golden velocity', async () => {
    const out = join(scratch, 'cli-out.safetensors');
    const r = await model([
      'forward',
      MMDIT_DIR,
      '--inputs',
      await inputsFile('cli.safetensors'),
      '--out',
      out,
      '--threads',
      '1',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^wrote .*cli-out\.safetensors: sample \[1, 3, 16, 16\] F32 \(transformer\.onnx, CPU, \d+ ms\)\n$/,
    );
    expect(worstDiff(await sampleTokens(out), dense.outputs.v.data)).toBeLessThanOrEqual(golden.tolerance);
  });

  it('refuses a file without hidden_states in one line, naming it, with a non-zero exit', async () => {
    const inputs = await inputsFile('no-hidden.safetensors', 'F32', (t) => delete t.hidden_states);
    const r = await model(['forward', MMDIT_DIR, '--inputs', inputs, '--out', join(scratch, 'never.safetensors')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^model: .*no-hidden\.safetensors: no tensor "hidden_states"; expected \[B, 3, H, W\]/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('model forward refuses bad inputs by name, with the shape the card expects', () => {
  const run = async (edit: (t: Record<string, Tensor>) => void) =>
    forward(MMDIT_DIR, {
      inputs: await inputsFile('bad.safetensors', 'F32', edit),
      out: join(scratch, 'bad-out.safetensors'),
      attention: 'unfused',
      threads: 1,
    });
  const zeros = (dtype: Tensor['dtype'], shape: number[], item = 4): Tensor => ({
    dtype,
    shape,
    data: new Uint8Array(shape.reduce((a, b) => a * b, 1) * item),
  });

  it.each([
    [
      'hidden_states with 4 channels',
      (t: Record<string, Tensor>) => (t.hidden_states = zeros('F32', [1, 4, 16, 16])),
      /^hidden_states: expected \[B, 3, H, W\] .* multiples of the patch 4.*got \[1, 4, 16, 16\]/,
    ],
    [
      'H not a multiple of the patch',
      (t: Record<string, Tensor>) => (t.hidden_states = zeros('F32', [1, 3, 18, 16])),
      /^hidden_states: expected .*H in 4\.\.64, W in 4\.\.64, got \[1, 3, 18, 16\]/,
    ],
    [
      "a grid past the card's max",
      (t: Record<string, Tensor>) => (t.hidden_states = zeros('F32', [1, 3, 68, 16])),
      /^hidden_states: a 17×4 token grid is outside the card's 1×1 to 16×16/,
    ],
    [
      "T other than the card's text_tokens",
      (t: Record<string, Tensor>) => (t.encoder_hidden_states = zeros('F32', [1, 41, 32])),
      /^encoder_hidden_states: expected \[B, 40, 32\] .* with B = 1, got \[1, 41, 32\]/,
    ],
    [
      'a pooled vector of the wrong width',
      (t: Record<string, Tensor>) => (t.pooled_projections = zeros('F32', [1, 33])),
      /^pooled_projections: expected \[B, 32\]/,
    ],
    [
      'a timestep per row of another batch',
      (t: Record<string, Tensor>) => (t.timestep = zeros('F32', [2])),
      /^timestep: expected \[B\] or \[1\]/,
    ],
    [
      'an integer timestep',
      (t: Record<string, Tensor>) => (t.timestep = zeros('I64', [1], 8)),
      /^timestep: dtype I64 is not accepted; give F32, F16, BF16/,
    ],
    [
      'a missing pooled_projections',
      (t: Record<string, Tensor>) => delete t.pooled_projections,
      /bad\.safetensors: no tensor "pooled_projections"; expected \[B, 32\]/,
    ],
  ])('%s', async (_what, edit, message) => {
    await expect(run(edit)).rejects.toThrow(message);
  });

  it('refuses a class-conditional model: forward is for prompted (ras-ready/3) ones', async () => {
    const inputs = await inputsFile('dit.safetensors');
    await expect(
      forward(join(MODELS_DIR, 'test-tiny'), {
        inputs,
        out: join(scratch, 'x.safetensors'),
        attention: 'unfused',
        threads: 1,
      }),
    ).rejects.toThrow(/model test-tiny is class-conditional .*forward takes a prompted ras-ready\/3 model/);
  });
});
