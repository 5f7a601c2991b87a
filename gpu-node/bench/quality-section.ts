/**
 * The quality section: which models it measures and which rows each gets. By default the
 * embedded model's class rows (quality.ts) and the prompted scenes model's rows
 * (quality-prompted.ts); `--model NAME` measures that model alone. The rows follow the
 * model's card: `cond.kind === 'prompt'` gets the prompted rows, a class model the class rows.
 */
import { PipelineRegistry } from '../src/pipelines/registry';
import { MODELS_DIR } from '../src/runtime/registry';
import { benchQuality, EMBEDDED_MODEL } from './quality';
import { benchPromptedQuality, type PromptedOptions } from './quality-prompted';

/** The prompted model issue 19 trains (docs/scenes.md); measured once its directory has a card. */
export const PROMPTED_MODEL = 'scenes-sd3';

export interface QualitySectionOptions {
  /** Measure this model alone. */
  model?: string;
  /** Models root (default gpu-node/models). */
  root?: string;
  prompted?: PromptedOptions;
}

/** Why a default model is not measured, where it has no card. */
function notExported(name: string): string {
  return name === PROMPTED_MODEL ? `${name} is not exported yet (docs/scenes.md)` : `no ${name} model committed yet`;
}

/**
 * The section's report entries: `quality` and `quality_setup` (a class model's rows, as before),
 * `quality_prompted` (by model name: a prompted model's rows, or why it was skipped).
 */
export async function benchQualitySection(
  quick: boolean,
  outDir: string,
  log: (s: string) => void,
  opts: QualitySectionOptions = {},
): Promise<Record<string, unknown>> {
  const registry = await PipelineRegistry.scan(opts.root ?? MODELS_DIR);
  const names = opts.model ? [opts.model] : [EMBEDDED_MODEL, PROMPTED_MODEL];
  const report: Record<string, unknown> = {};
  const prompted: Record<string, unknown> = {};
  for (const name of names) {
    if (!registry.names().includes(name)) {
      if (name !== EMBEDDED_MODEL && name !== PROMPTED_MODEL)
        throw new Error(`--model: unknown model "${name}"; known: ${registry.names().join(', ')}`);
      log(`quality: skipped: ${notExported(name)}`);
      if (name === PROMPTED_MODEL) prompted[name] = { skipped: notExported(name) };
      else report.quality_setup = { skipped: notExported(name) };
      continue;
    }
    const pipeline = await registry.get(name);
    if (pipeline.card.cond.kind === 'prompt') {
      prompted[name] = await benchPromptedQuality(pipeline, quick, outDir, log, opts.prompted);
    } else {
      const { quality, ...about } = await benchQuality(quick, outDir, log, pipeline.transformer);
      Object.assign(report, { quality, quality_setup: about });
    }
  }
  if (Object.keys(prompted).length) report.quality_prompted = prompted;
  return report;
}
