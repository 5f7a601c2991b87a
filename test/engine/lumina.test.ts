/**
 * test-lumina (the miniature Lumina-Next converted by `convert.py lumina`) in the engine: a prompt
 * sampled with RAS, its trajectory's K/V at kv_heads, and a latent edit whose pixels outside the
 * region's margin band are the parent's, bit for bit (as SD3's, engine/composite.ts).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createEngine } from '../../gpu-node/src/engine/engine';
import { decodePng } from '../../gpu-node/src/engine/images';
import { pixelsPerToken } from '../../gpu-node/src/runtime/card';
import { kvHeads } from '../../gpu-node/src/sampler/model';
import type { RgbImage } from '../../gpu-node/src/sampler/tokens';

const params = {
  model: 'test-lumina',
  cond: { prompt: 'a photo of a red cat' },
  seed: 5,
  steps: 6,
  guidance: 4,
  ras: { ratio: 0.25 },
};

describe('a converted Lumina-Next (test-lumina) in the engine', () => {
  it('samples a prompt with RAS, keeping K/V at the 2 KV heads, not the query heads', async () => {
    const engine = await createEngine();
    const res = await engine.generate(params);
    expect(res.tokensRun).toBeLessThan(res.tokensTotal);
    const { card } = await engine.pipeline('test-lumina');
    const p = pixelsPerToken(card);
    const [gh, gw] = [res.height / p, res.width / p];
    const t = (await engine.sessions.trajectory(res.sessionId, 1))!;
    expect(t.k[0]!.length).toBe(card.layers * t.rows * kvHeads(card) * gh * gw * card.head_dim);
    expect(kvHeads(card)).toBeLessThan(card.heads);
    const img = decodePng(res.png);
    expect([img.width, img.height]).toEqual([res.width, res.height]);
  });

  for (const margin of [0, 1]) {
    it(`edits a region: every pixel outside its margin band is the parent's, bit for bit (margin ${margin})`, async () => {
      const engine = await createEngine();
      const pipeline = await engine.pipeline('test-lumina');
      const decodes = vi.spyOn(pipeline, 'decode');
      const base = await engine.generate(params);
      const p = pixelsPerToken(pipeline.card);
      const rect = { x: p + 2, y: p + 2, width: p / 2, height: p / 2 }; // inside token (1, 1)
      const edit = await engine.edit({
        sessionId: base.sessionId,
        rects: [rect],
        seed: 9,
        margin,
        cond: { prompt: 'a blue dog' },
      });
      const decoded = (await decodes.mock.results[1].value) as RgbImage;
      const [before, after] = [base, edit].map((r) => decodePng(r.png));
      const band = (x: number, y: number) => Math.max(dist(x, p, 2 * p), dist(y, p, 2 * p));
      let changed = 0;
      for (let y = 0; y < before.height; y++)
        for (let x = 0; x < before.width; x++) {
          const d = band(x, y);
          if (d === 0) {
            expect(px(after, x, y)).toEqual(px(decoded, x, y));
            if (px(after, x, y).join() !== px(before, x, y).join()) changed++;
          } else if (d > margin * p) expect(px(after, x, y)).toEqual(px(before, x, y));
        }
      expect(changed).toBeGreaterThan(p * p * 0.5);
      decodes.mockRestore();
    });
  }

  it('replays an evicted session and reloads one from disk (K/V at kv_heads in its file) to the same pixels', async () => {
    const rect = { x: 16, y: 16, width: 16, height: 16 };
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

    const dir = await mkdtemp(join(tmpdir(), 'ras-lumina-'));
    const stored = await (await createEngine({ sessions: { dir } })).generate(params);
    const after = await createEngine({ sessions: { dir } });
    const reloaded = await after.edit({ sessionId: stored.sessionId, rects: [rect], seed: 9 });
    expect(after.replays).toBe(0);
    expect(reloaded.png).toEqual(want.png);
  });
});

const dist = (v: number, lo: number, hi: number) => Math.ceil(Math.max(0, lo - v, v - (hi - 1)));
const px = (img: RgbImage, x: number, y: number) => [
  ...img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4),
];
