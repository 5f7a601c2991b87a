/**
 * An ONNX file's initializers (the graph's weights): name, dtype, size, and
 * the external data file holding them, if any, read from the protobuf wire
 * format directly (ModelProto.graph = 7, GraphProto.initializer = 5; TensorProto
 * dims = 1, data_type = 2, name = 8, external_data = 13). Reads the file by
 * position and skips what it does not need, so a graph with inline weights is
 * never loaded whole.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export interface Initializer {
  name: string;
  /** The element type (`float32`, `float16`, …; ONNX's names, float and double spelled by their width). */
  dtype: string;
  bytes: number;
  /** The external data file (relative to the graph) or undefined when the tensor is inline. */
  location?: string;
}

/** TensorProto.DataType → [name, bytes per element]. */
const DATA_TYPES: Record<number, [string, number]> = {
  1: ['float32', 4],
  2: ['uint8', 1],
  3: ['int8', 1],
  4: ['uint16', 2],
  5: ['int16', 2],
  6: ['int32', 4],
  7: ['int64', 8],
  9: ['bool', 1],
  10: ['float16', 2],
  11: ['float64', 8],
  12: ['uint32', 4],
  13: ['uint64', 8],
  16: ['bfloat16', 2],
};

/** A file read by position through a small window. */
class Source {
  private readonly window = Buffer.alloc(1 << 16);
  private start = 0;
  private filled = 0;
  constructor(
    private readonly fd: number,
    readonly size: number,
  ) {}

  bytes(pos: number, len: number): Buffer {
    if (pos < this.start || pos + len > this.start + this.filled) {
      if (len > this.window.length) {
        const big = Buffer.alloc(len);
        readSync(this.fd, big, 0, len, pos);
        return big;
      }
      this.start = pos;
      this.filled = readSync(this.fd, this.window, 0, this.window.length, pos);
    }
    return this.window.subarray(pos - this.start, pos - this.start + len);
  }
}

type Visit = (field: number, value: number, pos: number) => void;

/** The varint at `pos` (before `end`) and the position after it. */
function varint(src: Source, pos: number, end: number, file: string): [number, number] {
  let value = 0;
  for (let shift = 0; shift < 64; shift += 7) {
    if (pos >= end) throw new Error(`${file}: not an ONNX model (a field runs past its message)`);
    const b = src.bytes(pos++, 1)[0];
    value += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [value, pos];
  }
  throw new Error(`${file}: not an ONNX model (a varint is too long)`);
}

/** A packed repeated varint field's values. */
function packed(src: Source, pos: number, end: number, file: string): number[] {
  const out: number[] = [];
  while (pos < end) {
    const [value, next] = varint(src, pos, end, file);
    out.push(value);
    pos = next;
  }
  return out;
}

/** Calls `visit` for each field of the message in [pos, end): a varint's value, or a length-delimited field's length and start. */
function fields(src: Source, pos: number, end: number, file: string, visit: Visit): void {
  while (pos < end) {
    let tag: number;
    let value: number;
    [tag, pos] = varint(src, pos, end, file);
    const [field, wire] = [Math.floor(tag / 8), tag % 8];
    if (wire === 0) {
      [value, pos] = varint(src, pos, end, file);
      visit(field, value, -1);
    } else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else if (wire === 2) {
      [value, pos] = varint(src, pos, end, file);
      if (pos + value > end) throw new Error(`${file}: not an ONNX model (field ${field} runs past its message)`);
      visit(field, value, pos);
      pos += value;
    } else throw new Error(`${file}: not an ONNX model (wire type ${wire})`);
  }
}

/** The initializers of the ONNX graph at `path`. */
export function onnxInitializers(path: string): Initializer[] {
  const fd = openSync(path, 'r');
  try {
    const src = new Source(fd, fstatSync(fd).size);
    const out: Initializer[] = [];
    fields(src, 0, src.size, path, (f, len, pos) => {
      if (f !== 7 || pos < 0) return;
      fields(src, pos, pos + len, path, (g, glen, gpos) => {
        if (g === 5 && gpos >= 0) out.push(tensor(src, gpos, gpos + glen, path));
      });
    });
    return out;
  } finally {
    closeSync(fd);
  }
}

/** One TensorProto's name, type, size and external location. */
function tensor(src: Source, pos: number, end: number, file: string): Initializer {
  const dims: number[] = [];
  let type = 0;
  let name = '';
  let location: string | undefined;
  const text = (p: number, n: number) => src.bytes(p, n).toString('utf8');
  fields(src, pos, end, file, (f, value, at) => {
    if (f === 1 && at < 0) dims.push(value);
    else if (f === 1) dims.push(...packed(src, at, at + value, file));
    else if (f === 2) type = value;
    else if (f === 8) name = text(at, value);
    else if (f === 13) {
      const entry: Record<number, string> = {};
      fields(src, at, at + value, file, (k, n, p) => {
        if (p >= 0) entry[k] = text(p, n);
      });
      if (entry[1] === 'location') location = entry[2];
    }
  });
  const [dtype, item] = DATA_TYPES[type] ?? [`type ${type}`, 0];
  return { name, dtype, bytes: dims.reduce((a, b) => a * b, 1) * item, location };
}
