/**
 * The node's one error boundary: every failure a handler sees becomes an
 * RpcError with a gRPC status (docs/design.md#errors). Engine codes map one-to-one;
 * anything else is INTERNAL with a generic message (details go to the log,
 * never to the client).
 */
import { RETRY_AFTER_KEY, Status, type StatusCode } from '@ras/shared';
import { EngineError } from '../engine/types';

/** A status to send: code, client-facing message, trailing metadata. */
export interface RpcError {
  code: StatusCode;
  message: string;
  /** Extra trailing metadata, e.g. `retry-after-ms`. */
  trailers: Record<string, string>;
}

/**
 * Longest status message sent, in characters: far below the 8 KiB of
 * metadata stock gRPC clients accept, so an error never reads as
 * RESOURCE_EXHAUSTED on their side. Quotes of inputs are short already
 * (`quote` in `sampler/errors.ts`); this is the boundary's guarantee.
 */
export const MAX_MESSAGE_LENGTH = 1024;

const capped = (message: string) =>
  message.length <= MAX_MESSAGE_LENGTH ? message : `${message.slice(0, MAX_MESSAGE_LENGTH - 1)}…`;

/** Engine field names that differ from the proto's (docs/design.md#errors). */
const FIELD_ALIASES: Record<string, string> = { cond: 'condition', seeds: 'seed', previewEvery: 'preview.every' };

/** An engine field path ("ras.highRatio") as the proto names it ("ras.high_ratio"). */
export function protoFieldPath(field: string): string {
  const aliased = FIELD_ALIASES[field] ?? field;
  return aliased.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function fromEngine(e: EngineError): RpcError {
  const trailers: Record<string, string> = {};
  if (e.retryAfterMs !== undefined) trailers[RETRY_AFTER_KEY] = String(Math.ceil(e.retryAfterMs));
  if (e.code === 'INTERNAL') return { code: Status.INTERNAL, message: 'internal error', trailers };
  let message = e.message;
  if (e.field) {
    const path = protoFieldPath(e.field);
    message = message.startsWith(`${e.field}:`) ? path + message.slice(e.field.length) : `${path}: ${message}`;
  }
  return { code: Status[e.code], message: capped(message), trailers };
}

/**
 * Maps any thrown value to the status the client gets. When the call's own
 * signal has aborted, its reason (deadline or cancel) wins over whatever the
 * engine threw while stopping.
 * @param log receives errors that are not the client's fault (INTERNAL).
 */
export function toRpcError(err: unknown, signal?: AbortSignal, log?: (e: unknown) => void): RpcError {
  const reason = signal?.aborted ? signal.reason : undefined;
  const e = reason instanceof EngineError ? reason : err;
  if (e instanceof EngineError) {
    if (e.code === 'INTERNAL') log?.(e);
    return fromEngine(e);
  }
  log?.(e);
  return { code: Status.INTERNAL, message: 'internal error', trailers: {} };
}

/** Shorthand for an INVALID_ARGUMENT naming `field` (proto path). */
export function invalidArgument(field: string, message: string): EngineError {
  return new EngineError('INVALID_ARGUMENT', `${field}: ${message}`, field);
}
