/**
 * What a session is made of (docs/sessions.md): the recipe that replays its
 * first version and, per version, the edit that made it from its parent.
 * Every file of `sessions/` imports these; this file imports none of them.
 */
import type { Condition } from '../../pipelines/pipeline';
import type { RasSettings } from '../../sampler/settings';
import type { TokenMask } from '../../sampler/token-mask';
import type { Backend, GenerateParams } from '../types';

/** A recipe with every default filled in, so a replay is exact. */
export interface ResolvedRecipe extends GenerateParams {
  /** A class id, or a prompt. */
  cond: Condition;
  negative: Condition;
  guidance: number;
  steps: number;
  width: number;
  height: number;
  grid: [number, number];
  ras: RasSettings;
  kvEvery: number;
}

/** What an edit changed: the region it re-sampled and the settings it did so with. */
export interface VersionEdit {
  region: TokenMask;
  /**
   * The tokens the request touched, before the margin's dilation: a latent
   * edit's pixels are decoded there, blended across the margin (absent in
   * states and files from nodes that predate it: the whole region is decoded).
   */
  inner?: TokenMask;
  /** The region's condition (an edit's new prompt describes what the region should hold). */
  cond: Condition;
  seed: number;
  ras: RasSettings;
}

/** How version v was made from its parent (none for version 1). */
export interface VersionMeta {
  version: number;
  parent: number | null;
  edit?: VersionEdit;
  createdAt: number;
}

export interface SessionMeta {
  id: string;
  recipe: ResolvedRecipe;
  versions: VersionMeta[];
  /**
   * The backend that sampled the latest version, and so the one whose pixels
   * a replay must reproduce. Absent: unknown (a session adopted from a state,
   * or read from a `meta.json`, written before nodes recorded it).
   */
  backend?: Backend;
  createdAt: number;
  lastUsed: number;
}
