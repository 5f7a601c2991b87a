/**
 * Status mapping over native gRPC, on the real engine (test-tiny): every
 * failure reaches the client as the status docs/design.md#errors names.
 */
import { status as Grpc } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, drain, generate, type ras, rasClient, unary } from './helpers/grpc-client';
import { startNode, type TestNode, TOKEN, tinyEngine } from './helpers/node';
import { spyEngine } from './helpers/spy';

/** Long enough that the test, not the engine, decides when it ends (1024 tokens × 1000 steps). */
const LONG: ras.v1.GenerateRequest.$Properties = {
  model: 'test-tiny',
  condition: { classId: 0 },
  seed: 1,
  steps: 1000,
  width: 64,
  height: 64,
};

describe('gRPC status mapping', () => {
  let node: TestNode;
  let spy: ReturnType<typeof spyEngine>;
  let client: ReturnType<typeof rasClient>;

  beforeAll(async () => {
    spy = spyEngine(await tinyEngine({ maxConcurrent: 1, maxQueue: 0 }));
    node = await startNode(spy.engine);
    client = rasClient(node.grpcTarget);
  });
  afterAll(async () => {
    client.close();
    await node.close();
  });

  it('answers bad arguments with INVALID_ARGUMENT naming the field', async () => {
    const steps = await drain(generate(client, { ...LONG, steps: 0 }, auth(TOKEN)));
    expect(steps.error?.code).toBe(Grpc.INVALID_ARGUMENT);
    expect(steps.error?.details).toMatch(/^steps: /);
    const ratio = await drain(generate(client, { ...LONG, ras: { ratio: 1.5 } }, auth(TOKEN)));
    expect(ratio.error?.code).toBe(Grpc.INVALID_ARGUMENT);
    expect(ratio.error?.details).toMatch(/^ras\.ratio: /);
    const cond = await drain(generate(client, { ...LONG, condition: undefined }, auth(TOKEN)));
    expect(cond.error?.details).toMatch(/^condition: /);
  });

  it('answers an unknown session with NOT_FOUND', async () => {
    const { error } = await unary(
      client,
      'GetSession',
      { sessionId: '00000000-0000-4000-8000-000000000000' },
      auth(TOKEN),
    );
    expect(error?.code).toBe(Grpc.NOT_FOUND);
    const edit = await drain(
      client.Edit(
        { sessionId: '00000000-0000-4000-8000-000000000000', rects: [{ x: 0, y: 0, width: 2, height: 2 }] },
        auth(TOKEN),
      ) as never,
    );
    expect(edit.error?.code).toBe(Grpc.NOT_FOUND);
  });

  it('answers a missing or wrong token with UNAUTHENTICATED, and leaves health open', async () => {
    for (const md of [auth(), auth('wrong-token')]) {
      const { error } = await unary(client, 'ListModels', {}, md);
      expect(error?.code).toBe(Grpc.UNAUTHENTICATED);
    }
    const { reply } = await unary<ras.v1.ListModelsResponse>(client, 'ListModels', {}, auth(TOKEN));
    const tiny = (await node.engine.listModels()).find((m) => m.patch === 2 && m.width === 12);
    expect(reply?.models.find((m) => m.width === 12)).toMatchObject({ ...tiny, labels: [] });
  });

  it('turns a full queue into RESOURCE_EXHAUSTED with a retry-after-ms hint', async () => {
    const first = spy.runs.length;
    const busy = generate(client, LONG, auth(TOKEN));
    const busyEnded = drain(busy);
    await new Promise((started) => busy.once('data', started)); // the slot is taken
    const { error } = await drain(generate(client, LONG, auth(TOKEN)));
    expect(error?.code).toBe(Grpc.RESOURCE_EXHAUSTED);
    expect(Number(error?.metadata.get('retry-after-ms')[0])).toBeGreaterThan(0);
    busy.cancel();
    expect((await busyEnded).error?.code).toBe(Grpc.CANCELLED);
    expect((await spy.runs[first].outcome).error).toMatchObject({ code: 'CANCELLED' });
  });

  it('stops the engine within one step when the client cancels mid-stream', async () => {
    const first = spy.runs.length;
    const stream = generate(client, LONG, auth(TOKEN));
    const ended = drain(stream);
    await new Promise((progress) => stream.once('data', progress));
    stream.cancel();
    expect((await ended).error?.code).toBe(Grpc.CANCELLED);
    const run = spy.runs[first];
    const { error } = await run.outcome;
    expect(run.signal?.aborted).toBe(true);
    expect(error).toMatchObject({ code: 'CANCELLED' });
    expect(run.progressAfterAbort).toBeLessThanOrEqual(1);
    expect(run.events.filter((e) => e.type === 'progress').length).toBeLessThan(1000);
  });

  it('answers a passed deadline with DEADLINE_EXCEEDED and stops the engine', async () => {
    const first = spy.runs.length;
    const { error } = await drain(generate(client, LONG, auth(TOKEN), { deadline: Date.now() + 300 }));
    expect(error?.code).toBe(Grpc.DEADLINE_EXCEEDED);
    const run = spy.runs[first];
    expect((await run.outcome).error).toBeDefined();
    expect(run.signal?.reason).toMatchObject({ code: 'DEADLINE_EXCEEDED' });
    expect(run.progressAfterAbort).toBeLessThanOrEqual(1);
  });
});
