/**
 * The measurement classifier of issue 3 ("Evaluator"): a small CNN trained on
 * the shapes generator (gpu-node/tools/evaluator.py), run in onnxruntime-node.
 * Gives class predictions for class accuracy and penultimate features for the
 * Fréchet distance. Never used to generate.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ort from 'onnxruntime-node';
import { z } from 'zod';
import type { RuntimeOptions } from '../runtime/onnx-model';
import { argmaxRows, loadEvaluatorGraph } from './evaluator-graph';

export { nchwToTokens, type TokenLayout, tokensToNchw } from './nchw';

/** The committed evaluator: gpu-node/models/evaluator/evaluator.json + evaluator.onnx. */
export const EVALUATOR_DIR = resolve(fileURLToPath(import.meta.url), '../../../models/evaluator');

/** Images the graph takes: NCHW float32 in [-1, 1]. */
export const IMAGE_SHAPE = [3, 32, 32] as const;
const IMAGE_SIZE = IMAGE_SHAPE[0] * IMAGE_SHAPE[1] * IMAGE_SHAPE[2];
const MAX_BATCH = 256;

const cardSchema = z.object({
  format: z.literal('shapes-evaluator/1'),
  graph: z.string(),
  labels: z.array(z.string()).min(2),
  feature_dim: z.number().int().positive(),
  heldout: z.object({ accuracy: z.number() }),
});

/** The evaluator card (evaluator.json), as far as the runtime needs it. */
export type EvaluatorCard = z.infer<typeof cardSchema>;

/** What `classify` returns for `count` images. */
export interface Classification {
  count: number;
  /** [count, classes] */
  logits: Float32Array;
  /** argmax of each row of `logits`. */
  predicted: Int32Array;
  /** [count, featureDim] penultimate features. */
  features: Float32Array;
  featureDim: number;
}

export class Evaluator {
  private constructor(
    readonly card: EvaluatorCard,
    private readonly session: ort.InferenceSession,
  ) {}

  /** Loads `<dir>/evaluator.json` and the graph it names (CPU unless `opts` says otherwise). */
  static async load(dir = EVALUATOR_DIR, opts: RuntimeOptions = {}): Promise<Evaluator> {
    const { card, session } = await loadEvaluatorGraph(dir, cardSchema, 'evaluator', opts);
    return new Evaluator(card, session);
  }

  get labels(): readonly string[] {
    return this.card.labels;
  }

  get featureDim(): number {
    return this.card.feature_dim;
  }

  /** Classifies `count` NCHW images [count, 3, 32, 32] in [-1, 1], in batches of at most 256. */
  async classify(images: Float32Array, count: number): Promise<Classification> {
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`count: want a positive integer, got ${count}`);
    if (images.length !== count * IMAGE_SIZE)
      throw new RangeError(`images: ${images.length} values is not count ${count} × 3 × 32 × 32`);
    const classes = this.labels.length;
    const dim = this.featureDim;
    const logits = new Float32Array(count * classes);
    const features = new Float32Array(count * dim);
    for (let start = 0; start < count; start += MAX_BATCH) {
      const n = Math.min(MAX_BATCH, count - start);
      const batch = images.subarray(start * IMAGE_SIZE, (start + n) * IMAGE_SIZE);
      const out = await this.session.run({ image: new ort.Tensor('float32', batch, [n, ...IMAGE_SHAPE]) });
      logits.set(out.logits.data as Float32Array, start * classes);
      features.set(out.features.data as Float32Array, start * dim);
    }
    return { count, logits, predicted: argmaxRows(logits, count, classes), features, featureDim: dim };
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}
