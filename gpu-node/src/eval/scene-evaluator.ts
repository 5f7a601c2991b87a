/**
 * The scenes evaluator of issue 19 (gpu-node/tools/scene_evaluator.py, exported by
 * export_scene_evaluator.py): a small CNN that reads each cell of a 64×64 scene's
 * 3×3 grid as empty or one of 32 objects (size × colour × shape), and gives
 * penultimate features for the Fréchet distance. Run in onnxruntime-node;
 * measurement only, never used to generate.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ort from 'onnxruntime-node';
import { z } from 'zod';
import type { RuntimeOptions } from '../runtime/onnx-model';
import { argmaxRows, loadEvaluatorGraph } from './evaluator-graph';
import type { SceneClasses } from './scene-accuracy';

/** The committed evaluator: gpu-node/models/scene-evaluator/ (card, graph, real stats, held-out captions). */
export const SCENE_EVALUATOR_DIR = resolve(fileURLToPath(import.meta.url), '../../../models/scene-evaluator');

/** Images the graph takes: NCHW float32 in [-1, 1]. */
export const SCENE_IMAGE_SHAPE = [3, 64, 64] as const;
const IMAGE_SIZE = SCENE_IMAGE_SHAPE[0] * SCENE_IMAGE_SHAPE[1] * SCENE_IMAGE_SHAPE[2];
const MAX_BATCH = 128;

const cardSchema = z.object({
  format: z.literal('scenes-evaluator/1'),
  graph: z.string(),
  cells: z.object({ grid: z.number().int().positive() }),
  cell_classes: z.array(z.string()).min(2),
  attributes: z.object({ size: z.array(z.string()), colour: z.array(z.string()), shape: z.array(z.string()) }),
  feature_dim: z.number().int().positive(),
  heldout: z.object({ prompt_acc: z.number() }),
});

/** The evaluator card (evaluator.json), as far as the bench needs it. */
export type SceneEvaluatorCard = z.infer<typeof cardSchema>;

/** What `read` returns for `count` images. */
export interface SceneReading {
  count: number;
  /** Cells per image (grid²). */
  cells: number;
  /** [count, cells]: the class read at each cell (0 empty, 1 + object). */
  predicted: Int32Array;
  /** [count, featureDim] penultimate features. */
  features: Float32Array;
  featureDim: number;
}

export class SceneEvaluator {
  private constructor(
    readonly card: SceneEvaluatorCard,
    private readonly session: ort.InferenceSession,
  ) {}

  /** Loads `<dir>/evaluator.json` and the graph it names; a bad card names its field. */
  static async load(dir = SCENE_EVALUATOR_DIR, opts: RuntimeOptions = {}): Promise<SceneEvaluator> {
    const { card, session } = await loadEvaluatorGraph(dir, cardSchema, 'scene evaluator', opts);
    const { attributes: a, cell_classes: classes } = card;
    if (classes.length !== 1 + a.size.length * a.colour.length * a.shape.length) {
      await session.release();
      throw new Error(`scene evaluator card in ${dir}: cell_classes: ${classes.length} is not 1 + size·colour·shape`);
    }
    return new SceneEvaluator(card, session);
  }

  /** The attribute names an object class is made of, for scoring. */
  get classes(): SceneClasses {
    const { size, colour, shape } = this.card.attributes;
    return { sizes: size, colours: colour, shapes: shape };
  }

  /** Reads `count` NCHW images [count, 3, 64, 64] in [-1, 1], in batches of at most 128. */
  async read(images: Float32Array, count: number): Promise<SceneReading> {
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`count: want a positive integer, got ${count}`);
    if (images.length !== count * IMAGE_SIZE)
      throw new RangeError(`images: ${images.length} values is not count ${count} × 3 × 64 × 64`);
    const cells = this.card.cells.grid ** 2;
    const classes = this.card.cell_classes.length;
    const dim = this.card.feature_dim;
    const predicted = new Int32Array(count * cells);
    const features = new Float32Array(count * dim);
    for (let start = 0; start < count; start += MAX_BATCH) {
      const n = Math.min(MAX_BATCH, count - start);
      const batch = images.subarray(start * IMAGE_SIZE, (start + n) * IMAGE_SIZE);
      const out = await this.session.run({ image: new ort.Tensor('float32', batch, [n, ...SCENE_IMAGE_SHAPE]) });
      const logits = out.logits.data as Float32Array;
      if (logits.length !== n * cells * classes)
        throw new Error(`scene evaluator: logits hold ${logits.length} values, want ${n} × ${cells} × ${classes}`);
      predicted.set(argmaxRows(logits, n * cells, classes), start * cells);
      features.set(out.features.data as Float32Array, start * dim);
    }
    return { count, cells, predicted, features, featureDim: dim };
  }

  /** Raw outputs of one batch (the golden test compares them with PyTorch's). */
  async run(images: Float32Array, count: number): Promise<{ logits: Float32Array; features: Float32Array }> {
    const out = await this.session.run({ image: new ort.Tensor('float32', images, [count, ...SCENE_IMAGE_SHAPE]) });
    return { logits: out.logits.data as Float32Array, features: out.features.data as Float32Array };
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}
