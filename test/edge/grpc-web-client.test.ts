/**
 * The shared gRPC-Web client (fetch) the edge uses, against a real node in
 * this process (test-tiny): streams, statuses from the trailers, deadlines,
 * cancellation reaching the engine, and an unreachable node.
 */
import { GrpcWebError, RasWebClient, Status } from '@ras/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNode, type TestNode, TOKEN, tinyEngine } from '../service/helpers/node';
import { spyEngine } from '../service/helpers/spy';

const TINY = { model: 'test-tiny', condition: { classId: 2 }, seed: 3, steps: 4 };

async function drain(stream: AsyncGenerator<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const e of stream) out.push(e);
  return out;
}

describe('the gRPC-Web client over fetch', () => {
  let node: TestNode;
  let spy: ReturnType<typeof spyEngine>;
  let client: RasWebClient;

  beforeAll(async () => {
    spy = spyEngine(await tinyEngine());
    node = await startNode(spy.engine);
    client = new RasWebClient(node.webUrl, { token: TOKEN });
  });
  afterAll(() => node.close());

  it('streams Generate events and ends with the result', async () => {
    const events = (await drain(client.generate({ ...TINY, preview: { every: 2 } }))) as Record<string, unknown>[];
    expect(events.filter((e) => e.progress)).toHaveLength(4);
    expect(events.filter((e) => e.preview)).toHaveLength(2);
    expect(events.at(-1)?.result).toMatchObject({ version: 1, width: 12, height: 8 });
  });

  it('reads the status and its percent-encoded message from the trailers', async () => {
    const err = await drain(client.generate({ ...TINY, steps: 0 })).catch((e) => e);
    expect(err).toBeInstanceOf(GrpcWebError);
    expect(err).toMatchObject({ code: Status.INVALID_ARGUMENT, message: expect.stringMatching(/^steps: /) });
  });

  it('reports a wrong token as UNAUTHENTICATED', async () => {
    const wrong = new RasWebClient(node.webUrl, { token: 'nope' });
    await expect(wrong.listModels()).rejects.toMatchObject({ code: Status.UNAUTHENTICATED });
  });

  it('ends a call at its deadline with DEADLINE_EXCEEDED, and the node stops too', async () => {
    const first = spy.runs.length;
    const long = { ...TINY, steps: 1000, width: 64, height: 64 };
    const err = await drain(client.generate(long, { timeoutMs: 300 })).catch((e) => e);
    expect(err).toMatchObject({ code: Status.DEADLINE_EXCEEDED });
    expect((await spy.runs[first].outcome).error).toMatchObject({ code: expect.stringMatching(/DEADLINE|CANCELLED/) });
  });

  it("cancels the node's run when the caller aborts", async () => {
    const first = spy.runs.length;
    const controller = new AbortController();
    const long = { ...TINY, steps: 1000, width: 64, height: 64 };
    const read = async () => {
      for await (const e of client.generate(long, { signal: controller.signal })) if (e.progress) controller.abort();
    };
    await expect(read()).rejects.toMatchObject({ code: Status.CANCELLED });
    expect((await spy.runs[first].outcome).error).toMatchObject({ code: 'CANCELLED' });
  });

  it('reports a node that cannot be reached as UNAVAILABLE', async () => {
    const gone = new RasWebClient('http://127.0.0.1:9', { token: TOKEN });
    await expect(gone.listModels()).rejects.toMatchObject({ code: Status.UNAVAILABLE });
  });
});
