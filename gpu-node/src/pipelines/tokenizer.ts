/**
 * A prompt's token ids through `@huggingface/tokenizers` (pure JS, the
 * tokenizers library's `tokenizer.json`: WordLevel, CLIP's BPE, T5's Unigram),
 * as transformers' tokenizers give them with `padding="max_length"`,
 * `truncation=True` (diffusers' call): the special tokens kept, the prompt's
 * own tokens cut at the end, then the tokenizer's pad token up to `length`.
 * A cut is reported, not refused. Words a WordLevel vocabulary lacks are
 * refused, every one named: it would encode them all as the same [UNK]
 * (BPE and Unigram spell any word out of pieces).
 */
import { Tokenizer } from '@huggingface/tokenizers';
import { quote, SamplerConfigError } from '../sampler/errors';
import { readTokenizerFiles, type TokenizerJson } from './tokenizer-files';

/** A prompt's ids and how many of its own tokens the length cut off. */
export interface Tokenized {
  /** [length] int64, padded. */
  ids: BigInt64Array;
  dropped: number;
  /** Ids before the padding (the special tokens included). */
  count: number;
}

/** The config as the tokenizers library reads it: special tokens as plain strings. */
function plainConfig(config: Record<string, unknown>): Record<string, unknown> {
  const text = (v: unknown) => (typeof v === 'object' && v !== null ? (v as { content?: unknown }).content : v);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (key.endsWith('_token')) out[key] = text(value);
    else if (key === 'additional_special_tokens' && Array.isArray(value)) out[key] = value.map(text);
    else if (key !== 'added_tokens_decoder') out[key] = value;
  }
  return out;
}

export class PromptTokenizer {
  private constructor(
    private readonly tokenizer: Tokenizer,
    /** Ids per prompt (padding to, and truncating at, this length). */
    readonly length: number,
    readonly padId: number,
    /** Whether words the vocabulary lacks are refused (WordLevel), and its unknown token's id. */
    private readonly refuses: boolean,
    private readonly refuseId: number | undefined,
  ) {}

  /** Loads `path` (a tokenizer.json, or a folder holding one or CLIP's slow files); pads to `length`. */
  static async load(path: string, length: number): Promise<PromptTokenizer> {
    const { json, config, padToken } = await readTokenizerFiles(path);
    const tokenizer = new Tokenizer({ added_tokens: [], ...json }, plainConfig(config));
    const fixed = typeof json.padding?.strategy === 'object' ? json.padding.strategy.Fixed : undefined;
    if (fixed !== undefined && fixed !== length)
      throw new Error(`${path}: pads to ${fixed} tokens, the text encoder takes ${length}`);
    const padId = padToken !== undefined ? tokenizer.token_to_id(padToken) : json.padding?.pad_id;
    if (padId === undefined)
      throw new Error(
        `${path}: no pad token (${padToken === undefined ? 'none in the config or padding' : `${quote(padToken)} is not in the vocabulary`})`,
      );
    const wordLevel = json.model.type === 'WordLevel';
    return new PromptTokenizer(tokenizer, length, padId, wordLevel, unknownId(tokenizer, json));
  }

  /**
   * `prompt`'s ids, truncated and padded to `length`. A SamplerConfigError on `field` naming every word a
   * WordLevel vocabulary lacks.
   */
  encode(field: string, prompt: string): Tokenized {
    const content = this.tokenizer.encode(prompt, { add_special_tokens: false });
    const isUnknown = (k: number) => content.ids[k] === undefined || content.ids[k] === this.refuseId;
    const unknown = [...new Set(content.tokens.filter((_, k) => isUnknown(k)))];
    if (this.refuses && unknown.length)
      throw new SamplerConfigError(
        field,
        `unknown words ${unknown.map(quote).join(', ')}: the model's vocabulary lacks them`,
      );
    const full = this.tokenizer.encode(prompt).ids;
    const specials = full.length - content.ids.length;
    const before = specialsBefore(full, content.ids);
    const kept = Math.max(0, Math.min(content.ids.length, this.length - specials));
    const ids = [...full.slice(0, before), ...content.ids.slice(0, kept), ...full.slice(before + content.ids.length)];
    const out = new BigInt64Array(this.length).fill(BigInt(this.padId));
    ids.slice(0, this.length).forEach((id, k) => {
      out[k] = BigInt(id);
    });
    return { ids: out, dropped: content.ids.length - kept, count: Math.min(ids.length, this.length) };
  }
}

/** How many special tokens the post-processor put before the prompt's own ids. */
function specialsBefore(full: number[], content: number[]): number {
  for (let p = 0; p + content.length <= full.length; p++) if (content.every((id, k) => full[p + k] === id)) return p;
  throw new Error('the tokenizer post-processor changed the prompt ids (not a prefix/suffix template)');
}

/** The vocabulary's unknown-token id, if it names one. */
function unknownId(tokenizer: Tokenizer, json: TokenizerJson): number | undefined {
  if (!json.model.unk_token) return undefined;
  return tokenizer.token_to_id(json.model.unk_token);
}
