/**
 * End to end over loopback: the worker in workerd (Miniflare) in front of
 * two real GPU node processes (test-tiny). SSE generation as it happens,
 * a region edit, a client disconnect that stops the node's work, and an
 * edit that still succeeds after the session's node was killed.
 */
import { readdirSync } from 'node:fs';
import type { CompleteEvent, SessionView } from '@ras/shared/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePng, differingPixels } from '../helpers/png';
import { request, type Stack, startStack } from '../helpers/stack';
import { allEvents, readSse } from './sse';

const SSE = { headers: { accept: 'text/event-stream' } };
const IMAGE = { model: 'test-tiny', condition: { classId: 1 }, seed: 7, width: 64, height: 64 };
const REGION = { x: 0, y: 0, width: 16, height: 16 };

/** Pixels outside `REGION` (the edit used margin 0, so the region is exactly it). */
const outside = ([x, y]: [number, number]) => x >= REGION.x + REGION.width || y >= REGION.y + REGION.height;

describe('the edge in front of real GPU nodes', () => {
  let stack: Stack;
  let base: CompleteEvent;

  beforeAll(async () => {
    stack = await startStack({ nodes: 2, nodeEnv: { RAS_MAX_CONCURRENT: '1' } });
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
  }, 30_000);

  const direct = (i: number) => stack.direct(i);

  it('serves the web page and the health check', async () => {
    const page = await fetch(`${stack.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await (await fetch(`${stack.url}/healthz`)).json()).toEqual({ status: 'ok', nodes: 2 });
  });

  it('streams a generation as the node makes it, ending with a PNG', async () => {
    const res = await request(stack, '/v1/generations', { ...IMAGE, steps: 16, preview: { every: 4 } }, SSE);
    expect(res.status).toBe(200);
    const events = await allEvents(res);
    const names = events.map((e) => e.event);
    expect(names.filter((n) => n === 'progress')).toHaveLength(16);
    expect(names.filter((n) => n === 'preview')).toHaveLength(4);
    expect(names.at(-1)).toBe('complete');
    base = events.at(-1)!.data;
    // Streamed, not buffered: the first step arrived while the node still had the other 15 to run.
    const first = events.find((e) => e.event === 'progress')!;
    const laterSteps = base.timings.stepMs.slice(1).reduce((a, b) => a + b, 0);
    expect(events.at(-1)!.at - first.at).toBeGreaterThan(laterSteps / 2);
    expect(new Set(events.map((e) => e.read)).size).toBeGreaterThan(4);
    const png = decodePng(base.png);
    expect([png.width, png.height]).toEqual([64, 64]);
    expect(base).toMatchObject({ version: 1, tokensTotal: 16 * 1024, rehomed: false });
    expect(base.speedup).toBeCloseTo(base.tokensTotal / base.tokensRun);
  });

  it('edits a region and leaves every pixel outside it unchanged', async () => {
    const res = await request(stack, `/v1/sessions/${base.sessionId}/edits`, {
      rects: [REGION],
      margin: 0,
      seed: 99,
    });
    expect(res.status).toBe(200);
    const edited = (await res.json()) as CompleteEvent;
    expect(edited).toMatchObject({ sessionId: base.sessionId, version: 2, rehomed: false });
    const changed = differingPixels(decodePng(base.png), decodePng(edited.png));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter(outside)).toEqual([]);
    const view = (await (await request(stack, `/v1/sessions/${base.sessionId}`)).json()) as SessionView;
    expect(view.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(view.recipe).toMatchObject({ seed: 7, width: 64, height: 64 });
  });

  it('stops the node working when the client disconnects', async () => {
    const sessionsMade = () => stack.nodes.flatMap((_, i) => readdirSync(stack.cacheDir(i))).length;
    const before = sessionsMade();
    const controller = new AbortController();
    const long = { ...IMAGE, steps: 1000 };
    const res = await request(stack, '/v1/generations', long, { ...SSE, signal: controller.signal });
    for await (const e of readSse(res)) {
      if (e.event === 'progress') {
        controller.abort();
        break;
      }
    }
    // Each node samples one image at a time, in arrival order: by the time a short run on each
    // node has finished, the long one has either been cancelled or finished and made a session.
    // Only the two short runs may have made one.
    for (const i of [0, 1]) {
      let done = false;
      for await (const e of direct(i).generate({ ...IMAGE, steps: 2 }, { timeoutMs: 600_000 })) done ||= !!e.result;
      expect(done).toBe(true);
    }
    expect(sessionsMade()).toBe(before + 2);
  });

  it("still edits a session after its node was killed, on the other node, from the session's recipe", async () => {
    const gen = (await (await request(stack, '/v1/generations', { ...IMAGE, steps: 8 })).json()) as CompleteEvent;
    const held = await Promise.all(
      [0, 1].map((i) =>
        direct(i)
          .getSession({ sessionId: gen.sessionId })
          .then(
            () => true,
            () => false,
          ),
      ),
    );
    expect(held.filter(Boolean)).toHaveLength(1);
    const owner = held.indexOf(true);
    await stack.nodes[owner].child.stop('SIGKILL');

    const res = await request(
      stack,
      `/v1/sessions/${gen.sessionId}/edits`,
      { rects: [REGION], margin: 0, seed: 3 },
      SSE,
    );
    expect(res.status).toBe(200);
    const events = await allEvents(res);
    const edited = events.at(-1)!;
    expect(edited.event).toBe('complete');
    expect(edited.data).toMatchObject({ sessionId: gen.sessionId, version: 2, rehomed: true });
    // The new node rebuilt version 1 by replay: outside the region the edit matches the original image.
    const changed = differingPixels(decodePng(gen.png), decodePng(edited.data.png));
    expect(changed.filter(outside)).toEqual([]);
    const survivor = direct(1 - owner);
    expect((await survivor.getSession({ sessionId: gen.sessionId })).versions).toEqual([1, 2]);

    const again = (await (
      await request(stack, `/v1/sessions/${gen.sessionId}/edits`, { rects: [REGION], margin: 0, seed: 4 })
    ).json()) as CompleteEvent;
    expect(again).toMatchObject({ version: 3, rehomed: false });
  });
});
