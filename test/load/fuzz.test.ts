/**
 * Bad input (issue 6, docs/design.md#errors): a property-based fuzzer (fast-check)
 * over the edge's HTTP API in front of a real GPU node. Whatever is sent —
 * random JSON, wrong types, huge numbers, unicode, missing fields, random
 * paths and methods, bad auth — the answer is never a 5xx, never a hang
 * (each request has a deadline), an error is `{error:{code,message}}`, and
 * both processes are healthy at the end.
 */
import { RasWebClient } from '@ras/shared';
import type { CompleteEvent } from '@ras/shared/http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../helpers/stack';
import { type FuzzRequest, fuzzRequests } from './fuzz-requests';
import { type Answer, post, requestFresh } from './http';

/** Several keys, so the per-key rate limit (60/min) leaves most requests to reach validation. */
const KEYS = Array.from({ length: 8 }, (_, i) => `fuzz-key-${i}`);
const RUNS = 300;
/** Longer than any valid request the fuzzer can make (at most one field off a 2-step 16×16 image). */
const REQUEST_DEADLINE_MS = 30_000;

/** Sends `r` on a connection of its own; its status and whole body (read to the end: an SSE stream must end too). */
function send(url: string, r: FuzzRequest): Promise<Answer> {
  const signal = AbortSignal.timeout(REQUEST_DEADLINE_MS);
  return requestFresh(`${url}${r.path}`, { method: r.method, headers: r.headers, body: r.body, signal });
}

describe('the HTTP API under random input', () => {
  let stack: Stack;
  /** One session per key. */
  let sessions: string[];
  const edge = () => stack.edges[0].url;

  beforeAll(async () => {
    stack = await startStack({ nodes: 1, keys: KEYS });
    const image = { model: 'test-tiny', condition: { classId: 0 }, seed: 1, steps: 2, width: 16, height: 16 };
    sessions = await Promise.all(
      KEYS.map(
        async (key) => ((await (await post(edge(), key, '/v1/generations', image)).json()) as CompleteEvent).sessionId,
      ),
    );
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  }, 30_000);

  it('never answers 5xx or hangs, and every API error is {error:{code,message}}', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fuzzRequests(sessions, KEYS), async (r) => {
        const { status, body, type } = await send(edge(), r);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        expect(status, `${r.method} ${r.path}: ${body.slice(0, 300)}\n${stack.output()}`).toBeLessThan(500);
        const api = r.path.startsWith('/v1/') || r.path === '/healthz';
        if (status >= 400 && api && r.method !== 'HEAD') {
          expect(type).toContain('application/json');
          const err = JSON.parse(body).error;
          expect(typeof err.code === 'string' && typeof err.message === 'string', body).toBe(true);
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    console.log(`fuzz: ${RUNS} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    // The fuzzer reached past auth and validation, not only 401s and 404s.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(RUNS / 20);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
  }, 240_000);

  it('leaves both processes up and healthy', async () => {
    expect(stack.nodes[0].child.proc.exitCode).toBeNull();
    expect(stack.edges[0].child.proc.exitCode).toBeNull();
    expect((await fetch(`${edge()}/healthz`)).status).toBe(200);
    const node = new RasWebClient(stack.nodes[0].webUrl, { token: stack.nodeToken });
    expect((await node.listModels({ timeoutMs: 5000 })).models.map((m) => m.name)).toContain('test-tiny');
    // Nothing escaped as an unhandled error on either side.
    const lines = [...stack.nodes[0].child.lines, ...stack.edges[0].child.lines];
    expect(lines.filter((l) => /edge: unhandled|internal error|Uncaught/i.test(l))).toEqual([]);
  });
});
