/**
 * The TypeScript safetensors reader and writer: round trips in every float
 * dtype the tools take, the byte layout the format specifies, and the header
 * checks that refuse a damaged file by name.
 */
import { describe, expect, it } from 'vitest';
import {
  decodeSafetensors,
  encodeSafetensors,
  readSafetensors,
  type Tensor,
} from '../../gpu-node/model-tool/safetensors';
import { fromFloat32, toFloat32 } from '../../gpu-node/model-tool/tensor-values';

/** A file's bytes from a header object and `data` bytes, as a hand-written file would be. */
function file(header: unknown, data = new Uint8Array(0)): Uint8Array {
  const json = Buffer.from(JSON.stringify(header));
  const out = new Uint8Array(8 + json.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  out.set(data, 8 + json.length);
  return out;
}

const values = Float32Array.of(0, 1, -2.5, 1 / 3, 65504, 1e-6, -0, Math.PI);

describe('safetensors', () => {
  it('round-trips F32, F16, BF16 and I64 tensors with their metadata', () => {
    const i64: Tensor = { dtype: 'I64', shape: [3], data: new Uint8Array(BigInt64Array.of(-1n, 0n, 2n ** 40n).buffer) };
    const tensors = {
      f32: fromFloat32(values, [2, 4]),
      f16: fromFloat32(values, [8], 'F16'),
      bf16: fromFloat32(values, [4, 2], 'BF16'),
      i64,
    };
    const back = decodeSafetensors(encodeSafetensors(tensors, { format: 'pt' }), 'mem');
    expect(back.metadata).toEqual({ format: 'pt' });
    expect([...back.tensors.keys()].sort()).toEqual(['bf16', 'f16', 'f32', 'i64']);
    for (const [name, t] of Object.entries(tensors)) {
      const got = back.tensors.get(name)!;
      expect({ dtype: got.dtype, shape: got.shape }).toEqual({ dtype: t.dtype, shape: t.shape });
      expect(Buffer.from(got.data).equals(Buffer.from(t.data))).toBe(true);
    }
    expect(toFloat32(back.tensors.get('f32')!, 'f32')).toEqual(values);
  });

  it('rounds to the nearest F16 and BF16 value, ties to even, and reads them back exactly', () => {
    const bits = (dtype: 'F16' | 'BF16') => [...new Uint16Array(fromFloat32(values, [8], dtype).data.slice().buffer)];
    // 1/3: float32 0x3EAAAAAB; its half is 0x3555, its bfloat16 0x3EAB (the dropped 0xAAAB rounds up).
    expect(bits('F16').slice(0, 5)).toEqual([0x0000, 0x3c00, 0xc100, 0x3555, 0x7bff]);
    expect(bits('BF16').slice(0, 4)).toEqual([0x0000, 0x3f80, 0xc020, 0x3eab]);
    expect(bits('BF16')[6]).toBe(0x8000); // -0 keeps its sign
    // 1 + 2^-8 lies halfway between two bfloat16 values: ties go to the even one, 1.
    expect(toFloat32(fromFloat32(Float32Array.of(1 + 2 ** -8, 1 + 3 * 2 ** -8), [2], 'BF16'), 'x')).toEqual(
      Float32Array.of(1, 1 + 2 ** -6),
    );
    const bf16 = toFloat32(fromFloat32(values, [8], 'BF16'), 'x');
    for (let i = 0; i < values.length; i++)
      expect(Math.abs(bf16[i] - values[i])).toBeLessThanOrEqual(Math.abs(values[i]) * 2 ** -8);
  });

  it('writes the layout the format specifies: u64 header length, a padded JSON header, aligned data', () => {
    const bytes = encodeSafetensors({
      b: fromFloat32(Float32Array.of(1), [1], 'F16'),
      a: fromFloat32(Float32Array.of(2), [1]),
    });
    const n = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect(n % 8).toBe(0);
    const header = JSON.parse(Buffer.from(bytes.subarray(8, 8 + n)).toString());
    // Largest items first: the F32 tensor at offset 0, then the F16 one, no gaps.
    expect(header).toEqual({
      a: { dtype: 'F32', shape: [1], data_offsets: [0, 4] },
      b: { dtype: 'F16', shape: [1], data_offsets: [4, 6] },
    });
    expect(bytes.length).toBe(8 + n + 6);
    expect(new Float32Array(bytes.slice(8 + n, 8 + n + 4).buffer)[0]).toBe(2);
  });

  it('reads a file written by hand from the specification', () => {
    const data = new Uint8Array(Float32Array.of(1.5, -2).buffer);
    const got = decodeSafetensors(file({ x: { dtype: 'F32', shape: [2], data_offsets: [0, 8] } }, data), 'hand');
    expect(toFloat32(got.tensors.get('x')!, 'x')).toEqual(Float32Array.of(1.5, -2));
    expect(got.metadata).toEqual({});
  });

  const entry = (dtype: string, shape: number[], offsets: number[]) => ({ dtype, shape, data_offsets: offsets });
  it.each([
    ['a file shorter than the length field', new Uint8Array(4), /f\.st: 4 bytes, shorter than the 8-byte header/],
    ['a header length past the file', file({}).subarray(0, 9), /header length 2 exceeds the file/],
    ['a header that is not JSON', file('x').fill(0x7b, 8), /the header is not JSON/],
    [
      'an unknown dtype',
      file({ x: entry('F8', [1], [0, 1]) }, new Uint8Array(1)),
      /tensor "x" has an unsupported dtype "F8"/,
    ],
    [
      'a size that does not match the shape',
      file({ x: entry('F32', [2], [0, 4]) }, new Uint8Array(4)),
      /tensor "x" spans 4 bytes, but F32 \[2\] needs 8/,
    ],
    [
      'overlapping tensors',
      file({ x: entry('F32', [1], [0, 4]), y: entry('F16', [2], [2, 6]) }, new Uint8Array(6)),
      /tensors "x" and "y" overlap/,
    ],
    [
      'a gap before a tensor',
      file({ x: entry('F16', [1], [2, 4]) }, new Uint8Array(4)),
      /2 unclaimed bytes before tensor "x"/,
    ],
    [
      'a tensor past the data',
      file({ x: entry('F32', [2], [0, 8]) }, new Uint8Array(4)),
      /tensor "x" ends at byte 8, past the data \(4 bytes\)/,
    ],
    [
      'bytes after the last tensor',
      file({ x: entry('F16', [1], [0, 2]) }, new Uint8Array(5)),
      /3 bytes after the last tensor/,
    ],
    ['a negative dimension', file({ x: entry('F32', [-1], [0, 0]) }), /tensor "x" has an invalid shape \[-1\]/],
    ['metadata that is not strings', file({ __metadata__: { a: 1 } }), /__metadata__ must map strings to strings/],
  ])('refuses %s, naming the file and the tensor', (_what, bytes, message) => {
    expect(() => decodeSafetensors(bytes, 'f.st')).toThrow(message);
  });

  it('names a file it cannot read', async () => {
    await expect(readSafetensors('/nonexistent/in.safetensors')).rejects.toThrow(
      '/nonexistent/in.safetensors: cannot read it (no such file)',
    );
  });
});
