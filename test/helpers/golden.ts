/** golden.json files as the tests read them (gpu-node/tools/export.py `tensor_json`). */
import { readFileSync } from 'node:fs';

/**
 * Parses a golden.json: a float32 tensor written as its little-endian bytes in base64
 * (`{dtype, dims, base64}`) comes back as `{dtype, dims, data}` with the same float32 values as
 * numbers, the form older goldens hold; everything else as JSON.parse gives it.
 */
export function readGolden<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8'), (_key, value) => {
    if (value === null || typeof value !== 'object' || typeof value.base64 !== 'string') return value;
    if (value.dtype !== 'float32') throw new Error(`${path}: a base64 tensor of dtype ${value.dtype}`);
    const data = Array.from(float32s(value.base64));
    const count = (value.dims as number[]).reduce((a, b) => a * b, 1);
    if (data.length !== count) throw new Error(`${path}: ${data.length} values for dims [${value.dims}]`);
    return { dtype: value.dtype, dims: value.dims, data };
  });
}

/** Little-endian float32 values written as base64 (golden tensors here and in sd3-mini's golden). */
export function float32s(base64: string): Float32Array {
  const bytes = Buffer.from(base64, 'base64');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float32Array.from({ length: Math.floor(bytes.byteLength / 4) }, (_, i) => view.getFloat32(i * 4, true));
}
