/**
 * CLIP's slow tokenizer files (`vocab.json` + `merges.txt`, as SD3's repos
 * save `tokenizer/`) as the `tokenizer.json` transformers' CLIPTokenizerFast
 * converts them to (convert_slow_tokenizer.py, CLIPConverter): NFC, runs of
 * whitespace to one space, lowercase; split into letters / single digits /
 * other runs (and 's 't 're 've 'm 'll 'd), byte-level; BPE with a `</w>`
 * end-of-word suffix; BOS … EOS around the ids.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The merges CLIPTokenizer reads: the file's lines after the version line, at most 49152 − 256 − 2. */
const MAX_MERGES = 49152 - 256 - 2;

const CLIP_SPLIT = "'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+";

export interface ClipSpecials {
  bos: string;
  eos: string;
  unk: string;
}

/** The converted tokenizer of `dir`'s `vocab.json` + `merges.txt`, with `specials` from its config. */
export async function clipFromSlow(dir: string, specials: ClipSpecials): Promise<Record<string, unknown>> {
  const vocab = JSON.parse(await readFile(join(dir, 'vocab.json'), 'utf8')) as Record<string, number>;
  const lines = (await readFile(join(dir, 'merges.txt'), 'utf8')).trim().split('\n');
  const merges = lines.slice(1, MAX_MERGES + 1);
  const id = (token: string) => {
    const found = vocab[token];
    if (found === undefined) throw new Error(`${join(dir, 'vocab.json')}: lacks the special token ${token}`);
    return found;
  };
  const added = [...new Set([specials.bos, specials.eos, specials.unk])].map((content) => ({
    id: id(content),
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: true,
    special: true,
  }));
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: added,
    normalizer: {
      type: 'Sequence',
      normalizers: [
        { type: 'NFC' },
        { type: 'Replace', pattern: { Regex: '\\s+' }, content: ' ' },
        { type: 'Lowercase' },
      ],
    },
    pre_tokenizer: {
      type: 'Sequence',
      pretokenizers: [
        { type: 'Split', pattern: { Regex: CLIP_SPLIT }, behavior: 'Removed', invert: true },
        { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true },
      ],
    },
    post_processor: {
      type: 'RobertaProcessing',
      sep: [specials.eos, id(specials.eos)],
      cls: [specials.bos, id(specials.bos)],
      trim_offsets: false,
      add_prefix_space: false,
    },
    decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: specials.unk,
      continuing_subword_prefix: '',
      end_of_word_suffix: '</w>',
      fuse_unk: false,
      byte_fallback: false,
      vocab,
      merges,
    },
  };
}
