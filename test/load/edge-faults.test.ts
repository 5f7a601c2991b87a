/**
 * Edge-side faults (issue 6): an edge configured with the wrong node token
 * (the node's UNAUTHENTICATED surfaces as a 502 with a clear message, at
 * once), and slow nodes (the request's `timeoutMs` deadline is honoured: 504
 * `deadline_exceeded` soon after it, whether the node is frozen or busy with
 * a long run). One GPU node; two edges in front of it, one with a wrong token.
 */
import type { ApiErrorBody } from '@ras/shared/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../helpers/stack';
import { post } from './http';

const KEY = 'edge-fault-key';
const IMAGE = { model: 'test-tiny', condition: { classId: 1 }, seed: 3, steps: 4, width: 16, height: 16 };
/** Nothing may take longer than this: a hang fails the test instead of stalling it. */
const hang = () => ({ signal: AbortSignal.timeout(20_000) });

/** `fn`'s answer status, error body and wall time. */
async function timed(fn: () => Promise<Response>) {
  const t = performance.now();
  const res = await fn();
  const body = (await res.json()) as ApiErrorBody;
  return { status: res.status, body, ms: performance.now() - t, retryAfter: res.headers.get('retry-after') };
}

describe('edge faults', () => {
  let stack: Stack;
  const [good, wrongToken] = [() => stack.edges[0].url, () => stack.edges[1].url];

  beforeAll(async () => {
    stack = await startStack({ nodes: 1, keys: [KEY], edges: [{}, { nodeToken: 'not-the-node-token' }] });
  }, 120_000);
  afterAll(async () => {
    const pid = stack?.nodes[0]?.child.proc.pid;
    if (pid) process.kill(pid, 'SIGCONT');
    await stack?.stop();
  }, 30_000);

  it('answers 502 naming the node token when the node refuses it, for every kind of call', async () => {
    const calls = [
      () => post(wrongToken(), KEY, '/v1/generations', IMAGE, hang()),
      () => post(wrongToken(), KEY, '/v1/generations', { ...IMAGE, stream: true }, hang()),
      () => fetch(`${wrongToken()}/v1/models`, { headers: { authorization: `Bearer ${KEY}` }, ...hang() }),
    ];
    for (const call of calls) {
      const r = await timed(call);
      expect(r.status).toBe(502);
      expect(r.body.error.code).toBe('node_error');
      expect(r.body.error.message).toMatch(/refused the edge's node token.*RAS_NODE_TOKEN/);
      expect(r.ms).toBeLessThan(5000);
    }
    // The same node serves the edge that has the right token.
    expect((await post(good(), KEY, '/v1/generations', IMAGE, hang())).status).toBe(200);
  });

  it('honours the deadline of a request to a frozen node: 504 soon after timeoutMs', async () => {
    const pid = stack.nodes[0].child.proc.pid!;
    process.kill(pid, 'SIGSTOP'); // accepts connections (the kernel does), answers nothing
    try {
      const r = await timed(() => post(good(), KEY, '/v1/generations', { ...IMAGE, timeoutMs: 1500 }, hang()));
      expect(r.status).toBe(504);
      expect(r.body.error.code).toBe('deadline_exceeded');
      expect(r.ms).toBeGreaterThanOrEqual(1400);
      expect(r.ms).toBeLessThan(1500 + 3000);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    expect((await post(good(), KEY, '/v1/generations', IMAGE, hang())).status).toBe(200);
  });

  it('honours the deadline of a run too long for it: 504 soon after timeoutMs', async () => {
    const long = { ...IMAGE, width: 64, height: 64, steps: 1000, timeoutMs: 1000 };
    const r = await timed(() => post(good(), KEY, '/v1/generations', long, hang()));
    expect(r.status).toBe(504);
    expect(r.body.error.code).toBe('deadline_exceeded');
    expect(r.ms).toBeLessThan(1000 + 3000);
  });
});
