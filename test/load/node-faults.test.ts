/**
 * Node faults (issue 6) through the edge worker and two GPU nodes: a node
 * killed mid-stream (the client gets an `error` event promptly, a retry
 * succeeds on the other node), a node restarted (its sessions are still
 * editable from its cache directory) and a corrupt trajectory file (dropped
 * and rebuilt by replay, the edit still succeeds).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompleteEvent } from '@ras/shared/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeTrajectory } from '../../gpu-node/src/engine/sessions/trajectory-file';
import { readSse } from '../edge/sse';
import { decodePng, differingPixels } from '../helpers/png';
import { type Stack, startStack } from '../helpers/stack';
import { isBusy, post } from './http';

const KEY = 'fault-key';
const IMAGE = { model: 'test-tiny', condition: { classId: 2 }, seed: 11, steps: 8, width: 32, height: 32 };
const REGION = { x: 0, y: 0, width: 8, height: 8 };
const outside = ([x, y]: [number, number]) => x >= REGION.x + REGION.width || y >= REGION.y + REGION.height;

describe('node faults behind the edge', () => {
  let stack: Stack;
  const edge = () => stack.edges[0].url;
  /** A new session (JSON answer) and the index of the node that holds it. */
  const generate = async (seed: number) => {
    const res = await post(edge(), KEY, '/v1/generations', { ...IMAGE, seed });
    expect(res.status, await res.clone().text()).toBe(200);
    const gen = (await res.json()) as CompleteEvent;
    return { gen, owner: await stack.owner(gen.sessionId) };
  };
  /** Edits `gen`'s session inside REGION; checks that nothing outside it changed. */
  const editKeepsOutside = async (gen: CompleteEvent) => {
    const res = await post(edge(), KEY, `/v1/sessions/${gen.sessionId}/edits`, { rects: [REGION], margin: 0, seed: 5 });
    expect(res.status, `${await res.clone().text()}\n${stack.output()}`).toBe(200);
    const edited = (await res.json()) as CompleteEvent;
    expect(edited).toMatchObject({ sessionId: gen.sessionId, version: 2, rehomed: false });
    expect(differingPixels(decodePng(gen.png), decodePng(edited.png)).filter(outside)).toEqual([]);
  };

  beforeAll(async () => {
    stack = await startStack({ nodes: 2, keys: [KEY], nodeEnv: { RAS_MAX_CONCURRENT: '1' } });
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  }, 30_000);

  it('sends an error event soon after the streaming node dies, and a retry succeeds on the other node', async () => {
    const long = { ...IMAGE, width: 64, height: 64, steps: 1000, stream: true };
    const res = await post(edge(), KEY, '/v1/generations', long);
    expect(res.status).toBe(200);
    const events = readSse(res);
    for (let e = await events.next(); e.value?.event !== 'progress'; e = await events.next())
      expect(e.done, 'stream ended before any progress').toBe(false);
    // Each node samples one image at a time: the one running the stream queues a probe.
    const busy = await Promise.all([0, 1].map((i) => isBusy(stack.direct(i))));
    expect(busy.filter(Boolean), `busy: ${busy}`).toHaveLength(1);
    const victim = busy.indexOf(true);
    const killedAt = performance.now();
    await stack.nodes[victim].child.stop('SIGKILL');
    let last: { event: string; data: { error?: { code: string } } } | undefined;
    for await (const e of events) last = e;
    expect(last?.event).toBe('error');
    expect(last?.data.error?.code).toBe('unavailable');
    expect(performance.now() - killedAt).toBeLessThan(5000);

    const { owner } = await generate(21);
    expect(owner).toBe(1 - victim);
    await stack.restart(victim); // for the tests below
  }, 60_000);

  it('keeps the sessions of a restarted node editable from its cache directory', async () => {
    const { gen, owner } = await generate(31);
    await stack.restart(owner, 'SIGTERM');
    await editKeepsOutside(gen);
  }, 60_000);

  it('drops a corrupt trajectory file and rebuilds it by replay; the edit succeeds', async () => {
    const { gen, owner } = await generate(41);
    const file = join(stack.cacheDir(owner), gen.sessionId, 'v1.traj');
    const original = readFileSync(file);
    const corrupt = Buffer.from(original);
    for (let i = corrupt.length - 4096; i < corrupt.length - 4000; i++) corrupt[i] ^= 0x5a;
    await stack.restart(owner, 'SIGTERM', () => writeFileSync(file, corrupt));
    expect(() => decodeTrajectory(readFileSync(file))).toThrow(/checksum/);

    await editKeepsOutside(gen);
    // The node replaced the corrupt file with the replayed trajectory: valid, and bit for bit the
    // one the generation wrote (replay is deterministic).
    const rebuilt = readFileSync(file);
    expect(() => decodeTrajectory(rebuilt)).not.toThrow();
    expect(rebuilt.equals(original)).toBe(true);
  }, 60_000);
});
