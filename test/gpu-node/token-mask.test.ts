import { describe, expect, it } from 'vitest';
import { packMask, unpackMask } from '../../gpu-node/src/engine/sessions/portable-state';
import { maskIndices, tokenMask } from '../../gpu-node/src/sampler/token-mask';

describe('TokenMask', () => {
  it('holds exactly the given tokens and gives them back ascending', () => {
    const mask = tokenMask(24, [15, 7, 8, 7]);
    expect(mask.length).toBe(24);
    expect(mask.reduce((s, v) => s + v, 0)).toBe(3);
    expect([...maskIndices(mask)]).toEqual([7, 8, 15]);
    expect(maskIndices(new Uint8Array(24))).toHaveLength(0);
  });

  it('packs one bit per token and unpacks to the same mask, grids not a multiple of 8 included', () => {
    for (const tokens of [1, 7, 8, 9, 24, 35]) {
      const mask = tokenMask(tokens, [0, tokens - 1, Math.floor(tokens / 2)]);
      const packed = packMask(mask);
      expect(Buffer.from(packed, 'base64').length).toBe(Math.ceil(tokens / 8));
      expect(unpackMask(packed, tokens)).toEqual(mask);
    }
  });

  it('packs token j as bit j & 7 of byte j >> 3 (the portable state format)', () => {
    expect([...Buffer.from(packMask(tokenMask(12, [0, 3, 9])), 'base64')]).toEqual([0b1001, 0b10]);
  });

  it('refuses packed bits that do not fit the grid', () => {
    expect(() => unpackMask(packMask(tokenMask(24, [1])), 32)).toThrow(/does not fit the grid/);
  });
});
