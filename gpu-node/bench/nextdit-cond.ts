/**
 * Random prompt conditioning for a NextDiT (Lumina-Next) model, fed in place of Gemma's (a step's
 * speed does not depend on the values): random Gemma features through the model's own prompt
 * graph, so the rows get what the node makes once per prompt — the caption embedding and every
 * layer's text K/V — and, with device-resident caches, uploads once per run.
 */
import { dirname, join } from 'node:path';
import { padRows } from '../src/pipelines/nextdit-rows';
import { PromptGraph } from '../src/pipelines/prompt-graph';
import type { NextditCardFile } from '../src/runtime/nextdit-card';
import type { OnnxDitModel } from '../src/runtime/onnx-model';
import type { Conditioning } from '../src/sampler/model';
import { gaussian } from '../src/sampler/rng';
import { LUMINA_TEXT } from './lumina-next';

/** The negative prompt's tokens: the empty prompt's `<bos>`, padded to a multiple of 8 (mask 1 then 0s). */
const NEGATIVE_TOKENS = 8;

/** True for a NextDiT card (its prompt is read by a cross-attention, not joined to the tokens). */
export function isNextdit(model: OnnxDitModel): boolean {
  return model.card.cond.kind === 'prompt' && 'cross_attention_dim' in model.card.cond;
}

/**
 * A CFG pair's rows, as the pipeline makes them: the image's prompt of `LUMINA_TEXT` tokens and the
 * empty negative prompt's 8, padded to the longest (nextdit-rows.ts). `cardPath` locates the
 * prompt graph (run on the CPU, as the node runs it).
 */
export async function randomNextditConditioning(
  model: OnnxDitModel,
  cardPath: string,
  seed = 17,
): Promise<{ images: Conditioning[]; negative: Conditioning }> {
  const card = model.card as unknown as NextditCardFile;
  const graph = await PromptGraph.load(join(dirname(cardPath), card.stages.prompt), model.card);
  try {
    const features = (tokens: number, valid: number, stream: number) => {
      const hidden = new Float32Array(tokens * card.cond.cross_attention_dim);
      gaussian(seed, stream, hidden);
      return { hidden, mask: BigInt64Array.from({ length: tokens }, (_, j) => (j < valid ? 1n : 0n)), tokens };
    };
    const image = await graph.encode(features(LUMINA_TEXT, LUMINA_TEXT, 0));
    const negative = await graph.encode(features(NEGATIVE_TOKENS, 1, LUMINA_TEXT * card.cond.cross_attention_dim));
    const [padded, paddedNegative] = padRows([image, negative]);
    return { images: [padded], negative: paddedNegative };
  } finally {
    await graph.dispose();
  }
}
