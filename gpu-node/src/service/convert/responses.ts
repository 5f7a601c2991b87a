/**
 * Engine results → proto messages: events, results, sessions, models.
 * Plain `$Properties` objects; the codecs encode them directly.
 */

import { ras } from '@ras/shared';
import type { EngineEvent, GenerateParams, GenerateResult, ModelInfo, SessionInfo } from '../../engine/types';
import type { ConditionInput } from '../../pipelines/pipeline';

type Event = ras.v1.Event.$Properties;

const STEP_KIND = { dense: ras.v1.StepKind.STEP_KIND_DENSE, ras: ras.v1.StepKind.STEP_KIND_RAS } as const;

/** An engine event (queued / progress / preview) → an Event message. */
export function toEvent(e: EngineEvent): Event {
  switch (e.type) {
    case 'queued':
      return { queued: { position: e.position } };
    case 'progress':
      return {
        progress: {
          step: e.step,
          steps: e.steps,
          kind: STEP_KIND[e.kind],
          tokensRun: e.tokensRun,
          tokens: e.tokens,
          stepMs: e.stepMs,
        },
      };
    case 'preview':
      return {
        preview: {
          step: e.step,
          image: e.image,
          mime: e.mime,
          width: e.width,
          height: e.height,
          focus: e.focus,
          gridRows: e.gridRows,
          gridCols: e.gridCols,
        },
      };
  }
}

/** The final result → the stream's last Event. */
export function toResultEvent(r: GenerateResult): Event {
  return {
    result: {
      sessionId: r.sessionId,
      version: r.version,
      png: r.png,
      width: r.width,
      height: r.height,
      timings: { queueMs: r.timings.queueMs, totalMs: r.timings.totalMs, stepMs: r.timings.stepMs },
      tokensRun: r.tokensRun,
      tokensTotal: r.tokensTotal,
      sessionState: r.sessionState,
      backend: r.backend,
      warnings: r.warnings,
    },
  };
}

/** A class id, label or prompt → Condition. */
export function toConditionMessage(c: ConditionInput): ras.v1.Condition.$Properties {
  if (typeof c === 'object') return { prompt: c.prompt };
  return typeof c === 'number' ? { classId: c } : { label: c };
}

/** A recipe → the GenerateRequest that replays it. */
export function toGenerateRequest(p: GenerateParams): ras.v1.GenerateRequest.$Properties {
  const r = p.ras;
  const ratio = r?.ratio;
  return {
    model: p.model,
    condition: toConditionMessage(p.cond),
    negative: p.negative === undefined ? undefined : toConditionMessage(p.negative),
    guidance: p.guidance,
    seed: p.seed,
    steps: p.steps,
    width: p.width,
    height: p.height,
    ras: r && {
      policy: r.policy,
      ratio: typeof ratio === 'number' ? ratio : undefined,
      ramp: typeof ratio === 'object' ? { from: ratio.from, to: ratio.to } : undefined,
      warmup: r.warmup,
      resets: r.resets ? { steps: r.resets } : undefined,
      starvationScale: r.starvationScale,
      highRatio: r.highRatio,
      maxStale: r.maxStale,
    },
  };
}

/** SessionInfo → Session. */
export function toSession(s: SessionInfo): ras.v1.Session.$Properties {
  return {
    sessionId: s.sessionId,
    model: s.model,
    versions: s.versions,
    recipe: toGenerateRequest(s.recipe),
    createdAtUnixMs: Math.round(s.createdAt),
    backend: s.backend,
  };
}

/** ModelInfo → Model. */
export function toModel(m: ModelInfo): ras.v1.Model.$Properties {
  return {
    name: m.name,
    labels: m.labels,
    width: m.width,
    height: m.height,
    patch: m.patch,
    recommendedSteps: m.recommendedSteps,
    recommendedGuidance: m.recommendedGuidance,
    sizes: m.sizes,
    backend: m.backend,
    prompted: m.prompted,
  };
}
