/**
 * POST /v1/generations inside workerd, the node faked through fetchMock:
 * SSE and JSON answers, what reaches the node, the session it records, and
 * how node failures map to HTTP.
 */
import { ras, Status } from '@ras/shared';
import type { CompleteEvent } from '@ras/shared/http';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ALICE,
  answer,
  api,
  BOB,
  grpcWebBody,
  installFakeNodes,
  NODE_A,
  NODE_B,
  parseSse,
  post,
  resetFakeNodes,
  runEvents,
  unreachable,
} from './fake-node';

const BODY = { model: 'test-tiny', condition: { classId: 1 }, steps: 4, preview: { every: 1 } };

/** Every node answers Generate with `body` (whichever the edge tries first). */
function everyNode(body: Uint8Array) {
  const received = answer(NODE_A, 'Generate', body);
  answer(NODE_B, 'Generate', body, received);
  return received;
}

describe('POST /v1/generations', () => {
  beforeAll(installFakeNodes);
  beforeEach(resetFakeNodes);

  it('streams the node events as SSE in order and ends with complete', async () => {
    everyNode(grpcWebBody(runEvents('s-sse')));
    const res = await post('/v1/generations', BODY, { headers: { accept: 'text/event-stream' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const sse = parseSse(await res.text());
    expect(sse.map(([e]) => e)).toEqual([
      'queued',
      'progress',
      'progress',
      'preview',
      'progress',
      'progress',
      'complete',
    ]);
    expect(sse[1][1]).toEqual({ step: 0, steps: 4, kind: 'dense', tokensRun: 24, tokens: 24, stepMs: 5 });
    expect(sse[3][1]).toMatchObject({ step: 1, mime: 'image/png', image: 'AQI=', gridRows: 4, gridCols: 6 });
    const complete = sse[6][1] as CompleteEvent;
    expect(complete).toMatchObject({ sessionId: 's-sse', version: 1, width: 12, height: 8, tokensRun: 72 });
    expect(complete.speedup).toBeCloseTo(96 / 72);
    expect(atob(complete.png).charCodeAt(1)).toBe(0x50); // 'P' of the PNG magic
  });

  it('answers one JSON body when the client does not ask for a stream', async () => {
    everyNode(grpcWebBody(runEvents('s-json')));
    const res = await post('/v1/generations', BODY);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toMatchObject({ sessionId: 's-json', version: 1, rehomed: false });
  });

  it('streams when the body says stream: true', async () => {
    everyNode(grpcWebBody(runEvents('s-flag')));
    const res = await post('/v1/generations', { ...BODY, stream: true });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(parseSse(await res.text()).at(-1)?.[0]).toBe('complete');
  });

  it('sends the node token, a grpc-timeout and the request as the proto says', async () => {
    const received = everyNode(grpcWebBody(runEvents('s-wire')));
    // Values whose encoding is ASCII: the mock sees the body as UTF-8 text.
    await post('/v1/generations', { ...BODY, seed: 9, ras: { starvationScale: 2, resets: [] }, timeoutMs: 5000 });
    expect(received[0].headers.authorization).toBe('Bearer node-secret');
    expect(received[0].headers['grpc-timeout']).toBe('5000m');
    const req = ras.v1.GenerateRequest.decode(received[0].body);
    expect(req).toMatchObject({
      model: 'test-tiny',
      condition: { classId: 1 },
      seed: 9,
      steps: 4,
      preview: { every: 1 },
    });
    expect(req.ras).toMatchObject({ starvationScale: 2, resets: { steps: [] } });
  });

  it('draws a seed when the body has none, so the recorded recipe replays', async () => {
    everyNode(grpcWebBody(runEvents('s-seeded')));
    await post('/v1/generations', BODY);
    const session = await (await api('/v1/sessions/s-seeded')).json<{ recipe: { seed: number } }>();
    expect(Number.isInteger(session.recipe.seed)).toBe(true);
  });

  it('records the session for the key that made it, and no other', async () => {
    everyNode(grpcWebBody(runEvents('s-owned')));
    await post('/v1/generations', { ...BODY, seed: 42 });
    const mine = await api('/v1/sessions/s-owned', { key: ALICE });
    expect(mine.status).toBe(200);
    expect(await mine.json()).toMatchObject({
      sessionId: 's-owned',
      model: 'test-tiny',
      recipe: { model: 'test-tiny', seed: 42, steps: 4, condition: { classId: 1 } },
      versions: [{ version: 1 }],
    });
    const theirs = await api('/v1/sessions/s-owned', { key: BOB });
    const missing = await api('/v1/sessions/s-nothing', { key: BOB });
    expect(theirs.status).toBe(404);
    expect((await theirs.json<{ error: { code: string; message: string } }>()).error.message).toBe(
      'session "s-owned" not found',
    );
    expect(missing.status).toBe(404);
  });

  it("passes the node's INVALID_ARGUMENT on as a 400 with the node's message", async () => {
    everyNode(grpcWebBody([], Status.INVALID_ARGUMENT, 'width: must be a multiple of 2'));
    const res = await post('/v1/generations', { ...BODY, width: 13 }, { headers: { accept: 'text/event-stream' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: 'invalid_argument', message: 'width: must be a multiple of 2' },
    });
  });

  it('warns in a header and the complete payload when the model does not serve the asked size well, and not when it does', async () => {
    const models = ras.v1.ListModelsResponse.encode({
      models: [{ name: 'shapes-dit', width: 32, height: 32, patch: 4, sizes: [{ width: 32, height: 32 }] }],
    }).finish();
    for (const [size, warning] of [
      [{ width: 64, height: 64 }, 'shapes-dit was not trained at 64x64 and serves 32x32 well: expect noise'],
      [{}, null],
    ] as const) {
      for (const node of [NODE_A, NODE_B]) answer(node, 'ListModels', grpcWebBody([models]));
      everyNode(grpcWebBody(runEvents('s-size')));
      const res = await post('/v1/generations', { ...BODY, model: 'shapes-dit', ...size });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ras-warning')).toBe(warning);
      expect((await res.json<CompleteEvent>()).warning).toBe(warning ?? undefined);
      resetFakeNodes();
    }
  });

  it('names every wrong size field in one 400', async () => {
    const res = await post('/v1/generations', { ...BODY, width: 0, height: 5000 });
    expect(res.status).toBe(400);
    const { message } = (await res.json<{ error: { message: string } }>()).error;
    expect(message).toMatch(/^width: .*; height: /);
  });

  it('reports a refused node token as a 502 that says so', async () => {
    everyNode(grpcWebBody([], Status.UNAUTHENTICATED, 'wrong node token'));
    const res = await post('/v1/generations', BODY);
    expect(res.status).toBe(502);
    expect((await res.json<{ error: { code: string; message: string } }>()).error.message).toMatch(
      /NODE_TOKEN.*wrong node token/,
    );
  });

  it('answers 503 with Retry-After when every node is busy', async () => {
    everyNode(grpcWebBody([], Status.RESOURCE_EXHAUSTED, 'queue full', { 'retry-after-ms': '2500' }));
    const res = await post('/v1/generations', BODY);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('3');
    expect((await res.json<{ error: { code: string; message: string } }>()).error.code).toBe('unavailable');
  });

  it('answers 503 with Retry-After when no node can be reached', async () => {
    unreachable(NODE_A, 'Generate');
    unreachable(NODE_B, 'Generate');
    const res = await post('/v1/generations', BODY);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect((await res.json<{ error: { code: string; message: string } }>()).error.message).toMatch(
      /no GPU node could take the request/,
    );
  });

  it('answers 504 when the deadline passes on the node', async () => {
    everyNode(grpcWebBody([], Status.DEADLINE_EXCEEDED, 'deadline exceeded'));
    const res = await post('/v1/generations', BODY);
    expect(res.status).toBe(504);
    expect((await res.json<{ error: { code: string; message: string } }>()).error.code).toBe('deadline_exceeded');
  });

  it('ends a started stream with an error event when the node fails mid-run', async () => {
    const [queued, progress] = runEvents('s-broken');
    everyNode(grpcWebBody([queued, progress], Status.INTERNAL, 'model crashed'));
    const res = await post('/v1/generations', BODY, { headers: { accept: 'text/event-stream' } });
    expect(res.status).toBe(200);
    const sse = parseSse(await res.text());
    expect(sse.map(([e]) => e)).toEqual(['queued', 'progress', 'error']);
    expect(sse[2][1]).toEqual({ error: { code: 'node_error', message: 'GPU node error 13: model crashed' } });
  });
});
