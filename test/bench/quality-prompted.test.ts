import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchPromptedQuality } from '../../gpu-node/bench/quality-prompted';
import { benchQualitySection, PROMPTED_MODEL } from '../../gpu-node/bench/quality-section';
import { PipelineRegistry } from '../../gpu-node/src/pipelines/registry';
import { MODELS_DIR } from '../../gpu-node/src/runtime/registry';
import { copyPromptedModel, MMDIT_DIR } from '../helpers/mmdit';

describe('the prompted quality rows', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'quality-prompted-'));
  const out = join(tmp, 'out');
  const logged: string[] = [];
  let report: Record<string, unknown>;

  beforeAll(async () => {
    mkdirSync(out);
    copyPromptedModel(join(tmp, 'models'), PROMPTED_MODEL); // a models root whose scenes-sd3 is the tiny random prompted model
    const opts = { root: join(tmp, 'models'), prompted: { captions: 4, shown: 2 } };
    report = await benchQualitySection(true, out, (s) => logged.push(s), opts);
  }, 120_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  type Prompted = Awaited<ReturnType<typeof benchPromptedQuality>>;
  const prompted = () => (report.quality_prompted as Record<string, Prompted>)[PROMPTED_MODEL];

  it("runs the issue's rows for scenes-sd3, chosen by its prompted card, with the model named in each", () => {
    const rows = prompted().rows;
    const ras25 = rows.find((r) => r.name === 'RAS std r=0.25')!;
    const n = Math.round(ras25.tokens_per_image / 256);
    expect(rows.map((r) => r.name)).toEqual([
      'dense 28',
      'RAS std r=0.5',
      'RAS std r=0.25',
      'RAS l2norm r=0.25',
      'random r=0.25',
      `dense ${n} (equal compute)`,
    ]);
    expect(n).toBeLessThan(28);
    expect(rows[5].tokens_per_image).toBe(n * 256);
    for (const r of rows) {
      expect(r.model).toBe(PROMPTED_MODEL);
      // Random weights draw noise: no caption is right, and the features sit far from real scenes'.
      expect(r.prompt_acc).toBe(0);
      expect(r.fd).toBeGreaterThan(10);
    }
  });

  it('measures RAS rows against the dense row, with fewer tokens run and a lower PSNR than the reference itself', () => {
    const [dense, r50, r25] = prompted().rows;
    expect(dense.tokens_per_image).toBe(28 * 256);
    expect(r50.tokens_per_image).toBeLessThan(dense.tokens_per_image);
    expect(r25.tokens_per_image).toBeLessThan(r50.tokens_per_image);
    expect(dense.psnr_vs_ref).toBe(100);
    expect(r25.psnr_vs_ref).toBeLessThan(100);
  });

  it('reports focus on the named cells for the three RAS rows, and attribute confusions for every row', () => {
    const p = prompted();
    expect(Object.keys(p.focus)).toEqual(['RAS std r=0.5', 'RAS std r=0.25', 'RAS l2norm r=0.25']);
    for (const f of Object.values(p.focus)) {
      expect(f.images).toBe(2);
      for (const v of [f.object_cells, f.empty_cells]) expect(v > 0 && v <= 1).toBe(true);
    }
    const shape = p.confusion['dense 28'].shape;
    expect(shape.values).toEqual(['circle', 'square', 'triangle', 'cross']);
    const named = p.dense_cell_confusion
      .slice(1)
      .flat()
      .reduce((a: number, b: number) => a + b, 0);
    expect(shape.matrix.flat().reduce((a: number, b: number) => a + b, 0)).toBe(named);
    expect(named).toBeGreaterThanOrEqual(4); // every caption names at least one object
    expect(p.dense_cell_confusion.flat().reduce((a: number, b: number) => a + b, 0)).toBe(4 * 9);
  });

  it("writes a captioned sample grid, focus maps, each step's selection and a plot", () => {
    expect(prompted().pictures).toHaveLength(4);
    for (const f of prompted().pictures) expect(existsSync(join(out, f))).toBe(true);
    const grid = readFileSync(join(out, `quality-${PROMPTED_MODEL}-grid.svg`), 'utf8');
    const caption = JSON.parse(readFileSync(join(MODELS_DIR, 'scene-evaluator/heldout-captions.json'), 'utf8'))
      .captions[0];
    expect(grid).toContain(`1. ${caption}`);
    expect(grid).toContain('RAS l2norm r=0.25');
  });

  it('skips the class model the temporary root does not hold, saying so', () => {
    expect(report.quality_setup).toEqual({ skipped: 'no shapes-dit model committed yet' });
  });
});

describe('the quality section without an exported scenes model', () => {
  it('says scenes-sd3 is not exported yet where its directory has no model.json', async () => {
    const root = mkdtempSync(join(tmpdir(), 'quality-skip-'));
    mkdirSync(join(root, PROMPTED_MODEL));
    copyFileSync(join(MMDIT_DIR, 'tokenizer.json'), join(root, PROMPTED_MODEL, 'tokenizer.json'));
    const logged: string[] = [];
    const report = await benchQualitySection(true, root, (s) => logged.push(s), { root, model: PROMPTED_MODEL });
    expect(logged).toEqual(['quality: skipped: scenes-sd3 is not exported yet (docs/scenes.md)']);
    expect(report).toEqual({
      quality_prompted: { [PROMPTED_MODEL]: { skipped: 'scenes-sd3 is not exported yet (docs/scenes.md)' } },
    });
    await expect(benchQualitySection(true, root, () => {}, { root, model: 'nope' })).rejects.toThrow(
      /--model: unknown model "nope"/,
    );
    rmSync(root, { recursive: true, force: true });
  });

  it('refuses a class model for the prompted rows, naming what they need', async () => {
    const registry = await PipelineRegistry.scan();
    const tiny = await registry.get('test-tiny');
    await expect(benchPromptedQuality(tiny, true, tmpdir(), () => {})).rejects.toThrow(/a prompted model/);
  });
});
