/**
 * Answers with an opened node stream: Server-Sent Events forwarded as they
 * arrive (no buffering), or one JSON body at the end (docs/design.md#http-api). A client
 * that goes away aborts the node call, which cancels the node's work.
 */
import type { ras } from '@ras/shared';
import type { CompleteEvent } from '@ras/shared/http';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { ApiError, toApiError } from '../errors';
import { fromNodeError } from '../nodes/status-map';
import type { AppEnv } from '../types';
import { toHttpEvent } from './events';
import type { OpenedStream } from './open';

/**
 * Set when the answer may not be what was asked (docs: README, "Sizes"): a
 * size the model does not serve well, or an edit on another backend than the
 * session's (docs/sessions.md, "Re-homing"). The `complete` payload repeats it.
 */
export const WARNING_HEADER = 'x-ras-warning';

/** How to answer. */
export interface RespondOptions {
  /** SSE when true, one JSON body when false. */
  stream: boolean;
  /** Aborts the node call; fired when the client disconnects. */
  upstream: AbortController;
  /** Turns the Result into the `complete` payload (records the session first). */
  finish(result: ras.v1.Result): Promise<CompleteEvent>;
}

/** Whether the caller asked for SSE: `Accept: text/event-stream` or `"stream": true`. */
export function wantsStream(c: Context<AppEnv>, bodyStream: boolean | undefined): boolean {
  return bodyStream ?? (c.req.header('accept') ?? '').includes('text/event-stream');
}

/** Every event of the stream, the first one included; node failures become ApiErrors. */
async function* events(opened: OpenedStream): AsyncGenerator<ras.v1.Event> {
  yield opened.first;
  try {
    yield* opened.rest;
  } catch (e) {
    throw fromNodeError(e);
  }
}

/** The answer for `opened`: SSE or JSON per `opts.stream`. */
export function respond(c: Context<AppEnv>, opened: OpenedStream, opts: RespondOptions): Response | Promise<Response> {
  c.req.raw.signal?.addEventListener('abort', () => opts.upstream.abort(), { once: true });
  if (!opts.stream) return respondJson(c, opened, opts);
  return streamSSE(c, async (sse) => {
    sse.onAbort(() => opts.upstream.abort());
    try {
      for await (const e of events(opened)) {
        if (sse.aborted) return;
        const http = toHttpEvent(e);
        if (http) await sse.writeSSE({ event: http.event, data: JSON.stringify(http.data) });
        if (e.result) {
          const complete = await opts.finish(e.result);
          await sse.writeSSE({ event: 'complete', data: JSON.stringify(complete) });
          return;
        }
      }
      throw new ApiError(502, 'node_error', `GPU node ${opened.node} ended the stream without a result`);
    } catch (e) {
      if (!sse.aborted) await sse.writeSSE({ event: 'error', data: JSON.stringify(toApiError(e).body()) });
    } finally {
      opts.upstream.abort(); // nothing more is read from the node
    }
  });
}

async function respondJson(c: Context<AppEnv>, opened: OpenedStream, opts: RespondOptions): Promise<Response> {
  try {
    for await (const e of events(opened)) {
      if (e.result) {
        const complete = await opts.finish(e.result);
        // A JSON answer's header is set now, so it carries the node's warnings too (SSE: in `complete`).
        if (complete.warning) c.header(WARNING_HEADER, complete.warning.replace(/[^\x20-\x7e]/g, '?'));
        return c.json(complete);
      }
    }
    throw new ApiError(502, 'node_error', `GPU node ${opened.node} ended the stream without a result`);
  } finally {
    opts.upstream.abort();
  }
}
