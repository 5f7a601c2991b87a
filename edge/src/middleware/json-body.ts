/**
 * Request bodies: JSON only, at most `maxBytes` (checked from Content-Length
 * before reading, and while reading a body without one), validated by a zod
 * schema; the 400 names every wrong field (docs/design.md#http-api).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { ApiError } from '../errors';
import type { AppEnv } from '../types';

/** Refuses bodies over `maxBytes` with 413, early. */
export function limitBody(maxBytes: number): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `request body over ${maxBytes} bytes`);
    },
  });
  return async function limitBody(c, next) {
    const length = c.req.header('content-length');
    if (length !== undefined && !/^\d+$/.test(length))
      throw new ApiError(400, 'invalid_argument', 'content-length: not a number');
    return limit(c, next);
  };
}

/** `path: message` of a zod issue, e.g. `ras.ratio: Too big: expected number to be <=1`. */
function describe(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  return `${path || 'body'}: ${issue.message}`;
}

/** The request's JSON body parsed by `schema`; 415 / 400 otherwise. */
export async function jsonBody<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<z.infer<S>> {
  const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json')
    throw new ApiError(415, 'unsupported_media_type', 'content-type: send application/json');
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError(400, 'invalid_argument', 'body: not valid JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ApiError(400, 'invalid_argument', parsed.error.issues.map(describe).join('; '));
  return parsed.data;
}
