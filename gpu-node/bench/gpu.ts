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
 * The MMDiT rows (SD3-medium's size, converted by `convert.py sd3`; sd3-medium.ts) run with SD3's
 * 333 text tokens of random embeddings beside the image tokens, so their ideal is (N + T) / (n + T).
 *
 * With a deadline (the device script's time budget) the section skips, and lists in `skipped`,
 * whatever would not finish in time, so a run on a lent GPU always ends with results. The most
 * wanted rows come first: PyTorch's reference, then SD3-medium, then the DiT of SD3's image
 * stream size, device-resident before host-resident, fused before unfused.
 */

import { meanPsnr } from '../src/eval/psnr';
import { type AdapterInfo, probeWebGpuAdapter } from '../src/runtime/adapter';
import { largestBinding } from '../src/runtime/limits';
import { type Attention, OnnxDitModel, type Precision, type Residency } from '../src/runtime/onnx-model';
import { classCond, classConditioning, stackRows } from '../src/sampler/conditioning';
import type { Conditioning, DitModel, KvCaches, ModelInputs } from '../src/sampler/model';
import { sample } from '../src/sampler/sampler';
import { resolveRequest, type SampleRequest } from '../src/sampler/settings';
import { type BenchModel, DIT_384, DIT_SD3, DIT_TINY, ditBenchModel } from './bench-models';
import { type TorchModel, torchReference } from './gpu-reference';
import { randomPromptConditioning, SD3_TEXT } from './prompt-cond';
import { SD3_MEDIUM_BENCH, SD3_W256_BENCH } from './sd3-medium';

export interface GpuRow {
  model: string;
  /** Image tokens N. */
  tokens: number;
  /** Text tokens T beside them, run every step (an MMDiT's prompt; 0 for a class DiT). */
  text_tokens: number;
  dtype: Precision;
  residency: Residency;
  attention: Attention;
  ratio: number;
  /** Median ms of one step (forward + K/V handling). */
  dense_ms: number;
  ras_ms: number;
  speedup: number;
  /** (N + T) / (n + T): what the step would gain if its time were proportional to its tokens. */
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
  /** The models the section set out to measure, in order. */
  models: string[];
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

/** (N + T) / (n + T) with n = ⌈ratio·N⌉: a step's gain if its time followed the tokens it runs (T every step). */
export function idealSpeedup(tokens: number, ratio: number, textTokens: number): number {
  return (tokens + textTokens) / (Math.ceil(ratio * tokens) + textTokens);
}

/** One model of the section: its token counts and the runtime configurations timed. */
export interface GpuConfig {
  model: BenchModel;
  tokens: number[];
  /** Text tokens beside the image tokens (SD3's prompt; 0 for a class DiT). */
  textTokens: number;
  variants: readonly Variant[];
  /** What PyTorch runs beside it (`reference`). */
  torch: TorchModel;
  /** Why the CPU provider's forward is not compared (numerics); null: it is. */
  noNumerics: string | null;
}

const TOO_SLOW = 'the CPU reference is too slow at this size';

/** The models the section runs, the most wanted first (the device script exports them first). */
export function gpuBenchModels(small: boolean): GpuConfig[] {
  const dit = (spec: typeof DIT_384, tokens: number[], noNumerics: string | null = null): GpuConfig => ({
    model: ditBenchModel(spec),
    tokens,
    textTokens: 0,
    variants: VARIANTS,
    torch: { dit: spec },
    noNumerics,
  });
  const sd3 = (model: BenchModel, tokens: number[], torch: TorchModel, noNumerics: string | null): GpuConfig => ({
    model,
    tokens,
    textTokens: SD3_TEXT,
    variants: DEVICE_VARIANTS,
    torch,
    noNumerics,
  });
  return small
    ? [dit(DIT_TINY, [256]), sd3(SD3_W256_BENCH, [256], { mmdit: 'tiny' }, null)]
    : [
        sd3(SD3_MEDIUM_BENCH, [1024, 4096], { mmdit: 'sd3-medium' }, TOO_SLOW),
        dit(DIT_SD3, [1024, 4096], TOO_SLOW),
        dit(DIT_384, [1024, 4096]),
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
  const software = adapter && /llvmpipe|swiftshader|software/i.test(`${adapter.description} ${adapter.vendor}`);
  const small = quick || Boolean(software);
  const configs = gpuBenchModels(small);
  const section: GpuSection = {
    adapter,
    models: configs.map((c) => c.model.name),
    rows: [],
    skipped: [],
    precision: [],
    numerics: [],
    reference: { skipped: 'no GPU' },
  };
  if (!adapter) {
    section.skipped.push('no WebGPU adapter');
    return section;
  }
  if (software && !quick) log('gpu: software adapter, tiny models only');
  const skipped = section.skipped;
  section.reference = torchReference(
    configs.map((c) => c.torch),
    small,
    left,
    skipped,
  );
  const run: RunContext = { adapter, ratios: small ? [0.25] : [0.5, 0.25], reps: small ? 3 : 5, left, log, options };
  for (const config of configs) {
    let card: string;
    try {
      card = config.model.ensure();
    } catch (e) {
      skipped.push(`${config.model.name}: ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    await timeModel(card, config, run, section);
    const name = config.model.name;
    if (left() < 2 * MIN_LOAD_MS) skipped.push(`${name} float16 vs float32 PSNR: time budget spent`);
    else section.precision.push(await halfVsFull(card, name, config.tokens[0], log));
    if (config.noNumerics) skipped.push(`${name} numerics: ${config.noNumerics}`);
    else if (left() < 4 * MIN_LOAD_MS) skipped.push(`${name} numerics: time budget spent`);
    else section.numerics.push(await attentionVsCpu(card, config, adapter, log));
  }
  return section;
}

/** What every model's timing shares. */
interface RunContext {
  adapter: AdapterInfo;
  ratios: number[];
  reps: number;
  left: () => number;
  log: (s: string) => void;
  options: GpuBenchOptions;
}

/** The rows of one model: each variant at each token count and ratio, or why not in `skipped`. */
async function timeModel(card: string, config: GpuConfig, run: RunContext, section: GpuSection) {
  const { adapter, left } = run;
  const at = (tokens: number) => (config.textTokens ? `${tokens} + ${config.textTokens} tokens` : `${tokens} tokens`);
  for (const variant of config.variants) {
    const name = `${config.model.name} ${variant.attention} ${variant.kvResidency} ${variant.dtype}`;
    if (left() < MIN_LOAD_MS) {
      section.skipped.push(`${name}: time budget spent`);
      continue;
    }
    const model = await OnnxDitModel.load(card, { executionProviders: ['webgpu'], ...variant });
    for (const tokens of config.tokens) {
      // The text tokens join the attention: counted as tokens, the bound is safe (caches hold image tokens only).
      const binding = largestBinding(model.card, variant.attention, ROWS, tokens + config.textTokens);
      if (binding > adapter.maxStorageBufferBindingSize) {
        section.skipped.push(`${name} at ${at(tokens)}: binds ${binding} B > ${adapter.maxStorageBufferBindingSize} B`);
        continue;
      }
      for (const ratio of run.ratios) {
        const row = await measure(model, config, tokens, ratio, run.reps, left);
        if (typeof row === 'string') {
          section.skipped.push(`${name} at ${at(tokens)}, r=${ratio}: ${row}`);
          continue;
        }
        run.options.onRow?.(row);
        run.log(
          `gpu ${name} at ${at(tokens)} r=${ratio}: dense ${row.dense_ms} ms, RAS ${row.ras_ms} ms (${row.speedup}x of ${row.ideal_speedup}x), ${row.kv_host_bytes} B to host`,
        );
        section.rows.push(row);
      }
    }
    await model.dispose();
  }
}

/** A runtime configuration timed for a model. */
type Variant = { attention: Attention; kvResidency: Residency; dtype: Precision };

/** The runtime configurations timed for each DiT, the most wanted first. */
const VARIANTS: readonly Variant[] = [
  { attention: 'fused', kvResidency: 'device', dtype: 'float32' },
  { attention: 'fused', kvResidency: 'device', dtype: 'float16' },
  { attention: 'fused', kvResidency: 'host', dtype: 'float32' },
  { attention: 'unfused', kvResidency: 'device', dtype: 'float32' },
  { attention: 'unfused', kvResidency: 'host', dtype: 'float32' },
];

/** SD3's: the fused graph in both precisions with the K/V caches on the device (how a GPU node serves it). */
const DEVICE_VARIANTS = VARIANTS.slice(0, 2);

/** Time left below which a model is not loaded (an SD3-size graph takes seconds to load). */
const MIN_LOAD_MS = 20_000;

/** PSNR of one RAS generation (a CFG pair, r = 0.25) in half precision against float32. */
async function halfVsFull(card: string, name: string, tokens: number, log: (s: string) => void) {
  const side = Math.round(Math.sqrt(tokens));
  const base = { seeds: [3], steps: 12, guidance: 2, grid: [side, side] as [number, number], ras: { ratio: 0.25 } };
  let req: SampleRequest | undefined;
  const images = [];
  for (const dtype of ['float32', 'float16'] as const) {
    const model = await OnnxDitModel.load(card, { executionProviders: ['webgpu'], dtype });
    // An MMDiT's random prompt embeddings, made once: both precisions see the same.
    req ??=
      model.card.cond.kind === 'prompt'
        ? { ...base, conditioning: randomPromptConditioning(model) }
        : { ...base, cond: [1] };
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
  config: GpuConfig,
  adapter: AdapterInfo,
  log: (s: string) => void,
): Promise<GpuSection['numerics'][number]> {
  const [name, tokens] = [config.model.name, config.tokens[0]];
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
    largestBinding(m.card, 'unfused', ROWS, tokens + config.textTokens) <= adapter.maxStorageBufferBindingSize;
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
  config: GpuConfig,
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
  const text = config.textTokens;
  return {
    model: config.model.name,
    tokens,
    text_tokens: text,
    dtype: model.dtype,
    residency: model.residency,
    attention: model.attention,
    ratio,
    dense_ms: round(d),
    ras_ms: round(r),
    speedup: round(d / r, 3),
    ideal_speedup: round(idealSpeedup(tokens, ratio, text), 3),
    kv_host_bytes: kvHost,
    kv_device_bytes: kvDevice,
    reps,
  };
}

/** A CFG pair's conditioning: class 1 and the null class, or an MMDiT's random prompt embeddings. */
function conditioningRows(model: DitModel): Conditioning {
  if (model.card.cond.kind === 'prompt') {
    const { images, negative } = randomPromptConditioning(model);
    return stackRows([...images, negative]);
  }
  return stackRows([classConditioning(1), classConditioning(classCond(model.card).null)]);
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
    cond: conditioningRows(model),
    rows: ROWS,
    tokens: n,
    gridW,
  };
}
