/**
 * Deterministic, counter-based Gaussian noise (Philox4x32-10, Salmon et al. 2011).
 *
 * Value k of the noise for `seed` depends on (seed, k) only: not on the batch
 * position, the machine or the order values are drawn in. So an image is the
 * same alone or in a batch, and a region can take fresh noise from another seed
 * token by token. Normals come from Box-Muller on pairs of 32-bit words; V8's
 * Math.log / Math.cos are its own fdlibm port, the same on every platform.
 */

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;

/** High 32 bits of the 64-bit product of two uint32. */
function mulhi(a: number, b: number): number {
  const aLo = a & 0xffff;
  const aHi = a >>> 16;
  const bLo = b & 0xffff;
  const bHi = b >>> 16;
  const lolo = aLo * bLo;
  const mid1 = aHi * bLo + (lolo >>> 16);
  const mid2 = aLo * bHi + (mid1 & 0xffff);
  return (aHi * bHi + (mid1 >>> 16) + (mid2 >>> 16)) >>> 0;
}

/** Philox4x32-10 of counter (c0, c1, c2, c3) under key (k0, k1); writes 4 uint32 to `out`. */
export function philox(c0: number, c1: number, k0: number, k1: number, out: Uint32Array, c2 = 0, c3 = 0): void {
  let x0 = c0 >>> 0;
  let x1 = c1 >>> 0;
  let x2 = c2 >>> 0;
  let x3 = c3 >>> 0;
  let key0 = k0 >>> 0;
  let key1 = k1 >>> 0;
  for (let round = 0; round < 10; round++) {
    const hi0 = mulhi(M0, x0);
    const lo0 = Math.imul(M0, x0) >>> 0;
    const hi1 = mulhi(M1, x2);
    const lo1 = Math.imul(M1, x2) >>> 0;
    x0 = (hi1 ^ x1 ^ key0) >>> 0;
    x1 = lo1;
    x2 = (hi0 ^ x3 ^ key1) >>> 0;
    x3 = lo0;
    key0 = (key0 + W0) >>> 0;
    key1 = (key1 + W1) >>> 0;
  }
  out[0] = x0;
  out[1] = x1;
  out[2] = x2;
  out[3] = x3;
}

/** Splits a non-negative safe integer seed into the two 32-bit key words. */
function seedKey(seed: number): [number, number] {
  return [seed >>> 0, Math.floor(seed / 2 ** 32) >>> 0];
}

const TWO_PI = 2 * Math.PI;
const INV_2_32 = 1 / 2 ** 32;

/**
 * Fills `out[i]` with standard normal value `start + i` of the stream of `seed`.
 * Value k comes from Philox block floor(k / 4), word pair (k mod 4) >> 1.
 */
export function gaussian(seed: number, start: number, out: Float32Array): void {
  const [k0, k1] = seedKey(seed);
  const words = new Uint32Array(4);
  let block = -1;
  for (let i = 0; i < out.length; i++) {
    const k = start + i;
    const b = Math.floor(k / 4);
    if (b !== block) {
      philox(b, 0, k0, k1, words);
      block = b;
    }
    const lane = k % 4;
    const pair = lane & 2;
    const u1 = (words[pair] + 0.5) * INV_2_32;
    const u2 = (words[pair + 1] + 0.5) * INV_2_32;
    const r = Math.sqrt(-2 * Math.log(u1));
    out[i] = (lane & 1) === 0 ? r * Math.cos(TWO_PI * u2) : r * Math.sin(TWO_PI * u2);
  }
}

/**
 * Uniform [0, 1) value `index` of side stream `stream` (>= 1) of `seed`; stream 0
 * is the Gaussian noise, so the random policy never reuses the noise's words.
 */
export function uniformAt(seed: number, stream: number, index: number, words = new Uint32Array(4)): number {
  const [k0, k1] = seedKey(seed);
  philox(index, stream, k0, k1, words);
  return (words[0] + 0.5) * INV_2_32;
}

/** Initial noise: image b takes the counter-based stream of its own seed. */
export function initialNoise(seeds: number[], perImage: number): Float32Array {
  const x = new Float32Array(seeds.length * perImage);
  seeds.forEach((seed, b) => {
    gaussian(seed, 0, x.subarray(b * perImage, (b + 1) * perImage));
  });
  return x;
}
