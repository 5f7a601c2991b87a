/**
 * The NextDiT family's text stage (docs/model-contract.md, "Lumina-Next in
 * latent space"), diffusers' `LuminaText2ImgPipeline._get_gemma_prompt_embeds`:
 * the prompt lowercased and stripped (`text.lower().strip()`; the optional
 * caption cleaning is not done), tokenized with the tokenizer's own specials
 * (Gemma's `<bos>` first), cut at the entry's `length` (the warning SD3's
 * stages give), padded on the right with the pad token to a multiple of
 * `pad_to_multiple_of`, and run with the attention mask; the entry's `hidden`
 * output (`hidden_states.{N−1}`, transformers' `hidden_states[-2]`) is taken.
 * Gemma is causal and right padding keeps positions 0..t−1, so a prompt's
 * features do not depend on how far it is padded: each prompt is encoded alone,
 * at its own padded length.
 */
import { join } from 'node:path';
import type { TextEntry } from '../runtime/text-card';
import { TextEncoder } from './text-encoder';
import { PromptTokenizer } from './tokenizer';

/** One prompt's text features: [t, hidden_dim] and its mask [t] (1 = token, 0 = padding). */
export interface PromptFeatures {
  hidden: Float32Array;
  mask: BigInt64Array;
  tokens: number;
}

export class GemmaStage {
  private constructor(
    readonly entry: TextEntry,
    private readonly path: string,
    private readonly tokenizer: PromptTokenizer,
    private readonly encoder: TextEncoder,
  ) {}

  /** Loads the entry's tokenizer and encoder beside the card in `dir` (the encoder on the CPU, once per prompt). */
  static async load(dir: string, entry: TextEntry): Promise<GemmaStage> {
    if (entry.tokenizer === null || entry.encoder === null)
      throw new Error(`model ${dir}: the ${entry.name} text entry has no tokenizer or encoder`);
    const tokenizer = await PromptTokenizer.load(join(dir, entry.tokenizer), entry.length);
    const encoder = await TextEncoder.load(join(dir, entry.encoder), entry);
    return new GemmaStage(entry, join(dir, entry.encoder), tokenizer, encoder);
  }

  /** The prompt as the tokenizer sees it. */
  text(prompt: string): string {
    return this.entry.lowercase ? prompt.toLowerCase().trim() : prompt;
  }

  /** The prompt's ids cut at `length` and right-padded to a multiple of `pad_to_multiple_of`, with its mask. */
  tokens(field: string, prompt: string): { ids: BigInt64Array; mask: BigInt64Array; dropped: number } {
    const { ids, dropped, count } = this.tokenizer.encode(field, this.text(prompt));
    const multiple = this.entry.pad_to_multiple_of ?? this.entry.length;
    const t = Math.min(this.entry.length, Math.ceil(count / multiple) * multiple);
    const mask = BigInt64Array.from({ length: t }, (_, k) => (k < count ? 1n : 0n));
    return { ids: ids.slice(0, t), mask, dropped };
  }

  /** The tokens of `prompt` the length cuts off. */
  dropped(field: string, prompt: string): number {
    return this.tokenizer.encode(field, this.text(prompt)).dropped;
  }

  /** One prompt's features at its own padded length. */
  async encode(prompt: string): Promise<PromptFeatures> {
    const { ids, mask } = this.tokens('cond', prompt);
    const t = ids.length;
    const D = this.entry.hidden_dim;
    const out = await this.encoder.encode(ids, 1, t, mask);
    if (out.hidden.length !== t * D)
      throw new Error(
        `${this.path}: its ${this.entry.hidden} is not [1, ${t}, ${D}] (the card's ${this.entry.name} entry)`,
      );
    return { hidden: out.hidden, mask, tokens: t };
  }

  async dispose(): Promise<void> {
    await this.encoder.dispose();
  }
}
