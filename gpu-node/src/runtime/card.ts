/**
 * Model cards: the JSON beside each model's graphs (docs/model-contract.md),
 * parsed with zod so a malformed card fails at load with the path of the bad
 * field. Format `ras-ready-dit/2`: a class-conditional DiT, caches per layer in
 * and out, two graphs (unfused and fused attention) over one weights file.
 * Format `ras-ready/3`: the MMDiT family, with its pipeline's stages
 * (text encoders and how they compose, transformer, decoder) named in
 * `stages` (text-card.ts), and the NextDiT family (nextdit-card.ts).
 */
import { z } from 'zod';
import type { ModelCard } from '../sampler/model';
import { common, decoder, transformerFiles } from './card-fields';
import { checkNextdit, nextditCard } from './nextdit-card';
import { checkText, composeRule, textEntry } from './text-card';

const ditCard = z.object({
  ...common,
  format: z.literal('ras-ready-dit/2'),
  family: z.string(),
  cond: z.object({
    kind: z.literal('class'),
    num_classes: z.number().int().positive(),
    null: z.number().int().nonnegative(),
    labels: z.array(z.string()).nullable(),
  }),
});

const mmditCard = z.object({
  ...common,
  format: z.literal('ras-ready/3'),
  family: z.literal('mmdit'),
  /** The pipeline's stages, files beside the card; `decoder` null in pixel space (a VAE's slot). */
  stages: z.object({
    text: z.array(textEntry).min(1),
    compose: composeRule,
    transformer: transformerFiles,
    decoder: decoder.nullable(),
  }),
  /** MMDiT-X: blocks with attn2, ascending; each is a K/V cache slot after the layers' (kv-slots.ts). */
  dual_attention_layers: z.array(z.number().int().nonnegative()),
  cond: z.object({
    kind: z.literal('prompt'),
    text_tokens: z.number().int().positive(),
    joint_attention_dim: z.number().int().positive(),
    pooled_projection_dim: z.number().int().positive(),
    negative: z.string(),
  }),
  vocabulary: z.object({ model: z.string(), size: z.number().int().positive(), unknown: z.string().nullable() }),
});

/** `ras-ready/3` by family: the MMDiT (SD3) or the NextDiT (Lumina-Next, nextdit-card.ts). */
const promptedCard = z.discriminatedUnion('family', [mmditCard, nextditCard], {
  error: (i) =>
    `unsupported ras-ready/3 family ${JSON.stringify((i.input as { family?: unknown })?.family)} ("mmdit" or "nextdit")`,
});

export const cardSchema = z.discriminatedUnion('format', [ditCard, promptedCard], {
  error: (i) =>
    `unsupported card format ${JSON.stringify((i.input as { format?: unknown })?.format)}; ` +
    're-export with gpu-node/tools/export.py (DiT) or export_prompted.py (MMDiT)',
});

export type CardFile = z.infer<typeof cardSchema>;
export type MmditCardFile = z.infer<typeof mmditCard>;
export type { NextditCardFile } from './nextdit-card';

/** Parses card JSON; throws an Error naming the file and the bad field. */
export function parseCard(name: string, json: unknown): CardFile & ModelCard {
  const parsed = cardSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`model card ${name}: ${issue.path.join('.')}: ${issue.message}`);
  }
  const card = parsed.data;
  if (card.token_dim !== card.patch * card.patch * card.channels) {
    throw new Error(`model card ${name}: token_dim ${card.token_dim} ≠ patch² · channels`);
  }
  if ('dual_attention_layers' in card && card.dual_attention_layers)
    checkDualLayers(name, card.dual_attention_layers, card.layers);
  if (card.format === 'ras-ready/3' && card.family === 'mmdit')
    checkText(name, card.stages.compose, card.stages.text, card.cond);
  if (card.format === 'ras-ready/3' && card.family === 'nextdit') checkNextdit(name, card);
  if (card.preview.kind === 'linear') {
    const row = card.preview.matrix.findIndex((r) => r.length !== card.channels);
    if (row >= 0)
      throw new Error(
        `model card ${name}: preview.matrix.${row}: ${card.preview.matrix[row].length} columns ≠ channels`,
      );
  }
  return { ...card, name };
}

/** Pixels per token side: the patch, times the decoder's scale factor in latent space. */
export function pixelsPerToken(card: ModelCard): number {
  return card.patch * (card.stages?.decoder?.scale_factor ?? 1);
}

/** attn2's caches are slots in block order (`k2_new` stacks them so): ascending, distinct, real blocks. */
function checkDualLayers(name: string, dual: number[], layers: number): void {
  dual.forEach((l, i) => {
    if (l >= layers) throw new Error(`model card ${name}: dual_attention_layers: block ${l} ≥ layers ${layers}`);
    if (i > 0 && l <= dual[i - 1])
      throw new Error(`model card ${name}: dual_attention_layers: not ascending and distinct (${dual.join(', ')})`);
  });
}

/** The sizes a card says its model serves well: its `sizes`, else its default size. */
export function servedSizes(card: ModelCard & { sizes?: [number, number][] }): { width: number; height: number }[] {
  const p = pixelsPerToken(card);
  const pairs = card.sizes ?? [[card.grid.default[1] * p, card.grid.default[0] * p]];
  return pairs.map(([width, height]) => ({ width, height }));
}
