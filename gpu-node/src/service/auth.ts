/**
 * Edge-to-node authentication with the shared node token (DESIGN.md §6):
 * clients send `authorization: Bearer <token>`. No token configured means an
 * open node, for local development only.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { EngineError } from '../engine/types';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * A checker for `authorization` header values; throws UNAUTHENTICATED.
 * @param token the node token; undefined or empty accepts every call.
 */
export function bearerAuth(token: string | undefined): (authorization: string | undefined) => void {
  if (!token) return () => {};
  const expected = digest(token); // equal-length digests: the comparison leaks no length
  return function checkBearer(authorization) {
    const m = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? '');
    if (!m) throw new EngineError('UNAUTHENTICATED', 'missing authorization: Bearer <node token>');
    if (!timingSafeEqual(digest(m[1]), expected)) throw new EngineError('UNAUTHENTICATED', 'wrong node token');
  };
}
