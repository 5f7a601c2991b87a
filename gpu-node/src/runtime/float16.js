// IEEE 754 half precision <-> float32 for the fp16 graph's inputs and outputs
// (Node 20 has no Float16Array). Plain JavaScript so the exporter's verifier
// (gpu-node/tools/verify_onnx.mjs, run by `node` alone) shares it.

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** float32 values -> their nearest halves (round to nearest even; overflow to ±Infinity). */
export function toFloat16(values) {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) {
    f32[0] = values[i];
    const x = u32[0];
    const sign = (x >>> 16) & 0x8000;
    const exp = ((x >>> 23) & 0xff) - 112; // rebias 127 -> 15
    let mant = x & 0x7fffff;
    if (((x >>> 23) & 0xff) === 0xff)
      out[i] = sign | 0x7c00 | (mant ? 0x200 : 0); // Inf, NaN
    else if (exp >= 31) out[i] = sign | 0x7c00;
    else if (exp <= 0) {
      if (exp < -10) out[i] = sign;
      else {
        mant |= 0x800000; // subnormal half
        const shift = 14 - exp;
        const half = mant >>> shift;
        const rest = mant & ((1 << shift) - 1);
        const mid = 1 << (shift - 1);
        out[i] = sign | (half + (rest > mid || (rest === mid && half & 1) ? 1 : 0));
      }
    } else {
      const half = (exp << 10) | (mant >>> 13);
      const rest = mant & 0x1fff;
      out[i] = sign | (half + (rest > 0x1000 || (rest === 0x1000 && half & 1) ? 1 : 0));
    }
  }
  return out;
}

/** Halves -> float32. */
export function fromFloat16(halves) {
  const out = new Float32Array(halves.length);
  for (let i = 0; i < halves.length; i++) {
    const h = halves[i];
    const sign = h & 0x8000 ? -1 : 1;
    const exp = (h >>> 10) & 0x1f;
    const mant = h & 0x3ff;
    if (exp === 0) out[i] = sign * mant * 2 ** -24;
    else if (exp === 31) out[i] = mant ? Number.NaN : sign * Number.POSITIVE_INFINITY;
    else out[i] = sign * (1 + mant / 1024) * 2 ** (exp - 15);
  }
  return out;
}
