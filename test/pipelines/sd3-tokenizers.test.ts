import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PromptTokenizer } from '../../gpu-node/src/pipelines/tokenizer';
import { SD3_MINI, sd3MiniGolden } from '../helpers/sd3-mini';

const golden = sd3MiniGolden();
const load = (folder: string, length: number) => PromptTokenizer.load(join(SD3_MINI, folder), length);
const BOS = 93;
const EOS = 94;

describe("SD3's tokenizers, from optimum's folders", () => {
  for (const [folder, form] of [
    ['tokenizer', "CLIP-L's slow files (vocab.json + merges.txt), pad <|endoftext|>"],
    ['tokenizer_2', "CLIP-G's tokenizer.json, pad !"],
    ['tokenizer_3', "T5's Unigram tokenizer.json, </s> appended, pad <pad>"],
  ] as const) {
    it(`give the reference tokenizer's ids and cut counts: ${form}`, async () => {
      const length = folder === 'tokenizer_3' ? golden.lengths.t5 : golden.lengths.clip;
      const tokenizer = await load(folder, length);
      const cases = golden.ids.filter((c) => c[folder] !== undefined);
      expect(cases.length).toBeGreaterThanOrEqual(3);
      for (const c of cases) {
        const { ids, dropped } = tokenizer.encode('cond', c.prompt);
        expect({ prompt: c.prompt, ids: [...ids].map(Number), dropped }).toEqual({ prompt: c.prompt, ...c[folder] });
      }
    });
  }

  it('pad CLIP-L with <|endoftext|> and CLIP-G with "!", both BOS … EOS around the same word ids', async () => {
    const [l, g] = await Promise.all([load('tokenizer', 77), load('tokenizer_2', 77)]);
    const a = [...l.encode('cond', 'a red cat').ids].map(Number);
    const b = [...g.encode('cond', 'a red cat').ids].map(Number);
    expect(a.slice(0, 5)).toEqual(b.slice(0, 5));
    expect([a[0], a[4], a[5], a[76]]).toEqual([BOS, EOS, EOS, EOS]);
    expect([b[0], b[4], b[5], b[76]]).toEqual([BOS, EOS, 0, 0]);
    expect(new Set(a.slice(1, 4)).has(EOS)).toBe(false); // "a", "red", "cat" are words of the vocabulary
  });

  it('cut a long prompt as transformers does: BOS, 75 tokens, EOS for CLIP; 31 tokens and </s> for T5', async () => {
    const prompt = Array(40).fill('the cat').join(' ');
    const clip = (await load('tokenizer', 77)).encode('cond', prompt);
    expect(clip.dropped).toBe(80 - 75);
    expect([clip.ids[0], clip.ids[75], clip.ids[76]].map(Number)).toEqual([BOS, 90, EOS]);
    const t5 = (await load('tokenizer_3', 32)).encode('cond', prompt);
    expect(t5.dropped).toBe(80 - 31);
    expect(Number(t5.ids[31])).toBe(1);
  });

  it('never refuse a word BPE or Unigram spells out of pieces', async () => {
    const tokenizer = await load('tokenizer', 77);
    expect(() => tokenizer.encode('cond', 'zorp, quux')).not.toThrow();
  });
});
