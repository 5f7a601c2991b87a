/**
 * The proto's own words, checked over native gRPC on the real engine
 * (test-tiny): what its comments promise is what a client gets.
 */
import { status as Grpc } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_LENGTH } from '../../gpu-node/src/service/status';
import { auth, drain, generate, type ras, rasClient, unary } from './helpers/grpc-client';
import { startNode, type TestNode, TOKEN, tinyEngine } from './helpers/node';

const BASE: ras.v1.GenerateRequest.$Properties = { model: 'test-tiny', condition: { classId: 1 }, seed: 5, steps: 6 };
const HUGE = 'x'.repeat(100_000);

describe('the gRPC contract', () => {
  let node: TestNode;
  let client: ReturnType<typeof rasClient>;
  const md = () => auth(TOKEN);

  beforeAll(async () => {
    node = await startNode(await tinyEngine({ maxConcurrent: 1, maxQueue: 2 }));
    client = rasClient(node.grpcTarget);
  });
  afterAll(async () => {
    client.close();
    await node.close();
  });

  it('refuses ras.warmup 0 on Generate and Edit with INVALID_ARGUMENT naming the field', async () => {
    const gen = await drain(generate(client, { ...BASE, ras: { warmup: 0 } }, md()));
    expect(gen.error?.code).toBe(Grpc.INVALID_ARGUMENT);
    expect(gen.error?.details).toMatch(/^ras\.warmup: /);
    const ok = await drain(generate(client, BASE, md()));
    const sessionId = ok.events.at(-1)?.result?.sessionId;
    const edit = { sessionId, rects: [{ x: 0, y: 0, width: 4, height: 4 }], ras: { warmup: 0 } };
    const { error } = await drain(client.Edit(edit, md()) as never);
    expect(error?.code).toBe(Grpc.INVALID_ARGUMENT);
    expect(error?.details).toMatch(/^ras\.warmup: /);
  });

  it('runs ras.warmup 0 when step 0 is a reset, or RAS is off', async () => {
    for (const ras of [
      { warmup: 0, resets: { steps: [0] } },
      { warmup: 0, policy: 'dense' },
    ]) {
      const { events, error } = await drain(generate(client, { ...BASE, ras }, md()));
      expect(error).toBeUndefined();
      expect(events.at(-1)?.result?.version).toBe(1);
    }
  });

  it('quotes a huge input in short: the status stays far below 8 KiB', async () => {
    const calls = [
      drain(generate(client, { ...BASE, condition: { label: HUGE } }, md())),
      drain(generate(client, { ...BASE, model: HUGE }, md())),
      drain(generate(client, { ...BASE, ras: { policy: HUGE } }, md())),
      drain(client.Edit({ sessionId: HUGE, rects: [{ width: 2, height: 2 }] }, md()) as never),
      unary(client, 'GetSession', { sessionId: HUGE }, md()),
      unary(client, 'DeleteSession', { sessionId: HUGE }, md()),
    ];
    for (const { error } of await Promise.all(calls)) {
      expect([Grpc.INVALID_ARGUMENT, Grpc.NOT_FOUND]).toContain(error?.code);
      expect(error?.details.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
      expect(error?.details).toMatch(/\(100000 characters\)/);
    }
  });

  it('answers an unknown model with NOT_FOUND, as the header says', async () => {
    const { error } = await drain(generate(client, { ...BASE, model: 'no-such-model' }, md()));
    expect(error?.code).toBe(Grpc.NOT_FOUND);
    expect(error?.details).toMatch(/^model: unknown model "no-such-model"; known: .*test-tiny/);
  });

  it('takes a present width or height of 0 as a real 0: INVALID_ARGUMENT', async () => {
    for (const [size, field] of [
      [{ width: 0 }, 'width'],
      [{ height: 0 }, 'height'],
    ] as const) {
      const { error } = await drain(generate(client, { ...BASE, ...size }, md()));
      expect(error?.code).toBe(Grpc.INVALID_ARGUMENT);
      expect(error?.details).toMatch(new RegExp(`^${field}: `));
    }
  });

  it('numbers queue positions as requests ahead: the first waiter is 0 (next)', async () => {
    const busy = generate(client, { ...BASE, steps: 1000, width: 64, height: 64 }, md());
    const busyEnded = drain(busy);
    await new Promise((started) => busy.once('data', started)); // the slot is taken
    const waiting = generate(client, BASE, md());
    const first = await new Promise<ras.v1.Event>((got) => waiting.once('data', got));
    const second = generate(client, BASE, md());
    const behind = await new Promise<ras.v1.Event>((got) => second.once('data', got));
    expect(first.queued?.position).toBe(0);
    expect(behind.queued?.position).toBe(1);
    busy.cancel();
    await busyEnded;
    expect((await drain(waiting)).error).toBeUndefined();
    expect((await drain(second)).error).toBeUndefined();
  });
});
