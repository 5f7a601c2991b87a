/**
 * Per-API-key rate limiting with the Workers rate-limit binding: a fixed
 * window of `period` seconds. Over the limit: 429 with Retry-After (the
 * window's length: the binding does not say when the window ends).
 */
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../errors';
import type { AppEnv } from '../types';

/** Options of `rateLimit`. */
export interface RateLimitOptions {
  /** The binding (default: RATE_LIMITER). */
  limiter?: (env: Env) => RateLimit;
  /** The binding's window in seconds (wrangler.toml `simple.period`). */
  periodS: number;
}

/** Counts each request against the caller's key (run after `apiKeyAuth`). */
export function rateLimit(opts: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const limiterOf = opts.limiter ?? ((env: Env) => env.RATE_LIMITER);
  return async function rateLimit(c, next) {
    const { success } = await limiterOf(c.env).limit({ key: c.get('keyHash') });
    if (!success)
      throw new ApiError(429, 'rate_limited', `rate limit exceeded for this API key; retry in ${opts.periodS} s`, {
        'retry-after': String(opts.periodS),
      });
    await next();
  };
}
