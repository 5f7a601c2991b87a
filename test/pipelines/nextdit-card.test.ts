/**
 * The NextDiT family's card (runtime/nextdit-card.ts): the contract's example card, shrunk, parses;
 * what the schema cannot see is refused at parse, naming the field.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCard } from '../../gpu-node/src/runtime/card';
import { kvHeads } from '../../gpu-node/src/sampler/model';
import { SD3_CARD } from '../helpers/mmdit';

/** docs/model-contract.md's NextDiT card at a miniature's sizes. */
function nextditCard(): Record<string, unknown> {
  const sd3 = JSON.parse(readFileSync(SD3_CARD, 'utf8'));
  return {
    ...sd3,
    family: 'nextdit',
    stages: {
      text: [
        {
          name: 'gemma',
          tokenizer: 'tokenizer',
          encoder: 'text_encoder/model.onnx',
          length: 256,
          hidden: 'hidden_states.1',
          hidden_dim: 32,
          pooled: null,
          pooled_dim: 0,
          mask: 'attention_mask',
          pad_to_multiple_of: 8,
          lowercase: true,
        },
      ],
      compose: 'nextdit',
      prompt: 'transformer.prompt.onnx',
      transformer: sd3.stages.transformer,
      decoder: { ...sd3.stages.decoder, scaling_factor: 0.13025, shift_factor: 0 },
    },
    dual_attention_layers: undefined,
    channels: 4,
    out_channels: 8,
    token_dim: 16,
    heads: 4,
    kv_heads: 2,
    head_dim: 8,
    time: { scale: 1, shift: 1, input: 'one_minus_sigma', output: 'data_minus_noise' },
    rope: { theta: 10000, max: [16, 16], default_grid: [8, 8], scaling_watershed: 1 },
    attention: { base_sequence_length: 64 },
    guidance_channels: 3,
    cond: { kind: 'prompt', text_tokens: 256, cross_attention_dim: 32, caption_dim: 16, negative: '' },
    preview: { kind: 'linear', matrix: [Array(4).fill(0.1), Array(4).fill(0.2), Array(4).fill(0.3)], bias: [0, 0, 0] },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: a card's JSON, edited field by field before parsing
type CardJson = Record<string, any>;

/** A parse of the card after `f` edits it. */
const edit = (f: (c: CardJson) => void) => {
  const c = nextditCard() as CardJson;
  f(c);
  return () => parseCard('lumina', c);
};

describe('a NextDiT (Lumina-Next) card', () => {
  it("parses with the family's fields; its caches count kv_heads", () => {
    const card = parseCard('lumina', nextditCard());
    expect(card.family).toBe('nextdit');
    expect([card.out_channels, card.guidance_channels, kvHeads(card), card.time.input]).toEqual([
      8,
      3,
      2,
      'one_minus_sigma',
    ]);
  });

  it("refuses a RoPE scaling watershed below 1 with the contract's reason", () => {
    expect(edit((c) => (c.rope.scaling_watershed = 0.3))).toThrow(
      /model card lumina: rope.scaling_watershed: 0.3 < 1 switches the RoPE table mid-run.*stale/,
    );
  });

  it('refuses a text width that is not cond.cross_attention_dim, and a length that is not cond.text_tokens', () => {
    expect(edit((c) => (c.cond.cross_attention_dim = 64))).toThrow(
      /cond.cross_attention_dim: is 64, but the text entry's hidden_dim is 32/,
    );
    expect(edit((c) => (c.cond.text_tokens = 128))).toThrow(/cond.text_tokens: is 128/);
  });

  it('refuses out_channels below channels, guidance_channels above them, and heads not a multiple of kv_heads', () => {
    expect(edit((c) => (c.out_channels = 3))).toThrow(/out_channels: 3 < channels 4/);
    expect(edit((c) => (c.guidance_channels = 5))).toThrow(/guidance_channels: 5 > channels 4/);
    expect(edit((c) => (c.kv_heads = 3))).toThrow(/kv_heads: heads 4 is not a multiple of kv_heads 3/);
  });

  it('refuses a text entry without its mask input, and a card without the prompt stage or rope, naming the field', () => {
    expect(edit((c) => delete c.stages.text[0].mask)).toThrow(/stages.text.0.mask/);
    expect(edit((c) => delete c.stages.prompt)).toThrow(/model card lumina: stages.prompt: /);
    expect(edit((c) => delete c.rope)).toThrow(/model card lumina: rope: /);
    expect(edit((c) => (c.time.input = 'sigma_squared'))).toThrow(/model card lumina: time.input: /);
  });

  it('refuses an unknown ras-ready/3 family, naming both it knows', () => {
    expect(edit((c) => (c.family = 'pixart'))).toThrow(
      /unsupported ras-ready\/3 family "pixart" \("mmdit" or "nextdit"\)/,
    );
  });

  it('leaves an MMDiT card as it was: no kv_heads (its caches count heads), SD3 time', () => {
    const sd3 = parseCard('test-sd3', JSON.parse(readFileSync(SD3_CARD, 'utf8')));
    expect(kvHeads(sd3)).toBe(sd3.heads);
    expect(sd3.time).toEqual({ scale: 1000, shift: 3 });
  });
});
