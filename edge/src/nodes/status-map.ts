/**
 * The one mapping from a GPU node's gRPC status to the edge's HTTP answer
 * (docs/design.md#errors). Client mistakes the node found stay 4xx; trouble with the
 * node itself is 502 (it answered wrongly), 503 (busy or away: retry), 504.
 */
import { GrpcWebError, RETRY_AFTER_KEY, Status } from '@ras/shared';
import { ApiError } from '../errors';

/** Seconds to wait before retrying, from the node's `retry-after-ms` (at least 1). */
export function retryAfterS(trailers: Record<string, string>, fallbackS = 1): string {
  const ms = Number(trailers[RETRY_AFTER_KEY]);
  return String(Number.isFinite(ms) && ms > 0 ? Math.max(1, Math.ceil(ms / 1000)) : fallbackS);
}

/** The HTTP error for a failed node call. */
export function fromNodeError(err: unknown): ApiError {
  if (!(err instanceof GrpcWebError)) return new ApiError(502, 'node_error', `GPU node call failed: ${err}`);
  const retry = { 'retry-after': retryAfterS(err.trailers) };
  switch (err.code) {
    case Status.INVALID_ARGUMENT:
    case Status.OUT_OF_RANGE:
      return new ApiError(400, 'invalid_argument', err.message);
    case Status.NOT_FOUND:
      return new ApiError(404, 'not_found', err.message);
    case Status.FAILED_PRECONDITION:
      return new ApiError(409, 'failed_precondition', err.message);
    case Status.PERMISSION_DENIED:
      return new ApiError(
        502,
        'node_error',
        `the GPU node refused the session state the edge kept (every node needs the same RAS_STATE_KEY): ${err.message}`,
      );
    case Status.RESOURCE_EXHAUSTED:
      return new ApiError(503, 'unavailable', `GPU node busy: ${err.message}`, retry);
    case Status.UNAVAILABLE:
      return new ApiError(503, 'unavailable', `GPU node unavailable: ${err.message}`, retry);
    case Status.CANCELLED:
      return new ApiError(503, 'cancelled', `GPU node cancelled the call: ${err.message}`, retry);
    case Status.DEADLINE_EXCEEDED:
      return new ApiError(504, 'deadline_exceeded', `deadline exceeded: ${err.message}`);
    case Status.UNAUTHENTICATED:
      return new ApiError(
        502,
        'node_error',
        `the GPU node refused the edge's node token (NODE_TOKEN must equal the node's RAS_NODE_TOKEN): ${err.message}`,
      );
    default:
      return new ApiError(502, 'node_error', `GPU node error ${err.code}: ${err.message}`);
  }
}
