// API failures in plain words (docs/design.md#errors: errors are `{error: {code, message}}`
// with a 4xx/5xx status; 429 and 503 may say when to retry).

/**
 * Seconds to wait from a Retry-After header (delta-seconds or an HTTP date);
 * null when absent or unreadable.
 * @param {string | null} header
 * @param {number} [now] ms since the epoch
 * @returns {number | null}
 */
export function retryAfterSeconds(header, now = Date.now()) {
  if (header === null || header.trim() === '') return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * The message an error body carries: `{error: {message}}`, `{message}`, or text.
 * @param {unknown} body
 * @returns {string | null}
 */
export function bodyMessage(body) {
  if (typeof body === 'string') return body.trim() || null;
  if (body && typeof body === 'object') {
    const b = /** @type {{ error?: unknown, message?: unknown }} */ (body);
    if (b.error && typeof b.error === 'object') {
      const m = /** @type {{ message?: unknown }} */ (b.error).message;
      if (typeof m === 'string' && m) return m;
    }
    if (typeof b.error === 'string' && b.error) return b.error;
    if (typeof b.message === 'string' && b.message) return b.message;
  }
  return null;
}

/**
 * What went wrong with a response, in words, and whether to retry and when.
 * Busy (429 / 503 with Retry-After) retries; everything else is final.
 * @param {number} status
 * @param {unknown} body parsed JSON or text
 * @param {string | null} retryAfter the Retry-After header
 * @returns {{ message: string, retryInS: number | null }}
 */
export function describeFailure(status, body, retryAfter) {
  const wait = status === 429 || status === 503 ? retryAfterSeconds(retryAfter) : null;
  if (wait !== null) return { message: `The server is busy, retrying in ${wait} s.`, retryInS: wait };
  const said = bodyMessage(body);
  if (status === 401) return { message: `The API key was not accepted${said ? `: ${said}` : '.'}`, retryInS: null };
  if (said) return { message: said, retryInS: null };
  if (status === 429) return { message: 'Too many requests; try again in a moment.', retryInS: null };
  if (status >= 500) return { message: `The server failed (HTTP ${status}); try again.`, retryInS: null };
  return { message: `The request was refused (HTTP ${status}).`, retryInS: null };
}
