/**
 * Replay (docs/sessions.md): a version whose trajectory is gone — evicted,
 * trimmed from disk, corrupt, or never here because the session was adopted —
 * is rebuilt by running its recipe and the edits that led to it again. Runs
 * are deterministic, so the rebuilt trajectory is the lost one.
 */
import type { Pipeline } from '../../pipelines/pipeline';
import { sample } from '../../sampler/sampler';
import { resolveRequest } from '../../sampler/settings';
import type { Trajectory } from '../../sampler/trajectory';
import { conditioningOf, editRequest, recipeRequest } from './recipe';
import type { SessionStore } from './store';
import type { SessionMeta } from './types';

export interface Replayer {
  sessions: SessionStore;
  /** The session's model: its transformer runs the replay, its other stages build the conditioning. */
  pipeline: Pipeline;
  /** Told of every version about to be rebuilt. */
  log: (message: string) => void;
  /** Called once per version rebuilt. */
  onReplayed: () => void;
}

/** Version `version`'s trajectory: kept, or rebuilt (its ancestors first, where they are gone too) and kept again. */
export async function trajectoryOf(ctx: Replayer, meta: SessionMeta, version: number): Promise<Trajectory> {
  const kept = await ctx.sessions.trajectory(meta.id, version);
  if (kept) return kept;
  const v = ctx.sessions.version(meta.id, version);
  ctx.log(`session ${meta.id} v${version}: trajectory evicted, lost or corrupt; rebuilding by replay`);
  const edit = v.parent === null ? undefined : v.edit;
  const conditioning = await conditioningOf(ctx.pipeline, meta.recipe, edit);
  const request = edit ? editRequest(meta.recipe, edit, conditioning) : recipeRequest(meta.recipe, conditioning);
  const base = edit && v.parent !== null ? await trajectoryOf(ctx, meta, v.parent) : undefined;
  const model = ctx.pipeline.transformer;
  const out = await sample(model, resolveRequest(model.card, request), { base });
  ctx.onReplayed();
  await ctx.sessions.restore(meta.id, version, out.trajectory!);
  return out.trajectory!;
}
