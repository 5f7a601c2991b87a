/**
 * Random and hostile requests to every RPC over native gRPC (fast-check), on
 * the real engine with its sessions on disk: never INTERNAL or UNKNOWN, never
 * a hang (each call has a deadline, and a watchdog well past it), statuses
 * that quote in short, nothing written outside the cache directory, and a
 * session no request named left exactly as it was.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { RasSamplerService } from '@ras/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rasServiceDefinition } from '../../gpu-node/src/service/grpc/definition';
import { MAX_MESSAGE_LENGTH } from '../../gpu-node/src/service/status';
import { type FuzzCall, fuzzCalls } from './helpers/fuzz-messages';
import { auth, drain, generate, type ras, rasClient, unary } from './helpers/grpc-client';
import { startNode, type TestNode, TOKEN, tinyEngine } from './helpers/node';

const RUNS = 1000;
/** Per call: long enough for any cheap valid request, short enough to cut an expensive one. */
const DEADLINE_MS = 3_000;
/** A call that has not settled this long after its deadline has hung. */
const WATCHDOG_MS = DEADLINE_MS + 20_000;

/** A client that sends and receives raw bytes, so requests can be malformed on the wire. */
const RawClient = grpc.makeGenericClientConstructor(rasServiceDefinition(), 'RasSamplerRaw');
type Raw = grpc.Client & Record<string, (...args: unknown[]) => unknown>;

/** Sends one call; its final status (OK included). */
function call(client: Raw, { method, bytes }: FuzzCall): Promise<grpc.StatusObject> {
  const options = { deadline: Date.now() + DEADLINE_MS };
  return new Promise((resolve) => {
    if (RasSamplerService.methods[method].responseStream) {
      const stream = client[method](Buffer.from(bytes), auth(TOKEN), options) as grpc.ClientReadableStream<Buffer>;
      stream.on('data', () => {});
      stream.on('status', resolve);
      stream.on('error', () => {}); // the status event carries it
    } else {
      const c = client[method](Buffer.from(bytes), auth(TOKEN), options, () => {}) as grpc.ClientUnaryCall;
      c.on('status', resolve);
    }
  });
}

function watchdog<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what} did not settle in ${WATCHDOG_MS} ms`)), WATCHDOG_MS);
  });
  return Promise.race([p, hung]).finally(() => clearTimeout(timer));
}

describe('every RPC under random and hostile input', () => {
  let node: TestNode;
  let typed: ReturnType<typeof rasClient>;
  let raw: Raw;
  let parent: string;
  let cacheDir: string;
  /** Never named by a request; only its state travels (for other ids). */
  let untouched: ras.v1.Result;
  let target: ras.v1.Result;
  let before: ras.v1.Session | undefined;

  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'ras-fuzz-'));
    cacheDir = join(parent, 'cache');
    const engine = await tinyEngine({
      maxQueue: 8,
      sessions: { dir: cacheDir, stateKeys: { current: 'f'.repeat(32) } },
      log: () => {},
    });
    node = await startNode(engine);
    typed = rasClient(node.grpcTarget);
    raw = new RawClient(node.grpcTarget, grpc.credentials.createInsecure()) as Raw;
    const made = async (seed: number) => {
      const req = { model: 'test-tiny', condition: { classId: 1 }, seed, steps: 2 };
      const { events, error } = await drain(generate(typed, req, auth(TOKEN)));
      expect(error).toBeUndefined();
      return events.at(-1)!.result!;
    };
    untouched = await made(1);
    target = await made(2);
    before = (await unary<ras.v1.Session>(typed, 'GetSession', { sessionId: untouched.sessionId }, auth(TOKEN))).reply;
  }, 60_000);
  afterAll(async () => {
    typed?.close();
    raw?.close();
    await node?.close();
  });

  it('never answers INTERNAL or UNKNOWN, never hangs, and quotes in short', async () => {
    const codes = new Map<string, number>();
    const world = { target: target.sessionId, states: [untouched.sessionState, target.sessionState] };
    await fc.assert(
      fc.asyncProperty(fuzzCalls(world), async (c) => {
        const status = await watchdog(call(raw, c), c.method);
        const name = grpc.status[status.code];
        codes.set(`${c.method} ${name}`, (codes.get(`${c.method} ${name}`) ?? 0) + 1);
        expect([grpc.status.INTERNAL, grpc.status.UNKNOWN], `${c.method}: ${status.details}`).not.toContain(
          status.code,
        );
        expect(status.details.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
      }),
      { numRuns: RUNS },
    );
    // The fuzzer reached the engine's own checks, not just the decoder.
    const seen = [...codes.keys()];
    expect(seen.some((k) => k.startsWith('Edit ') && !k.endsWith('INVALID_ARGUMENT'))).toBe(true);
    expect(seen).toContain('Generate INVALID_ARGUMENT');
  }, 600_000);

  it('wrote nothing outside the cache directory and left the session no request named as it was', async () => {
    expect(readdirSync(parent)).toEqual(['cache']);
    for (const entry of readdirSync(cacheDir)) expect(entry).toMatch(/^[0-9a-f-]{36}$/);
    expect(existsSync(join(cacheDir, untouched.sessionId, 'meta.json'))).toBe(true);
    const after = await unary<ras.v1.Session>(typed, 'GetSession', { sessionId: untouched.sessionId }, auth(TOKEN));
    expect(after.reply).toEqual(before);
    const { reply } = await unary<ras.v1.ListModelsResponse>(typed, 'ListModels', {}, auth(TOKEN));
    expect(reply?.models.length).toBeGreaterThan(0);
  });
});
