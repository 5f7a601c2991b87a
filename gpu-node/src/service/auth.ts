/**
 * Edge-to-node authentication with the shared node token (docs/design.md#grpc-api):
 * clients send `authorization: Bearer <token>`. No token configured means an
 * open node, for local development only.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { EngineError } from '../engine/types';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * A checker for `authorization` header values; throws UNAUTHENTICATED.
 * @param token the node token, or several during a rotation (current and
 *   next); undefined or empty accepts every call.
 */
export function bearerAuth(token: string | readonly string[] | undefined): (authorization: string | undefined) => void {
  const tokens = (typeof token === 'string' ? [token] : (token ?? [])).filter(Boolean);
  if (!tokens.length) return () => {};
  const expected = tokens.map(digest); // equal-length digests: the comparison leaks no length
  return function checkBearer(authorization) {
    const m = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? '');
    if (!m) throw new EngineError('UNAUTHENTICATED', 'missing authorization: Bearer <node token>');
    const got = digest(m[1]);
    if (!expected.some((e) => timingSafeEqual(got, e))) throw new EngineError('UNAUTHENTICATED', 'wrong node token');
  };
}
