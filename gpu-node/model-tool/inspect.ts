/**
 * `model inspect`: a model directory as the node will serve it. The card is
 * validated by the node's own `parseCard` (every format it serves); the
 * summary, the stages and the extra fields are printed from the card's JSON,
 * walked generically, so fields added to the card need no change here. A
 * NextDiT card (Lumina-Next) shows its K/V heads, output channels and prompt
 * graph besides.
 */
import { basename, join, resolve } from 'node:path';
import { parseCard } from '../src/runtime/card';
import { readCardJson } from './card-json';
import { human, sizeOf } from './disk';
import { brief, fileRows, type Json, walkLeaves } from './inspect-rows';
import { onnxInitializers } from './onnx-initializers';

/** The card's constants printed in brief when present, in this order. */
const CONSTANTS = [
  'time',
  'cond',
  'rope',
  'attention',
  'guidance_channels',
  'recommended',
  'preview',
  'sizes',
  'config',
];

/** The report, as printed. */
export async function inspect(dir: string): Promise<string> {
  const raw = (await readCardJson(join(dir, 'model.json'))) as Record<string, Json>;
  const name = basename(resolve(dir));
  const card = parseCard(name, raw);
  const nextdit = card.format === 'ras-ready/3' && card.family === 'nextdit' ? card : undefined;
  const lines: string[] = [`${card.name} (${resolve(dir)})`];
  const row = (key: string, value: string) => lines.push(`  ${key.padEnd(12)} ${value}`);
  row('format', `${card.format}, family ${card.family}`);
  const out = nextdit ? `, out_channels ${nextdit.out_channels}` : '';
  row('patch', `${card.patch}, channels ${card.channels}${out}, token_dim ${card.token_dim}`);
  const kv = nextdit ? ` (${nextdit.kv_heads} K/V heads)` : '';
  row('layers', `${card.layers} × ${card.heads} heads${kv} × head_dim ${card.head_dim} (hidden ${card.hidden})`);
  const g = card.grid;
  row('grid', `default ${g.default.join('×')}, min ${g.min.join('×')}, max ${g.max.join('×')} tokens (rows×columns)`);
  for (const key of CONSTANTS) {
    if (key in raw) row(key, brief(raw[key]));
  }
  lines.push('stages');
  if (raw.stages && typeof raw.stages === 'object') {
    for (const leaf of walkLeaves(raw.stages)) lines.push(...fileRows(dir, leaf));
  } else lines.push('  (none: the transformer graphs below are the model)');
  lines.push('graphs');
  const stored = new Map<string, Set<string>>();
  const graphs = Object.entries(card.graphs);
  if (nextdit) graphs.push(['prompt', nextdit.stages.prompt]);
  for (const [kind, file] of graphs) {
    if (file) lines.push(graphRow(dir, kind, file, stored));
  }
  lines.push('weights');
  const claim = (raw.storage ?? (raw.export as Record<string, Json> | undefined)?.weights_dtype) as string | undefined;
  for (const [file, types] of stored) {
    const size = sizeOf(join(dir, file));
    const note = claim ? ` (card: ${claim})` : '';
    lines.push(`  ${file}  ${size ? human(size.bytes) : 'MISSING'}, stored ${[...types].join(' and ')}${note}`);
  }
  if (stored.size === 0) lines.push('  (none: every weight is inline in its graph)');
  const total = sizeOf(dir);
  lines.push(`total          ${human(total?.bytes ?? 0)} in ${total?.files ?? 0} files`);
  return `${lines.join('\n')}\n`;
}

/** One graph: its size, what it reads from which external file (noted in `stored`), what it holds inline. */
function graphRow(dir: string, kind: string, file: string, stored: Map<string, Set<string>>): string {
  const size = sizeOf(join(dir, file));
  if (!size) return `  ${kind.padEnd(13)}${file}  MISSING`;
  const reads = new Map<string, Map<string, { tensors: number; bytes: number }>>();
  let inline = 0;
  for (const t of onnxInitializers(join(dir, file))) {
    if (!t.location) {
      inline += t.bytes;
      continue;
    }
    const byType = reads.get(t.location) ?? new Map();
    const d = byType.get(t.dtype) ?? { tensors: 0, bytes: 0 };
    byType.set(t.dtype, { tensors: d.tensors + 1, bytes: d.bytes + t.bytes });
    reads.set(t.location, byType);
    stored.set(t.location, (stored.get(t.location) ?? new Set()).add(t.dtype));
  }
  const parts = [...reads].map(
    ([loc, byType]) =>
      `reads ${loc}: ${[...byType].map(([t, d]) => `${d.tensors} ${t} ${d.tensors === 1 ? 'tensor' : 'tensors'}, ${human(d.bytes)}`).join('; ')}`,
  );
  return `  ${kind.padEnd(13)}${file}  ${human(size.bytes)}; ${[...parts, `${human(inline)} inline`].join('; ')}`;
}
