import { describe, expect, it } from 'vitest';
import { ApiError, createApi } from '../../edge/public/js/api.js';

type Call = { url: string; init: RequestInit };

/** A fetch that answers with `responses` in turn and records the calls. */
function fakeFetch(responses: (() => Response)[]) {
  const calls: Call[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    const next = responses.shift();
    if (!next) throw new Error('unexpected request');
    return next();
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

const sse = (text: string) => () => new Response(text, { headers: { 'content-type': 'text/event-stream' } });
const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('API client', () => {
  it('streams a generation: Bearer key, SSE accept header, events in order, resolves with complete', async () => {
    const { calls, fetch } = fakeFetch([
      sse(
        'event: queued\ndata: {"position":0}\n\nevent: progress\ndata: {"step":0}\n\nevent: complete\ndata: {"version":1}\n\n',
      ),
    ]);
    const api = createApi({ apiKey: () => ' k1 ', fetch, baseUrl: 'http://edge' });
    const seen: string[] = [];
    const result = await api.generate({ model: 'm' }, { onEvent: (e) => seen.push(e) });
    expect(result).toEqual({ version: 1 });
    expect(seen).toEqual(['queued', 'progress', 'complete']);
    const headers = new Headers(calls[0].init.headers);
    expect(calls[0].url).toBe('http://edge/v1/generations');
    expect(headers.get('authorization')).toBe('Bearer k1');
    expect(headers.get('accept')).toBe('text/event-stream');
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ model: 'm' });
  });

  it('retries while the server is busy, telling the page in words', async () => {
    const busy = json(429, { error: { code: 'rate_limited', message: 'too many' } }, { 'retry-after': '0' });
    const { calls, fetch } = fakeFetch([busy, busy, sse('event: complete\ndata: {"version":2}\n\n')]);
    const api = createApi({ apiKey: () => 'k', fetch });
    const retries: string[] = [];
    const result = await api.edit('s/1', { rects: [] }, { onEvent: () => {}, onRetry: (m) => retries.push(m) });
    expect(result).toEqual({ version: 2 });
    expect(retries).toEqual(['The server is busy, retrying in 0 s.', 'The server is busy, retrying in 0 s.']);
    expect(calls.map((c) => c.url)).toEqual(Array(3).fill('/v1/sessions/s%2F1/edits'));
  });

  it("rejects with the API's message for a 4xx and for an error event", async () => {
    const bad = json(400, { error: { code: 'invalid_argument', message: 'steps: too big' } });
    const { fetch } = fakeFetch([
      bad,
      sse('event: error\ndata: {"error":{"code":"not_found","message":"no such session"}}\n\n'),
    ]);
    const api = createApi({ apiKey: () => '', fetch });
    const h = { onEvent: () => {} };
    await expect(api.generate({}, h)).rejects.toMatchObject({ message: 'steps: too big', status: 400 });
    const err = await api.edit('x', {}, h).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ message: 'no such session', code: 'not_found' });
  });

  it('says so when the stream ends without a result, or the server cannot be reached', async () => {
    const { fetch } = fakeFetch([
      sse('event: progress\ndata: {}\n\n'),
      () => {
        throw new TypeError('fetch failed');
      },
    ]);
    const api = createApi({ apiKey: () => '', fetch });
    await expect(api.generate({}, { onEvent: () => {} })).rejects.toThrow(/closed before the image was finished/);
    await expect(api.listModels()).rejects.toThrow(/Could not reach the server/);
  });
});
