/**
 * An edit region as one mask over the token grid: one byte per token, 1 = the
 * token is re-sampled. It is the region's one representation from the
 * request's rects or pixel mask (`engine/region.ts`) through the sampler's
 * settings to the stored version (`engine/sessions/`); only what leaves the
 * process packs it (bits in a portable state, a token list in `meta.json`).
 */
export type TokenMask = Uint8Array;

/** The mask of `indices` on a grid of `tokens` tokens. */
export function tokenMask(tokens: number, indices: Iterable<number>): TokenMask {
  const mask = new Uint8Array(tokens);
  for (const j of indices) mask[j] = 1;
  return mask;
}

/** The tokens in the mask, ascending. */
export function maskIndices(mask: TokenMask): Int32Array {
  const list: number[] = [];
  mask.forEach((on, j) => {
    if (on) list.push(j);
  });
  return Int32Array.from(list);
}
