import { describe, expect, it } from 'vitest';
import { bodyMessage, describeFailure, retryAfterSeconds } from '../../edge/public/js/errors.js';

describe('errors in plain words', () => {
  it('retries 429 and 503 when the server says when', () => {
    expect(describeFailure(429, { error: { code: 'rate_limited', message: 'slow down' } }, '3')).toEqual({
      message: 'The server is busy, retrying in 3 s.',
      retryInS: 3,
    });
    expect(describeFailure(503, '', '1').retryInS).toBe(1);
  });

  it("shows the API's own message otherwise", () => {
    const body = { error: { code: 'invalid_argument', message: 'steps: must be at most 1000' } };
    expect(describeFailure(400, body, null)).toEqual({ message: 'steps: must be at most 1000', retryInS: null });
    expect(describeFailure(429, body, null).retryInS).toBeNull();
    expect(describeFailure(500, 'boom', '5')).toEqual({ message: 'boom', retryInS: null });
  });

  it('names a refused API key, and says something useful for an empty body', () => {
    expect(describeFailure(401, { error: { message: 'missing Bearer token' } }, null).message).toBe(
      'The API key was not accepted: missing Bearer token',
    );
    expect(describeFailure(502, null, null).message).toBe('The server failed (HTTP 502); try again.');
    expect(describeFailure(404, {}, null).message).toBe('The request was refused (HTTP 404).');
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterSeconds('7', now)).toBe(7);
    expect(retryAfterSeconds('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5);
    expect(retryAfterSeconds('soon', now)).toBeNull();
    expect(retryAfterSeconds(null, now)).toBeNull();
  });

  it('finds the message in the usual body shapes', () => {
    expect(bodyMessage({ message: 'm' })).toBe('m');
    expect(bodyMessage({ error: 'e' })).toBe('e');
    expect(bodyMessage('  ')).toBeNull();
  });
});
