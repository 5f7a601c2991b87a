/**
 * How the prompted quality rows sample (quality-prompted.ts measures): the settings the issue
 * lists, the held-out captions through the model's pipeline in batches with the same seeds in
 * every row, and which models the rows can measure.
 */
import type { Pipeline } from '../src/pipelines/pipeline';
import { type StepEvent, sample } from '../src/sampler/sampler';
import { MAX_BATCH, type RasSettings, resolveRequest } from '../src/sampler/settings';
import { FocusCounter } from './focus';

/** One row's sampling. */
export interface Setting {
  name: string;
  steps: number;
  ras: Partial<RasSettings>;
  /** Keep focus maps of this row. */
  focus?: boolean;
}

/** The rows the issue lists, at `steps` (the dense N row follows from RAS std r=0.25's compute). */
export function promptedSettings(steps: number): Setting[] {
  return [
    { name: `dense ${steps}`, steps, ras: { policy: 'dense' } },
    { name: 'RAS std r=0.5', steps, ras: { policy: 'std', ratio: 0.5 }, focus: true },
    { name: 'RAS std r=0.25', steps, ras: { policy: 'std', ratio: 0.25 }, focus: true },
    { name: 'RAS l2norm r=0.25', steps, ras: { policy: 'l2norm', ratio: 0.25 }, focus: true },
    { name: 'random r=0.25', steps, ras: { policy: 'random', ratio: 0.25 } },
  ];
}

/** Dense steps whose token-steps match a RAS row's (`tokensPerImage` over all its steps). */
export function equalComputeSteps(tokensPerImage: number, tokens: number): number {
  return Math.max(1, Math.round(tokensPerImage / tokens));
}

/**
 * Samples every caption under `s` (seeds 1000 + i), batches of MAX_BATCH; focus of the first
 * `shown`. `ms` is the sampler's time alone: the prompts' encoding (a pipeline keeps 256
 * prompts, fewer than the captions and the negative) would otherwise count in some rows only.
 */
export async function sampleAll(pipeline: Pipeline, captions: string[], s: Setting, shown: number) {
  const { card } = pipeline;
  const [rows, cols] = card.grid.default;
  const perImage = rows * cols * card.token_dim;
  const tokens = new Float32Array(captions.length * perImage);
  const focus = new FocusCounter(Math.min(shown, MAX_BATCH, captions.length), rows * cols);
  let [tokensRun, ms] = [0, 0];
  for (let at = 0; at < captions.length; at += MAX_BATCH) {
    const batch = captions.slice(at, at + MAX_BATCH);
    const conditioning = await pipeline.conditioning(
      batch.map((prompt) => ({ prompt })),
      pipeline.negative,
    );
    const seeds = batch.map((_, i) => 1000 + at + i);
    const { guidance } = card.recommended;
    const r = resolveRequest(card, { conditioning, seeds, steps: s.steps, guidance, ras: s.ras });
    const onStep = at === 0 ? (e: StepEvent) => focus.add(e) : undefined;
    const t0 = performance.now();
    const res = await sample(pipeline.transformer, r, { onStep });
    ms += performance.now() - t0;
    tokens.set(res.tokens, at * perImage);
    tokensRun = res.tokensRun;
  }
  return { tokens, ms, tokensRun, focus };
}

/** Refuses a model the scene evaluator cannot read: prompted, pixel space, 64×64 RGB. */
export function checkModel(pipeline: Pipeline): void {
  const { card } = pipeline;
  const [rows, cols] = card.grid.default;
  const what = `model ${card.name}: the prompted quality rows need`;
  if (card.cond.kind !== 'prompt') throw new Error(`${what} a prompted model (cond.kind "prompt")`);
  if (pipeline.stages.decoder !== null) throw new Error(`${what} pixel space (no decoder stage)`);
  if (card.channels !== 3 || rows * card.patch !== 64 || cols * card.patch !== 64)
    throw new Error(`${what} 64×64 RGB images, the scene evaluator's input`);
}
