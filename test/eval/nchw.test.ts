import { describe, expect, it } from 'vitest';
import { nchwToTokens, type TokenLayout, tokensToNchw } from '../../gpu-node/src/eval/nchw';

describe('tokensToNchw', () => {
  it('places token feature (py, px, c) of grid cell (ty, tx) at pixel (ty·p + py, tx·p + px) of channel c', () => {
    const layout: TokenLayout = { grid: [2, 3], patch: 2, channels: 3 };
    const [count, n, dim] = [2, 6, 12];
    // Encode every coordinate in the value, then check each pixel decodes to where it sits.
    const tokens = new Float32Array(count * n * dim);
    for (let b = 0; b < count; b++)
      for (let t = 0; t < n; t++) for (let f = 0; f < dim; f++) tokens[(b * n + t) * dim + f] = b * 10000 + t * 100 + f;
    const img = tokensToNchw(tokens, count, layout);
    const [h, w] = [4, 6];
    for (let b = 0; b < count; b++)
      for (let c = 0; c < 3; c++)
        for (let y = 0; y < h; y++)
          for (let x = 0; x < w; x++) {
            const token = Math.floor(y / 2) * 3 + Math.floor(x / 2);
            const feature = ((y % 2) * 2 + (x % 2)) * 3 + c;
            expect(img[((b * 3 + c) * h + y) * w + x]).toBe(b * 10000 + token * 100 + feature);
          }
  });

  it('round-trips through nchwToTokens', () => {
    const layout: TokenLayout = { grid: [8, 8], patch: 4, channels: 3 };
    const tokens = Float32Array.from({ length: 2 * 64 * 48 }, (_, i) => Math.sin(i));
    expect(nchwToTokens(tokensToNchw(tokens, 2, layout), 2, layout)).toEqual(tokens);
  });

  it('rejects a token buffer of the wrong size, naming it', () => {
    expect(() => tokensToNchw(new Float32Array(10), 1, { grid: [2, 2], patch: 2, channels: 3 })).toThrow(/tokens/);
  });
});
