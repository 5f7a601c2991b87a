/**
 * The Markdown that a GPU run brings back (`bench.md`): the gpu section's rows as one table
 * (an MMDiT's tokens as `N + T`, image + text; a NextDiT's as `N (T cross)`), with the adapter,
 * driver and date above it, then PyTorch's reference, the half-precision PSNR and what was
 * skipped. Pure: the tests feed it a section by hand.
 */
import type { GpuRow, GpuSection } from '../../gpu-node/bench/gpu';

/** Facts about the machine that the bench cannot see itself (run.sh gathers them). */
export interface Machine {
  /** ISO date of the run. */
  date: string;
  /** The GPU driver (nvidia-smi's driver_version), where there is one. */
  driver?: string;
}

const cell = (v: unknown) => (v === undefined || v === null || v === '' ? '—' : String(v));
const row = (cells: unknown[]) => `| ${cells.map(cell).join(' | ')} |`;
const header = (cells: string[]) => [row(cells), row(cells.map(() => '---'))];
/**
 * Image tokens, with an MMDiT's text tokens beside them (`4096 + 333`) or the text tokens a
 * NextDiT's cross-attention reads (`4096 (256 cross)`).
 */
const tokensCell = (tokens: number, text: number | undefined, cross?: number) =>
  text ? `${tokens} + ${text}` : cross ? `${tokens} (${cross} cross)` : tokens;

/** One table line per (model, graph, tokens, residency, dtype); RAS columns per ratio, largest first. */
export function gpuMarkdown(gpu: GpuSection, machine: Machine): string {
  const a = gpu.adapter;
  const lines = [
    '## gpu',
    '',
    `adapter: ${a ? `${a.description} (${a.vendor}), largest binding ${a.maxStorageBufferBindingSize} B` : 'none'}; driver: ${cell(machine.driver)}; date: ${machine.date}`,
    '',
  ];
  const ratios = [...new Set(gpu.rows.map((r) => r.ratio))].sort((x, y) => y - x);
  const groups = new Map<string, GpuRow[]>();
  for (const r of gpu.rows) {
    const key = [r.model, r.attention, r.tokens, r.text_tokens, r.cross_text_tokens, r.residency, r.dtype].join(
      '\u0000',
    );
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  lines.push(
    ...header([
      'model',
      'graph',
      'tokens',
      'residency',
      'dtype',
      'dense ms',
      ...ratios.map((r) => `RAS ms r=${r}`),
      ...ratios.map((r) => `dense/RAS r=${r} (ideal)`),
      'K/V B to host per RAS step',
    ]),
  );
  for (const rs of groups.values()) {
    const at = (ratio: number) => rs.find((r) => r.ratio === ratio);
    const first = rs[0];
    lines.push(
      row([
        first.model,
        first.attention,
        tokensCell(first.tokens, first.text_tokens, first.cross_text_tokens),
        first.residency,
        first.dtype,
        first.dense_ms,
        ...ratios.map((r) => at(r)?.ras_ms),
        ...ratios.map((r) => {
          const x = at(r);
          return x && `${x.speedup}× (${x.ideal_speedup}×)`;
        }),
        first.kv_host_bytes,
      ]),
    );
  }
  if (gpu.rows.length === 0) lines.push('', 'no rows measured');
  else if (gpu.rows.some((r) => r.text_tokens))
    lines.push('', 'ideal: (N + T) / (n + T), N image tokens, n = ⌈r·N⌉ run, T text tokens run every step');
  const cross = gpu.rows.filter((r) => r.cross_text_tokens);
  if (cross.length) {
    const condBytes = Math.max(...cross.map((r) => r.cond_device_bytes));
    lines.push(
      '',
      `(T cross): T text tokens read by a cross-attention, their K/V made once per prompt; ideal N / n; ` +
        `prompt bytes to the device per RAS step: ${condBytes} (0: uploaded once per run)`,
    );
  }
  lines.push('', ...referenceMarkdown(gpu.reference), '', ...precisionMarkdown(gpu.precision));
  lines.push('', ...numericsMarkdown(gpu.numerics));
  if (gpu.skipped.length) lines.push('', 'skipped:', '', ...gpu.skipped.map((s) => `- ${s}`));
  return `${lines.join('\n')}\n`;
}

interface ReferenceRow {
  model: string;
  tokens: number;
  text_tokens?: number;
  cross_text_tokens?: number;
  runtime: string;
  ratio: number;
  dense_ms: number;
  ras_ms: number;
  device?: string;
}

function referenceMarkdown(reference: GpuSection['reference']): string[] {
  if (!Array.isArray(reference)) return [`reference PyTorch: skipped (${reference.skipped})`];
  const rows = reference as ReferenceRow[];
  const ratios = [...new Set(rows.map((r) => r.ratio))].sort((x, y) => y - x);
  const groups = new Map<string, ReferenceRow[]>();
  for (const r of rows) {
    const key = [r.model, r.tokens, r.text_tokens, r.cross_text_tokens, r.runtime].join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const device = rows[0]?.device;
  const lines = [
    `reference PyTorch (same forward, a CFG pair${device ? `, ${device}` : ''}):`,
    '',
    ...header(['model', 'tokens', 'runtime', 'dense ms', ...ratios.map((r) => `RAS ms r=${r}`)]),
  ];
  for (const rs of groups.values())
    lines.push(
      row([
        rs[0].model,
        tokensCell(rs[0].tokens, rs[0].text_tokens, rs[0].cross_text_tokens),
        rs[0].runtime,
        rs[0].dense_ms,
        ...ratios.map((r) => rs.find((x) => x.ratio === r)?.ras_ms),
      ]),
    );
  if (rows.length === 0) lines.push('', 'no reference rows');
  return lines;
}

function precisionMarkdown(precision: GpuSection['precision']): string[] {
  if (precision.length === 0) return ['float16 vs float32: not measured'];
  return [
    'float16 vs float32 (a 12-step RAS generation, r = 0.25):',
    '',
    ...header(['model', 'tokens', 'PSNR dB']),
    ...precision.map((p) => row([p.model, p.tokens, p.psnr_fp16_vs_fp32])),
  ];
}

function numericsMarkdown(numerics: GpuSection['numerics']): string[] {
  if (numerics.length === 0) return ['attention vs the CPU provider: not measured'];
  return [
    'attention vs the CPU provider (one dense forward, max |v − CPU|; is FlashAttention exact here):',
    '',
    ...header(['model', 'tokens', 'fused', 'unfused']),
    ...numerics.map((n) =>
      row([n.model, n.tokens, n.fused_vs_cpu.toExponential(2), n.unfused_vs_cpu?.toExponential(2)]),
    ),
  ];
}
