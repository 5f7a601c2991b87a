/**
 * A safetensors tensor's values as float32 and back: F32 as it is, F16
 * through the runtime's half-precision conversion, BF16 as the top 16 bits of
 * a float32 (rounded to nearest even when written); an attention mask's 0/1
 * values as int64.
 */
import { fromFloat16, toFloat16 } from '../src/runtime/float16.js';
import type { Tensor } from './safetensors';

/** The dtypes a float input may come in. */
export const FLOAT_DTYPES = ['F32', 'F16', 'BF16'] as const;
export type FloatDtype = (typeof FLOAT_DTYPES)[number];

/** A copy of the bytes in a fresh, aligned buffer (a tensor's data may sit at any offset in its file). */
const aligned = (data: Uint8Array): ArrayBuffer => data.slice().buffer;

/** The tensor's values as float32; `what` names it in the error for a dtype that is not a float. */
export function toFloat32(t: Tensor, what: string): Float32Array {
  switch (t.dtype) {
    case 'F32':
      return new Float32Array(aligned(t.data));
    case 'F16':
      return fromFloat16(new Uint16Array(aligned(t.data)));
    case 'BF16': {
      const halves = new Uint16Array(aligned(t.data));
      const words = new Uint32Array(halves.length);
      for (let i = 0; i < halves.length; i++) words[i] = halves[i] << 16;
      return new Float32Array(words.buffer);
    }
    default:
      throw new Error(`${what}: dtype ${t.dtype} is not accepted; give ${FLOAT_DTYPES.join(', ')}`);
  }
}

/** float32 values as a tensor of `dtype` (F16 and BF16 rounded to nearest even). */
export function fromFloat32(values: Float32Array, shape: number[], dtype: FloatDtype = 'F32'): Tensor {
  if (dtype === 'F32') return { dtype, shape, data: new Uint8Array(values.slice().buffer) };
  if (dtype === 'F16') return { dtype, shape, data: new Uint8Array(toFloat16(values).buffer) };
  const words = new Uint32Array(values.slice().buffer);
  const halves = new Uint16Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const nan = (w & 0x7f800000) === 0x7f800000 && (w & 0x7fffff) !== 0;
    // NaN keeps a quiet mantissa bit; rounding could carry its payload into the exponent.
    halves[i] = nan ? (w >>> 16) | 0x40 : (w + 0x7fff + ((w >>> 16) & 1)) >>> 16;
  }
  return { dtype, shape, data: new Uint8Array(halves.buffer) };
}

/** Integer dtypes a mask may come in, by their typed array (BOOL is a byte). */
const MASK_INTEGERS = {
  I64: BigInt64Array,
  I32: Int32Array,
  I16: Int16Array,
  I8: Int8Array,
  U8: Uint8Array,
  BOOL: Uint8Array,
};
type MaskInteger = keyof typeof MASK_INTEGERS;

/** A 0/1 mask (integers, BOOL, or a float dtype) as int64, 1 = attend; `what` names it in the errors. */
export function toMask(t: Tensor, what: string): BigInt64Array {
  let values: ArrayLike<number | bigint>;
  if (t.dtype in MASK_INTEGERS) values = new MASK_INTEGERS[t.dtype as MaskInteger](aligned(t.data));
  else if ((FLOAT_DTYPES as readonly string[]).includes(t.dtype)) values = toFloat32(t, what);
  else throw new Error(`${what}: dtype ${t.dtype} is not accepted; give I64, I32, I16, I8, U8, BOOL, F32, F16 or BF16`);
  const mask = new BigInt64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = Number(values[i]);
    if (v !== 0 && v !== 1)
      throw new Error(`${what}: ${values[i]} at flat index ${i}; a mask holds 0 (padding) and 1 (token)`);
    mask[i] = BigInt(v);
  }
  return mask;
}
