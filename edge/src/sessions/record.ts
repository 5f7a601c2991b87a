/**
 * What the session directory keeps per session (docs/design.md#scale): enough to
 * find its node, check its owner, and re-home it elsewhere by replay.
 */
import type { EditRecipe, Recipe, SessionView } from '@ras/shared/http';
import type { Backend } from '../nodes/backends';

/** One version as recorded. */
export interface VersionRecord {
  version: number;
  /** The version it was edited from (absent for version 1). */
  parent?: number;
  /** The edit that made it (absent for version 1). */
  edit?: EditRecipe;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

/** A session's directory entry. */
export interface SessionRecord {
  sessionId: string;
  /** SHA-256 (hex) of the API key that created it: only that key sees it. */
  ownerKeyHash: string;
  /** gRPC-Web base URL of the node holding its caches. */
  node: string;
  /** Replays version 1. */
  recipe: Recipe;
  versions: VersionRecord[];
  /** The node's opaque session state from the latest Result (EditRequest.restore_state re-homes with it). */
  state: Uint8Array;
  /**
   * The backend that sampled the latest version (its Result's); re-homing
   * prefers nodes that run it. Absent: unknown (a record or node from before
   * the field).
   */
  backend?: Backend;
  createdAt: number;
}

/** The session as `GET /v1/sessions/{id}` shows it (no owner, node or state). */
export function toSessionView(r: SessionRecord): SessionView {
  return {
    sessionId: r.sessionId,
    model: r.recipe.model,
    recipe: r.recipe,
    versions: r.versions.map((v) => ({ ...v, createdAt: new Date(v.createdAt).toISOString() })),
    createdAt: new Date(r.createdAt).toISOString(),
  };
}
