/**
 * Sessions over the wire: a generation's session is editable by region, its
 * recipe and versions are readable, and deleting it makes it NOT_FOUND.
 * Native gRPC on the real engine (test-tiny).
 */
import { status as Grpc } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, drain, generate, type ras, rasClient, unary } from './helpers/grpc-client';
import { startNode, type TestNode, TOKEN, tinyEngine } from './helpers/node';

describe('sessions over gRPC', () => {
  let node: TestNode;
  let client: ReturnType<typeof rasClient>;
  const md = () => auth(TOKEN);

  beforeAll(async () => {
    node = await startNode(await tinyEngine());
    client = rasClient(node.grpcTarget);
  });
  afterAll(async () => {
    client.close();
    await node.close();
  });

  async function generated(): Promise<ras.v1.Result> {
    const req = {
      model: 'test-tiny',
      condition: { classId: 1 },
      seed: 11,
      steps: 8,
      ras: { ratio: 0.5, resets: { steps: [] } },
    };
    const { events, error } = await drain(generate(client, req, md()));
    expect(error).toBeUndefined();
    return events.at(-1)!.result!;
  }

  it('edits a region of a generated image into version 2 of the same session', async () => {
    const base = await generated();
    const edit = { sessionId: base.sessionId, rects: [{ x: 0, y: 0, width: 4, height: 4 }], seed: 99, margin: 0 };
    const { events, error } = await drain(client.Edit(edit, md()) as never);
    expect(error).toBeUndefined();
    const result = (events.at(-1) as ras.v1.Event).result!;
    expect(result).toMatchObject({ sessionId: base.sessionId, version: 2, width: 12, height: 8 });
    expect(Buffer.from(result.png).equals(Buffer.from(base.png))).toBe(false);
  });

  it('describes a session: its versions and the recipe that replays it', async () => {
    const base = await generated();
    const { reply, error } = await unary<ras.v1.Session>(client, 'GetSession', { sessionId: base.sessionId }, md());
    expect(error).toBeUndefined();
    expect(reply?.versions).toEqual([1]);
    expect(reply?.recipe).toMatchObject({ model: 'test-tiny', seed: 11, steps: 8, condition: { classId: 1 } });
    expect(reply?.recipe.ras).toMatchObject({ ratio: 0.5, resets: { steps: [] } });
    expect(reply?.createdAtUnixMs).toBeGreaterThan(Date.parse('2024-01-01'));
  });

  it('forgets a deleted session', async () => {
    const base = await generated();
    const del = await unary(client, 'DeleteSession', { sessionId: base.sessionId }, md());
    expect(del.error).toBeUndefined();
    const { error } = await unary(client, 'GetSession', { sessionId: base.sessionId }, md());
    expect(error?.code).toBe(Grpc.NOT_FOUND);
  });
});
