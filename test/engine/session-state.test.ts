import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../gpu-node/src/engine/engine';
import { encodeState, MAX_STATE_BYTES, MAX_VERSIONS } from '../../gpu-node/src/engine/sessions/portable-state';
import { StateSigner } from '../../gpu-node/src/engine/sessions/state-signer';
import type { SessionMeta } from '../../gpu-node/src/engine/sessions/types';

const KEY = 's'.repeat(32);
const params = { model: 'test-tiny', cond: 1, seed: 3, steps: 8, guidance: 2 };
const rect = { x: 2, y: 2, width: 4, height: 4 };

/** A cache directory inside a parent the test watches: nothing may appear beside it. */
async function cacheInSandbox() {
  const parent = await mkdtemp(join(tmpdir(), 'ras-sandbox-'));
  return { parent, dir: join(parent, 'cache') };
}

/** A state's JSON payload with `change` applied, signed with `key` (what only a key holder can do). */
function resigned(state: Uint8Array, key: string, change: (json: Record<string, unknown>) => void): Uint8Array {
  const json = JSON.parse(Buffer.from(state).subarray(36).toString('utf8'));
  change(json);
  return new StateSigner({ current: key }).sign(new TextEncoder().encode(JSON.stringify(json)));
}

describe('session states', () => {
  it('are refused when altered by one byte (PERMISSION_DENIED) or truncated (INVALID_ARGUMENT)', async () => {
    const engine = await createEngine({ sessions: { stateKeys: { current: KEY } } });
    const made = await engine.generate(params);
    const other = await createEngine({ sessions: { stateKeys: { current: KEY } } });
    const altered = Uint8Array.from(made.sessionState);
    altered[altered.length - 3] ^= 1;
    const edit = (restoreState: Uint8Array) => other.edit({ sessionId: made.sessionId, rects: [rect], restoreState });
    await expect(edit(altered)).rejects.toMatchObject({ code: 'PERMISSION_DENIED', field: 'restore_state' });
    await expect(edit(made.sessionState.subarray(0, 20))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      field: 'restore_state',
    });
    await expect(other.getSession(made.sessionId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('with a path for a session id never reach the file system, unsigned or signed', async () => {
    const { parent, dir } = await cacheInSandbox();
    const engine = await createEngine({ sessions: { dir, stateKeys: { current: KEY } } });
    const made = await engine.generate(params);
    const json = JSON.parse(Buffer.from(made.sessionState).subarray(36).toString('utf8'));
    const forged = new TextEncoder().encode(JSON.stringify({ ...json, id: '../escape-x' }));
    for (const [sessionId, restoreState] of [
      ['../escape-x', forged],
      ['../escape-x', resigned(made.sessionState, KEY, (j) => (j.id = '../escape-x'))],
      ['..', resigned(made.sessionState, KEY, (j) => (j.id = '..'))],
    ] as const) {
      await expect(engine.edit({ sessionId, rects: [rect], restoreState })).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
    }
    await expect(engine.deleteSession('..')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', field: 'session_id' });
    await expect(engine.getSession('../cache')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(readdirSync(parent)).toEqual(['cache']);
    expect(readdirSync(dir)).toEqual([made.sessionId]);
    expect(existsSync(join(dir, made.sessionId, 'meta.json'))).toBe(true);
  });

  it('stay within MAX_STATE_BYTES for the largest session a node keeps', () => {
    const grid: [number, number] = [64, 64];
    const ras = {
      policy: 'std',
      ratio: { from: 0.1, to: 0.9 },
      warmup: 999,
      resets: Array.from({ length: 1000 }, (_, i) => i),
      starvationScale: 1e-300,
      highRatio: 0.123456789,
      maxStale: 1000,
    };
    const recipe = {
      model: 'm'.repeat(200),
      cond: 999999,
      negative: 999999,
      guidance: 1.2345678901234,
      seed: 2 ** 32 - 1,
      steps: 1000,
      width: 4096,
      height: 4096,
      grid,
      ras,
      kvEvery: 1000,
    };
    const all = new Uint8Array(grid[0] * grid[1]).fill(1);
    const versions = Array.from({ length: MAX_VERSIONS }, (_, i) => ({
      version: i + 1,
      parent: i ? i : null,
      createdAt: 1.7e12 + i,
      edit: i ? { region: all, inner: all, cond: 999999, seed: 2 ** 32 - 1, ras } : undefined,
    }));
    const backend = { provider: 'p'.repeat(64), attention: 'a'.repeat(64), dtype: 'd'.repeat(64) };
    const meta = {
      id: '00000000-0000-4000-8000-000000000000',
      recipe,
      versions,
      backend,
      createdAt: 1.7e12,
      lastUsed: 0,
    };
    const bytes = encodeState(meta as unknown as SessionMeta, new StateSigner({ current: KEY }));
    expect(bytes.length).toBeLessThanOrEqual(MAX_STATE_BYTES);
  });

  it(`stop an edit past ${MAX_VERSIONS} versions with FAILED_PRECONDITION`, async () => {
    const engine = await createEngine({ sessions: { stateKeys: { current: KEY } } });
    const made = await engine.generate({ ...params, steps: 2 });
    const meta = engine.sessions.meta(made.sessionId);
    while (meta.versions.length < MAX_VERSIONS)
      meta.versions.push({ ...meta.versions[0], version: meta.versions.length + 1 });
    await expect(engine.edit({ sessionId: made.sessionId, rects: [rect] })).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
      field: 'session_id',
    });
  });
});
