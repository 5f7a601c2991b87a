/**
 * The MMDiT family's pipeline (contract `ras-ready/3`, SD3's shape): the
 * card's text encoders (`stages.text`, each a tokenizer and an encoder, or
 * zeros for an absent one), composed by `stages.compose` into the
 * transformer's `encoder_hidden_states` and `pooled_projections`
 * (compose.ts) → transformer with RAS → decoder. The unconditional CFG row
 * takes the card's negative prompt (the empty one, as SD3). Pixel-space models
 * have no decoder; a latent model's VAE decoder (`vae-decoder.ts`) turns its
 * final tokens into pixels.
 *
 * Each distinct prompt is encoded once: the embeddings are kept (a bounded
 * LRU by prompt text), so a request's CFG pair, a session's edits and its
 * replays reuse them (docs/design.md#pipelines).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { MmditCardFile } from '../runtime/card';
import type { ConditioningSet } from '../sampler/conditioning';
import { SamplerConfigError } from '../sampler/errors';
import type { Conditioning, DitModel, PromptCond } from '../sampler/model';
import { type RgbImage, tokensToImage } from '../sampler/tokens';
import { compose } from './compose';
import type { Condition, ConditionInput, Pipeline, Stages } from './pipeline';
import { TextStage } from './text-stage';
import { VaeDecoder } from './vae-decoder';

/** Distinct prompts whose embeddings a pipeline keeps. */
export const KEPT_PROMPTS = 256;

/** The stage files a card names, checked before the node starts: a missing one is named. */
export function stageFiles(dir: string, card: MmditCardFile): Stages {
  const s = card.stages;
  const text = s.text.map(({ name, tokenizer, encoder }) => ({ name, tokenizer, encoder }));
  const half = s.transformer.fused_fp16 ? [s.transformer.fused_fp16] : [];
  const files = [...text.flatMap((e) => [e.tokenizer, e.encoder]), s.transformer.unfused, s.transformer.fused, ...half];
  if (s.decoder) files.push(s.decoder.file);
  for (const file of files)
    if (file !== null && !existsSync(join(dir, file))) throw new Error(`model ${dir}: stage file ${file} is missing`);
  return { text, transformer: s.transformer.unfused, decoder: s.decoder?.file ?? null };
}

export class MmditPipeline<M extends DitModel = DitModel> implements Pipeline<M> {
  readonly takes = 'prompt';
  readonly negative: { prompt: string };
  /** Prompts run through the text encoders since load (each distinct one once while kept). */
  encodedPrompts = 0;
  private readonly kept = new Map<string, Conditioning>();

  private constructor(
    readonly transformer: M,
    readonly stages: Stages,
    private readonly text: TextStage[],
    private readonly decoder: VaeDecoder | null,
  ) {
    this.negative = { prompt: this.cond.negative };
  }

  static async load<M extends DitModel>(dir: string, transformer: M): Promise<MmditPipeline<M>> {
    const card = transformer.card as unknown as MmditCardFile;
    const stages = stageFiles(dir, card);
    const text: TextStage[] = [];
    let decoder: VaeDecoder | null = null;
    try {
      for (const entry of card.stages.text) text.push(await TextStage.load(dir, entry));
      if (card.stages.decoder)
        decoder = await VaeDecoder.load(join(dir, card.stages.decoder.file), card.stages.decoder);
    } catch (e) {
      await Promise.all(text.map((t) => t.dispose()));
      throw e;
    }
    return new MmditPipeline(transformer, stages, text, decoder);
  }

  get card() {
    return this.transformer.card;
  }

  private get cond(): PromptCond {
    return this.card.cond as PromptCond;
  }

  private get rule() {
    return (this.card as unknown as MmditCardFile).stages.compose;
  }

  /** A prompt, checked by the tokenizers now (unknown words named), before anything queues. */
  condition(field: string, value: ConditionInput): { prompt: string } {
    if (typeof value !== 'object' || typeof value?.prompt !== 'string')
      throw new SamplerConfigError(
        field,
        `model ${this.card.name} takes a prompt ({prompt: "..."}), not a class id or label`,
      );
    for (const stage of this.text) stage.dropped(field, value.prompt);
    return { prompt: value.prompt };
  }

  /** One warning per text encoder whose length cuts the prompt, naming it and the tokens dropped. */
  warnings(cond: Condition): string[] {
    const { prompt } = cond as { prompt: string };
    return this.text.flatMap((stage) => {
      const dropped = stage.dropped('cond', prompt);
      if (dropped === 0) return [];
      const { name, length } = stage.entry;
      return [
        `the prompt is too long for text encoder ${name} (${length} tokens): its last ${dropped} tokens were dropped`,
      ];
    });
  }

  async conditioning(images: Condition[], negative: Condition): Promise<ConditioningSet> {
    const prompts = [...images, negative].map((c) => (c as { prompt: string }).prompt);
    const fresh = [...new Set(prompts.filter((p) => !this.kept.has(p)))];
    if (fresh.length) await this.encode(fresh);
    const rows = prompts.map((p) => this.remember(p));
    return { images: rows.slice(0, -1), negative: rows[rows.length - 1] };
  }

  async decode(grid: [number, number], tokens: Float32Array, b: number): Promise<RgbImage> {
    if (!this.decoder) return tokensToImage(this.card, grid, tokens, b);
    return this.decoder.decode(tokens, b, grid, this.card);
  }

  /** One run of each text encoder over `prompts`, composed; each row kept as its prompt's conditioning. */
  private async encode(prompts: string[]): Promise<void> {
    const outs = [];
    for (const stage of this.text) outs.push(await stage.encode(prompts));
    const entries = this.text.map((t) => t.entry);
    const { hidden, pooled } = compose(this.rule, entries, outs, prompts.length);
    const { text_tokens: T, joint_attention_dim: J, pooled_projection_dim: P } = this.cond;
    this.encodedPrompts += prompts.length;
    prompts.forEach((p, r) => {
      this.kept.set(p, {
        encoder_hidden_states: { type: 'float32', data: hidden.slice(r * T * J, (r + 1) * T * J), dims: [1, T, J] },
        pooled_projections: { type: 'float32', data: pooled.slice(r * P, (r + 1) * P), dims: [1, P] },
      });
    });
  }

  /** A kept prompt's conditioning, marked as used most recently; the oldest beyond KEPT_PROMPTS go. */
  private remember(prompt: string): Conditioning {
    const c = this.kept.get(prompt)!;
    this.kept.delete(prompt);
    this.kept.set(prompt, c);
    while (this.kept.size > KEPT_PROMPTS) this.kept.delete(this.kept.keys().next().value!);
    return c;
  }
}
