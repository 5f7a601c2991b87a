/**
 * A version's pixels, as its Result gave them. In pixel space they are its
 * final tokens. In latent space an edit's are composited onto its parent's
 * (`../composite.ts`), so an edit needs its parent's pixels: the stored PNG
 * (memory or disk), else rebuilt the way they were made — version 1's final
 * latents decoded, an edit's decoded and composited onto its own parent's
 * (replaying trajectories where they are gone). Decoding is deterministic
 * (the decoder runs on the CPU), so rebuilt pixels are the stored ones.
 */
import type { Pipeline } from '../../pipelines/pipeline';
import { pixelsPerToken } from '../../runtime/card';
import type { RgbImage } from '../../sampler/tokens';
import { composite } from '../composite';
import { decodePng, encodePng } from '../images';
import { type Replayer, trajectoryOf } from './replay';
import type { SessionMeta, VersionEdit } from './types';

/** Version `version`'s pixels: stored, or rebuilt and stored again. */
export async function versionPixels(ctx: Replayer, meta: SessionMeta, version: number): Promise<RgbImage> {
  const png = await ctx.sessions.png(meta.id, version);
  if (png) return decodePng(png);
  const v = ctx.sessions.version(meta.id, version);
  const t = await trajectoryOf(ctx, meta, version);
  const decoded = await ctx.pipeline.decode(t.grid, t.x[t.steps], 0);
  const img = v.parent === null || !v.edit ? decoded : await editedPixels(ctx, meta, v.parent, v.edit, decoded, t.grid);
  await ctx.sessions.restorePng(meta.id, version, encodePng(img));
  return img;
}

/**
 * The pixels of `edit` made from version `parent`, whose final tokens decoded
 * to `decoded`: those in pixel space (outside the region they are the parent's
 * already); in latent space `decoded` placed on the parent's pixels.
 */
export async function editedPixels(
  ctx: Replayer,
  meta: SessionMeta,
  parent: number,
  edit: VersionEdit,
  decoded: RgbImage,
  grid: [number, number],
): Promise<RgbImage> {
  if (!isLatent(ctx.pipeline)) return decoded;
  const base = await versionPixels(ctx, meta, parent);
  const masks = { inner: edit.inner ?? edit.region, region: edit.region };
  return composite(decoded, base, masks, grid, pixelsPerToken(ctx.pipeline.card));
}

/** Whether the pipeline decodes latents (its tokens are not pixels). */
function isLatent(pipeline: Pipeline): boolean {
  return pipeline.stages.decoder !== null;
}
