/**
 * Backends: how a node runs a model (provider, attention, dtype), which fixes
 * a sample's exact pixels besides its recipe (docs/sessions.md, "Re-homing").
 * The selection rule for re-homing a session, and the warning when no node
 * can reproduce it. Pure; the lookup of each node's backend is `rehome.ts`.
 */
import type { ras } from '@ras/shared';

/** A node's backend for a model, as ListModels and Result report it. */
export interface Backend {
  provider: string;
  attention: string;
  dtype: string;
}

/** The Backend in a node message; undefined when the node did not say (it predates the field). */
export function fromProtoBackend(b: ras.v1.Backend.$Properties | null | undefined): Backend | undefined {
  if (!b?.provider) return undefined;
  return { provider: b.provider, attention: b.attention ?? '', dtype: b.dtype ?? '' };
}

/** Whether `a` and `b` sample a recipe to the same pixels; false when either is unknown. */
export function sameBackend(a: Backend | undefined, b: Backend | undefined): boolean {
  return !!a && !!b && a.provider === b.provider && a.attention === b.attention && a.dtype === b.dtype;
}

/** `webgpu/fused/float16`. */
export function describeBackend(b: Backend): string {
  return `${b.provider}/${b.attention}/${b.dtype}`;
}

/**
 * The re-homing order: the nodes of `ranked` (the session's rendezvous rank)
 * whose backend for the session's model is `wanted` first, then the rest,
 * each group in rank order. Nothing is preferred when `wanted` is unknown.
 */
export function preferBackend(
  ranked: readonly string[],
  wanted: Backend | undefined,
  backendOf: (node: string) => Backend | undefined,
): string[] {
  const match = ranked.filter((n) => sameBackend(wanted, backendOf(n)));
  return [...match, ...ranked.filter((n) => !match.includes(n))];
}

/**
 * What an edit's answer says when its pixels may not be the session's: the
 * version it edits was sampled on `session`'s backend and this edit ran on
 * `node`'s (`moved`: on another node than the session's, after replaying
 * it there). Null when they are the same backend, or when the session stayed
 * on its node and nothing is known to differ.
 */
export function backendWarning(session: Backend | undefined, node: Backend | undefined, moved: boolean): string | null {
  if (sameBackend(session, node) || (!moved && (!session || !node))) return null;
  const was = session
    ? `its versions were sampled on ${describeBackend(session)}${moved ? ', which no reachable node runs,' : ''}`
    : 'its versions were sampled before nodes recorded their backend';
  const now = node
    ? `this edit ran on ${describeBackend(node)}`
    : 'this edit ran on a node that did not say its backend';
  const how = session && node ? 'differs' : 'may differ';
  const where = moved ? 'the session moved to another node and was rebuilt there by replay: ' : '';
  return `${where}${was} and ${now}, so this image ${how} slightly in pixels from the version it edits, also outside the region`;
}
