import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHeldoutCaptions } from '../../gpu-node/src/eval/heldout-captions';
import { loadRealStats } from '../../gpu-node/src/eval/real-stats';
import { SCENE_EVALUATOR_DIR, SceneEvaluator } from '../../gpu-node/src/eval/scene-evaluator';

const golden = JSON.parse(readFileSync(join(SCENE_EVALUATOR_DIR, 'golden.json'), 'utf8')).images;
const images = Float32Array.from(Buffer.from(golden.pixels, 'base64'), (v) => v / 127.5 - 1);
const count: number = golden.dims[0];

describe('the committed scene evaluator', () => {
  let evaluator: SceneEvaluator;

  beforeAll(async () => {
    evaluator = await SceneEvaluator.load(undefined, { intraOpThreads: 1 });
  });
  afterAll(() => evaluator.dispose());

  it('matches PyTorch on the golden real renders, logits and features', async () => {
    const out = await evaluator.run(images, count);
    const worst = (got: Float32Array, want: number[]) => Math.max(...want.map((v, i) => Math.abs(got[i] - v)));
    expect(worst(out.logits, golden.logits.flat(2))).toBeLessThan(golden.tolerance);
    expect(worst(out.features, golden.features.flat())).toBeLessThan(golden.tolerance);
  });

  it('reads each cell as the argmax of its logits, batched or alone', async () => {
    const all = await evaluator.read(images, count);
    const one = await evaluator.read(images.slice(2 * 3 * 64 * 64, 3 * 3 * 64 * 64), 1);
    const want = (golden.logits as number[][][]).flatMap((cells) => cells.map((row) => row.indexOf(Math.max(...row))));
    expect(Array.from(all.predicted)).toEqual(want);
    expect(Array.from(one.predicted)).toEqual(want.slice(18, 27));
    expect(all.cells).toBe(9);
  });

  it('reads the golden real renders as their captions say, all but one small object', async () => {
    const out = await evaluator.read(images, count);
    const labels: number[] = golden.labels.flat();
    const wrong = labels.filter((l, i) => out.predicted[i] !== l);
    expect(wrong).toHaveLength(1); // the first render's small red square, next to a large red circle: read as empty
  });

  it('has real statistics of its feature size and 256 held-out captions of 9 cells', async () => {
    expect((await loadRealStats(SCENE_EVALUATOR_DIR)).dim).toBe(evaluator.card.feature_dim);
    const heldout = await loadHeldoutCaptions();
    expect(heldout.captions).toHaveLength(256);
    expect(heldout.labels.every((row) => row.length === 9)).toBe(true);
  });

  it('holds captions that name exactly the objects of their labels, each at its cell', async () => {
    const { captions, labels } = await loadHeldoutCaptions();
    const { cell_classes: classes } = evaluator.card;
    const phrases: string[] = JSON.parse(readFileSync(join(SCENE_EVALUATOR_DIR, 'evaluator.json'), 'utf8')).cells
      .phrases;
    captions.forEach((caption, i) => {
      const parts = labels[i].flatMap((l, cell) => (l > 0 ? [`a ${classes[l]} ${phrases[cell]}`] : []));
      expect(caption).toBe(parts.join(' and '));
    });
  });

  it('rejects an image buffer that is not count × 3 × 64 × 64', async () => {
    await expect(evaluator.read(new Float32Array(100), 1)).rejects.toThrow(/images/);
  });
});
