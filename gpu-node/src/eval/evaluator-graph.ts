/**
 * What the measurement evaluators (the shapes classifier, evaluator.ts; the
 * scenes cell reader, scene-evaluator.ts) share: a zod-checked card
 * (`evaluator.json`) beside the ONNX graph it names, run in onnxruntime-node,
 * and the argmax of logits rows.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ort from 'onnxruntime-node';
import type { z } from 'zod';
import type { RuntimeOptions } from '../runtime/onnx-model';

/** `<dir>/evaluator.json` parsed by `schema` (a bad card names `what`, the folder and its field) and its graph's session. */
export async function loadEvaluatorGraph<S extends z.ZodType<{ graph: string }>>(
  dir: string,
  schema: S,
  what: string,
  opts: RuntimeOptions = {},
): Promise<{ card: z.infer<S>; session: ort.InferenceSession }> {
  const parsed = schema.safeParse(JSON.parse(await readFile(join(dir, 'evaluator.json'), 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${what} card in ${dir}: ${issue.path.join('.')}: ${issue.message}`);
  }
  const session = await ort.InferenceSession.create(join(dir, parsed.data.graph), {
    executionProviders: opts.executionProviders ?? ['cpu'],
    intraOpNumThreads: opts.intraOpThreads ?? 0,
    interOpNumThreads: opts.interOpThreads ?? 1,
    graphOptimizationLevel: 'all',
  });
  return { card: parsed.data, session };
}

/** The index of each row's largest value, for `rows` rows of `cols` values. */
export function argmaxRows(values: Float32Array, rows: number, cols: number): Int32Array {
  const out = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let c = 1; c < cols; c++) if (values[r * cols + c] > values[r * cols + best]) best = c;
    out[r] = best;
  }
  return out;
}
