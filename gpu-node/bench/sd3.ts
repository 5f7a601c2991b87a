/**
 * SD3 on the CPU (issue 18's CPU targets), on a random miniature-width SD3 converted from a
 * diffusers checkpoint (bench-models.ts): the transformer's step at 1024 latent tokens beside
 * SD3's 333 text tokens, dense against RAS r = 0.5 / 0.25, each against its ideal (N + T) / (n + T)
 * (the text stream runs every step); and a latent region edit of 25% of the tokens against the full
 * generation it edits, through the engine (text encoders, VAE decoder, compositing), with the
 * largest pixel change outside the re-sampled tokens. Ratios measured in one run; no time asserted.
 */
import { dirname } from 'node:path';
import { createEngine } from '../src/engine/engine';
import { OnnxDitModel } from '../src/runtime/onnx-model';
import { type StepEvent, sample } from '../src/sampler/sampler';
import { resolveRequest } from '../src/sampler/settings';
import { ensureSd3BenchModel } from './bench-models';
import { measureEdit } from './edit';
import { randomPromptConditioning, SD3_TEXT } from './prompt-cond';

export async function benchSd3(quick: boolean, log: (s: string) => void) {
  const dir = ensureSd3BenchModel();
  const model = await OnnxDitModel.load(`${dir}/model.json`);
  try {
    const steps = quick ? 8 : 28;
    const rows = await stepRows(model, steps, quick ? [0.25] : [0.5, 0.25], log);
    const engine = await createEngine({ modelsDir: dirname(dir) });
    const edit = await measureEdit(engine, 'sd3-w256', quick ? 2 : 5, log, { prompt: 'a photo of a red cat' });
    return {
      model: 'sd3-w256 random (width 256, 4 layers), CPU provider',
      steps,
      text_tokens: SD3_TEXT,
      step: rows,
      edit,
    };
  } finally {
    await model.dispose();
  }
}

const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / Math.max(1, v.length);
const r3 = (v: number) => Math.round(v * 1000) / 1000;

/** Mean model time of a dense step (from the dense run) against a RAS step of each ratio. */
async function stepRows(model: OnnxDitModel, steps: number, ratios: number[], log: (s: string) => void) {
  const base = { conditioning: randomPromptConditioning(model), seeds: [3], steps, guidance: 7 };
  const run = async (ras: Record<string, unknown>) => {
    const events: StepEvent[] = [];
    await sample(model, resolveRequest(model.card, { ...base, ras }), { onStep: (e) => events.push(e) });
    return events;
  };
  await run({ policy: 'dense' }); // warm-up: first runs allocate
  const dense = mean((await run({ policy: 'dense' })).map((e) => e.timings.modelMs));
  const N = model.card.grid.default[0] * model.card.grid.default[1];
  const rows = [];
  for (const ratio of ratios) {
    const events = (await run({ policy: 'std', ratio })).filter((e) => e.kind === 'ras');
    const n = mean(events.map((e) => e.tokensRun));
    const ras = mean(events.map((e) => e.timings.modelMs));
    const ideal = (N + SD3_TEXT) / (n + SD3_TEXT);
    const row = {
      ratio,
      image_tokens: N,
      tokens_run: n,
      dense_step_ms: r3(dense),
      ras_step_ms: r3(ras),
      speedup: r3(dense / ras),
      ideal_speedup: r3(ideal),
      of_ideal: r3(dense / ras / ideal),
    };
    log(`sd3 step r=${ratio}: ${row.speedup}x of ideal ${row.ideal_speedup}x (${Math.round(row.of_ideal * 100)}%)`);
    rows.push(row);
  }
  return rows;
}
