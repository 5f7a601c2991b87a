/**
 * GPU: one model step (a CFG pair, batch 2) on onnxruntime-node's WebGPU
 * provider, dense and RAS, with the K/V caches left on the device or passed
 * from the host every step, for each attention graph and, device-resident, in
 * half precision; the bytes of K/V that reach the host per RAS step; how far
 * half precision's images are from float32's; and the same forward in PyTorch
 * where PyTorch has a GPU (`reference`). Runs wherever a WebGPU adapter exists; on a
 * software adapter (lavapipe) or with --quick only tiny models (gpu-models.ts), so CI stays
 * fast. Ratios are measured in one run; nothing asserts a time.
 *
 * The MMDiT rows (SD3-medium's size, converted by `convert.py sd3`; sd3-medium.ts) run with SD3's
 * 333 text tokens of random embeddings beside the image tokens, so their ideal is (N + T) / (n + T).
 * The NextDiT rows (Lumina-Next-SFT's size, converted by `convert.py lumina`; lumina-next.ts) read
 * 256 text tokens whose K/V its prompt graph made once (nextdit-cond.ts), uploaded once per run,
 * through the cross-attention of the n tokens run, so their ideal is N / n.
 *
 * With a deadline (the device script's time budget) the section skips, and lists in `skipped`,
 * whatever would not finish in time, so a run on a lent GPU always ends with results. The most
 * wanted rows come first: PyTorch's reference, then Lumina-Next, then SD3-medium, then the DiT of
 * SD3's image stream size, device-resident before host-resident, fused before unfused.
 */

import { type AdapterInfo, probeWebGpuAdapter } from '../src/runtime/adapter';
import { largestBinding } from '../src/runtime/limits';
import { type Attention, OnnxDitModel, type Precision, type Residency } from '../src/runtime/onnx-model';
import type { Conditioning, KvCaches, ModelInputs } from '../src/sampler/model';
import { attentionVsCpu, halfVsFull, ROWS, stepConditioning, stepInputs } from './gpu-checks';
import { type GpuConfig, gpuBenchModels, idealSpeedup, pickModels } from './gpu-models';
import { torchReference } from './gpu-reference';

export interface GpuRow {
  model: string;
  /** Image tokens N. */
  tokens: number;
  /** Text tokens T beside them, run every step (an MMDiT's prompt; 0 for a class DiT). */
  text_tokens: number;
  /** Text tokens read by a cross-attention, their K/V made once per prompt (a NextDiT's 256), else absent. */
  cross_text_tokens?: number;
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
  /** Conditioning bytes (a NextDiT's text K/V, caption, RoPE table) moved to the device per RAS step: 0 once uploaded for the run. */
  cond_device_bytes: number;
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
  /** The models whose PSNR the section set out to measure (the others' reasons are in `skipped`). */
  precisionModels: string[];
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
  /** Only these models (by name; `pickModels`). */
  models?: readonly string[];
}

/** A warm-up pair (dense + RAS) slower than this is timed 3 times, not 5: big models at 4096 tokens. */
const SLOW_STEP_MS = 1000;
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The gpu section (see above): rows, checks and PyTorch's reference, within `options.deadline`. */
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
  const configs = pickModels(gpuBenchModels(small), options.models);
  const section: GpuSection = {
    adapter,
    models: configs.map((c) => c.model.name),
    rows: [],
    skipped: [],
    precision: [],
    precisionModels: configs.filter((c) => c.noPrecision === null).map((c) => c.model.name),
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
    await checkModel(card, config, run, section);
  }
  return section;
}

/** A model's float16-vs-float32 PSNR and its graphs' distance from the CPU provider, or why not. */
async function checkModel(card: string, config: GpuConfig, run: RunContext, section: GpuSection) {
  const { name } = config.model;
  const { left, log } = run;
  if (config.noPrecision) section.skipped.push(`${name} float16 vs float32 PSNR: ${config.noPrecision}`);
  else if (left() < 2 * MIN_LOAD_MS) section.skipped.push(`${name} float16 vs float32 PSNR: time budget spent`);
  else section.precision.push(await halfVsFull(card, name, config.tokens[0], log));
  if (config.noNumerics) section.skipped.push(`${name} numerics: ${config.noNumerics}`);
  else if (left() < 4 * MIN_LOAD_MS) section.skipped.push(`${name} numerics: time budget spent`);
  else section.numerics.push(await attentionVsCpu(card, config, run.adapter, log));
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
    const cond = await stepConditioning(model, card);
    for (const tokens of config.tokens) {
      // The text tokens join the attention: counted as tokens, the bound is safe (caches hold image tokens only).
      const binding = largestBinding(model.card, variant.attention, ROWS, tokens + config.textTokens);
      if (binding > adapter.maxStorageBufferBindingSize) {
        section.skipped.push(`${name} at ${at(tokens)}: binds ${binding} B > ${adapter.maxStorageBufferBindingSize} B`);
        continue;
      }
      for (const ratio of run.ratios) {
        const row = await measure(model, cond, config, tokens, ratio, run.reps, left);
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

/** Time left below which a model is not loaded (an SD3-size graph takes seconds to load). */
const MIN_LOAD_MS = 20_000;

/**
 * Median step times of one model at `tokens` tokens: dense, then RAS at `ratio`; or why not,
 * when the warm-up steps say the timed ones would not end before the deadline (`left()` ms).
 */
async function measure(
  model: OnnxDitModel,
  cond: Conditioning,
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
  const dense = stepInputs(model, tokens, tokens, gridW, cond);
  const ras = stepInputs(model, tokens, n, gridW, cond);
  const warm = (await time(dense, kv)) + (await time(ras, kv)); // kernels compiled, caches on the device
  const reps = warm > SLOW_STEP_MS ? Math.min(3, maxReps) : maxReps;
  if (reps * warm > left()) {
    kv.dispose();
    return `time budget: needs about ${Math.round((reps * warm) / 1000)} s, ${Math.round(left() / 1000)} s left`;
  }
  const denseMs: number[] = [];
  const rasMs: number[] = [];
  const before = { ...model.kvTraffic, cond: model.condTraffic.toDevice };
  for (let k = 0; k < reps; k++) rasMs.push(await time(ras, kv));
  const kvHost = (model.kvTraffic.toHost - before.toHost) / reps;
  const kvDevice = (model.kvTraffic.toDevice - before.toDevice) / reps;
  const condDevice = (model.condTraffic.toDevice - before.cond) / reps;
  for (let k = 0; k < reps; k++) denseMs.push(await time(dense, kv));
  kv.dispose();
  const [d, r] = [median(denseMs), median(rasMs)];
  const text = config.textTokens;
  return {
    model: config.model.name,
    tokens,
    text_tokens: text,
    ...(config.crossTokens ? { cross_text_tokens: config.crossTokens } : {}),
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
    cond_device_bytes: condDevice,
    reps,
  };
}
