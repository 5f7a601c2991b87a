/**
 * Re-homing across providers (docs/sessions.md, "Re-homing"), end to end: the
 * edge in front of two CPU nodes and one WebGPU node (lavapipe here). When a
 * session's CPU owner dies, the edit goes to the other CPU node even where the
 * WebGPU node ranks first, and the replayed versions keep their pixels bit
 * for bit; when only the WebGPU node is left, the edit still succeeds, and its
 * answer (and the command-line client) says the pixels changed.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompleteEvent } from '@ras/shared/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../edge/scripts/processes';
import { rendezvous } from '../../edge/src/nodes/rendezvous';
import { decodePng, differingPixels } from '../helpers/png';
import { request, type Stack, startStack } from '../helpers/stack';

const IMAGE = { model: 'test-tiny', condition: { classId: 1 }, seed: 7, steps: 8, width: 32, height: 32 };
const REGION = { x: 0, y: 0, width: 8, height: 8 };
const EDIT = { rects: [REGION], margin: 0, seed: 3 };
const WEBGPU = 2;

type Answer = CompleteEvent & { header: string | null };

/** Posts `body` as JSON to the first edge; the complete payload and the warning header. */
async function post(stack: Stack, path: string, body: unknown): Promise<Answer> {
  const res = await request(stack, path, body);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}\n${stack.output()}`);
  return { ...((await res.json()) as CompleteEvent), header: res.headers.get('x-ras-warning') };
}

/** Runs the command-line client against the first edge. */
function cli(stack: Stack, args: string[]): Promise<{ code: number | null; stderr: string }> {
  const tsx = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', tsx, join(ROOT, 'cli/main.ts'), ...args], {
    cwd: stack.dir,
    env: { ...process.env, RAS_URL: stack.url, RAS_API_KEY: stack.apiKey, NO_COLOR: '1' },
  });
  let stderr = '';
  child.stderr.on('data', (b) => (stderr += b));
  return new Promise((done) => child.on('close', (code) => done({ code, stderr })));
}

describe('re-homing in a fleet of CPU and WebGPU nodes', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ nodes: [{}, {}, { RAS_EXECUTION_PROVIDERS: 'webgpu' }] });
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
  }, 30_000);

  const url = (i: number) => stack.nodes[i].webUrl.replace(/\/+$/, '');

  /**
   * A session on a CPU node whose rendezvous rank puts the WebGPU node next, so that only the
   * backend rule sends its edit to the other CPU node. Sessions land on random nodes: about one in
   * three qualifies; 40 tries all miss with probability below 1e-7.
   */
  async function cpuSessionRankingWebGpuNext(): Promise<{ made: Answer; owner: number; sibling: number }> {
    for (let tries = 0; tries < 40; tries++) {
      const made = await post(stack, '/v1/generations', IMAGE);
      const owner = await stack.owner(made.sessionId);
      if (owner === WEBGPU) continue;
      const next = rendezvous(made.sessionId, [0, 1, 2].map(url)).filter((n) => n !== url(owner))[0];
      if (next === url(WEBGPU)) return { made, owner, sibling: 1 - owner };
    }
    throw new Error('no session ranked the WebGPU node after its CPU owner in 40 tries');
  }

  it('moves a session to a node of its own backend, keeping its pixels, then to another one with a warning', async () => {
    const { made, owner, sibling } = await cpuSessionRankingWebGpuNext();
    const v2 = await post(stack, `/v1/sessions/${made.sessionId}/edits`, EDIT);
    expect(v2).toMatchObject({ version: 2, rehomed: false, header: null });

    // (a) The owner dies; the other CPU node takes the session although the WebGPU node ranks first.
    await stack.nodes[owner].child.stop('SIGKILL');
    const again = await post(stack, `/v1/sessions/${made.sessionId}/edits`, { ...EDIT, version: 1 });
    expect(again).toMatchObject({ version: 3, rehomed: true, header: null });
    expect(again.warning).toBeUndefined();
    expect(await stack.owner(made.sessionId)).toBe(sibling);
    // Version 1 replayed to the same pixels: the same edit of it is the same image, byte for byte.
    expect(again.png).toBe(v2.png);
    // Version 2 replayed to the same pixels: outside a new region, an edit of it is version 2.
    const region = { x: 16, y: 16, width: 8, height: 8 };
    const v4 = await post(stack, `/v1/sessions/${made.sessionId}/edits`, {
      rects: [region],
      margin: 0,
      seed: 9,
      version: 2,
    });
    expect(v4).toMatchObject({ version: 4, rehomed: false, header: null });
    const inside = ([x, y]: [number, number]) => x >= 16 && x < 24 && y >= 16 && y < 24;
    expect(differingPixels(decodePng(v2.png), decodePng(v4.png)).filter((p) => !inside(p))).toEqual([]);

    // (b) Only the WebGPU node is left: the edit succeeds and the command-line client prints why it differs.
    await stack.nodes[sibling].child.stop('SIGKILL');
    const moved = await cli(stack, ['edit', made.sessionId, '--rect', '0,0,8,8', '--seed', '3', '-o', 'v5.png']);
    // The WebGPU node's attention graph depends on its adapter (limits.ts: lavapipe's FlashAttention
    // is inexact, so it runs the unfused graph there); the provider alone makes it another backend.
    expect(moved.stderr).toMatch(
      /warning: the session moved to another node .*sampled on cpu\/unfused\/float32, which no reachable node runs, and this edit ran on webgpu\/(un)?fused\/float32/,
    );
    expect(moved.code).toBe(0);
    expect(await stack.owner(made.sessionId)).toBe(WEBGPU);
    // From then on the session is the WebGPU node's: its next edit stays there and says nothing.
    const after = await post(stack, `/v1/sessions/${made.sessionId}/edits`, EDIT);
    expect(after).toMatchObject({ version: 6, rehomed: false, header: null });
    expect(after.warning).toBeUndefined();
  }, 240_000);
});
