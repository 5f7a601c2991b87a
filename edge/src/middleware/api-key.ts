/**
 * Bearer API keys (docs/design.md#http-api): the key must be one of `API_KEYS`
 * (comma-separated secret). Handlers see only the key's SHA-256, which owns
 * sessions and names the rate-limit bucket.
 */
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../errors';
import type { AppEnv } from '../types';

/** SHA-256 of `text` as lower-case hex. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Options of `apiKeyAuth`. */
export interface ApiKeyOptions {
  /** The accepted keys, comma-separated (default: the API_KEYS secret). */
  keys?: (env: Env) => string | undefined;
}

const unauthenticated = (message: string) =>
  new ApiError(401, 'unauthenticated', message, { 'www-authenticate': 'Bearer realm="ras"' });

/** Checks `Authorization: Bearer <key>`; sets `keyHash`. 401 when missing or unknown. */
export function apiKeyAuth(opts: ApiKeyOptions = {}): MiddlewareHandler<AppEnv> {
  const keysOf = opts.keys ?? ((env: Env) => env.API_KEYS);
  return async function apiKeyAuth(c, next) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    if (!m) throw unauthenticated('missing Authorization: Bearer <api key>');
    const accepted = (keysOf(c.env) ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean);
    // Digests are compared, not keys: equal-length strings, and the key never sits in a variable for long.
    const presented = await sha256Hex(m[1]);
    const known = await Promise.all(accepted.map(sha256Hex));
    if (!known.includes(presented)) throw unauthenticated('unknown API key');
    c.set('keyHash', presented);
    await next();
  };
}
