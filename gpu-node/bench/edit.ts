/**
 * Edit: a region edit of 25% of the tokens vs the full generation it edits,
 * through the engine (sessions, trajectory cache), in one run; and the largest
 * pixel change outside the region (must be 0). Beside the measured ratio, its
 * ideal: the rows the transformer ran in the edit over those of the full run,
 * counting the text tokens an MMDiT runs beside the image at every step.
 */
import { dirname } from 'node:path';
import { createEngine } from '../src/engine/engine';
import { decodePng } from '../src/engine/images';
import type { GenerateParams } from '../src/engine/types';
import type { ModelCard } from '../src/sampler/model';
import { DIT_384, ensureBenchModel } from './bench-models';
import { EMBEDDED_MODEL } from './quality';
import { PROMPTED_MODEL } from './quality-section';

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

/** The prompted scenes model's edit: a scene, then its middle re-edited with a new prompt for the region. */
export const PROMPTED_EDIT = {
  prompt: 'a small red circle at the top left and a large blue square in the middle',
  region: 'a large green triangle in the middle',
};

/** On the embedded model (or the test model until it lands). */
export async function benchEdit(quick: boolean, log: (s: string) => void) {
  const engine = await createEngine();
  const names = (await engine.listModels()).map((m) => m.name);
  return measureEdit(engine, names.includes(EMBEDDED_MODEL) ? EMBEDDED_MODEL : 'test-tiny', quick ? 3 : 7, log);
}

/** The same on the prompted scenes model, once it is exported (docs/scenes.md), with a new prompt for the region. */
export async function benchEditPrompted(quick: boolean, log: (s: string) => void, modelsDir?: string) {
  const engine = await createEngine({ modelsDir });
  if (!(await engine.listModels()).some((m) => m.name === PROMPTED_MODEL)) {
    log(`edit: skipped: ${PROMPTED_MODEL} is not exported yet (docs/scenes.md)`);
    return { skipped: `${PROMPTED_MODEL} is not exported yet (docs/scenes.md)` };
  }
  const { prompt, region } = PROMPTED_EDIT;
  return measureEdit(engine, PROMPTED_MODEL, quick ? 3 : 7, log, { prompt }, { prompt: region });
}

/** The same on the random 384x12 DiT at 256 tokens, where time follows compute. */
export async function benchEditAtScale(log: (s: string) => void) {
  const engine = await createEngine({ modelsDir: dirname(dirname(ensureBenchModel(DIT_384))) });
  return measureEdit(engine, DIT_384.name, 3, log);
}

/**
 * Text tokens the transformer runs beside the image tokens at every step: an MMDiT's
 * joint text stream (SD3: every layer's text queries attend to the image, so they run
 * whatever the image subset); 0 where the text is only attended to (a class DiT, the
 * NextDiT family's text K/V computed once per prompt).
 */
export function jointTextTokens(card: ModelCard): number {
  return card.family === 'mmdit' && card.cond.kind === 'prompt' ? card.cond.text_tokens : 0;
}

/**
 * A 25% region edit against its full generation on `model`, conditioned on `cond`,
 * median of `repeats`; `editCond`: the region's new condition (a new prompt for it).
 */
export async function measureEdit(
  engine: Awaited<ReturnType<typeof createEngine>>,
  model: string,
  repeats: number,
  log: (s: string) => void,
  cond: GenerateParams['cond'] = 1,
  editCond?: GenerateParams['cond'],
) {
  const info = (await engine.listModels()).find((m) => m.name === model)!;
  const text = jointTextTokens((await engine.pipeline(model)).card);
  /** Transformer rows per image over a run: its image tokens run plus the text stream at every step. */
  const rows = (r: { tokensRun: number; timings: { stepMs: number[] } }) =>
    r.tokensRun + text * r.timings.stepMs.length;
  const params: GenerateParams = { model, cond, seed: 5 };
  // A centred rectangle of half the width and half the height: 25% of the tokens, margin 0.
  const rect = { x: info.width / 4, y: info.height / 4, width: info.width / 2, height: info.height / 2 };
  await engine.generate({ ...params, steps: 2 }); // warm-up
  const full: number[] = [];
  const edit: number[] = [];
  const fullCpu: number[] = [];
  const editCpu: number[] = [];
  let outside = 0;
  let fraction = 0;
  let ideal = 0;
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const c = process.cpuUsage(since);
    return (c.user + c.system) / 1000;
  };
  for (let rep = 0; rep < repeats; rep++) {
    let [t, c] = [performance.now(), process.cpuUsage()];
    const first = await engine.generate({ ...params, seed: 5 + rep });
    full.push(performance.now() - t);
    fullCpu.push(cpuMs(c));
    [t, c] = [performance.now(), process.cpuUsage()];
    const edited = await engine.edit({
      sessionId: first.sessionId,
      rects: [rect],
      margin: 0,
      seed: 100 + rep,
      ...(editCond === undefined ? {} : { cond: editCond }),
    });
    edit.push(performance.now() - t);
    editCpu.push(cpuMs(c));
    outside = Math.max(outside, maxOutsideDiff(first.png, edited.png, snapped(rect, info.patch)));
    fraction = edited.tokensRun / first.tokensRun;
    ideal = rows(edited) / rows(first);
  }
  const row = {
    model,
    tokens: (info.width / info.patch) * (info.height / info.patch),
    region_fraction: 0.25,
    tokens_run_fraction: Math.round(fraction * 1000) / 1000,
    /** Text tokens run beside the image at every step (an MMDiT's joint stream; 0 otherwise). */
    text_tokens: text,
    /** The edit's transformer rows (image tokens run + text tokens at every step) over the full run's: the ratio's floor by compute. */
    ideal_ratio: Math.round(ideal * 1000) / 1000,
    full_ms: Math.round(median(full) * 10) / 10,
    edit_ms: Math.round(median(edit) * 10) / 10,
    ratio: Math.round((median(edit) / median(full)) * 1000) / 1000,
    /** The same in the process's CPU time: what the work costs, whatever else the machine runs. */
    cpu_ratio: Math.round((median(editCpu) / median(fullCpu)) * 1000) / 1000,
    outside_max_abs_diff: outside,
    repeats: full.length,
  };
  log(
    `edit on ${model}: ${row.edit_ms} ms vs full ${row.full_ms} ms (ratio ${row.ratio}, in CPU time ${row.cpu_ratio}; ideal ${row.ideal_ratio}), outside diff ${outside}`,
  );
  return row;
}

/** The rectangle grown to whole tokens: what an edit with margin 0 re-samples. */
function snapped(r: { x: number; y: number; width: number; height: number }, p: number) {
  const x = Math.floor(r.x / p) * p;
  const y = Math.floor(r.y / p) * p;
  return { x, y, width: Math.ceil((r.x + r.width) / p) * p - x, height: Math.ceil((r.y + r.height) / p) * p - y };
}

function maxOutsideDiff(
  a: Uint8Array,
  b: Uint8Array,
  r: { x: number; y: number; width: number; height: number },
): number {
  const x = decodePng(a);
  const y = decodePng(b);
  let worst = 0;
  for (let py = 0; py < x.height; py++) {
    for (let px = 0; px < x.width; px++) {
      if (px >= r.x && px < r.x + r.width && py >= r.y && py < r.y + r.height) continue;
      for (let c = 0; c < 4; c++) {
        const k = (py * x.width + px) * 4 + c;
        worst = Math.max(worst, Math.abs(x.data[k] - y.data[k]));
      }
    }
  }
  return worst;
}
