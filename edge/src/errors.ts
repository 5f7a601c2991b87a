/**
 * The edge's one error type (docs/design.md#errors): an ApiError is an HTTPException with
 * a machine-readable code, converted to `{error:{code,message}}` in one place,
 * `onError`. Anything else that escapes a handler is a 500 `internal`.
 */
import type { ApiErrorBody, ApiErrorCode } from '@ras/shared/http';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An HTTP error with its API code and extra headers (Retry-After, WWW-Authenticate). */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(status, { message });
  }

  /** The JSON body (also the data of an SSE `error` event). */
  body(): ApiErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}

/** The code for a status when the error did not say (Hono's own HTTPExceptions). */
function codeOf(status: number): ApiErrorCode {
  if (status === 401) return 'unauthenticated';
  if (status === 404) return 'not_found';
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 429) return 'rate_limited';
  if (status < 500) return 'invalid_argument';
  return 'internal';
}

/** Any thrown value as an ApiError. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof HTTPException)
    return new ApiError(err.status as ContentfulStatusCode, codeOf(err.status), err.message);
  return new ApiError(500, 'internal', 'internal error');
}

/** `app.onError`: every error becomes JSON `{error:{code,message}}` with its status. */
export function onError(err: unknown, c: Context): Response {
  const e = toApiError(err);
  if (e.status >= 500 && !(err instanceof ApiError)) console.error('edge: unhandled', err);
  return c.json(e.body(), e.status as ContentfulStatusCode, e.headers);
}
