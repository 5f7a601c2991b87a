/**
 * Every session knows the backend (provider, attention, dtype) that sampled
 * it: results, the model list and GetSession name it, the signed state
 * carries it to the node that adopts the session, `meta.json` keeps it over
 * a restart, and a state from before the field adopts as "unknown".
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../gpu-node/src/engine/engine';
import { StateSigner } from '../../gpu-node/src/engine/sessions/state-signer';

const KEY = 'b'.repeat(32);
const fleet = { stateKeys: { current: KEY } };
const params = { model: 'test-tiny', cond: 1, seed: 3, steps: 4, guidance: 2 };
const rect = { x: 2, y: 2, width: 4, height: 4 };
const CPU = { provider: 'cpu', attention: 'unfused', dtype: 'float32' };
const CPU_FUSED = { provider: 'cpu', attention: 'fused', dtype: 'float32' };

/** The state's payload with `change` applied, signed again with the fleet's key. */
function resigned(state: Uint8Array, change: (json: Record<string, unknown>) => void): Uint8Array {
  const json = JSON.parse(Buffer.from(state).subarray(36).toString('utf8'));
  change(json);
  return new StateSigner({ current: KEY }).sign(new TextEncoder().encode(JSON.stringify(json)));
}

describe('a session’s backend', () => {
  it('is named by the result, the model list and the session', async () => {
    const engine = await createEngine({ sessions: fleet });
    const made = await engine.generate(params);
    expect(made.backend).toEqual(CPU);
    expect((await engine.listModels()).find((m) => m.name === 'test-tiny')?.backend).toEqual(CPU);
    expect((await engine.getSession(made.sessionId)).backend).toEqual(CPU);
  });

  it('travels in the state to the node that adopts it, which makes it its own with its first edit', async () => {
    const home = await createEngine({ sessions: fleet });
    const logged: string[] = [];
    const fused = await createEngine({ sessions: fleet, runtime: { attention: 'fused' }, log: (m) => logged.push(m) });
    const made = await home.generate(params);
    expect((await fused.sessions.adopt(made.sessionId, made.sessionState)).backend).toEqual(CPU);

    const edited = await fused.edit({ sessionId: made.sessionId, rects: [rect] });
    expect(edited.backend).toEqual(CPU_FUSED);
    expect(logged).toContain(
      `session ${made.sessionId}: sampled on cpu/unfused/float32, replayed and edited on cpu/fused/float32`,
    );
    const third = await createEngine({ sessions: fleet });
    expect((await third.sessions.adopt(made.sessionId, edited.sessionState)).backend).toEqual(CPU_FUSED);
  });

  it('is unknown for a state from before nodes recorded it, until the adopting node edits it', async () => {
    const home = await createEngine({ sessions: fleet });
    const other = await createEngine({ sessions: fleet, log: () => {} });
    const made = await home.generate(params);
    const old = resigned(made.sessionState, (j) => delete j.backend);
    expect((await other.sessions.adopt(made.sessionId, old)).backend).toBeUndefined();
    expect((await other.getSession(made.sessionId)).backend).toBeUndefined();
    const edited = await other.edit({ sessionId: made.sessionId, rects: [rect] });
    expect(edited.backend).toEqual(CPU);
    expect((await other.getSession(made.sessionId)).backend).toEqual(CPU);
  });

  it('is read back from meta.json by a restarted node', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'ras-backend-')), 'cache');
    const before = await createEngine({ sessions: { ...fleet, dir }, runtime: { attention: 'fused' } });
    const made = await before.generate(params);
    const after = await createEngine({ sessions: { ...fleet, dir } });
    expect((await after.getSession(made.sessionId)).backend).toEqual(CPU_FUSED);
  });
});
