/**
 * PyTorch's reference for the gpu section: the same forward timed where PyTorch has a CUDA GPU,
 * fp32 and bf16 with SDPA. The DiTs by `gpu-node/tools/bench_torch.py` (one call for all), each
 * MMDiT by `bench_mmdit_torch.py` (SD3-medium's config, 333 text tokens), each NextDiT by
 * `bench_lumina_torch.py` (Lumina-Next-SFT's config, 256 text tokens; also the step with the
 * prompt's text K/V made every step). Without CUDA each tool prints why; the section's
 * `reference` is then that reason.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { type BenchModelSpec, ROOT } from './bench-models';

/** What PyTorch runs for one of the section's models. */
export type TorchModel = { dit: BenchModelSpec } | { mmdit: 'sd3-medium' | 'tiny' } | { lumina: 'sft' | 'tiny' };

/** Each call gets at most this long, or a third of the time left: the WebGPU rows are the point. */
const REFERENCE_MAX_MS = 120_000;
/** Time left below which no reference is started. */
const MIN_MS = 20_000;

/**
 * Rows of every tool that ran, in the models' order, the DiTs' (one call) last; `{skipped}` with every reason when none gave rows.
 * Where some gave rows, the others' reasons go to `skipped` (the section's list).
 */
export function torchReference(
  models: TorchModel[],
  quick: boolean,
  left: () => number,
  skipped: string[],
): unknown[] | { skipped: string } {
  const calls: string[][] = [];
  for (const m of models) {
    if ('lumina' in m) calls.push(['bench_lumina_torch.py', '--config', m.lumina]);
    if ('mmdit' in m) calls.push(['bench_mmdit_torch.py', '--config', m.mmdit]);
  }
  const dits = models.flatMap((m) => ('dit' in m ? [m.dit] : []));
  if (dits.length) calls.push(['bench_torch.py', '--specs', JSON.stringify(dits)]);
  const rows: unknown[] = [];
  const reasons: [string, string][] = [];
  for (const [tool, ...args] of calls) {
    const result = runTool(tool, quick ? [...args, '--quick'] : args, left());
    if (Array.isArray(result)) rows.push(...result);
    else reasons.push([tool, result.skipped]);
  }
  if (rows.length || reasons.length === 0) {
    skipped.push(...reasons.map(([tool, r]) => `PyTorch reference ${tool}: ${r}`));
    return rows;
  }
  // One reason for all (no CUDA) is said once; different ones name their tool.
  if (new Set(reasons.map(([, r]) => r)).size === 1) return { skipped: reasons[0][1] };
  return { skipped: reasons.map(([tool, r]) => `${tool}: ${r}`).join('; ') };
}

function runTool(tool: string, args: string[], leftMs: number): unknown[] | { skipped: string } {
  if (leftMs < MIN_MS) return { skipped: 'time budget spent' };
  const python = process.env.RAS_BENCH_PYTHON ?? '/usr/bin/python3';
  try {
    // An integer: execFileSync refuses a fractional timeout (the tool then never ran).
    const timeout = Number.isFinite(leftMs) ? Math.floor(Math.min(REFERENCE_MAX_MS, leftMs / 3)) : undefined;
    const out = execFileSync(python, [join(ROOT, 'gpu-node/tools', tool), ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout,
    });
    return JSON.parse(out);
  } catch (e) {
    return { skipped: `PyTorch reference failed: ${(e as Error).message.split('\n')[0]}` };
  }
}
