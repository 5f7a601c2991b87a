/**
 * Trajectories on disk: one file per session version, written atomically
 * (temp file + rename) and checksummed (SHA-256 of the payload), so a crash
 * mid-write leaves the old file or none, and a corrupt file is detected, never
 * served. Layout: "RAST1\n", u32 header length, JSON header, f32 payload.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { Trajectory } from '../../sampler/trajectory';

const MAGIC = Buffer.from('RAST1\n');

interface Header {
  grid: [number, number];
  steps: number;
  dim: number;
  rows: number;
  kvEvery: number;
  /** Length in floats of each array, in order x..., k..., v... (0 = absent). */
  lengths: number[];
  sha256: string;
}

export class CorruptFileError extends Error {
  override readonly name = 'CorruptFileError';
}

export function encodeTrajectory(t: Trajectory): Buffer {
  const arrays = [...t.x, ...t.k, ...t.v];
  const payload = Buffer.concat(
    arrays.map((a) => (a ? Buffer.from(a.buffer, a.byteOffset, a.byteLength) : Buffer.alloc(0))),
  );
  const header: Header = {
    grid: t.grid,
    steps: t.steps,
    dim: t.dim,
    rows: t.rows,
    kvEvery: t.kvEvery,
    lengths: arrays.map((a) => a?.length ?? 0),
    sha256: createHash('sha256').update(payload).digest('hex'),
  };
  const json = Buffer.from(JSON.stringify(header));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length);
  return Buffer.concat([MAGIC, len, json, payload]);
}

export function decodeTrajectory(buf: Buffer): Trajectory {
  if (buf.length < MAGIC.length + 4 || !buf.subarray(0, MAGIC.length).equals(MAGIC))
    throw new CorruptFileError('bad magic');
  const len = buf.readUInt32LE(MAGIC.length);
  const start = MAGIC.length + 4 + len;
  let header: Header;
  try {
    header = JSON.parse(buf.subarray(MAGIC.length + 4, start).toString('utf8'));
  } catch {
    throw new CorruptFileError('bad header');
  }
  const payload = buf.subarray(start);
  const expected = header.lengths.reduce((s, n) => s + n, 0) * 4;
  if (payload.length !== expected) throw new CorruptFileError(`payload is ${payload.length} bytes, want ${expected}`);
  if (createHash('sha256').update(payload).digest('hex') !== header.sha256)
    throw new CorruptFileError('checksum mismatch');
  const floats = new Float32Array(payload.buffer.slice(payload.byteOffset, payload.byteOffset + payload.length));
  let at = 0;
  const arrays = header.lengths.map((n) => {
    const a = n ? floats.subarray(at, at + n) : null;
    at += n;
    return a;
  });
  const s = header.steps;
  return {
    grid: header.grid,
    steps: s,
    dim: header.dim,
    rows: header.rows,
    kvEvery: header.kvEvery,
    x: arrays.slice(0, s + 1) as Float32Array[],
    k: arrays.slice(s + 1, 2 * s + 1),
    v: arrays.slice(2 * s + 1),
  };
}

/** Writes `data` to `path` atomically: a reader sees the old file or the new one. */
export async function writeAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, data, { flush: true });
  await rename(tmp, path);
}

export async function readTrajectory(path: string): Promise<Trajectory> {
  return decodeTrajectory(await readFile(path));
}
