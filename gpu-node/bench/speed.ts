/**
 * Speed: dense vs RAS at several ratios on a random-weight DiT at realistic
 * size, in one run, with the paper's schedule. Reports what it measured.
 */
import { OnnxDitModel } from '../src/runtime/onnx-model';
import type { DitModel } from '../src/sampler/model';
import { type StepEvent, type StepTimings, sample } from '../src/sampler/sampler';
import { resolveRequest, type SampleRequest } from '../src/sampler/settings';
import { DIT_384, ensureBenchModel } from './bench-models';

export interface SpeedRow {
  config: string;
  tokens: number;
  steps: number;
  ratio: number;
  dense_ms: number;
  ras_ms: number;
  speedup: number;
  ideal_speedup: number;
  /** Mean ms per step by phase, for dense and RAS steps of the RAS run. */
  breakdown: { dense_step: Phases; ras_step: Phases };
}

type Phases = { model: number; select: number; kv: number; copy: number; total: number };

function meanPhases(events: StepEvent[]): Phases {
  const sum = (key: keyof StepTimings) => events.reduce((s, e) => s + e.timings[key], 0) / Math.max(1, events.length);
  const r = (v: number) => Math.round(v * 100) / 100;
  return {
    model: r(sum('modelMs')),
    select: r(sum('selectMs')),
    kv: r(sum('kvMs')),
    copy: r(sum('copyMs')),
    total: r(sum('totalMs')),
  };
}

async function timed(model: DitModel, req: SampleRequest) {
  const events: StepEvent[] = [];
  const t0 = performance.now();
  const res = await sample(model, resolveRequest(model.card, req), { onStep: (e) => events.push(e) });
  return { ms: performance.now() - t0, res, events };
}

export async function benchSpeed(quick: boolean, log: (s: string) => void): Promise<SpeedRow[]> {
  const model = await OnnxDitModel.load(ensureBenchModel(DIT_384));
  const steps = quick ? 14 : 28;
  const grids: [number, number][] = quick
    ? [[32, 32]]
    : [
        [16, 16],
        [32, 32],
      ];
  const ratios = quick ? [0.25] : [0.5, 0.25, 0.125];
  const rows: SpeedRow[] = [];
  for (const grid of grids) {
    const base: SampleRequest = { cond: [3], seeds: [11], steps, guidance: 1, grid };
    await sample(model, resolveRequest(model.card, { ...base, steps: 2, ras: { policy: 'dense' } })); // warm-up: first runs allocate
    const dense = await timed(model, { ...base, ras: { policy: 'dense' } });
    for (const ratio of ratios) {
      const ras = await timed(model, { ...base, ras: { policy: 'std', ratio } });
      const tokens = grid[0] * grid[1];
      const row: SpeedRow = {
        config: `${DIT_384.name} random, ${grid[0]}x${grid[1]} tokens, B=1`,
        tokens,
        steps,
        ratio,
        dense_ms: Math.round(dense.ms),
        ras_ms: Math.round(ras.ms),
        speedup: round3(dense.ms / ras.ms),
        ideal_speedup: round3(ras.res.tokensDense / ras.res.tokensRun),
        breakdown: {
          dense_step: meanPhases(ras.events.filter((e) => e.kind === 'dense')),
          ras_step: meanPhases(ras.events.filter((e) => e.kind === 'ras')),
        },
      };
      log(`speed ${tokens} tokens r=${ratio}: ${row.speedup}x of ideal ${row.ideal_speedup}x`);
      rows.push(row);
    }
  }
  await model.dispose();
  return rows;
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;
