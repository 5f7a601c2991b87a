// The edge's HTTP API (docs/design.md#http-api) from the page: Bearer auth, JSON calls,
// and the SSE streams of generations and edits read from fetch().
import { describeFailure } from './errors.js';
import { readSse } from './sse.js';

/** A failed call, with the words to show. */
export class ApiError extends Error {
  /**
   * @param {string} message
   * @param {number} status HTTP status, 0 for a failure inside a stream or the network
   * @param {string} [code] the API's error code
   */
  constructor(message, status, code) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

/**
 * @typedef {import('../../../shared/src/http/responses').ApiErrorBody} ApiErrorBody
 * @typedef {import('../../../shared/src/http/responses').CompleteEvent} CompleteEvent
 * @typedef {import('../../../shared/src/http/responses').ModelsView} ModelsView
 * @typedef {import('../../../shared/src/http/responses').SessionView} SessionView
 */

/**
 * @typedef {{
 *   onEvent: (event: string, data: unknown) => void,
 *   onRetry?: (message: string, seconds: number) => void,
 *   onWarning?: (text: string) => void,
 *   signal?: AbortSignal,
 * }} StreamHandlers
 */

const MAX_RETRIES = 5;

/**
 * @param {Response} res
 * @returns {Promise<unknown>}
 */
async function readBody(res) {
  const text = await res.text().catch(() => '');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * @param {number} ms
 * @param {AbortSignal} [signal]
 * @returns {Promise<void>}
 */
function wait(ms, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

/**
 * An API client.
 * @param {{ baseUrl?: string, apiKey: () => string, fetch?: typeof fetch }} opts
 */
export function createApi(opts) {
  const base = opts.baseUrl ?? '';
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);

  /**
   * One request, retried while the server says it is busy (429/503 + Retry-After).
   * @param {string} path
   * @param {RequestInit & { onRetry?: (message: string, seconds: number) => void }} init
   */
  async function call(path, init) {
    for (let attempt = 0; ; attempt++) {
      const headers = new Headers(init.headers);
      const key = opts.apiKey().trim();
      if (key) headers.set('authorization', `Bearer ${key}`);
      let res;
      try {
        res = await doFetch(`${base}${path}`, { ...init, headers });
      } catch (e) {
        if (init.signal?.aborted) throw e;
        throw new ApiError('Could not reach the server; check the connection and try again.', 0);
      }
      if (res.ok) return res;
      const body = await readBody(res);
      const { message, retryInS } = describeFailure(res.status, body, res.headers.get('retry-after'));
      if (retryInS === null || attempt >= MAX_RETRIES) {
        const code = /** @type {Partial<ApiErrorBody> | null} */ (body)?.error?.code;
        throw new ApiError(
          retryInS === null ? message : 'The server is still busy; try again later.',
          res.status,
          code,
        );
      }
      init.onRetry?.(message, retryInS);
      await wait(retryInS * 1000, init.signal ?? undefined);
    }
  }

  /**
   * POSTs `body` and streams the SSE answer to `h.onEvent`; resolves with the
   * `complete` event's data, rejects with an ApiError on an `error` event.
   * @param {string} path
   * @param {unknown} body
   * @param {StreamHandlers} h
   * @returns {Promise<CompleteEvent>}
   */
  async function stream(path, body, h) {
    const res = await call(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify(body),
      signal: h.signal,
      onRetry: h.onRetry,
    });
    if (!res.body) throw new ApiError('The server sent an empty answer.', res.status);
    const warning = res.headers.get('x-ras-warning'); // e.g. a size the model was not trained at
    if (warning) h.onWarning?.(warning);
    for await (const ev of readSse(res.body)) {
      const data = ev.data ? JSON.parse(ev.data) : null;
      if (ev.event === 'error') {
        const err = /** @type {ApiErrorBody} */ (data).error;
        throw new ApiError(err?.message ?? 'The request failed.', 0, err?.code);
      }
      h.onEvent(ev.event, data);
      if (ev.event === 'complete') return data;
    }
    throw new ApiError('The connection closed before the image was finished; try again.', 0);
  }

  return {
    /** @returns {Promise<ModelsView>} */
    listModels: async () => (await call('/v1/models', {})).json(),
    /** @param {string} id @returns {Promise<SessionView>} */
    getSession: async (id) => (await call(`/v1/sessions/${encodeURIComponent(id)}`, {})).json(),
    /** @param {unknown} body @param {StreamHandlers} h */
    generate: (body, h) => stream('/v1/generations', body, h),
    /** @param {string} id @param {unknown} body @param {StreamHandlers} h */
    edit: (id, body, h) => stream(`/v1/sessions/${encodeURIComponent(id)}/edits`, body, h),
  };
}
