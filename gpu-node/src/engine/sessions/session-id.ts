/**
 * Session ids: the node issues random UUIDs (v4) and accepts nothing else, so
 * an id is checked before it names a directory or a map key — `..`, slashes
 * and other path tricks never reach the file system.
 */
import { randomUUID } from 'node:crypto';
import { quote } from '../../sampler/errors';
import { EngineError } from '../types';

/** Exactly what `randomUUID()` produces: lower-case hex, version 4, RFC 4122 variant. */
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A fresh session id. */
export function newSessionId(): string {
  return randomUUID();
}

/** Whether `id` has the form this node issues. */
export function isSessionId(id: unknown): id is string {
  return typeof id === 'string' && SESSION_ID.test(id);
}

/** Returns `id` when well-formed; INVALID_ARGUMENT on `field` otherwise. */
export function checkSessionId(id: string, field = 'session_id'): string {
  if (isSessionId(id)) return id;
  throw new EngineError(
    'INVALID_ARGUMENT',
    `${field}: not a session id (a UUID from a Result), got ${quote(id)}`,
    field,
  );
}
