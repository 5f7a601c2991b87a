/**
 * The card's JSON as printed lines: values in brief, and `stages` walked leaf
 * by leaf, each leaf that names a file or folder beside the card shown with
 * its size on disk (an ONNX graph's external data counted).
 */
import { human, onDisk } from './disk';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Keys whose string value is always a path, even when nothing is there (then it is reported missing). */
const FILE_KEYS = new Set([
  'tokenizer',
  'text_encoder',
  'encoder',
  'file',
  'unfused',
  'fused',
  'fused_fp16',
  'decoder',
  'prompt',
]);
/** A string shaped like a file name: a slash, or an extension that starts with a letter. */
const LOOKS_LIKE_FILE = /\/|\.[A-Za-z]\w*$/;

/** A value on one line: scalars as they are, long or nested arrays by their shape, objects one level deep. */
export function brief(value: Json, depth = 0): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (Array.isArray(value[0]) && depth > 0) return `${value.length}×${(value[0] as Json[]).length} array`;
    if (value.length > 8) return `[${value.length} ${typeof value[0] === 'object' ? 'entries' : 'values'}]`;
    return `[${value.map((v) => brief(v, depth + 1)).join(', ')}]`;
  }
  if (depth > 0) return `{${Object.keys(value).join(', ')}}`;
  return Object.entries(value)
    .map(([k, v]) => `${k} ${brief(v, depth + 1)}`)
    .join(', ');
}

export interface Leaf {
  /** E.g. `transformer.fused`, `text.clip_l.encoder` (an array entry by its `name`, else its index). */
  path: string;
  key: string;
  value: Json;
}

/** Every scalar leaf under `node`, depth first, with its dotted path. */
export function walkLeaves(node: Json, path = '', key = ''): Leaf[] {
  if (node === null || typeof node !== 'object') return [{ path, key, value: node }];
  const at = (k: string) => (path ? `${path}.${k}` : k);
  if (Array.isArray(node)) {
    return node.flatMap((v, i) => {
      const name = v && typeof v === 'object' && !Array.isArray(v) && typeof v.name === 'string' ? v.name : `${i}`;
      return walkLeaves(v, at(name), key);
    });
  }
  return Object.entries(node).flatMap(([k, v]) => (k === 'name' && path ? [] : walkLeaves(v, at(k), k)));
}

/** The printed lines of one stage leaf: a file or folder with its size, else the value itself. */
export function fileRows(dir: string, leaf: Leaf): string[] {
  const label = `  ${leaf.path.padEnd(27)} `;
  if (typeof leaf.value !== 'string') return [`${label}${JSON.stringify(leaf.value)}`];
  const disk = onDisk(dir, leaf.value);
  if (disk.bytes === undefined) {
    const isFile = FILE_KEYS.has(leaf.key) || LOOKS_LIKE_FILE.test(leaf.value);
    return [`${label}${leaf.value}${isFile ? '  MISSING' : ''}`];
  }
  const what = disk.folder ? `${human(disk.bytes)} in ${disk.files} files` : human(disk.bytes);
  const rows = [
    `${label}${leaf.value}${disk.folder ? '/' : ''}  ${what}${disk.problem ? `  UNREADABLE: ${disk.problem}` : ''}`,
  ];
  for (const ext of disk.external) {
    const size = onDisk(dir, ext).bytes;
    rows.push(`  ${''.padEnd(28)}  + ${ext}  ${size === undefined ? 'MISSING' : human(size)} (external data)`);
  }
  return rows;
}
