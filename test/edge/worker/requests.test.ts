/**
 * Requests the edge refuses before any node is asked: API keys, JSON and
 * schema validation (the message names the field), body size, routes.
 */
import { describe, expect, it } from 'vitest';
import { api, post } from './fake-node';

const GOOD = { model: 'test-tiny', condition: { classId: 1 } };

async function errorOf(res: Response) {
  return { status: res.status, ...(await res.json<{ error: { code: string; message: string } }>()).error };
}

describe('API keys', () => {
  it('refuses a request without a key with 401 and a Bearer challenge', async () => {
    const res = await api('/v1/models', { key: null });
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await errorOf(res)).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('refuses a key that is not in API_KEYS', async () => {
    expect(await errorOf(await api('/v1/models', { key: 'key-mallory' }))).toMatchObject({
      status: 401,
      message: 'unknown API key',
    });
  });

  it('lets the health check through without a key', async () => {
    expect((await api('/healthz', { key: null })).status).toBe(200);
  });
});

describe('request bodies', () => {
  it('names the field that is out of range', async () => {
    const res = await post('/v1/generations', { ...GOOD, ras: { ratio: 2 } });
    expect(await errorOf(res)).toMatchObject({ status: 400, code: 'invalid_argument', message: /^ras\.ratio: / });
  });

  it('names a missing required field', async () => {
    const res = await post('/v1/generations', { condition: { classId: 1 } });
    expect(await errorOf(res)).toMatchObject({ status: 400, message: /^model: / });
  });

  it('refuses fields the API does not have', async () => {
    const res = await post('/v1/generations', { ...GOOD, colour: 'red' });
    expect(await errorOf(res)).toMatchObject({ status: 400, message: /colour/ });
  });

  it('refuses a seed that is not a uint32', async () => {
    const res = await post('/v1/generations', { ...GOOD, seed: -1 });
    expect(await errorOf(res)).toMatchObject({ status: 400, message: /^seed: / });
  });

  it('answers 400 for a body that is not JSON', async () => {
    const res = await api('/v1/generations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"model":',
    });
    expect(await errorOf(res)).toMatchObject({ status: 400, message: 'body: not valid JSON' });
  });

  it('answers 415 for a body that is not declared as JSON', async () => {
    const res = await api('/v1/generations', { method: 'POST', body: JSON.stringify(GOOD) });
    expect(await errorOf(res)).toMatchObject({ status: 415, code: 'unsupported_media_type' });
  });

  it('refuses a body whose Content-Length is over the limit, without reading it', async () => {
    const res = await api('/v1/generations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024) },
      body: '{}',
    });
    expect(await errorOf(res)).toMatchObject({ status: 413, code: 'payload_too_large' });
  });

  it('refuses a streamed body once it grows over the limit', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 16) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await api('/v1/generations', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(await errorOf(res)).toMatchObject({ status: 413 });
    expect(sent).toBeLessThan(16); // refused before the whole megabyte was read
  });
});

describe('routes', () => {
  it('answers an unknown path with a JSON 404', async () => {
    expect(await errorOf(await api('/v1/nothing'))).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('answers a malformed session id like a missing session', async () => {
    expect(await errorOf(await api('/v1/sessions/..%2Fetc'))).toMatchObject({ status: 404 });
  });
});
