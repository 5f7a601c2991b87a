/**
 * Proto requests → Engine parameters. Only wire-level checks live here (a
 * required message missing, an unset oneof); value ranges are the engine's
 * to judge. Absent `optional` fields stay undefined: the engine's default.
 */
import { ras } from '@ras/shared';
import type { EditParams, GenerateParams, PreviewOptions, Rect } from '../../engine/types';
import type { ConditionInput } from '../../pipelines/pipeline';
import type { RasSettings } from '../../sampler/settings';
import { invalidArgument } from '../status';

type Maybe<T> = T | null | undefined;

/** A present value (an absent proto3 `optional` decodes as null or missing). */
const given = <T>(v: Maybe<T>): T | undefined => (v === null ? undefined : v);

/** Condition → class id, label or prompt; undefined when the message is absent. */
export function toCondition(c: Maybe<ras.v1.Condition.$Properties>, field: string): ConditionInput | undefined {
  if (!c) return undefined;
  if (typeof c.prompt === 'string') return { prompt: c.prompt };
  if (typeof c.label === 'string') return c.label;
  if (typeof c.classId === 'number') return c.classId;
  throw invalidArgument(field, 'give class_id, label or prompt');
}

/** RasSettings → the engine's partial settings (undefined: all defaults). */
export function toRasSettings(r: Maybe<ras.v1.RasSettings.$Properties>): Partial<RasSettings> | undefined {
  if (!r) return undefined;
  const out: Partial<RasSettings> = {};
  const policy = given(r.policy);
  if (policy !== undefined) out.policy = policy as RasSettings['policy']; // the engine checks the name
  const ratio = given(r.ratio);
  if (ratio !== undefined) out.ratio = ratio;
  else if (r.ramp) out.ratio = { from: r.ramp.from ?? 0, to: r.ramp.to ?? 0 };
  out.warmup = given(r.warmup);
  if (r.resets) out.resets = [...(r.resets.steps ?? [])];
  out.starvationScale = given(r.starvationScale);
  out.highRatio = given(r.highRatio);
  out.maxStale = given(r.maxStale);
  for (const key of Object.keys(out) as (keyof RasSettings)[]) if (out[key] === undefined) delete out[key];
  return out;
}

/** PreviewOptions → the engine's (undefined when no previews are wanted). */
export function toPreviewOptions(p: Maybe<ras.v1.PreviewOptions.$Properties>): PreviewOptions | undefined {
  if (!p?.every) return undefined;
  const format = p.format === ras.v1.PreviewFormat.PREVIEW_FORMAT_JPEG ? 'jpeg' : 'png';
  return { every: p.every, maxSide: given(p.maxSide) || undefined, format };
}

/** A fresh uint32 seed, for requests that leave it to the server. */
export const randomSeed = (): number => Math.floor(Math.random() * 2 ** 32);

/** GenerateRequest → GenerateParams. */
export function toGenerateParams(req: ras.v1.GenerateRequest.$Properties): GenerateParams {
  if (!req.model) throw invalidArgument('model', 'required (see ListModels)');
  const cond = toCondition(req.condition, 'condition');
  if (cond === undefined) throw invalidArgument('condition', 'required: give class_id, label or prompt');
  return {
    model: req.model,
    cond,
    negative: toCondition(req.negative, 'negative'),
    guidance: given(req.guidance),
    seed: given(req.seed) ?? randomSeed(),
    steps: given(req.steps),
    width: given(req.width),
    height: given(req.height),
    ras: toRasSettings(req.ras),
  };
}

/** EditRequest → EditParams. */
export function toEditParams(req: ras.v1.EditRequest.$Properties): EditParams {
  if (!req.sessionId) throw invalidArgument('session_id', 'required');
  const rects: Rect[] = (req.rects ?? []).map((r) => ({
    x: r.x ?? 0,
    y: r.y ?? 0,
    width: r.width ?? 0,
    height: r.height ?? 0,
  }));
  const m = req.mask;
  const mask = m ? { width: m.width ?? 0, height: m.height ?? 0, data: m.data ?? new Uint8Array(0) } : undefined;
  if (!rects.length && !mask) throw invalidArgument('rects', 'give the region as rects or a mask');
  return {
    sessionId: req.sessionId,
    version: given(req.version),
    rects: rects.length ? rects : undefined,
    mask,
    margin: given(req.margin),
    cond: toCondition(req.condition, 'condition'),
    seed: given(req.seed),
    ras: toRasSettings(req.ras),
    restoreState: req.restoreState?.length ? req.restoreState : undefined,
  };
}
