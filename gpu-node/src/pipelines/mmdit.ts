/**
 * The MMDiT family's pipeline (contract `ras-ready/3`, SD3's shape): tokenizer
 * → text encoder → transformer with RAS → decoder. The prompt's hidden states
 * and pooled vector are the transformer's `encoder_hidden_states` and
 * `pooled_projections`; the unconditional CFG row takes the card's negative
 * prompt (the empty one, as SD3). Pixel-space models have no decoder; a
 * latent model's VAE decoder (`vae-decoder.ts`) turns its final tokens into
 * pixels.
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
import type { Condition, ConditionInput, Pipeline, Stages } from './pipeline';
import { TextEncoder } from './text-encoder';
import { PromptTokenizer } from './tokenizer';
import { VaeDecoder } from './vae-decoder';

/** Distinct prompts whose embeddings a pipeline keeps. */
export const KEPT_PROMPTS = 256;

/** The stage files a card names, checked before the node starts: a missing one is named. */
export function stageFiles(dir: string, card: MmditCardFile): Stages {
  const s = card.stages;
  const stages = {
    tokenizer: s.tokenizer,
    textEncoder: s.text_encoder,
    transformer: s.transformer.unfused,
    decoder: s.decoder?.file ?? null,
  };
  const files = [s.tokenizer, s.text_encoder, s.transformer.unfused, s.transformer.fused, s.decoder?.file];
  for (const file of files)
    if (file !== undefined && !existsSync(join(dir, file)))
      throw new Error(`model ${dir}: stage file ${file} is missing`);
  return stages;
}

export class MmditPipeline<M extends DitModel = DitModel> implements Pipeline<M> {
  readonly takes = 'prompt';
  readonly negative: { prompt: string };
  /** Prompts run through the text encoder since load (each distinct one once while kept). */
  encodedPrompts = 0;
  private readonly kept = new Map<string, Conditioning>();

  private constructor(
    readonly transformer: M,
    readonly stages: Stages,
    private readonly tokenizer: PromptTokenizer,
    private readonly encoder: TextEncoder,
    private readonly decoder: VaeDecoder | null,
  ) {
    this.negative = { prompt: this.cond.negative };
  }

  static async load<M extends DitModel>(dir: string, transformer: M): Promise<MmditPipeline<M>> {
    const card = transformer.card as unknown as MmditCardFile;
    const stages = stageFiles(dir, card);
    const tokenizer = await PromptTokenizer.load(join(dir, stages.tokenizer!), card.cond.text_tokens);
    // The text encoder runs once per prompt: the CPU is enough, and keeps the GPU's memory for the transformer.
    const encoder = await TextEncoder.load(join(dir, stages.textEncoder!), ['cpu']);
    const decoder =
      card.stages.decoder && (await VaeDecoder.load(join(dir, card.stages.decoder.file), card.stages.decoder));
    return new MmditPipeline(transformer, stages, tokenizer, encoder, decoder);
  }

  get card() {
    return this.transformer.card;
  }

  private get cond(): PromptCond {
    return this.card.cond as PromptCond;
  }

  /** A prompt, checked by the tokenizer now (unknown words named), before anything queues. */
  condition(field: string, value: ConditionInput): { prompt: string } {
    if (typeof value !== 'object' || typeof value?.prompt !== 'string')
      throw new SamplerConfigError(
        field,
        `model ${this.card.name} takes a prompt ({prompt: "..."}), not a class id or label`,
      );
    this.tokenizer.encode(field, value.prompt);
    return { prompt: value.prompt };
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

  /** One text-encoder run over `prompts`; each row kept as its prompt's conditioning. */
  private async encode(prompts: string[]): Promise<void> {
    const T = this.tokenizer.length;
    const ids = new BigInt64Array(prompts.length * T);
    prompts.forEach((p, r) => {
      ids.set(this.tokenizer.encode('cond', p), r * T);
    });
    const { hidden, pooled } = await this.encoder.encode(ids, prompts.length, T);
    const { joint_attention_dim: J, pooled_projection_dim: P } = this.cond;
    if (hidden.length !== prompts.length * T * J || pooled.length !== prompts.length * P)
      throw new Error(`model ${this.card.name}: the text encoder's outputs do not match the card's dimensions`);
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
