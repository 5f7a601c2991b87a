import { beforeAll, describe, expect, it } from 'vitest';
import type { OnnxDitModel } from '../../gpu-node/src/runtime/onnx-model';
import { SamplerConfigError } from '../../gpu-node/src/sampler/errors';
import type { SampleRequest } from '../../gpu-node/src/sampler/settings';
import { tokenMask } from '../../gpu-node/src/sampler/token-mask';
import { trajectoryBytes } from '../../gpu-node/src/sampler/trajectory';
import { loadTestModel } from '../helpers/models';
import { resolveAndSample } from '../helpers/sample';

let model: OnnxDitModel;
beforeAll(async () => {
  model = await loadTestModel();
});

const base: SampleRequest = { cond: [1], seeds: [42], steps: 10, guidance: 2, ras: { ratio: 0.5 }, record: {} };
/** Grid 4x6: the 2x3 block at rows 1–2, cols 1–3. */
const block = [7, 8, 9, 13, 14, 15];
const dim = () => model.card.token_dim;

function tokenDiff(a: Float32Array, b: Float32Array, j: number): number {
  let m = 0;
  for (let d = j * dim(); d < (j + 1) * dim(); d++) m = Math.max(m, Math.abs(a[d] - b[d]));
  return m;
}

describe('region edit', () => {
  it('leaves every token outside the region bit-identical and changes the region for a new seed', async () => {
    const first = await resolveAndSample(model, base);
    const region = tokenMask(24, block);
    const edit = await resolveAndSample(model, { ...base, seeds: [7], edit: { region } }, { base: first.trajectory! });
    for (let j = 0; j < 24; j++) {
      if (region[j]) expect(tokenDiff(edit.tokens, first.tokens, j), `token ${j}`).toBeGreaterThan(1e-3);
      else expect(tokenDiff(edit.tokens, first.tokens, j), `token ${j}`).toBe(0);
    }
  });

  it('changes the region for a new condition with the same seed', async () => {
    const first = await resolveAndSample(model, base);
    const region = tokenMask(24, block);
    const edit = await resolveAndSample(model, { ...base, cond: [3], edit: { region } }, { base: first.trajectory! });
    expect(Math.max(...block.map((j) => tokenDiff(edit.tokens, first.tokens, j)))).toBeGreaterThan(1e-3);
  });

  it('reproduces the image when the whole grid is re-sampled with the same recipe', async () => {
    const first = await resolveAndSample(model, base);
    const edit = await resolveAndSample(
      model,
      { ...base, edit: { region: new Uint8Array(24).fill(1) } },
      { base: first.trajectory! },
    );
    expect(edit.tokens).toEqual(first.tokens);
  });

  it('runs only the region tokens: its token count is the region share of the full run', async () => {
    const first = await resolveAndSample(model, base);
    const edit = await resolveAndSample(
      model,
      { ...base, seeds: [9], edit: { region: tokenMask(24, block) } },
      { base: first.trajectory! },
    );
    expect(edit.tokensRun / first.tokensRun).toBeCloseTo(6 / 24, 1);
  });

  it('edits from a trajectory that keeps K/V every 3rd step only, and keeps it smaller', async () => {
    const every = await resolveAndSample(model, base);
    const sparse = await resolveAndSample(model, { ...base, record: { kvEvery: 3 } });
    expect(sparse.trajectory!.k.map((k) => k !== null)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => i % 3 === 0));
    expect(trajectoryBytes(sparse.trajectory!)).toBeLessThan(trajectoryBytes(every.trajectory!) / 2);
    const region = tokenMask(24, block);
    const edit = await resolveAndSample(model, { ...base, seeds: [7], edit: { region } }, { base: sparse.trajectory! });
    expect(tokenDiff(edit.tokens, sparse.tokens, 0)).toBe(0);
    expect(edit.tokens.every(Number.isFinite)).toBe(true);
  });

  it('refuses an edit whose settings do not match its base, before any compute', async () => {
    const first = await resolveAndSample(model, base);
    const edit = { region: tokenMask(24, block) };
    const along = { base: first.trajectory! };
    const bad: [Partial<SampleRequest>, string][] = [
      [{ steps: 11 }, 'steps'],
      [{ guidance: 1 }, 'guidance'],
      [{ grid: [3, 8] }, 'grid'],
      [{ cond: [1, 2], seeds: [1, 2] }, 'edit'],
      [{ edit: { region: new Uint8Array(24) } }, 'edit.region'],
    ];
    for (const [patch, field] of bad) {
      await expect(resolveAndSample(model, { ...base, edit, ...patch }, along)).rejects.toMatchObject({ field });
      await expect(resolveAndSample(model, { ...base, edit, ...patch }, along)).rejects.toBeInstanceOf(
        SamplerConfigError,
      );
    }
  });
});
