/**
 * GPU: one model step (a CFG pair, batch 2) on onnxruntime-node's WebGPU
 * provider, dense and RAS, with the K/V caches left on the device or passed
 * from the host every step, for each attention graph and, device-resident, in
 * half precision; the bytes of K/V that reach the host per RAS step; how far
 * half precision's images are from float32's; and the same forward in PyTorch
 * where PyTorch has a GPU (`reference`). Runs wherever a WebGPU adapter exists; on a
 * software adapter (lavapipe) or with --quick only a tiny model, so CI stays
 * fast. Ratios are measured in one run; nothing asserts a time.
 *
 * With a deadline (the device script's time budget) the section skips, and lists in `skipped`,
 * whatever would not finish in time, so a run on a lent GPU always ends with results. The most
 * wanted rows come first: PyTorch's reference, then the SD3-size model, device-resident before
 * host-resident, fused before unfused.
 */

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { meanPsnr } from '../src/eval/psnr';
import { type AdapterInfo, probeWebGpuAdapter } from '../src/runtime/adapter';
import { largestBinding } from '../src/runtime/limits';
import { type Attention, OnnxDitModel, type Precision, type Residency } from '../src/runtime/onnx-model';
import { classCond, classConditioning, stackRows } from '../src/sampler/conditioning';
import type { KvCaches, ModelInputs } from '../src/sampler/model';
import { sample } from '../src/sampler/sampler';
import { resolveRequest, type SampleRequest } from '../src/sampler/settings';
import { type BenchModelSpec, DIT_384, DIT_SD3, DIT_TINY, ensureBenchModel, ROOT } from './bench-models';

export interface GpuRow {
  model: string;
  tokens: number;
  dtype: Precision;
  residency: Residency;
  attention: Attention;
  ratio: number;
  /** Median ms of one step (forward + K/V handling). */
  dense_ms: number;
  ras_ms: number;
  speedup: number;
  ideal_speedup: number;
  /** K/V bytes moved to the host per RAS step (0: the caches stayed on the device). */
  kv_host_bytes: number;
  /** K/V bytes moved to the device per RAS step. */
  kv_device_bytes: number;
  /** Timed steps behind each median. */
  reps: number;
}

export interface GpuSection {
  adapter: AdapterInfo | null;
  rows: GpuRow[];
  /** Configurations not run, and why (a graph past the adapter's binding limit, no adapter). */
  skipped: string[];
  /** How far the half-precision graph's images are from float32's (target ≥ 40 dB). */
  precision: { model: string; tokens: number; psnr_fp16_vs_fp32: number }[];
  /** Max abs difference of one dense forward's velocity from the CPU provider's, per WebGPU graph (null: not run). */
  numerics: { model: string; tokens: number; fused_vs_cpu: number; unfused_vs_cpu: number | null }[];
  /** The same forward in PyTorch on a CUDA GPU; empty with the reason where there is none. */
  reference: unknown[] | { skipped: string };
}

/** How a caller bounds and follows the section (scripts/device/). */
export interface GpuBenchOptions {
  /** Epoch ms by which the section must end: later configurations are skipped, not run. */
  deadline?: number;
  /** Called with every row as soon as it is measured (partial results survive a kill). */
  onRow?: (row: GpuRow) => void;
}

const ROWS = 2; // a CFG pair
/** A warm-up pair (dense + RAS) slower than this is timed 3 times, not 5: big models at 4096 tokens. */
const SLOW_STEP_MS = 1000;
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The models the section runs (what the device script exports first), with their token counts. */
export function gpuBenchModels(small: boolean): [BenchModelSpec, number[]][] {
  return small
    ? [[DIT_TINY, [256]]]
    : [
        [DIT_SD3, [1024, 4096]],
        [DIT_384, [1024, 4096]],
      ];
}

export async function benchGpu(
  quick: boolean,
  log: (s: string) => void,
  options: GpuBenchOptions = {},
): Promise<GpuSection> {
  const left = () => (options.deadline ?? Number.POSITIVE_INFINITY) - Date.now();
  const adapter = await probeWebGpuAdapter().catch(
    (e: Error): AdapterInfo => ({
      description: `unknown (probe failed: ${e.message.split('\n')[0]})`,
      vendor: 'unknown',
      maxStorageBufferBindingSize: Number.POSITIVE_INFINITY,
      maxBufferSize: Number.POSITIVE_INFINITY,
      subgroups: true,
    }),
  );
  if (!adapter)
    return {
      adapter,
      rows: [],
      skipped: ['no WebGPU adapter'],
      precision: [],
      numerics: [],
      reference: { skipped: 'no GPU' },
    };
  const software = /llvmpipe|swiftshader|software/i.test(`${adapter.description} ${adapter.vendor}`);
  const small = quick || software;
  if (software && !quick) log('gpu: software adapter, tiny model only');
  const configs = gpuBenchModels(small);
  const reference = torchReference(
    configs.map(([spec]) => spec),
    small,
    left(),
  );
  const ratios = small ? [0.25] : [0.5, 0.25];
  const reps = small ? 3 : 5;
  const rows: GpuRow[] = [];
  const skipped: string[] = [];
  const precision: GpuSection['precision'] = [];
  const numerics: GpuSection['numerics'] = [];
  for (const [spec, tokenCounts] of configs) {
    let card: string;
    try {
      card = ensureBenchModel(spec);
    } catch (e) {
      skipped.push(`${spec.name}: ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    for (const variant of VARIANTS) {
      const name = `${spec.name} ${variant.attention} ${variant.kvResidency} ${variant.dtype}`;
      if (left() < MIN_LOAD_MS) {
        skipped.push(`${name}: time budget spent`);
        continue;
      }
      const model = await OnnxDitModel.load(card, { executionProviders: ['webgpu'], ...variant });
      for (const tokens of tokenCounts) {
        const binding = largestBinding(model.card, variant.attention, ROWS, tokens);
        if (binding > adapter.maxStorageBufferBindingSize) {
          skipped.push(
            `${spec.name} ${variant.attention} at ${tokens} tokens: binds ${binding} B > ${adapter.maxStorageBufferBindingSize} B`,
          );
          continue;
        }
        for (const ratio of ratios) {
          const row = await measure(model, spec.name, tokens, ratio, reps, left);
          if (typeof row === 'string') {
            skipped.push(`${name} at ${tokens} tokens, r=${ratio}: ${row}`);
            continue;
          }
          options.onRow?.(row);
          log(
            `gpu ${spec.name} ${tokens} ${variant.attention} ${variant.kvResidency} ${variant.dtype} r=${ratio}: dense ${row.dense_ms} ms, RAS ${row.ras_ms} ms (${row.speedup}x of ${row.ideal_speedup}x), ${row.kv_host_bytes} B to host`,
          );
          rows.push(row);
        }
      }
      await model.dispose();
    }
    if (left() < 2 * MIN_LOAD_MS) skipped.push(`${spec.name} float16 vs float32 PSNR: time budget spent`);
    else precision.push(await halfVsFull(card, spec.name, tokenCounts[0], log));
    // The CPU forward it compares with takes tens of seconds at the SD3 size: the smaller models say it.
    if (spec === DIT_SD3) skipped.push(`${spec.name} numerics: the CPU reference is too slow at this size`);
    else if (left() < 4 * MIN_LOAD_MS) skipped.push(`${spec.name} numerics: time budget spent`);
    else numerics.push(await attentionVsCpu(card, spec.name, tokenCounts[0], adapter, log));
  }
  return { adapter, rows, skipped, precision, numerics, reference };
}

/** The runtime configurations timed for each model, the most wanted first. */
const VARIANTS = [
  { attention: 'fused', kvResidency: 'device', dtype: 'float32' },
  { attention: 'fused', kvResidency: 'device', dtype: 'float16' },
  { attention: 'fused', kvResidency: 'host', dtype: 'float32' },
  { attention: 'unfused', kvResidency: 'device', dtype: 'float32' },
  { attention: 'unfused', kvResidency: 'host', dtype: 'float32' },
] as const;

/** Time left below which a model is not loaded (an SD3-size graph takes seconds to load). */
const MIN_LOAD_MS = 20_000;

/** PSNR of one RAS generation (a CFG pair, r = 0.25) in half precision against float32. */
async function halfVsFull(card: string, name: string, tokens: number, log: (s: string) => void) {
  const side = Math.round(Math.sqrt(tokens));
  const req: SampleRequest = {
    cond: [1],
    seeds: [3],
    steps: 12,
    guidance: 2,
    grid: [side, side],
    ras: { ratio: 0.25 },
  };
  const images = [];
  for (const dtype of ['float32', 'float16'] as const) {
    const model = await OnnxDitModel.load(card, { executionProviders: ['webgpu'], dtype });
    images.push((await sample(model, resolveRequest(model.card, req))).tokens);
    await model.dispose();
  }
  const psnr = Math.round(meanPsnr(images[1], images[0], 1) * 100) / 100;
  log(`gpu ${name} ${tokens} tokens: float16 vs float32 PSNR ${psnr} dB`);
  return { model: name, tokens, psnr_fp16_vs_fp32: psnr };
}

/**
 * How far each WebGPU graph's dense forward is from the CPU provider's (the unfused graph there):
 * whether this adapter's FlashAttention is exact (docs/gpu.md, "FlashAttention's numerics").
 */
async function attentionVsCpu(
  card: string,
  name: string,
  tokens: number,
  adapter: AdapterInfo,
  log: (s: string) => void,
): Promise<GpuSection['numerics'][number]> {
  const forward = async (opts: Parameters<typeof OnnxDitModel.load>[1], inputs?: ModelInputs) => {
    const model = await OnnxDitModel.load(card, { kvResidency: 'host', ...opts });
    const x = inputs ?? stepInputs(model, tokens, tokens, Math.round(Math.sqrt(tokens)));
    const kv = model.createKv(ROWS, tokens);
    const { v } = await model.run(x, kv);
    kv.dispose();
    await model.dispose();
    return { v, x };
  };
  const cpu = await forward({});
  const diff = (v: Float32Array) => v.reduce((m, a, k) => Math.max(m, Math.abs(a - cpu.v[k])), 0);
  const fused = diff((await forward({ executionProviders: ['webgpu'], attention: 'fused' }, cpu.x)).v);
  const fits = (m: OnnxDitModel) =>
    largestBinding(m.card, 'unfused', ROWS, tokens) <= adapter.maxStorageBufferBindingSize;
  const probe = await OnnxDitModel.load(card);
  const unfused = fits(probe)
    ? diff((await forward({ executionProviders: ['webgpu'], attention: 'unfused' }, cpu.x)).v)
    : null;
  await probe.dispose();
  log(
    `gpu ${name} ${tokens} tokens: max |v − CPU| fused ${fused.toExponential(2)}, unfused ${unfused?.toExponential(2) ?? 'not run'}`,
  );
  return { model: name, tokens, fused_vs_cpu: fused, unfused_vs_cpu: unfused };
}

/**
 * Median step times of one model at `tokens` tokens: dense, then RAS at `ratio`; or why not,
 * when the warm-up steps say the timed ones would not end before the deadline (`left()` ms).
 */
async function measure(
  model: OnnxDitModel,
  name: string,
  tokens: number,
  ratio: number,
  maxReps: number,
  left: () => number,
): Promise<GpuRow | string> {
  const n = Math.ceil(ratio * tokens);
  const kv = model.createKv(ROWS, tokens);
  const gridW = Math.round(Math.sqrt(tokens));
  const time = async (inputs: ModelInputs, caches: KvCaches) => {
    const t = performance.now();
    await model.run(inputs, caches);
    return performance.now() - t;
  };
  const dense = stepInputs(model, tokens, tokens, gridW);
  const ras = stepInputs(model, tokens, n, gridW);
  const warm = (await time(dense, kv)) + (await time(ras, kv)); // kernels compiled, caches on the device
  const reps = warm > SLOW_STEP_MS ? Math.min(3, maxReps) : maxReps;
  if (reps * warm > left()) {
    kv.dispose();
    return `time budget: needs about ${Math.round((reps * warm) / 1000)} s, ${Math.round(left() / 1000)} s left`;
  }
  const denseMs: number[] = [];
  const rasMs: number[] = [];
  const before = { ...model.kvTraffic };
  for (let k = 0; k < reps; k++) rasMs.push(await time(ras, kv));
  const kvHost = (model.kvTraffic.toHost - before.toHost) / reps;
  const kvDevice = (model.kvTraffic.toDevice - before.toDevice) / reps;
  for (let k = 0; k < reps; k++) denseMs.push(await time(dense, kv));
  kv.dispose();
  const [d, r] = [median(denseMs), median(rasMs)];
  return {
    model: name,
    tokens,
    dtype: model.dtype,
    residency: model.residency,
    attention: model.attention,
    ratio,
    dense_ms: round(d),
    ras_ms: round(r),
    speedup: round(d / r, 3),
    ideal_speedup: round(tokens / n, 3),
    kv_host_bytes: kvHost,
    kv_device_bytes: kvDevice,
    reps,
  };
}

/** Inputs of one step over `n` of `tokens` tokens (the same random subset for both rows). */
function stepInputs(model: OnnxDitModel, tokens: number, n: number, gridW: number): ModelInputs {
  const order = Array.from({ length: tokens }, (_, j) => j).sort(() => Math.random() - 0.5);
  const chosen = order.slice(0, n).sort((a, b) => a - b);
  const dim = model.card.token_dim;
  return {
    x: Float32Array.from({ length: ROWS * n * dim }, () => Math.random() * 2 - 1),
    tokenIndex: BigInt64Array.from({ length: ROWS * n }, (_, k) => BigInt(chosen[k % n])),
    timestep: new Float32Array(ROWS).fill(500),
    cond: stackRows([classConditioning(1), classConditioning(classCond(model.card).null)]),
    rows: ROWS,
    tokens: n,
    gridW,
  };
}

/** The same forward timed by PyTorch (gpu-node/tools/bench_torch.py) where it has a CUDA GPU. */
/** The reference gets at most this long, or half the time left: the WebGPU rows are the point. */
const REFERENCE_MAX_MS = 120_000;

function torchReference(specs: BenchModelSpec[], quick: boolean, leftMs: number): GpuSection['reference'] {
  if (leftMs < MIN_LOAD_MS) return { skipped: 'time budget spent' };
  const python = process.env.RAS_BENCH_PYTHON ?? '/usr/bin/python3';
  const args = [join(ROOT, 'gpu-node/tools/bench_torch.py'), '--specs', JSON.stringify(specs)];
  if (quick) args.push('--quick');
  try {
    const timeout = Number.isFinite(leftMs) ? Math.min(REFERENCE_MAX_MS, leftMs / 2) : undefined;
    return JSON.parse(execFileSync(python, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout }));
  } catch (e) {
    return { skipped: `PyTorch reference failed: ${(e as Error).message.split('\n')[0]}` };
  }
}
