/**
 * Interop with a published gRPC-Web client we did not write: connect-es's
 * gRPC-Web transport for Node (binary format, HTTP/1.1), with its own
 * protobuf runtime (@bufbuild/protobuf) reading descriptors that protoc
 * builds from proto/ at test time. Real engine on test-tiny.
 */
import { createFileRegistry, type DescService, fromBinary } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import { Code, ConnectError, createClient } from '@connectrpc/connect';
import { createGrpcWebTransport } from '@connectrpc/connect-node';
import { decodeTrailers, encodeFrame, FrameFlag, FrameReader, ras, Status } from '@ras/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNode, type TestNode, TOKEN, tinyEngine } from './helpers/node';
import { descriptorSet } from './helpers/protoc';
import { spyEngine } from './helpers/spy';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const TINY = { model: 'test-tiny', condition: { kind: { case: 'classId', value: 2 } }, seed: 3, steps: 5 } as const;

// The client is typed by runtime descriptors, so its messages are loosely typed here.
type Loose = { kind: { case: string; value: Record<string, unknown> } };
type Client = Record<string, (req: unknown, opts?: object) => AsyncIterable<Loose> & Promise<unknown>>;

describe('a connect-es gRPC-Web client', () => {
  let node: TestNode;
  let spy: ReturnType<typeof spyEngine>;
  let client: Client;
  const headers = { authorization: `Bearer ${TOKEN}` };

  beforeAll(async () => {
    const registry = createFileRegistry(fromBinary(FileDescriptorSetSchema, descriptorSet()));
    spy = spyEngine(await tinyEngine());
    node = await startNode(spy.engine);
    const transport = createGrpcWebTransport({ baseUrl: node.webUrl, httpVersion: '1.1' });
    client = createClient(registry.getService('ras.v1.RasSampler') as DescService, transport) as unknown as Client;
  });
  afterAll(() => node.close());

  it('streams Generate events as they happen and ends with a PNG result', async () => {
    const kinds: string[] = [];
    let result: Record<string, unknown> = {};
    for await (const event of client.generate({ ...TINY, preview: { every: 1 } }, { headers })) {
      kinds.push(event.kind.case);
      if (event.kind.case === 'result') result = event.kind.value;
    }
    expect(kinds.filter((k) => k === 'progress')).toHaveLength(5);
    expect(kinds.filter((k) => k === 'preview')).toHaveLength(5);
    expect(kinds.at(-1)).toBe('result');
    expect([...(result.png as Uint8Array).slice(0, 8)]).toEqual(PNG_MAGIC);
    expect(result).toMatchObject({ version: 1, width: 12, height: 8 });
  });

  it('reports a wrong token as UNAUTHENTICATED', async () => {
    const call = client.listModels({}, { headers: { authorization: 'Bearer nope' } });
    await expect(call).rejects.toMatchObject({ code: Code.Unauthenticated });
  });

  it('carries INVALID_ARGUMENT and its field name in the trailers', async () => {
    const drain = async () => {
      for await (const _ of client.generate({ ...TINY, steps: 0 }, { headers })) {
      }
    };
    const error = await drain().catch((e) => ConnectError.from(e));
    expect(error).toMatchObject({ code: Code.InvalidArgument, rawMessage: expect.stringMatching(/^steps: /) });
  });

  it('aborts the engine call when the client goes away mid-stream', async () => {
    const first = spy.runs.length;
    const controller = new AbortController();
    const long = { ...TINY, steps: 1000, width: 64, height: 64 };
    const read = async () => {
      for await (const event of client.generate(long, { headers, signal: controller.signal })) {
        if (event.kind.case === 'progress') controller.abort();
      }
    };
    await expect(read()).rejects.toMatchObject({ code: Code.Canceled });
    const run = spy.runs[first];
    expect((await run.outcome).error).toMatchObject({ code: 'CANCELLED' });
    expect(run.progressAfterAbort).toBeLessThanOrEqual(1);
  });

  it('passes grpc-timeout on as a deadline', async () => {
    const long = { ...TINY, steps: 1000, width: 64, height: 64 };
    const read = async () => {
      for await (const _ of client.generate(long, { headers, timeoutMs: 300 })) {
      }
    };
    await expect(read()).rejects.toMatchObject({ code: Code.DeadlineExceeded });
  });

  it('ends a call whose grpc-timeout passes with DEADLINE_EXCEEDED in the trailers frame', async () => {
    // Raw HTTP, so the deadline can only come from the server reading the header.
    const request = ras.v1.GenerateRequest.encode({
      model: 'test-tiny',
      condition: { classId: 1 },
      steps: 1000,
      width: 64,
      height: 64,
    });
    const res = await fetch(`${node.webUrl}/ras.v1.RasSampler/Generate`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/grpc-web', 'grpc-timeout': '200m' },
      body: encodeFrame(request.finish()),
    });
    expect(res.headers.get('content-type')).toBe('application/grpc-web');
    const frames = new FrameReader().push(new Uint8Array(await res.arrayBuffer()));
    const last = frames.at(-1)!;
    expect(last.flags).toBe(FrameFlag.TRAILERS);
    expect(decodeTrailers(last.payload)).toMatchObject({ 'grpc-status': String(Status.DEADLINE_EXCEEDED) });
  });

  it('answers CORS preflights for browser clients', async () => {
    const res = await fetch(`${node.webUrl}/ras.v1.RasSampler/Generate`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-headers': 'authorization,x-grpc-web' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/authorization/);
  });
});
