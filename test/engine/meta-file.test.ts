import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../gpu-node/src/engine/engine';
import { decodeMeta, encodeMeta } from '../../gpu-node/src/engine/sessions/meta-file';
import { maskIndices } from '../../gpu-node/src/sampler/token-mask';

const params = { model: 'test-tiny', cond: 1, seed: 3, steps: 8, guidance: 2 };
/** Tokens (row 1, col 1) to (row 2, col 2) of the 4x6 grid: 7, 8, 13, 14 without a margin. */
const rect = { x: 2, y: 2, width: 4, height: 4 };
const ID = '00000000-0000-4000-8000-00000000beef';

describe('meta.json', () => {
  it("keeps each edit's region as a token list, as nodes before the TokenMask wrote it", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ras-meta-'));
    const engine = await createEngine({ sessions: { dir } });
    const made = await engine.generate(params);
    await engine.edit({ sessionId: made.sessionId, rects: [rect], margin: 0, seed: 4 });
    const file = JSON.parse(readFileSync(join(dir, made.sessionId, 'meta.json'), 'utf8'));
    expect(file.versions[1].edit.region).toEqual([7, 8, 13, 14]);
    const meta = decodeMeta(encodeMeta(engine.sessions.meta(made.sessionId)));
    expect([...maskIndices(meta.versions[1].edit!.region)]).toEqual([7, 8, 13, 14]);
  });

  it('written by an older node loads, and its versions replay to the same pixels', async () => {
    const clean = await createEngine();
    const first = await clean.generate(params);
    await clean.edit({ sessionId: first.sessionId, rects: [rect], margin: 0, seed: 4 });
    const want = await clean.edit({ sessionId: first.sessionId, version: 2, rects: [rect], seed: 5 });
    const { recipe } = clean.sessions.meta(first.sessionId);
    // The text an older node wrote: no trajectory files beside it, so every version replays.
    const old = {
      id: ID,
      recipe,
      versions: [
        { version: 1, parent: null, createdAt: 1 },
        { version: 2, parent: 1, edit: { region: [7, 8, 13, 14], cond: 1, seed: 4, ras: recipe.ras }, createdAt: 2 },
      ],
      createdAt: 1,
      lastUsed: Date.now(),
    };
    const dir = await mkdtemp(join(tmpdir(), 'ras-meta-'));
    await mkdir(join(dir, ID));
    await writeFile(join(dir, ID, 'meta.json'), JSON.stringify(old));
    const engine = await createEngine({ sessions: { dir } });
    const got = await engine.edit({ sessionId: ID, version: 2, rects: [rect], seed: 5 });
    expect(engine.replays).toBe(2);
    expect(got.version).toBe(3);
    expect(got.png).toEqual(want.png);
  });
});
