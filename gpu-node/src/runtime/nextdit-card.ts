/**
 * The NextDiT family's card (`ras-ready/3`, `family: "nextdit"`; Lumina-Next,
 * docs/model-contract.md's last section): beside the shared fields, the
 * query/KV head split, the 8-channel output, Lumina's time convention, the
 * RoPE and proportional-attention constants, the guided channels, and the
 * prompt graph stage. `checkNextdit` cross-checks what the schema cannot,
 * naming the field.
 */
import { z } from 'zod';
import { common, decoder, name, pair, transformerFiles } from './card-fields';
import { textEntry } from './text-card';

const positive = z.number().int().positive();

export const nextditCard = z.object({
  ...common,
  format: z.literal('ras-ready/3'),
  family: z.literal('nextdit'),
  stages: z.object({
    text: z.array(textEntry).length(1),
    compose: z.literal('nextdit'),
    /** The prompt graph: encoder_hidden_states + encoder_mask → caption, text_k_<l>, text_v_<l>. */
    prompt: name,
    transformer: transformerFiles,
    decoder: decoder.nullable(),
  }),
  /** Width of the model output per token and patch pixel (8 with learn_sigma); the sampler keeps `channels`. */
  out_channels: positive,
  /** Heads of the K/V caches (grouped-query attention); `heads` counts the queries. */
  kv_heads: positive,
  time: z.object({
    scale: z.number().positive(),
    shift: z.number().positive(),
    input: z.enum(['sigma', 'one_minus_sigma']),
    output: z.enum(['velocity', 'data_minus_noise']),
  }),
  rope: z.object({
    theta: z.number().positive(),
    max: pair,
    default_grid: pair,
    scaling_watershed: z.number(),
  }),
  attention: z.object({ base_sequence_length: positive.nullable() }),
  /** CFG guides channels [0, guidance_channels); the others take the conditional row. */
  guidance_channels: positive,
  dual_attention_layers: z.array(z.number()).length(0).optional(),
  cond: z.object({
    kind: z.literal('prompt'),
    text_tokens: positive,
    cross_attention_dim: positive,
    caption_dim: positive,
    negative: z.string(),
  }),
  vocabulary: z
    .object({ model: z.string(), size: z.number().int().positive(), unknown: z.string().nullable() })
    .optional(),
});

export type NextditCardFile = z.infer<typeof nextditCard>;

/** Throws naming the card and the field when the parsed card's fields disagree. */
export function checkNextdit(card: string, c: NextditCardFile): void {
  const refuse = (field: string, why: string) => {
    throw new Error(`model card ${card}: ${field}: ${why}`);
  };
  if (c.rope.scaling_watershed < 1)
    refuse(
      'rope.scaling_watershed',
      `${c.rope.scaling_watershed} < 1 switches the RoPE table mid-run, which makes every cached post-RoPE key ` +
        'stale; not served until a dense step at the crossing is built',
    );
  if (c.heads % c.kv_heads) refuse('kv_heads', `heads ${c.heads} is not a multiple of kv_heads ${c.kv_heads}`);
  if (c.out_channels < c.channels) refuse('out_channels', `${c.out_channels} < channels ${c.channels}`);
  if (c.guidance_channels > c.channels) refuse('guidance_channels', `${c.guidance_channels} > channels ${c.channels}`);
  if (c.head_dim % 4) refuse('head_dim', `2-D RoPE needs head_dim divisible by 4, not ${c.head_dim}`);
  const [text] = c.stages.text;
  if (!text.mask) refuse('stages.text.0.mask', "the Gemma stage needs its attention mask input's name");
  if (text.pooled !== null) refuse('stages.text.0.pooled', 'the NextDiT family pools the caption itself: null');
  if (text.tokenizer === null) refuse('stages.text.0', 'the NextDiT family needs its text encoder (not absent)');
  if (text.hidden_dim !== c.cond.cross_attention_dim)
    refuse(
      'cond.cross_attention_dim',
      `is ${c.cond.cross_attention_dim}, but the text entry's hidden_dim is ${text.hidden_dim}`,
    );
  if (text.length !== c.cond.text_tokens)
    refuse('cond.text_tokens', `is ${c.cond.text_tokens}, but the text entry's length is ${text.length}`);
  if (c.rope.max[0] < c.grid.max[0] || c.rope.max[1] < c.grid.max[1])
    refuse('rope.max', `${c.rope.max.join('x')} is smaller than grid.max ${c.grid.max.join('x')}`);
}
