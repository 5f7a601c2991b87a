import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PromptTokenizer } from '../../gpu-node/src/pipelines/tokenizer';

// The miniature Gemma tokenizer (gpu-node/tools/mini_gemma_tokenizer.py) in a Lumina-Next pipeline folder's layout.
const FOLDER = join(__dirname, '..', 'fixtures', 'lumina-mini', 'tokenizer');
const json = JSON.parse(readFileSync(join(FOLDER, 'tokenizer.json'), 'utf8'));
const vocab: Record<string, number> = json.model.vocab;
const tokenOf = new Map(Object.entries(vocab).map(([token, id]) => [id, token]));

/** The ids of `tokens`, looked up in the vocabulary (a token it lacks fails the test). */
function ids(tokens: string[]): number[] {
  return tokens.map((t) => {
    expect(vocab, `the vocabulary has ${t}`).toHaveProperty([t]);
    return vocab[t];
  });
}

/** Gemma's byte fallback: a character outside the vocabulary as its UTF-8 bytes' pieces. */
const bytes = (text: string) =>
  [...new TextEncoder().encode(text)].map((b) => `<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);

async function encode(prompt: string, length = 16): Promise<{ ids: number[]; dropped: number }> {
  const tokenizer = await PromptTokenizer.load(FOLDER, length);
  const out = tokenizer.encode('cond', prompt);
  return { ids: [...out.ids].map(Number), dropped: out.dropped };
}

/** `tokens` after <bos>, then <pad> up to `length`. */
const padded = (tokens: string[], length = 16) => [
  ...ids(['<bos>', ...tokens]),
  ...Array(length - tokens.length - 1).fill(vocab['<pad>']),
];

describe("Gemma's tokenizer (BPE with byte fallback), as a Lumina-Next folder holds it", () => {
  it("has Gemma's special ids and its 256 byte pieces", () => {
    expect(ids(['<pad>', '<eos>', '<bos>', '<unk>'])).toEqual([0, 1, 2, 3]);
    expect(ids(['<0x00>', '<0x41>', '<0xFF>'])).toEqual([4, 4 + 0x41, 4 + 0xff]);
    expect(json.model).toMatchObject({ type: 'BPE', byte_fallback: true, unk_token: '<unk>' });
  });

  it('puts <bos> first and marks word starts with ▁ (no dummy prefix on the first word), padding with <pad>', async () => {
    expect(await encode('a red cat')).toEqual({ ids: padded(['a', '▁red', '▁cat']), dropped: 0 });
    const long = 'a photo of an astronaut riding a horse';
    const words = ['a', '▁photo', '▁of', '▁an', '▁astronaut', '▁riding', '▁a', '▁horse'];
    expect(await encode(long)).toEqual({ ids: padded(words), dropped: 0 });
    expect(await encode('photo of a cat')).toEqual({ ids: padded(['photo', '▁of', '▁a', '▁cat']), dropped: 0 });
  });

  it('spells characters outside the vocabulary as their UTF-8 bytes', async () => {
    expect(vocab).not.toHaveProperty(['é']);
    const want = ['ca', 'f', ...bytes('é'), '▁cat', ...bytes('🙂')];
    expect(want.filter((t) => t.startsWith('<0x'))).toHaveLength(2 + 4);
    expect(await encode('café cat🙂')).toEqual({ ids: padded(want), dropped: 0 });
  });

  it('keeps uppercase as it is (the card lowercases prompts, not the tokenizer)', async () => {
    const upper = await encode('A Red Cat');
    expect(upper).toEqual({ ids: padded(['A', '▁', 'R', 'e', 'd', '▁', 'C', 'at']), dropped: 0 });
    expect(upper.ids).not.toEqual((await encode('a red cat')).ids);
  });

  it('spells a word of known letters out of pieces, never <unk>', async () => {
    const { ids: got } = await encode('zorp');
    const pieces = got.slice(1, got.indexOf(vocab['<pad>'])).map((i) => tokenOf.get(i));
    expect(pieces.join('')).toBe('zorp');
    expect(got).not.toContain(vocab['<unk>']);
  });

  it('cuts a long prompt after <bos> and reports the tokens dropped', async () => {
    const out = await encode('a photo of an astronaut riding a horse', 4);
    expect(out).toEqual({ ids: ids(['<bos>', 'a', '▁photo', '▁of']), dropped: 8 - 3 });
  });
});
