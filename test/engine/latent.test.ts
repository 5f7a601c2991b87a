import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { composite } from '../../gpu-node/src/engine/composite';
import { createEngine } from '../../gpu-node/src/engine/engine';
import { decodePng } from '../../gpu-node/src/engine/images';
import { regionMasks } from '../../gpu-node/src/engine/region';
import type { EngineEvent } from '../../gpu-node/src/engine/types';
import { VaeDecoder } from '../../gpu-node/src/pipelines/vae-decoder';
import { parseCard, pixelsPerToken, servedSizes } from '../../gpu-node/src/runtime/card';
import { type RgbImage, tokensToImage } from '../../gpu-node/src/sampler/tokens';
import { VAE_SPEC } from '../helpers/latent';
import { LATENT_MODEL, LINEAR_PREVIEW, latentCardJson, latentEngine, latentModelDir } from '../helpers/latent-model';

const params = { model: LATENT_MODEL, cond: { prompt: 'a small red circle at the top left' }, seed: 5 };
const KEY = 'latent-test-state-key-0123456789abcdef';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a latent model (patch 2, a VAE decoder of scale 8)', () => {
  it('has 16 pixels per token: sizes, results and region snapping', async () => {
    const { engine, pipeline } = await latentEngine();
    expect(pixelsPerToken(pipeline.card)).toBe(16);
    expect(servedSizes({ ...pipeline.card, sizes: undefined })).toEqual([{ width: 64, height: 48 }]);
    const [info] = await engine.listModels();
    expect([info.patch, info.width, info.height]).toEqual([16, 64, 48]);
    const res = await engine.generate({ ...params, width: 32, height: 80 });
    expect([res.width, res.height]).toEqual([32, 80]);
    const img = decodePng(res.png);
    expect([img.width, img.height]).toEqual([32, 80]);
    await expect(engine.generate({ ...params, width: 40 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      field: 'width',
      message: expect.stringMatching(/multiple of 16 in 16\.\.128, got 40/),
    });
    const { inner, region } = regionMasks({ rects: [{ x: 17, y: 33, width: 1, height: 1 }], margin: 1 }, [3, 4], 16);
    expect([...inner.keys()].filter((j) => inner[j])).toEqual([9]); // row 2, column 1
    expect([...region.keys()].filter((j) => region[j])).toEqual([4, 5, 6, 8, 9, 10]);
  });

  it('previews at latent resolution through the linear map, never running the decoder', async () => {
    const { engine } = await latentEngine();
    const runs = vi.spyOn(VaeDecoder.prototype, 'sample');
    const events: EngineEvent[] = [];
    await engine.generate({ ...params, steps: 4 }, { preview: { every: 1 }, onEvent: (e) => events.push(e) });
    const previews = events.filter((e) => e.type === 'preview');
    expect(previews).toHaveLength(4);
    expect(previews.map((p) => [p.width, p.height])).toEqual(Array(4).fill([8, 6])); // one pixel per latent pixel
    expect(runs).toHaveBeenCalledTimes(1); // the result's
  });
});

describe("a latent model's card and stages", () => {
  it('maps each latent pixel to RGB by the preview matrix and bias, clamped', async () => {
    const { pipeline } = await latentEngine();
    const tokens = Float32Array.from({ length: 2 * 64 }, (_, k) => Math.sin(k) * 3);
    const img = tokensToImage(pipeline.card, [1, 2], tokens, 0);
    expect([img.width, img.height]).toEqual([4, 2]);
    for (let y = 0; y < 2; y++) {
      for (let x = 0; x < 4; x++) {
        const src = (Math.floor(x / 2) * 4 + (y % 2) * 2 + (x % 2)) * 16;
        const want = LINEAR_PREVIEW.matrix.map((row, ch) =>
          Math.round(row.reduce((s, m, k) => s + m * tokens[src + k], LINEAR_PREVIEW.bias[ch]) * 255),
        );
        expect(px(img, x, y).slice(0, 3)).toEqual(want.map((v) => Math.min(255, Math.max(0, v))));
      }
    }
  });

  it('refuses a preview matrix whose width is not the channel count, naming the row', () => {
    const card = latentCardJson();
    const preview = { ...LINEAR_PREVIEW, matrix: [LINEAR_PREVIEW.matrix[0], [1, 2, 3], LINEAR_PREVIEW.matrix[2]] };
    expect(() => parseCard('m', { ...card, preview })).toThrow('model card m: preview.matrix.1: 3 columns ≠ channels');
  });

  it('stops the node at scan when the decoder file is missing, naming it', async () => {
    const card = latentCardJson();
    const root = mkdtempSync(join(tmpdir(), 'ras-models-'));
    const decoder = { ...VAE_SPEC, file: 'vae/none.onnx' };
    latentModelDir({ ...card, stages: { ...(card.stages as object), decoder } }, join(root, 'latent'));
    await expect(createEngine({ modelsDir: root })).rejects.toThrow(/stage file vae\/none.onnx is missing/);
  });
});

describe('a latent edit', () => {
  for (const margin of [0, 1]) {
    it(`keeps every pixel outside its band bit-identical to the parent and decodes inside (margin ${margin})`, async () => {
      const { engine, pipeline } = await latentEngine();
      const decodes = vi.spyOn(pipeline, 'decode');
      const base = await engine.generate(params);
      const edit = await engine.edit({
        sessionId: base.sessionId,
        rects: [{ x: 20, y: 18, width: 8, height: 8 }], // inside token (1, 1)
        seed: 9,
        margin,
      });
      const decoded = await decodes.mock.results[1].value;
      const [before, after] = [base, edit].map((r) => decodePng(r.png));
      const band = (x: number, y: number) => Math.max(dist(x, 16, 32), dist(y, 16, 32));
      let changed = 0;
      let leaked = 0;
      for (let y = 0; y < 48; y++) {
        for (let x = 0; x < 64; x++) {
          const d = band(x, y);
          if (d === 0) {
            expect(px(after, x, y)).toEqual(px(decoded, x, y));
            if (px(after, x, y).join() !== px(before, x, y).join()) changed++;
          } else if (d > margin * 16) {
            expect(px(after, x, y)).toEqual(px(before, x, y));
            if (px(decoded, x, y).join() !== px(before, x, y).join()) leaked++;
          }
        }
      }
      expect(changed).toBeGreaterThan(128);
      expect(leaked).toBeGreaterThan(0); // the decoder reaches past the region: compositing is what keeps them
    });
  }

  it('is not composited in pixel space: its pixels are its tokens, the parent never read', async () => {
    const engine = await createEngine();
    const base = await engine.generate({ model: 'test-tiny', cond: 1, seed: 3, steps: 4 });
    const reads = vi.spyOn(engine.sessions, 'png');
    const edit = await engine.edit({ sessionId: base.sessionId, rects: [{ x: 2, y: 2, width: 2, height: 2 }] });
    expect(reads).not.toHaveBeenCalled();
    expect(decodePng(edit.png).width).toBe(decodePng(base.png).width);
  });

  it('blends linearly across the margin band, from decoded at the region to the base at its outer edge', () => {
    const solid = (v: number): RgbImage => ({ width: 12, height: 4, data: new Uint8ClampedArray(12 * 4 * 4).fill(v) });
    const masks = { inner: Uint8Array.of(1, 0, 0), region: Uint8Array.of(1, 1, 0) };
    const out = composite(solid(255), solid(0), masks, [1, 3], 4);
    expect([...Array(12).keys()].map((x) => out.data[(12 + x) * 4])).toEqual([
      255, 255, 255, 255, 204, 153, 102, 51, 0, 0, 0, 0,
    ]);
  });

  it('gives the same bytes when its parent is rebuilt: trajectories evicted, or the session adopted elsewhere', async () => {
    const sessions = { stateKeys: { current: KEY } };
    const region = { rects: [{ x: 16, y: 16, width: 16, height: 16 }], seed: 9 };
    const { engine: home } = await latentEngine({ sessions });
    const v1 = await home.generate(params);
    const v2 = await home.edit({ sessionId: v1.sessionId, ...region });
    const v3 = await home.edit({
      sessionId: v1.sessionId,
      version: 2,
      rects: [{ x: 32, y: 0, width: 32, height: 16 }],
    });

    const { engine: evicting } = await latentEngine({ sessions: { ...sessions, memoryBytes: 1 } });
    const e1 = await evicting.generate(params);
    await evicting.generate({ ...params, seed: 6 }); // pushes the first session's trajectory and PNG out
    const e2 = await evicting.edit({ sessionId: e1.sessionId, ...region });
    expect(evicting.replays).toBe(1);
    expect(e2.png).toEqual(v2.png);

    const { engine: other } = await latentEngine({ sessions });
    const adopted = await other.edit({
      sessionId: v1.sessionId,
      version: 2,
      rects: [{ x: 32, y: 0, width: 32, height: 16 }],
      restoreState: v2.sessionState,
    });
    expect(other.replays).toBe(2);
    expect(adopted.png).toEqual(v3.png);
  });
});

const dist = (v: number, lo: number, hi: number) => Math.ceil(Math.max(0, lo - v, v - (hi - 1)));
const px = (img: RgbImage, x: number, y: number) => [
  ...img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4),
];
