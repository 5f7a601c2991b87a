/**
 * What a card's file names are on disk: a file's size, a folder's (every file
 * under it), an ONNX graph's external data files beside it.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { onnxInitializers } from './onnx-initializers';

export interface OnDisk {
  /** undefined: not there. */
  bytes?: number;
  /** Files counted (1 for a file). */
  files: number;
  folder: boolean;
  /** An ONNX graph's external data files (relative to the model directory). */
  external: string[];
  /** Why an `.onnx` file could not be read for its external data. */
  problem?: string;
}

/** Bytes and files of a path, folders summed over every file under them. */
export function sizeOf(path: string): { bytes: number; files: number } | undefined {
  let s: ReturnType<typeof statSync>;
  try {
    s = statSync(path);
  } catch {
    return undefined;
  }
  if (!s.isDirectory()) return { bytes: s.size, files: 1 };
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(path)) {
    const inner = sizeOf(join(path, entry));
    bytes += inner?.bytes ?? 0;
    files += inner?.files ?? 0;
  }
  return { bytes, files };
}

/** What `rel` (relative to `dir`) is on disk; an `.onnx` file's external data is listed. */
export function onDisk(dir: string, rel: string): OnDisk {
  const path = join(dir, rel);
  const size = sizeOf(path);
  if (!size) return { files: 0, folder: false, external: [] };
  const folder = statSync(path).isDirectory();
  if (folder || !rel.endsWith('.onnx')) return { bytes: size.bytes, files: size.files, folder, external: [] };
  try {
    return { bytes: size.bytes, files: size.files, folder, external: externalFiles(dir, rel) };
  } catch (e) {
    return { bytes: size.bytes, files: size.files, folder, external: [], problem: (e as Error).message };
  }
}

/** The external data files an ONNX graph names, relative to the model directory. */
export function externalFiles(dir: string, graph: string): string[] {
  const locations = new Set(onnxInitializers(join(dir, graph)).flatMap((t) => (t.location ? [t.location] : [])));
  return [...locations].map((l) => join(dirname(graph), l));
}

/** Bytes for people: B, kB, MB, GB (powers of 1000, as the docs give sizes). */
export function human(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = bytes / 1000;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v.toFixed(v < 10 ? 2 : 1)} ${units[u]}`;
}
