/**
 * Random prompt embeddings of SD3's length, fed to an MMDiT as its conditioning in place of the
 * text encoders' (the step's speed does not depend on their values).
 */
import type { CondTensor, DitModel, PromptCond } from '../src/sampler/model';
import { gaussian } from '../src/sampler/rng';

/** SD3's text tokens at the default T5 length: 77 CLIP + 256 T5. */
export const SD3_TEXT = 333;

/** One prompt's conditioning row (encoder_hidden_states, pooled_projections) from `seed`'s stream. */
export function randomPromptRow(model: DitModel, seed: number, stream = 0): Record<string, CondTensor> {
  const cond = model.card.cond as PromptCond;
  const random = (n: number) => {
    const out = new Float32Array(n);
    gaussian(seed, stream, out);
    stream += n;
    return out;
  };
  return {
    encoder_hidden_states: {
      type: 'float32',
      data: random(SD3_TEXT * cond.joint_attention_dim),
      dims: [1, SD3_TEXT, cond.joint_attention_dim],
    },
    pooled_projections: {
      type: 'float32',
      data: random(cond.pooled_projection_dim),
      dims: [1, cond.pooled_projection_dim],
    },
  };
}

/** A prompt's conditioning set: one image row and the unconditional row, both random. */
export function randomPromptConditioning(model: DitModel, seed = 17) {
  const cond = model.card.cond as PromptCond;
  const rowSize = SD3_TEXT * cond.joint_attention_dim + cond.pooled_projection_dim;
  return { images: [randomPromptRow(model, seed)], negative: randomPromptRow(model, seed, rowSize) };
}
