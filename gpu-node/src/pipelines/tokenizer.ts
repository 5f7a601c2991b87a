/**
 * A prompt's token ids through `@huggingface/tokenizers` (pure JS, the
 * tokenizers library's own `tokenizer.json` format: WordLevel, BPE as CLIP's,
 * ...), padded and truncated as the file's `padding` / `truncation` say, or to
 * the card's text length. Words the vocabulary lacks (the model's unknown
 * token) are refused, every one of them named: a WordLevel model would
 * otherwise encode them all as the same [UNK].
 */
import { readFile } from 'node:fs/promises';
import { Tokenizer } from '@huggingface/tokenizers';
import { quote, SamplerConfigError } from '../sampler/errors';

interface TokenizerFile {
  padding?: { strategy?: { Fixed?: number } | string; pad_id?: number } | null;
  truncation?: { max_length?: number } | null;
  model?: { unk_token?: string | null };
}

export class PromptTokenizer {
  private constructor(
    private readonly tokenizer: Tokenizer,
    /** Ids per prompt (padding to, and truncating at, this length). */
    readonly length: number,
    private readonly padId: number,
    private readonly unkId: number | undefined,
  ) {}

  /** Loads `path`; `length` is the text encoder's input length (the card's `text_tokens`). */
  static async load(path: string, length: number): Promise<PromptTokenizer> {
    const json = JSON.parse(await readFile(path, 'utf8')) as TokenizerFile;
    const tokenizer = new Tokenizer(json, {});
    const fixed = typeof json.padding?.strategy === 'object' ? json.padding.strategy.Fixed : undefined;
    if (fixed !== undefined && fixed !== length)
      throw new Error(`${path}: pads to ${fixed} tokens, the text encoder takes ${length}`);
    const unk = json.model?.unk_token;
    return new PromptTokenizer(
      tokenizer,
      length,
      json.padding?.pad_id ?? 0,
      unk ? tokenizer.token_to_id(unk) : undefined,
    );
  }

  /**
   * The ids of `prompt`, [length] int64, padded. A SamplerConfigError on `field` naming every unknown
   * word, or saying how long a prompt may be.
   */
  encode(field: string, prompt: string): BigInt64Array {
    const { ids, tokens } = this.tokenizer.encode(prompt);
    const unknown = [...new Set(tokens.filter((_, k) => ids[k] === undefined || ids[k] === this.unkId))];
    if (unknown.length)
      throw new SamplerConfigError(
        field,
        `unknown words ${unknown.map(quote).join(', ')}: the model's vocabulary lacks them`,
      );
    if (ids.length > this.length)
      throw new SamplerConfigError(field, `the prompt has ${ids.length} tokens, at most ${this.length}`);
    const out = new BigInt64Array(this.length).fill(BigInt(this.padId));
    ids.forEach((id, k) => {
      out[k] = BigInt(id);
    });
    return out;
  }
}
