/**
 * Quality of a prompted pixel-space model (issue 19, item 6): shapes-dit's comparison with
 * captions for classes, on the held-out captions committed beside the scene evaluator, the
 * same seeds for every row: dense at the recommended steps (the reference), RAS std at
 * r = 0.5 and 0.25, RAS l2norm and random at r = 0.25, and dense with fewer steps at the
 * compute of RAS std r = 0.25. Each row: prompt accuracy (scene-accuracy.ts), Fréchet
 * distance to the real renders of the same captions, PSNR against the dense row. Pictures:
 * a captioned sample grid and focus maps of the RAS rows (focus.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { featureStats, frechetDistance, type GaussianFit } from '../src/eval/frechet';
import { loadHeldoutCaptions } from '../src/eval/heldout-captions';
import { tokensToNchw } from '../src/eval/nchw';
import { meanPsnr } from '../src/eval/psnr';
import { loadRealStats } from '../src/eval/real-stats';
import { type SceneScore, scoreScenes } from '../src/eval/scene-accuracy';
import { SCENE_EVALUATOR_DIR, SceneEvaluator } from '../src/eval/scene-evaluator';
import type { Pipeline } from '../src/pipelines/pipeline';
import { MAX_BATCH } from '../src/sampler/settings';
import type { RgbImage } from '../src/sampler/tokens';
import { focusImage, focusOnObjects, maskImage, tokenCells } from './focus';
import { captionedGrid, qualityPlot } from './pictures';
import { checkModel, equalComputeSteps, promptedSettings, type Setting, sampleAll } from './prompted-runs';

export interface PromptedRow {
  model: string;
  name: string;
  policy: string;
  steps: number;
  ratio: number;
  ms: number;
  tokens_per_image: number;
  prompt_acc: number;
  object_acc: number;
  shape_acc: number;
  colour_acc: number;
  size_acc: number;
  empty_cell_acc: number;
  fd: number;
  psnr_vs_ref: number;
}

export interface PromptedOptions {
  /** Held-out captions sampled (the first of heldout-captions.json); default 32 quick, all (256) otherwise. */
  captions?: number;
  evaluatorDir?: string;
  /** Captions shown in the grid and given focus maps (at most 16, the first batch; default 8). */
  shown?: number;
}

const round = (v: number, places: number) => Math.round(v * 10 ** places) / 10 ** places;

/** What every row is measured with. */
interface Bench {
  pipeline: Pipeline;
  evaluator: SceneEvaluator;
  real: GaussianFit;
  captions: string[];
  labels: number[][];
  shown: number;
  /** The scene cell of each token. */
  cells: Int32Array;
}

/** One row: sampled, read, scored; with its shown images and, for a focus row, their focus maps. */
async function measure(b: Bench, s: Setting, ref: Float32Array | null) {
  const { card } = b.pipeline;
  const grid = card.grid.default;
  const count = b.captions.length;
  const out = await sampleAll(b.pipeline, b.captions, s, b.shown);
  const images = tokensToNchw(out.tokens, count, { grid, patch: card.patch, channels: card.channels });
  const read = await b.evaluator.read(images, count);
  const score = scoreScenes(read.predicted, b.labels.flat(), read.cells, b.evaluator.classes);
  const fit = featureStats(read.features, count, read.featureDim);
  const row: PromptedRow = {
    model: card.name,
    name: s.name,
    policy: s.ras.policy ?? 'std',
    steps: s.steps,
    ratio: s.ras.policy === 'dense' ? 1 : (s.ras.ratio as number),
    ms: Math.round(out.ms),
    tokens_per_image: out.tokensRun,
    prompt_acc: round(score.prompt_acc, 4),
    object_acc: round(score.object_acc, 4),
    shape_acc: round(score.shape_acc, 4),
    colour_acc: round(score.colour_acc, 4),
    size_acc: round(score.size_acc, 4),
    empty_cell_acc: round(score.empty_cell_acc, 4),
    fd: round(frechetDistance(fit, b.real), 3),
    psnr_vs_ref: round(meanPsnr(images, ref ?? images, count), 2),
  };
  const shown = await Promise.all(b.captions.slice(0, b.shown).map((_, i) => b.pipeline.decode(grid, out.tokens, i)));
  const maps = s.focus ? shown.map((_, i) => out.focus.focus(i)) : [];
  const perStep = s.focus ? [shown[0], ...out.focus.firstImageSteps.map((m) => maskImage(m, grid, card.patch))] : [];
  return { row, score, images, shown, maps, perStep };
}

/** Mean focus on the named cells' tokens and on the others', over the shown images. */
function focusSummary(b: Bench, maps: Float64Array[]) {
  const on = maps.map((f, i) => focusOnObjects(f, b.cells, b.labels[i]));
  const mean = (k: 'object_cells' | 'empty_cells') => round(on.reduce((a, o) => a + o[k], 0) / on.length, 4);
  return { object_cells: mean('object_cells'), empty_cells: mean('empty_cells'), images: maps.length };
}

/** Loads the evaluator's files and checks the captions against `pipeline`'s vocabulary. */
async function prepare(pipeline: Pipeline, quick: boolean, opts: PromptedOptions) {
  checkModel(pipeline);
  const dir = opts.evaluatorDir ?? SCENE_EVALUATOR_DIR;
  const heldout = await loadHeldoutCaptions(dir);
  const count = Math.min(opts.captions ?? (quick ? 32 : heldout.captions.length), heldout.captions.length);
  const captions = heldout.captions.slice(0, count);
  for (const [i, c] of captions.entries()) pipeline.condition(`captions[${i}]`, { prompt: c }); // unknown words first
  await sampleAll(pipeline, captions.slice(0, 1), { name: 'warm-up', steps: 1, ras: { policy: 'dense' } }, 0);
  const evaluator = await SceneEvaluator.load(dir);
  const bench: Bench = {
    pipeline,
    evaluator,
    real: await loadRealStats(dir),
    captions,
    labels: heldout.labels.slice(0, count),
    shown: Math.min(opts.shown ?? 8, count, MAX_BATCH), // focus maps come from the first batch
    cells: tokenCells(pipeline.card.grid.default, evaluator.card.cells.grid),
  };
  return { bench, dir, recipe: heldout.recipe };
}

/** The prompted rows of `pipeline`'s model; writes a captioned grid, focus maps and a plot to `outDir`. */
export async function benchPromptedQuality(
  pipeline: Pipeline,
  quick: boolean,
  outDir: string,
  log: (s: string) => void,
  opts: PromptedOptions = {},
) {
  const { bench: b, dir, recipe } = await prepare(pipeline, quick, opts);
  const { card } = pipeline;
  const rows: PromptedRow[] = [];
  const confusion: Record<string, SceneScore['attribute_confusion']> = {};
  const focus: Record<string, ReturnType<typeof focusSummary>> = {};
  const [grid, focusRows, stepRows]: RgbImage[][][] = [[], [], []];
  let ref: Float32Array | null = null;
  let denseCells: number[][] = [];
  try {
    const run = async (s: Setting) => {
      const m = await measure(b, s, ref);
      ref ??= m.images;
      if (rows.length === 0) denseCells = m.score.confusion;
      rows.push(m.row);
      confusion[s.name] = m.score.attribute_confusion;
      grid.push(m.shown);
      if (s.focus) {
        focus[s.name] = focusSummary(b, m.maps);
        focusRows.push(m.shown.flatMap((img, i) => [img, focusImage(m.maps[i], card.grid.default, card.patch)]));
        stepRows.push(m.perStep);
      }
      log(`quality ${card.name} ${s.name}: prompt acc ${m.row.prompt_acc} fd ${m.row.fd} psnr ${m.row.psnr_vs_ref}`);
    };
    for (const s of promptedSettings(card.recommended.steps)) await run(s);
    const ras25 = rows.find((r) => r.name === 'RAS std r=0.25')!;
    const eqSteps = equalComputeSteps(ras25.tokens_per_image, b.cells.length);
    await run({ name: `dense ${eqSteps} (equal compute)`, steps: eqSteps, ras: { policy: 'dense' } });
  } finally {
    await b.evaluator.dispose();
  }
  const pictures = writePictures(outDir, card.name, rows, { grid, focusRows, stepRows }, Object.keys(focus), b);
  return {
    model: card.name,
    captions: { count: b.captions.length, recipe },
    seeds: '1000 + caption index, the same in every row',
    guidance: card.recommended.guidance,
    evaluator: { dir, prompt_acc_on_real_renders_of_these_captions: b.evaluator.card.heldout.prompt_acc },
    rows,
    /** Per row, each attribute's confusion at the named cells (rows true, columns read, then "empty"). */
    confusion,
    /** The dense row's 33×33 cell confusion (rows true, columns read). */
    dense_cell_confusion: denseCells,
    /** Per RAS row, the mean share of RAS steps a token ran in, on the named cells' tokens and on the others'. */
    focus,
    pictures: await pictures,
  };
}

async function writePictures(
  outDir: string,
  model: string,
  rows: PromptedRow[],
  pictures: { grid: RgbImage[][]; focusRows: RgbImage[][]; stepRows: RgbImage[][] },
  focusNames: string[],
  b: Bench,
): Promise<string[]> {
  const { grid, focusRows, stepRows } = pictures;
  const slug = model.replace(/[^\w.-]/g, '_');
  const names = ['grid', 'focus', 'steps', 'vs-time'].map((n) => `quality-${slug}-${n}.svg`);
  const shown = b.captions.slice(0, b.shown);
  const rowNames = rows.map((r) => r.name);
  writeFileSync(join(outDir, names[0]), captionedGrid(grid, rowNames, shown));
  const focusLabels = focusNames.map((n) => `${n}: image, focus / its max`);
  writeFileSync(join(outDir, names[1]), captionedGrid(focusRows, focusLabels, shown, 2));
  const stepLabels = focusNames.map((n) => `${n}: image 1, then each step's tokens`);
  writeFileSync(join(outDir, names[2]), captionedGrid(stepRows, stepLabels, shown.slice(0, 1), stepRows[0]?.length, 1));
  writeFileSync(join(outDir, names[3]), await qualityPlot(rows));
  return names;
}
