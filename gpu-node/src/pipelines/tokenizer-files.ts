/**
 * A card's tokenizer as files: a `tokenizer.json`, or a folder as
 * `save_pretrained` writes one (a `tokenizer.json`, else CLIP's slow
 * `vocab.json` + `merges.txt`), with `tokenizer_config.json` /
 * `special_tokens_map.json` naming the special tokens. The pad token is the
 * config's `pad_token`, else the `tokenizer.json`'s padding.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { clipFromSlow } from './clip-slow';

/** A tokenizer.json's parts this node reads. */
export interface TokenizerJson {
  padding?: { strategy?: { Fixed?: number } | string; pad_id?: number; pad_token?: string } | null;
  model: { type?: string; unk_token?: string | null };
  [key: string]: unknown;
}

export interface TokenizerFiles {
  json: TokenizerJson;
  /** tokenizer_config.json with special_tokens_map.json's entries under it; {} for a bare file. */
  config: Record<string, unknown>;
  /** The pad token's text, when the config names one. */
  padToken?: string;
}

/** A special token as the configs write it: a string or an AddedToken's `{content}`. */
function tokenText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { content?: unknown }).content === 'string')
    return (value as { content: string }).content;
  return undefined;
}

async function readJson(path: string): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`);
  }
}

/** Reads the tokenizer at `path` (a file or a folder). */
export async function readTokenizerFiles(path: string): Promise<TokenizerFiles> {
  if (!statSync(path).isDirectory()) return { json: (await readJson(path)) as TokenizerJson, config: {} };
  const optional = async (file: string): Promise<Record<string, unknown>> =>
    existsSync(join(path, file)) ? readJson(join(path, file)) : {};
  const config = { ...(await optional('special_tokens_map.json')), ...(await optional('tokenizer_config.json')) };
  const special = (key: string, fallback: string) => tokenText(config[key]) ?? fallback;
  let json: TokenizerJson;
  if (existsSync(join(path, 'tokenizer.json'))) json = (await readJson(join(path, 'tokenizer.json'))) as TokenizerJson;
  else if (existsSync(join(path, 'vocab.json')) && existsSync(join(path, 'merges.txt')))
    json = (await clipFromSlow(path, {
      bos: special('bos_token', '<|startoftext|>'),
      eos: special('eos_token', '<|endoftext|>'),
      unk: special('unk_token', '<|endoftext|>'),
    })) as TokenizerJson;
  else throw new Error(`${path}: holds neither tokenizer.json nor vocab.json + merges.txt`);
  return { json, config, padToken: tokenText(config.pad_token) };
}
