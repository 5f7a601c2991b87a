/**
 * A fake GPU node for the workerd unit tests: gRPC-Web answers built with
 * the shared framing and generated messages, served through the pool's
 * fetchMock. End-to-end tests use real nodes instead (test/edge/).
 */
import { fetchMock, SELF } from 'cloudflare:test';
import { encodeFrame, encodeGrpcMessage, encodeTrailers, RasSamplerService, ras, Status } from '@ras/shared';

export const NODE_A = 'http://node-a.test';
export const NODE_B = 'http://node-b.test';
/** Not in the worker's GPU_NODES: for tests that hand an env of three nodes to the code under test. */
export const NODE_C = 'http://node-c.test';
export const ALICE = 'key-alice';
export const BOB = 'key-bob';

const SERVICE = `/${RasSamplerService.typeName}`;

/** A gRPC-Web response body: each event as a data frame, then the trailers. */
export function grpcWebBody(
  messages: Uint8Array[],
  status: number = Status.OK,
  message = '',
  trailers: Record<string, string> = {},
): Uint8Array {
  const parts = [...messages.map((m) => encodeFrame(m))];
  const fields = { 'grpc-status': String(status), ...trailers };
  if (message) Object.assign(fields, { 'grpc-message': encodeGrpcMessage(message) });
  parts.push(encodeTrailers(fields));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Encoded Events. */
export const events = (...list: ras.v1.Event.$Properties[]) => list.map((e) => ras.v1.Event.encode(e).finish());

/** A Result event for `sessionId` at `version`, sampled on `backend` (none: a node that does not say). */
export function resultEvent(
  sessionId: string,
  version = 1,
  state = `state-${sessionId}-v${version}`,
  backend?: ras.v1.Backend.$Properties,
) {
  return {
    result: {
      sessionId,
      version,
      png: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
      width: 12,
      height: 8,
      timings: { queueMs: 1, totalMs: 20, stepMs: [5, 5, 5, 5] },
      tokensRun: 72,
      tokensTotal: 96,
      sessionState: new TextEncoder().encode(state),
      backend,
    },
  };
}

/** A ListModels answer: test-tiny, run on `backend` (none: a node that does not say). */
export function modelsReply(backend?: ras.v1.Backend.$Properties): Uint8Array {
  const model = { name: 'test-tiny', width: 12, height: 8, patch: 2, backend };
  return grpcWebBody([ras.v1.ListModelsResponse.encode({ models: [model] }).finish()]);
}

/** The events of a 4-step run on a 24-token image, ending with `sessionId`'s result. */
export function runEvents(sessionId: string, version = 1, backend?: ras.v1.Backend.$Properties) {
  const step = (i: number, kind: ras.v1.StepKind, run: number) => ({
    progress: { step: i, steps: 4, kind, tokensRun: run, tokens: 24, stepMs: 5 },
  });
  return events(
    { queued: { position: 0 } },
    step(0, ras.v1.StepKind.STEP_KIND_DENSE, 24),
    step(1, ras.v1.StepKind.STEP_KIND_RAS, 12),
    {
      preview: {
        step: 1,
        image: new Uint8Array([1, 2]),
        mime: 'image/png',
        width: 12,
        height: 8,
        focus: new Uint8Array(24).fill(1),
        gridRows: 4,
        gridCols: 6,
      },
    },
    step(2, ras.v1.StepKind.STEP_KIND_RAS, 12),
    step(3, ras.v1.StepKind.STEP_KIND_DENSE, 24),
    resultEvent(sessionId, version, undefined, backend),
  );
}

/** What the fake node received: headers and the decoded request message. */
export interface Received {
  headers: Record<string, string>;
  body: Uint8Array;
}

/**
 * The mock's view of a request body as bytes. The pool hands it over as
 * UTF-8-decoded text, which loses bytes above 0x7f: tests that decode a
 * request use field values whose encoding is ASCII.
 */
function toBytes(body: unknown): Uint8Array {
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  throw new Error(`unexpected mock body ${Object.prototype.toString.call(body)}`);
}

type Reply = (req: Received) => Uint8Array;

/** The scripted answers per node and method, consumed in order. */
const script = new Map<string, Reply[]>();

/** Forgets every scripted answer (call before each test). */
export function resetFakeNodes(): void {
  script.clear();
}

/** Installs the fake nodes on fetchMock; once per test file (the pool resets the mock between files). */
export function installFakeNodes(): void {
  script.clear();
  fetchMock.activate();
  fetchMock.disableNetConnect();
  for (const node of [NODE_A, NODE_B, NODE_C]) {
    fetchMock
      .get(node)
      .intercept({ path: (p) => p.startsWith(`${SERVICE}/`), method: 'POST' })
      .reply((req) => {
        const method = String(req.path).slice(SERVICE.length + 1);
        const next = script.get(`${node} ${method}`)?.shift();
        // Throwing makes the worker's fetch reject: an unreachable node.
        if (!next) throw new Error(`connect ECONNREFUSED (${node} ${method})`);
        const data = next({ headers: req.headers as Record<string, string>, body: toBytes(req.body).subarray(5) });
        return {
          statusCode: 200,
          data,
          responseOptions: { headers: { 'content-type': 'application/grpc-web+proto' } },
        };
      })
      .persist();
  }
}

/** Answers the next `method` call on `node` with `body`; `received` collects what was sent. */
export function answer(node: string, method: string, body: Uint8Array, received: Received[] = []): Received[] {
  const key = `${node} ${method}`;
  script.set(key, [
    ...(script.get(key) ?? []),
    (req) => {
      received.push(req);
      return body;
    },
  ]);
  return received;
}

/** The next `method` call on `node` fails to connect (nothing scripted does the same). */
export function unreachable(node: string, method: string): void {
  const key = `${node} ${method}`;
  script.set(key, [
    ...(script.get(key) ?? []),
    () => {
      throw new Error(`connect ECONNREFUSED (${node} ${method})`);
    },
  ]);
}

/** A request to the worker with `key`'s bearer token. */
export function api(path: string, init: RequestInit & { key?: string | null } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.key !== null) headers.set('authorization', `Bearer ${init.key ?? ALICE}`);
  return SELF.fetch(`http://edge.test${path}`, { ...init, headers });
}

/** POSTs `body` as JSON. */
export function post(path: string, body: unknown, init: RequestInit & { key?: string | null } = {}) {
  const headers = new Headers(init.headers);
  headers.set('content-type', 'application/json');
  return api(path, { ...init, method: 'POST', headers, body: JSON.stringify(body) });
}

/** SSE text as [event, data] pairs. */
export function parseSse(text: string): [string, unknown][] {
  return text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = block
        .split('\n')
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n');
      return [event, JSON.parse(data)];
    });
}
