/**
 * gRPC status codes: the closed set both sides speak (grpc/doc/statuscodes.md),
 * as connect-es's `Code`. Numbers are what travels in `grpc-status`.
 */
export const Status = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  DATA_LOSS: 15,
  UNAUTHENTICATED: 16,
} as const;

/** A status name, e.g. `'NOT_FOUND'`. */
export type StatusName = keyof typeof Status;

/** A status number, e.g. `5`. */
export type StatusCode = (typeof Status)[StatusName];

/** Trailing-metadata key carrying the retry hint of RESOURCE_EXHAUSTED / UNAVAILABLE. */
export const RETRY_AFTER_KEY = 'retry-after-ms';

/** The name of a status number (`'UNKNOWN'` for numbers outside the set). */
export function statusName(code: number): StatusName {
  const hit = (Object.keys(Status) as StatusName[]).find((k) => Status[k] === code);
  return hit ?? 'UNKNOWN';
}
