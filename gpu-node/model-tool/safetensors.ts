/**
 * The safetensors format, read and written whole: an 8-byte little-endian
 * header length N, N bytes of JSON (`{name: {dtype, shape, data_offsets:
 * [begin, end]}, __metadata__?: {string: string}}`, offsets relative to the
 * data after the header), then the raw little-endian tensors. The header is
 * validated before any tensor is taken (dtypes, shapes, sizes, bounds, gaps,
 * overlaps); every error names the file and the tensor. The same rules as
 * gpu-node/tools/safetensors_io.py, the Python side's reader.
 */
import { readFile, writeFile } from 'node:fs/promises';

/** Bytes per element of each dtype the format names. */
export const ITEM_BYTES = { F64: 8, F32: 4, F16: 2, BF16: 2, I64: 8, I32: 4, I16: 2, I8: 1, U8: 1, BOOL: 1 } as const;
export type Dtype = keyof typeof ITEM_BYTES;

/** One tensor: its dtype, shape and raw little-endian bytes. */
export interface Tensor {
  dtype: Dtype;
  shape: number[];
  data: Uint8Array;
}

export interface Safetensors {
  tensors: Map<string, Tensor>;
  metadata: Record<string, string>;
}

/** The format's own limit on the header (the reference implementation's). */
const MAX_HEADER_BYTES = 100_000_000;

/** A file's tensors; `file` names it in errors. */
export function decodeSafetensors(bytes: Uint8Array, file: string): Safetensors {
  const fail = (why: string): never => {
    throw new Error(`${file}: ${why}`);
  };
  if (bytes.length < 8) fail(`${bytes.length} bytes, shorter than the 8-byte header length`);
  const n = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true);
  if (n > BigInt(Math.min(MAX_HEADER_BYTES, bytes.length - 8))) {
    fail(`header length ${n} exceeds the file (${bytes.length} bytes) or the format's limit`);
  }
  const start = 8 + Number(n);
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, start)));
  } catch (e) {
    fail(`the header is not JSON (${(e as Error).message})`);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) fail('the header is not a JSON object');
  const { __metadata__: meta, ...entries } = header as Record<string, unknown>;
  const metadata = (meta ?? {}) as Record<string, string>;
  if (
    typeof metadata !== 'object' ||
    Array.isArray(metadata) ||
    Object.values(metadata).some((v) => typeof v !== 'string')
  ) {
    fail('__metadata__ must map strings to strings');
  }
  const spans = Object.entries(entries).map(([name, entry]) => ({ name, ...entryOf(name, entry, fail) }));
  let cursor = 0;
  let previous = '';
  for (const s of [...spans].sort((a, b) => a.begin - b.begin || a.end - b.end)) {
    if (s.begin < cursor) fail(`tensors "${previous}" and "${s.name}" overlap`);
    if (s.begin > cursor) fail(`${s.begin - cursor} unclaimed bytes before tensor "${s.name}"`);
    cursor = s.end;
    previous = s.name;
  }
  const dataBytes = bytes.length - start;
  if (cursor > dataBytes) fail(`tensor "${previous}" ends at byte ${cursor}, past the data (${dataBytes} bytes)`);
  if (cursor < dataBytes) fail(`${dataBytes - cursor} bytes after the last tensor`);
  const tensors = new Map<string, Tensor>();
  for (const s of spans) {
    tensors.set(s.name, { dtype: s.dtype, shape: s.shape, data: bytes.subarray(start + s.begin, start + s.end) });
  }
  return { tensors, metadata };
}

/** One header entry, checked: exactly dtype, shape and data_offsets, its byte span matching its shape. */
function entryOf(name: string, entry: unknown, fail: (why: string) => never) {
  const e = entry as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
  const keys = typeof entry === 'object' && entry !== null ? Object.keys(entry).sort().join() : '';
  if (keys !== 'data_offsets,dtype,shape') fail(`tensor "${name}" must have exactly dtype, shape and data_offsets`);
  if (typeof e.dtype !== 'string' || !(e.dtype in ITEM_BYTES)) {
    fail(
      `tensor "${name}" has an unsupported dtype ${JSON.stringify(e.dtype)} (known: ${Object.keys(ITEM_BYTES).join(', ')})`,
    );
  }
  const dtype = e.dtype as Dtype;
  const shape = e.shape;
  if (!Array.isArray(shape) || !shape.every((s) => Number.isSafeInteger(s) && s >= 0)) {
    fail(`tensor "${name}" has an invalid shape ${JSON.stringify(shape)}`);
  }
  const offsets = e.data_offsets;
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => Number.isSafeInteger(o) && o >= 0)) {
    fail(`tensor "${name}" has invalid data_offsets ${JSON.stringify(offsets)}`);
  }
  const [begin, end] = offsets as [number, number];
  const need = (shape as number[]).reduce((a, b) => a * b, 1) * ITEM_BYTES[dtype];
  if (end - begin !== need) {
    fail(`tensor "${name}" spans ${end - begin} bytes, but ${dtype} ${JSON.stringify(shape)} needs ${need}`);
  }
  return { dtype, shape: shape as number[], begin, end };
}

/**
 * The bytes of a safetensors file holding `tensors`: largest items first, then by name, so every
 * tensor is aligned to its item size (the header is padded with spaces to a multiple of 8).
 */
export function encodeSafetensors(tensors: Record<string, Tensor>, metadata?: Record<string, string>): Uint8Array {
  const order = Object.keys(tensors).sort(
    (a, b) => ITEM_BYTES[tensors[b].dtype] - ITEM_BYTES[tensors[a].dtype] || (a < b ? -1 : a > b ? 1 : 0),
  );
  const header: Record<string, unknown> = {};
  let offset = 0;
  for (const name of order) {
    const { dtype, shape, data } = tensors[name];
    const need = shape.reduce((a, b) => a * b, 1) * ITEM_BYTES[dtype];
    if (data.length !== need)
      throw new Error(`tensor "${name}": ${data.length} bytes, but ${dtype} [${shape}] needs ${need}`);
    header[name] = { dtype, shape, data_offsets: [offset, offset + need] };
    offset += need;
  }
  if (metadata && Object.keys(metadata).length > 0) header.__metadata__ = metadata;
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - (Buffer.byteLength(json) % 8)) % 8);
  const head = Buffer.from(json, 'utf8');
  const out = new Uint8Array(8 + head.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(head.length), true);
  out.set(head, 8);
  let at = 8 + head.length;
  for (const name of order) {
    out.set(tensors[name].data, at);
    at += tensors[name].data.length;
  }
  return out;
}

/** Reads and validates a safetensors file. */
export async function readSafetensors(path: string): Promise<Safetensors> {
  const bytes = await readFile(path).catch((e: NodeJS.ErrnoException) => {
    throw new Error(`${path}: cannot read it (${e.code === 'ENOENT' ? 'no such file' : e.message})`);
  });
  return decodeSafetensors(new Uint8Array(bytes), path);
}

/** Writes tensors as a safetensors file. */
export async function writeSafetensors(
  path: string,
  tensors: Record<string, Tensor>,
  metadata?: Record<string, string>,
): Promise<void> {
  await writeFile(path, encodeSafetensors(tensors, metadata));
}
