/**
 * How a card's text entries become the transformer's two inputs
 * (`stages.compose`, docs/model-contract.md). "single": one entry's hidden
 * states and pooled vector as they are. "sd3", diffusers'
 * `StableDiffusion3Pipeline.encode_prompt`: CLIP-L ⊕ CLIP-G hidden states on
 * the feature axis, zero-padded on the right to the T5 width
 * (joint_attention_dim), then the T5 rows on the sequence axis; pooled =
 * CLIP-L's ⊕ CLIP-G's pooled vectors.
 */
import type { ComposeRule, TextEntry } from '../runtime/text-card';
import type { TextEmbeddings } from './text-encoder';

/** The composed [rows, T, J] hidden states and [rows, P] pooled vectors of `rows` prompts. */
export function compose(rule: ComposeRule, entries: TextEntry[], outs: TextEmbeddings[], rows: number): TextEmbeddings {
  if (rule === 'single') return outs[0];
  const [l, g, t5] = entries;
  const J = t5.hidden_dim;
  const L = l.length;
  const T = L + t5.length;
  const hidden = new Float32Array(rows * T * J);
  const pooled = new Float32Array(rows * (l.pooled_dim + g.pooled_dim));
  for (let r = 0; r < rows; r++) {
    for (let t = 0; t < L; t++) {
      const at = (r * T + t) * J;
      hidden.set(outs[0].hidden.subarray((r * L + t) * l.hidden_dim, (r * L + t + 1) * l.hidden_dim), at);
      hidden.set(
        outs[1].hidden.subarray((r * L + t) * g.hidden_dim, (r * L + t + 1) * g.hidden_dim),
        at + l.hidden_dim,
      );
    }
    hidden.set(outs[2].hidden.subarray(r * t5.length * J, (r + 1) * t5.length * J), (r * T + L) * J);
    const p = r * (l.pooled_dim + g.pooled_dim);
    pooled.set(outs[0].pooled.subarray(r * l.pooled_dim, (r + 1) * l.pooled_dim), p);
    pooled.set(outs[1].pooled.subarray(r * g.pooled_dim, (r + 1) * g.pooled_dim), p + l.pooled_dim);
  }
  return { hidden, pooled };
}
