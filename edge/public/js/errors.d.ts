// Generated from errors.js by test/web/public-types.ts; do not edit.
/**
 * Seconds to wait from a Retry-After header (delta-seconds or an HTTP date);
 * null when absent or unreadable.
 * @param {string | null} header
 * @param {number} [now] ms since the epoch
 * @returns {number | null}
 */
export function retryAfterSeconds(header: string | null, now?: number): number | null;
/**
 * The message an error body carries: `{error: {message}}`, `{message}`, or text.
 * @param {unknown} body
 * @returns {string | null}
 */
export function bodyMessage(body: unknown): string | null;
/**
 * What went wrong with a response, in words, and whether to retry and when.
 * Busy (429 / 503 with Retry-After) retries; everything else is final.
 * @param {number} status
 * @param {unknown} body parsed JSON or text
 * @param {string | null} retryAfter the Retry-After header
 * @returns {{ message: string, retryInS: number | null }}
 */
export function describeFailure(
  status: number,
  body: unknown,
  retryAfter: string | null,
): {
  message: string;
  retryInS: number | null;
};
