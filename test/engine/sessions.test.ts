import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../gpu-node/src/engine/engine';
import { decodePng } from '../../gpu-node/src/engine/images';

const params = { model: 'test-tiny', cond: 1, seed: 3, steps: 8, guidance: 2 };
/** One fleet: every engine that should accept another's states shares these keys. */
const fleet = { stateKeys: { current: 'k'.repeat(32) } };
/** Well-formed, but no node issued it. */
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
/** The test model's image is 12x8 px (grid 4x6, patch 2); this rect covers 2x2 tokens at (row 1, col 1). */
const rect = { x: 2, y: 2, width: 4, height: 4 };

function changedPixels(a: Uint8Array, b: Uint8Array) {
  const x = decodePng(a);
  const y = decodePng(b);
  const changed = new Set<string>();
  for (let k = 0; k < x.data.length; k++)
    if (x.data[k] !== y.data[k]) changed.add(`${(k >> 2) % x.width},${Math.floor((k >> 2) / x.width)}`);
  return changed;
}

describe('engine.edit', () => {
  it('changes pixels only inside the dilated region and adds a version', async () => {
    const engine = await createEngine();
    const first = await engine.generate(params);
    const edit = await engine.edit({ sessionId: first.sessionId, rects: [rect], margin: 0, seed: 99 });
    expect(edit.version).toBe(2);
    const changed = changedPixels(first.png, edit.png);
    expect(changed.size).toBeGreaterThan(0);
    for (const at of changed) {
      const [x, y] = at.split(',').map(Number);
      expect(x >= 2 && x < 6 && y >= 2 && y < 6, `pixel ${at} outside the region changed`).toBe(true);
    }
    expect(edit.tokensRun / first.tokensRun).toBeLessThan(0.35);
    expect((await engine.getSession(first.sessionId)).versions).toEqual([1, 2]);
  });

  it('dilates the region by the margin in tokens', async () => {
    const engine = await createEngine();
    const first = await engine.generate(params);
    const edit = await engine.edit({ sessionId: first.sessionId, rects: [rect], margin: 1, cond: 3 });
    const changed = changedPixels(first.png, edit.png);
    const xs = [...changed].map((p) => Number(p.split(',')[0]));
    expect(Math.min(...xs)).toBeLessThan(2);
  });

  it('edits an older version, and names bad regions and unknown sessions', async () => {
    const engine = await createEngine();
    const first = await engine.generate(params);
    await engine.edit({ sessionId: first.sessionId, rects: [rect], seed: 5 });
    const again = await engine.edit({ sessionId: first.sessionId, version: 1, rects: [rect], seed: 5 });
    expect(again.version).toBe(3);
    await expect(
      engine.edit({ sessionId: first.sessionId, rects: [{ x: 10, y: 0, width: 8, height: 2 }] }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      field: 'rects[0]',
    });
    await expect(engine.edit({ sessionId: first.sessionId })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      field: 'region',
    });
    await expect(engine.edit({ sessionId: UNKNOWN_ID, rects: [rect] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(engine.edit({ sessionId: 'nope', rects: [rect] })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      field: 'session_id',
    });
    await expect(engine.edit({ sessionId: first.sessionId, version: 9, rects: [rect] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('rebuilds a session whose trajectories were evicted, by replay, and gives the same pixels', async () => {
    const engine = await createEngine({ sessions: { memoryBytes: 1 } });
    const first = await engine.generate(params);
    await engine.generate({ ...params, seed: 4 }); // pushes the first one's trajectory out
    expect(engine.sessions.bytesInMemory).toBeGreaterThan(0);
    const edit = await engine.edit({ sessionId: first.sessionId, rects: [rect], seed: 99 });
    expect(engine.replays).toBe(1);
    const reference = await createEngine();
    const ref1 = await reference.generate(params);
    const ref2 = await reference.edit({ sessionId: ref1.sessionId, rects: [rect], seed: 99 });
    expect(reference.replays).toBe(0);
    expect(edit.png).toEqual(ref2.png);
  });
});

describe('sessions on disk', () => {
  it('survive a restart: the session is editable without a replay', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ras-sessions-'));
    const before = await createEngine({ sessions: { dir } });
    const first = await before.generate(params);
    const after = await createEngine({ sessions: { dir } });
    const edit = await after.edit({ sessionId: first.sessionId, rects: [rect], seed: 4 });
    expect(edit.version).toBe(2);
    expect(after.replays).toBe(0);
  });

  it('drop a corrupt trajectory file and rebuild it, never serving it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ras-sessions-'));
    const before = await createEngine({ sessions: { dir } });
    const first = await before.generate(params);
    const file = join(dir, first.sessionId, 'v1.traj');
    const bytes = readFileSync(file);
    bytes[bytes.length - 5] ^= 0xff;
    writeFileSync(file, bytes);
    const after = await createEngine({ sessions: { dir } });
    const edit = await after.edit({ sessionId: first.sessionId, rects: [rect], seed: 4 });
    expect(after.replays).toBe(1);
    const clean = await createEngine();
    const ref = await clean.generate(params);
    const refEdit = await clean.edit({ sessionId: ref.sessionId, rects: [rect], seed: 4 });
    expect(edit.png).toEqual(refEdit.png);
    expect(readdirSync(join(dir, first.sessionId))).toContain('v1.traj');
  });

  it('expire after the TTL', async () => {
    let now = 1_000;
    const engine = await createEngine({ sessions: { ttlMs: 500, now: () => now } });
    const first = await engine.generate(params);
    now += 400;
    await engine.getSession(first.sessionId);
    now += 600;
    await expect(engine.getSession(first.sessionId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('re-homing', () => {
  it('another node adopts a session from its state and edits it by replay, same pixels', async () => {
    const home = await createEngine({ sessions: fleet });
    const first = await home.generate(params);
    const v2 = await home.edit({ sessionId: first.sessionId, rects: [rect], seed: 8 });
    const other = await createEngine({ sessions: fleet });
    await expect(other.edit({ sessionId: first.sessionId, rects: [rect], seed: 9 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const moved = await other.edit({
      sessionId: first.sessionId,
      rects: [rect],
      seed: 9,
      restoreState: v2.sessionState,
    });
    const stayed = await home.edit({ sessionId: first.sessionId, rects: [rect], seed: 9 });
    expect(moved.version).toBe(3);
    expect(other.replays).toBe(2);
    expect(moved.png).toEqual(stayed.png);
  });

  it('refuses a malformed state or one of another session', async () => {
    const home = await createEngine({ sessions: fleet });
    const a = await home.generate(params);
    const b = await home.generate({ ...params, seed: 4 });
    const other = await createEngine({ sessions: fleet });
    const junk = new TextEncoder().encode('{"id": 3}');
    await expect(other.edit({ sessionId: a.sessionId, rects: [rect], restoreState: junk })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      field: 'restore_state',
    });
    await expect(
      other.edit({ sessionId: a.sessionId, rects: [rect], restoreState: b.sessionState }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      field: 'restore_state',
    });
    await expect(other.getSession(b.sessionId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("a refused adoption leaves the state's own session on its node untouched", async () => {
    const home = await createEngine({ sessions: fleet });
    const x = await home.generate(params);
    await expect(
      home.edit({ sessionId: UNKNOWN_ID, rects: [rect], restoreState: x.sessionState }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', field: 'restore_state' });
    expect((await home.getSession(x.sessionId)).versions).toEqual([1]);
    await expect(home.getSession(UNKNOWN_ID)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('never replaces a session the node holds with an older state of it', async () => {
    const home = await createEngine({ sessions: fleet });
    const first = await home.generate(params);
    await home.edit({ sessionId: first.sessionId, rects: [rect], seed: 8 });
    const stale = await home.sessions.adopt(first.sessionId, first.sessionState);
    expect(stale.versions.map((v) => v.version)).toEqual([1, 2]);
  });

  it('refuses a state signed with another key, and accepts the next key during a rotation', async () => {
    const oldKey = 'o'.repeat(32);
    const newKey = 'n'.repeat(32);
    const before = await createEngine({ sessions: { stateKeys: { current: oldKey } } });
    const made = await before.generate(params);
    const stranger = await createEngine({ sessions: { stateKeys: { current: newKey } } });
    await expect(
      stranger.edit({ sessionId: made.sessionId, rects: [rect], restoreState: made.sessionState }),
    ).rejects.toMatchObject({ code: 'PERMISSION_DENIED', field: 'restore_state' });
    const rotating = await createEngine({ sessions: { stateKeys: { current: newKey, next: oldKey } } });
    const moved = await rotating.edit({ sessionId: made.sessionId, rects: [rect], restoreState: made.sessionState });
    expect(moved.version).toBe(2);
    const after = await createEngine({ sessions: { stateKeys: { current: newKey } } });
    const again = await after.edit({ sessionId: made.sessionId, rects: [rect], restoreState: moved.sessionState });
    expect(again.version).toBe(3);
  });
});

describe('the disk tier', () => {
  it('stays within its byte budget by dropping the least recently used trajectories, which replay rebuilds', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ras-sessions-'));
    const probe = await createEngine({ sessions: { dir } });
    await probe.generate(params);
    const one = probe.sessions.bytesOnDisk;
    const engine = await createEngine({
      sessions: { dir: await mkdtemp(join(tmpdir(), 'ras-sessions-')), diskBytes: 2.5 * one, memoryBytes: 1 },
    });
    const first = await engine.generate(params);
    await engine.generate({ ...params, seed: 4 });
    await engine.generate({ ...params, seed: 5 });
    expect(engine.sessions.bytesOnDisk).toBeLessThanOrEqual(2.5 * one);
    await engine.edit({ sessionId: first.sessionId, rects: [rect], seed: 6 });
    expect(engine.replays).toBe(1);
  });
});
