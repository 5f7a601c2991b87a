/**
 * One gRPC-Web (binary) call over `fetch` (grpc/doc/PROTOCOL-WEB.md), for
 * runtimes without HTTP/2 or trailers: the Workers runtime, browsers, Node.
 * Response messages come out as they arrive; the status comes from the
 * trailers frame (or the headers of a trailers-only answer).
 */
import { Status } from '../grpc/status';
import { formatGrpcTimeout } from '../grpc/timeout';
import { GrpcWebError, httpStatusCode, trailersError } from './error';
import { decodeTrailers, encodeFrame, FrameFlag, FrameReader } from './frame';

/** How to make one call. */
export interface GrpcWebCallOptions {
  /** Sent as `authorization: Bearer <token>`. */
  token?: string;
  /** Deadline in ms: sent as `grpc-timeout` and enforced here too (DEADLINE_EXCEEDED). */
  timeoutMs?: number;
  /** Aborting it cancels the call: the request is aborted, so the server sees the client go. */
  signal?: AbortSignal;
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
}

/** One controller for the caller's signal and the deadline; `failure()` names what ended the call. */
function callScope(url: string, outer: AbortSignal | undefined, timeoutMs: number | undefined) {
  const controller = new AbortController();
  let expired = false;
  const onAbort = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onAbort, { once: true });
  if (outer?.aborted) onAbort();
  const expire = () => {
    expired = true;
    controller.abort();
  };
  const timer = timeoutMs === undefined ? undefined : setTimeout(expire, timeoutMs);
  return {
    signal: controller.signal,
    failure(e: unknown): GrpcWebError {
      if (e instanceof GrpcWebError) return e;
      if (expired) return new GrpcWebError(Status.DEADLINE_EXCEEDED, `deadline of ${timeoutMs} ms exceeded`);
      if (outer?.aborted) return new GrpcWebError(Status.CANCELLED, 'call cancelled by the caller');
      return new GrpcWebError(Status.UNAVAILABLE, `${url}: ${(e as Error)?.message ?? e}`);
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
      controller.abort(); // releases the connection if the caller stopped reading early
    },
  };
}

function requestHeaders(opts: GrpcWebCallOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/grpc-web+proto',
    accept: 'application/grpc-web+proto',
    'x-grpc-web': '1',
  };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.timeoutMs !== undefined) headers['grpc-timeout'] = formatGrpcTimeout(opts.timeoutMs);
  return headers;
}

/**
 * Calls `path` (e.g. `/ras.v1.RasSampler/Generate`) on the server at `baseUrl`
 * with one encoded request message; yields each response message's bytes as
 * its frame completes. Throws GrpcWebError: the server's status, UNAVAILABLE
 * when the server cannot be reached or the stream breaks, CANCELLED or
 * DEADLINE_EXCEEDED when the caller's signal or the deadline ends the call.
 */
export async function* grpcWebCall(
  baseUrl: string,
  path: string,
  request: Uint8Array,
  opts: GrpcWebCallOptions = {},
): AsyncGenerator<Uint8Array, void, undefined> {
  const url = `${baseUrl.replace(/\/+$/, '')}${path}`;
  const scope = callScope(url, opts.signal, opts.timeoutMs);
  try {
    const res = await (opts.fetch ?? fetch)(url, {
      method: 'POST',
      headers: requestHeaders(opts),
      body: encodeFrame(request),
      signal: scope.signal,
    });
    const early = trailersOnly(res);
    if (early) throw early;
    if (!res.body) throw new GrpcWebError(Status.INTERNAL, `${url}: response without a body`);
    const reader = new FrameReader(64 * 1024 * 1024);
    const body = res.body.getReader();
    for (let r = await body.read(); !r.done; r = await body.read()) {
      for (const frame of reader.push(r.value)) {
        if (frame.flags & FrameFlag.TRAILERS) {
          const err = trailersError(decodeTrailers(frame.payload));
          if (err) throw err;
          return;
        }
        if (frame.flags & FrameFlag.COMPRESSED) throw new GrpcWebError(Status.INTERNAL, 'compressed frame');
        yield frame.payload;
      }
    }
    throw new GrpcWebError(Status.UNAVAILABLE, `${url}: stream ended without a status`);
  } catch (e) {
    throw scope.failure(e);
  } finally {
    scope.dispose();
  }
}

/** The error of a response that is not a gRPC-Web stream, or carries its status in the headers. */
function trailersOnly(res: Response): GrpcWebError | undefined {
  if (res.headers.has('grpc-status')) {
    const fields: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      fields[k.toLowerCase()] = v;
    });
    const err = trailersError(fields);
    if (err) return err;
  }
  if (res.status !== 200) return new GrpcWebError(httpStatusCode(res.status), `HTTP ${res.status} from the node`);
  return undefined;
}
