/**
 * What a GPU run measures: one entry per bench section, in the order they run. A section
 * names the models it needs exported first (the export stage times them apart), runs with
 * the time it is given, and renders its own Markdown. Adding one is one line in SECTIONS.
 */
import type { BenchModel } from '../../gpu-node/bench/bench-models';
import { benchGpu, type GpuRow, type GpuSection } from '../../gpu-node/bench/gpu';
import { gpuBenchModels, pickModels } from '../../gpu-node/bench/gpu-models';
import { gpuMarkdown, type Machine } from './markdown';

export interface SectionContext {
  quick: boolean;
  /** Epoch ms by which the section must return (it skips what would not fit). */
  deadline: number;
  log: (s: string) => void;
  /** Hands over partial results as they come (written to bench.json at once). */
  partial: (result: unknown) => void;
  /** Only these models (`--models`); absent: all of the section's. */
  models?: readonly string[];
}

export interface DeviceSection {
  name: string;
  /** The models it needs exported (`only`: just those named, `--models`). */
  models(quick: boolean, only?: readonly string[]): BenchModel[];
  run(ctx: SectionContext): Promise<unknown>;
  markdown(result: unknown, machine: Machine): string;
  /**
   * Why the result does not count as a run (the check stage fails on it); null when it does.
   * `quick`: a CI run, which must measure everything it set out to (nothing there is skipped for time).
   */
  problem(result: unknown, quick: boolean): string | null;
}

const gpu: DeviceSection = {
  name: 'gpu',
  models: (quick, only) => pickModels(gpuBenchModels(quick), only).map((c) => c.model),
  run: (ctx) => {
    const rows: GpuRow[] = [];
    return benchGpu(ctx.quick, ctx.log, {
      deadline: ctx.deadline,
      models: ctx.models,
      onRow: (r) => {
        rows.push(r);
        ctx.partial({ partial: true, rows });
      },
    });
  },
  markdown: (result, machine) => gpuMarkdown(result as GpuSection, machine),
  problem: (result, quick) => {
    const g = result as GpuSection;
    if (!g.adapter) return 'no WebGPU adapter';
    const why = `skipped: ${g.skipped.join('; ') || 'none'}`;
    if (g.rows.length === 0) return `no rows (${why})`;
    if (g.precision.length === 0 && g.precisionModels.length) return 'no float16 vs float32 PSNR';
    const missing = g.models.filter((m) => !g.rows.some((r) => r.model === m));
    if (quick && missing.length) return `no rows for ${missing.join(', ')} (${why})`;
    return null;
  },
};

export const SECTIONS: DeviceSection[] = [gpu];
