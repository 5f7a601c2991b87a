/** The per-key rate limit (the Workers rate-limit binding; 100 a minute in the test config). */
import { describe, expect, it } from 'vitest';
import { api } from './fake-node';

const LIMIT = 100;

describe('rate limiting', () => {
  it('answers 429 with Retry-After once a key has used its window, and only for that key', async () => {
    // Fixed windows: if one ends mid-test the count restarts, so a 429 comes within two windows' worth.
    const statuses: number[] = [];
    let limited: Response | undefined;
    while (!limited && statuses.length <= 2 * LIMIT) {
      const res = await api('/v1/sessions/nope', { key: 'key-carol' });
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(statuses.slice(0, LIMIT).every((s) => s === 404)).toBe(true);
    expect(limited?.headers.get('retry-after')).toBe('60');
    expect(await limited?.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect((await api('/v1/sessions/nope', { key: 'key-bob' })).status).toBe(404);
  });
});
