/**
 * One `stages.text` entry of a card: its tokenizer and text encoder, or an
 * absent encoder (both null), whose rows are zeros [length, hidden_dim] as
 * diffusers gives SD3 without T5.
 */
import { join } from 'node:path';
import type { TextEntry } from '../runtime/text-card';
import { type TextEmbeddings, TextEncoder } from './text-encoder';
import { PromptTokenizer } from './tokenizer';

export class TextStage {
  private constructor(
    readonly entry: TextEntry,
    private readonly dir: string,
    private readonly tokenizer: PromptTokenizer | null,
    private readonly encoder: TextEncoder | null,
  ) {}

  /** Loads the entry's files beside the card in `dir`; the encoder runs on the CPU (once per prompt). */
  static async load(dir: string, entry: TextEntry): Promise<TextStage> {
    if (entry.tokenizer === null || entry.encoder === null) return new TextStage(entry, dir, null, null);
    const tokenizer = await PromptTokenizer.load(join(dir, entry.tokenizer), entry.length);
    const encoder = await TextEncoder.load(join(dir, entry.encoder), entry);
    return new TextStage(entry, dir, tokenizer, encoder);
  }

  /**
   * The tokens of `prompt` the length cuts off (0 for an absent encoder); a SamplerConfigError on `field` for
   * words a WordLevel vocabulary lacks.
   */
  dropped(field: string, prompt: string): number {
    return this.tokenizer?.encode(field, prompt).dropped ?? 0;
  }

  /** The embeddings of `prompts`, one row each: [rows, length, hidden_dim] and [rows, pooled_dim]. */
  async encode(prompts: string[]): Promise<TextEmbeddings> {
    const { length: T, hidden_dim: H, pooled_dim: P } = this.entry;
    const rows = prompts.length;
    if (this.tokenizer === null || this.encoder === null)
      return { hidden: new Float32Array(rows * T * H), pooled: new Float32Array(rows * P) };
    const ids = new BigInt64Array(rows * T);
    prompts.forEach((p, r) => {
      ids.set(this.tokenizer!.encode('cond', p).ids, r * T);
    });
    const out = await this.encoder.encode(ids, rows, T);
    if (out.hidden.length !== rows * T * H || out.pooled.length !== rows * P)
      throw new Error(
        `${join(this.dir, this.entry.encoder!)}: its outputs are not [${rows}, ${T}, ${H}] and [${rows}, ${P}] ` +
          `(the card's ${this.entry.name} entry)`,
      );
    return out;
  }

  async dispose(): Promise<void> {
    await this.encoder?.dispose();
  }
}
