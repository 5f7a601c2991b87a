import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../gpu-node/src/engine/engine';
import { kvSlots } from '../../gpu-node/src/sampler/model';

/** test-mmdit-x: MMDiT-X with attn2 in block 0, so 3 K/V slots (2 layers + 1 attn2); 64×64 px, 16×16 tokens. */
const params = {
  model: 'test-mmdit-x',
  cond: { prompt: 'a small red circle at the top left' },
  seed: 5,
  steps: 8,
  guidance: 3,
  ras: { ratio: 0.25 },
};
const rect = { x: 16, y: 16, width: 16, height: 16 };

describe('an MMDiT-X model (attn2 caches) in the engine', () => {
  it('samples with RAS and keeps every slot, attn2 included, in the version trajectory', async () => {
    const engine = await createEngine();
    const first = await engine.generate(params);
    expect(first.tokensRun).toBeLessThan(first.tokensTotal);
    const { card } = await engine.pipeline('test-mmdit-x');
    expect(kvSlots(card)).toBe(3);
    const t = (await engine.sessions.trajectory(first.sessionId, 1))!;
    const plane = card.heads * 256 * card.head_dim;
    expect(t.k[0]!.length).toBe(3 * t.rows * plane);
    const attn2 = t.k.at(-1)!.subarray(2 * t.rows * plane);
    expect(attn2.some((x) => x !== 0)).toBe(true);
  });

  it('edits a region from the trajectory attn2 caches: zeroing them changes the region', async () => {
    const engine = await createEngine();
    const first = await engine.generate(params);
    const edit = { sessionId: first.sessionId, version: 1, rects: [rect], seed: 9, margin: 0 };
    const kept = await engine.edit(edit);
    const t = (await engine.sessions.trajectory(first.sessionId, 1))!;
    const { card } = await engine.pipeline('test-mmdit-x');
    const attn2From = 2 * t.rows * card.heads * 256 * card.head_dim;
    for (const a of [...t.k, ...t.v]) a?.fill(0, attn2From);
    const zeroed = await engine.edit(edit);
    expect(zeroed.png).not.toEqual(kept.png);
  });

  it('replays an evicted session and reloads one from disk to the same pixels', async () => {
    const reference = await createEngine();
    const ref1 = await reference.generate(params);
    const want = await reference.edit({ sessionId: ref1.sessionId, rects: [rect], seed: 9 });

    const evicting = await createEngine({ sessions: { memoryBytes: 1 } });
    const first = await evicting.generate(params);
    expect(first.png).toEqual(ref1.png);
    await evicting.generate({ ...params, seed: 6 }); // pushes the first one's trajectory out
    const replayed = await evicting.edit({ sessionId: first.sessionId, rects: [rect], seed: 9 });
    expect(evicting.replays).toBe(1);
    expect(replayed.png).toEqual(want.png);

    const dir = await mkdtemp(join(tmpdir(), 'ras-mmdit-x-'));
    const before = await createEngine({ sessions: { dir } });
    const stored = await before.generate(params);
    const after = await createEngine({ sessions: { dir } });
    const reloaded = await after.edit({ sessionId: stored.sessionId, rects: [rect], seed: 9 });
    expect(after.replays).toBe(0);
    expect(reloaded.png).toEqual(want.png);
  });
});
