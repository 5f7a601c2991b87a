/** The one error type of a gRPC-Web call: a status code, a message and the trailers. */
import { Status, type StatusCode } from '../grpc/status';
import { decodeGrpcMessage } from './frame';

/** A call that ended with a non-OK status (sent by the server, or found by the transport). */
export class GrpcWebError extends Error {
  override readonly name = 'GrpcWebError';
  constructor(
    readonly code: StatusCode,
    message: string,
    /** Trailing metadata (lower-case keys), e.g. `retry-after-ms`. */
    readonly trailers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** gRPC-Web's code for an HTTP status that came without `grpc-status`. */
export function httpStatusCode(status: number): StatusCode {
  if (status === 401) return Status.UNAUTHENTICATED;
  if (status === 403) return Status.PERMISSION_DENIED;
  if (status === 404) return Status.UNIMPLEMENTED;
  if ([429, 502, 503, 504].includes(status)) return Status.UNAVAILABLE;
  return Status.UNKNOWN;
}

/** The error a trailers block describes; undefined for OK. Missing or bad status: INTERNAL. */
export function trailersError(fields: Record<string, string>): GrpcWebError | undefined {
  const raw = fields['grpc-status'];
  const code = Number(raw);
  if (raw === undefined || !Number.isInteger(code) || code < 0 || code > 16)
    return new GrpcWebError(Status.INTERNAL, `bad grpc-status "${raw}"`, fields);
  if (code === Status.OK) return undefined;
  return new GrpcWebError(code as StatusCode, decodeGrpcMessage(fields['grpc-message'] ?? ''), fields);
}
