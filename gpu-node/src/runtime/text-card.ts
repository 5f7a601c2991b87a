/**
 * A prompted card's text stages (docs/model-contract.md, "SD3 in latent
 * space"): `stages.text`, the encoders in order, and `stages.compose`, how
 * their outputs become the transformer's `encoder_hidden_states` and
 * `pooled_projections`. The schema names a bad field; `checkText` checks that
 * the composed shapes are the ones the card's `cond` says the transformer takes.
 */
import { z } from 'zod';

const dim = z.number().int().nonnegative();

/** One text encoder; `tokenizer` and `encoder` both null: an absent encoder, its rows zeros. */
export const textEntry = z
  .object({
    name: z.string().min(1),
    tokenizer: z.string().min(1).nullable(),
    encoder: z.string().min(1).nullable(),
    length: z.number().int().positive(),
    hidden: z.string().min(1),
    hidden_dim: z.number().int().positive(),
    pooled: z.string().min(1).nullable(),
    pooled_dim: dim,
    /** The encoder's attention-mask input, fed 1 for tokens and 0 for padding; absent: no mask (SD3). */
    mask: z.string().min(1).nullable().optional(),
    /** Pad on the right to a multiple of this of the prompt's own length, not to `length` (NextDiT). */
    pad_to_multiple_of: z.number().int().positive().optional(),
    /** Prompts are lowercased and stripped first (diffusers' Lumina pipeline). */
    lowercase: z.boolean().optional(),
  })
  .refine((e) => (e.tokenizer === null) === (e.encoder === null), {
    error: 'tokenizer and encoder are both set (an encoder) or both null (an absent one, zeros)',
  })
  .refine((e) => (e.pooled === null) === (e.pooled_dim === 0), {
    error: 'pooled_dim is 0 exactly when pooled is null',
  });

export const composeRule = z.enum(['single', 'sd3']);

export type TextEntry = z.infer<typeof textEntry>;
export type ComposeRule = z.infer<typeof composeRule>;

interface PromptShape {
  text_tokens: number;
  joint_attention_dim: number;
  pooled_projection_dim: number;
}

/** The rule's composed [T, joint] and pooled width, or why the entries do not fit the rule. */
export function composedShape(rule: ComposeRule, text: TextEntry[]): { T: number; J: number; P: number } | string {
  if (rule === 'single') {
    if (text.length !== 1) return `compose "single" takes one entry, not ${text.length}`;
    const [e] = text;
    return { T: e.length, J: e.hidden_dim, P: e.pooled_dim };
  }
  if (text.length !== 3) return `compose "sd3" takes three entries (CLIP-L, CLIP-G, T5), not ${text.length}`;
  const [l, g, t5] = text;
  if (l.length !== g.length) return `compose "sd3": ${l.name} and ${g.name} differ in length`;
  if (l.pooled === null || g.pooled === null) return `compose "sd3": ${l.name} and ${g.name} need a pooled output`;
  if (t5.pooled !== null) return `compose "sd3": ${t5.name} has no pooled output (pooled null)`;
  if (l.hidden_dim + g.hidden_dim > t5.hidden_dim)
    return `compose "sd3": ${l.name} ⊕ ${g.name} (${l.hidden_dim + g.hidden_dim}) is wider than ${t5.name} (${t5.hidden_dim})`;
  return { T: l.length + t5.length, J: t5.hidden_dim, P: l.pooled_dim + g.pooled_dim };
}

/** Throws naming the card when the composed shapes are not the transformer's (`cond`). */
export function checkText(card: string, rule: ComposeRule, text: TextEntry[], cond: PromptShape): void {
  const shape = composedShape(rule, text);
  if (typeof shape === 'string') throw new Error(`model card ${card}: stages.text: ${shape}`);
  const wants: [string, number, number][] = [
    ['cond.text_tokens', shape.T, cond.text_tokens],
    ['cond.joint_attention_dim', shape.J, cond.joint_attention_dim],
    ['cond.pooled_projection_dim', shape.P, cond.pooled_projection_dim],
  ];
  for (const [field, got, want] of wants)
    if (got !== want)
      throw new Error(`model card ${card}: ${field} is ${want}, but stages.text composed by "${rule}" gives ${got}`);
}
