/**
 * Backends compared and named (docs/sessions.md, "Re-homing"): a session
 * replays to its own pixels only on a node whose provider, attention and
 * dtype are the ones that sampled it.
 */
import type { Backend } from '../types';

/** Whether `a` and `b` sample a recipe to the same pixels; false when either is unknown. */
export function sameBackend(a: Backend | undefined, b: Backend | undefined): boolean {
  return !!a && !!b && a.provider === b.provider && a.attention === b.attention && a.dtype === b.dtype;
}

/** `cpu/unfused/float32`, or "an unknown backend". */
export function describeBackend(b: Backend | undefined): string {
  return b ? `${b.provider}/${b.attention}/${b.dtype}` : 'an unknown backend';
}
