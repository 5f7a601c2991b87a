/**
 * The onnxruntime-node adapter: a RAS-ready model (card + graphs) as a
 * `DitModel` that owns its runs' K/V caches (docs/gpu.md).
 *
 * - CPU: caches are host arrays (`HostKv`), fed per slot as views; the graph's
 *   fresh rows come back and are written in place.
 * - WebGPU, device residency (its default): caches are the graph's own
 *   `k_all_<l>` outputs, left on the device and fed back; no K/V crosses to
 *   the host on a step.
 * - WebGPU, host residency (for comparison): as on the CPU, so every step
 *   uploads the caches and downloads the fresh rows; counted in `kvTraffic`.
 *
 * Caches come in slots: the layers' attention, then MMDiT-X's `attn2` (kv-slots.ts).
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import ort from 'onnxruntime-node';
import { HostKv } from '../sampler/kv-cache';
import {
  type DitModel,
  type KvArrays,
  type KvCaches,
  type KvTraffic,
  kvHeads,
  kvSlots,
  type ModelCard,
  type ModelInputs,
  type ModelOutputs,
} from '../sampler/model';
import type { AdapterInfo } from './adapter';
import { parseCard } from './card';
import { deviceError } from './device-errors';
import { DeviceKv, type DeviceLink } from './device-kv';
import { fromFloat16, toFloat16 } from './float16.js';
import { snapshotGraph, snapshotInputs, uploadGraph } from './kv-graph';
import { freshOutputs, type SlotNames, slotMismatch, slotNames } from './kv-slots';
import { largestBinding, maxTokens, webgpuAttention } from './limits';
import { inputTypes, RunFeeds, uploadable } from './run-feeds';

export type Residency = 'host' | 'device';
export type Attention = 'fused' | 'unfused';
export type Precision = 'float32' | 'float16';

export interface RuntimeOptions {
  /** Execution providers in order of preference, e.g. ['webgpu'] or ['cpu']. */
  executionProviders?: string[];
  intraOpThreads?: number;
  interOpThreads?: number;
  /** Where K/V live between steps; default 'device' on WebGPU, else 'host'. */
  kvResidency?: Residency;
  /**
   * Which graph. Default on the CPU 'unfused'; on WebGPU 'fused' (FlashAttention, no [n, N] scores)
   * unless the adapter's FlashAttention is inexact and the unfused scores fit it (`webgpuAttention`).
   */
  attention?: Attention;
  /** The WebGPU adapter (probed by the node): a model whose tensors would pass its binding limit is refused. */
  adapter?: AdapterInfo;
  /** 'float16': the card's half-precision fused graph, caches in halves (device residency only). Default 'float32'. */
  dtype?: Precision;
}

/** Model rows a request runs: one image and its unconditional pair. */
const REQUEST_ROWS = 2;

export class OnnxDitModel implements DitModel {
  readonly kvTraffic: KvTraffic = { toHost: 0, toDevice: 0 };
  private readonly link: DeviceLink;
  private readonly deviceFetches: readonly string[];
  private readonly slots: readonly SlotNames[];
  private readonly fresh: { k: string[]; v: string[] };
  private readonly runFeeds: RunFeeds;
  private snapshots?: Promise<ort.InferenceSession>;
  /** Upload graphs by their inputs' types (one per model in practice: a run's constant feeds are fixed). */
  private readonly uploads = new Map<string, Promise<ort.InferenceSession>>();
  /** Bytes of run-constant feeds (conditioning, RoPE table) uploaded to the device: once per run with device K/V. */
  readonly condTraffic = { toDevice: 0 };

  private constructor(
    readonly card: ModelCard,
    private readonly session: ort.InferenceSession,
    /** The first provider is a GPU's: K/V on the host crosses a bus. */
    readonly onDevice: boolean,
    readonly residency: Residency,
    readonly attention: Attention,
    readonly dtype: Precision,
    private readonly provider: string,
  ) {
    // Every output, in the graph's order: onnxruntime-node 1.30 applies `preferredOutputLocation`
    // by position in the session's output list to the position in the fetch list, so fetching a
    // subset would bring some caches back to the host.
    this.deviceFetches = session.outputNames;
    this.slots = slotNames(card);
    this.fresh = freshOutputs(card);
    this.runFeeds = new RunFeeds(card, inputTypes(session));
    this.link = {
      live: 0,
      download: (k, v) => this.download(k, v),
      hostTensors: (kv, l, dims) => hostSlot(kv, l, dims, dtype),
    };
  }

  /** Loads a card and the graph the options choose; `name` defaults to the card's directory. */
  static async load(
    cardPath: string,
    opts: RuntimeOptions = {},
    name = basename(dirname(cardPath)),
  ): Promise<OnnxDitModel> {
    const card = parseCard(name, JSON.parse(await readFile(cardPath, 'utf8')));
    const providers = opts.executionProviders ?? ['cpu'];
    const onDevice = providers[0] === 'webgpu';
    const residency = opts.kvResidency ?? (onDevice ? 'device' : 'host');
    if (residency === 'device' && !onDevice) {
      throw new Error(`model ${name}: device-resident K/V needs the webgpu execution provider first`);
    }
    const dtype = opts.dtype ?? 'float32';
    const attention =
      opts.attention ??
      (!onDevice ? 'unfused' : dtype === 'float16' ? 'fused' : webgpuAttention(card, opts.adapter, REQUEST_ROWS));
    const graph = dtype === 'float16' ? card.graphs.fused_fp16 : card.graphs[attention];
    if (dtype === 'float16' && (residency !== 'device' || attention !== 'fused' || !graph)) {
      throw new Error(`model ${name}: float16 runs the card's fused_fp16 graph with device-resident K/V`);
    }
    const binding = largestBinding(card, attention, REQUEST_ROWS, maxTokens(card));
    if (opts.adapter && binding > opts.adapter.maxStorageBufferBindingSize) {
      throw new Error(
        `model ${name}: its ${attention} graph binds ${mib(binding)} at grid ${card.grid.max.join('x')}, ` +
          `more than ${opts.adapter.description} allows in one binding (${mib(opts.adapter.maxStorageBufferBindingSize)})`,
      );
    }
    const onDeviceOutputs: Record<string, 'gpu-buffer'> = {};
    if (residency === 'device') {
      // The fresh rows stay on the device too (unread): only the caches are fed back.
      const fresh = freshOutputs(card);
      for (const name of [...fresh.k, ...fresh.v]) onDeviceOutputs[name] = 'gpu-buffer';
      for (const names of slotNames(card)) {
        onDeviceOutputs[names.kAll] = 'gpu-buffer';
        onDeviceOutputs[names.vAll] = 'gpu-buffer';
      }
    }
    const session = await ort.InferenceSession.create(join(dirname(cardPath), graph!), {
      ...sessionOptions(providers, opts),
      preferredOutputLocation: onDeviceOutputs,
    }).catch((e) => {
      throw deviceError(e, providers[0]) ?? e;
    });
    const mismatch = slotMismatch(card, session.inputNames);
    if (mismatch) {
      await session.release();
      throw new Error(`model ${name}: ${graph}: ${mismatch}`);
    }
    return new OnnxDitModel(card, session, onDevice, residency, attention, dtype, providers[0]);
  }

  /** What fixes this model's pixels besides the recipe: the provider, the graph's attention and its dtype. */
  get backend(): { provider: string; attention: Attention; dtype: Precision } {
    return { provider: this.provider, attention: this.attention, dtype: this.dtype };
  }

  /** Device tensors held by unfinished runs (0 when every run was disposed). */
  get liveDeviceTensors(): number {
    return this.link.live;
  }

  createKv(rows: number, tokens: number): KvCaches {
    const heads = kvHeads(this.card);
    const hd = this.card.head_dim;
    if (this.residency === 'device') return new DeviceKv(this.link, this.slots, [rows, heads, tokens, hd]);
    return new HostKv(kvSlots(this.card), rows, heads, tokens, hd);
  }

  async run(i: ModelInputs, kv: KvCaches): Promise<ModelOutputs> {
    const constant = this.runFeeds.get(i.cond, gridTokens(kv), i.gridW);
    const feeds = { ...this.inputFeeds(i), ...constant };
    if (kv instanceof DeviceKv && kv.link === this.link) {
      const caches = kv.feeds();
      for (const t of Object.values(caches)) if (t.location === 'cpu') this.kvTraffic.toDevice += bytes(t);
      Object.assign(feeds, await kv.pinned(constant, () => this.upload(constant)));
      const out = await this.guarded(() => this.session.run({ ...feeds, ...caches }, this.deviceFetches));
      for (const name of [...this.fresh.k, ...this.fresh.v]) out[name].dispose();
      kv.adopt(out);
      return { v: out.v.type === 'float16' ? fromFloat16(out.v.data as Uint16Array) : (out.v.data as Float32Array) };
    }
    if (!(kv instanceof HostKv)) throw new Error('K/V caches were made by another model');
    const dims = [i.rows, kvHeads(this.card), kv.tokens, this.card.head_dim];
    this.slots.forEach((names, s) => {
      const t = hostSlot(kv, s, dims);
      feeds[names.k] = t.k;
      feeds[names.v] = t.v;
    });
    const out = await this.guarded(() => this.session.run(feeds, ['v', ...this.fresh.k, ...this.fresh.v]));
    const kNew = joined(this.fresh.k.map((name) => out[name].data as Float32Array));
    const vNew = joined(this.fresh.v.map((name) => out[name].data as Float32Array));
    if (this.onDevice) {
      this.kvTraffic.toDevice += kv.k.byteLength + kv.v.byteLength;
      this.kvTraffic.toHost += kNew.byteLength + vNew.byteLength;
    }
    kv.write(kNew, vNew, Int32Array.from(i.tokenIndex, Number), i.tokens);
    return { v: out.v.data as Float32Array };
  }

  async dispose(): Promise<void> {
    await this.session.release();
    if (this.snapshots) await (await this.snapshots).release();
    for (const session of this.uploads.values()) await (await session).release();
  }

  private inputFeeds(i: ModelInputs): Record<string, ort.Tensor> {
    const xDims = [i.rows, i.tokens, this.card.token_dim];
    return {
      x:
        this.dtype === 'float16'
          ? new ort.Tensor('float16', toFloat16(i.x), xDims)
          : new ort.Tensor('float32', i.x, xDims),
      token_index: new ort.Tensor('int64', i.tokenIndex, [i.rows, i.tokens]),
      timestep: new ort.Tensor('float32', i.timestep, [i.rows]),
      grid_w: new ort.Tensor('int64', BigInt64Array.of(BigInt(i.gridW)), [1]),
    };
  }

  /** Device copies of a run's floating-point constant feeds, by the upload graph on the model's device (counted). */
  private async upload(feeds: Record<string, ort.Tensor>): Promise<Record<string, ort.Tensor>> {
    const names = uploadable(feeds);
    if (!names.length) return {};
    const dtypes = names.map((n) => feeds[n].type as 'float32' | 'float16');
    const outputs = Object.fromEntries(names.map((_, j) => [`out_${j}`, 'gpu-buffer' as const]));
    const key = dtypes.join();
    if (!this.uploads.has(key))
      this.uploads.set(
        key,
        ort.InferenceSession.create(uploadGraph(dtypes), {
          executionProviders: [this.provider],
          logSeverityLevel: 3,
          preferredOutputLocation: outputs,
        }),
      );
    const session = await this.uploads.get(key)!;
    const out = await this.guarded(() => session.run(Object.fromEntries(names.map((n, j) => [`in_${j}`, feeds[n]]))));
    for (const n of names) this.condTraffic.toDevice += bytes(feeds[n]);
    return Object.fromEntries(names.map((n, j) => [n, out[`out_${j}`]]));
  }

  /** Every slot's K and V gathered to the host by the snapshot graph, on the model's device. */
  private async download(k: ort.Tensor[], v: ort.Tensor[]): Promise<KvArrays> {
    this.snapshots ??= ort.InferenceSession.create(snapshotGraph(this.slots.length, this.dtype), {
      executionProviders: [this.provider],
      logSeverityLevel: 3,
    });
    const session = await this.snapshots;
    const names = snapshotInputs(this.slots.length);
    const feeds = Object.fromEntries([...k, ...v].map((t, j) => [names[j], t]));
    const out = await this.guarded(() => session.run(feeds));
    for (const t of [...k, ...v]) if (t.location === 'gpu-buffer') this.kvTraffic.toHost += bytes(t);
    return { k: out.k.data as Float32Array, v: out.v.data as Float32Array };
  }

  /** Runs `f`, turning a device's out-of-memory or loss into the runtime's typed errors. */
  private async guarded<T>(f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      throw deviceError(e, this.provider) ?? e;
    }
  }
}

function sessionOptions(providers: string[], opts: RuntimeOptions): ort.InferenceSession.SessionOptions {
  return {
    executionProviders: providers,
    intraOpNumThreads: opts.intraOpThreads ?? 0,
    interOpNumThreads: opts.interOpThreads ?? 1,
    graphOptimizationLevel: 'all',
    // Errors only: the WebGPU provider warns on every load that shape ops run on the CPU (by design).
    logSeverityLevel: 3,
  };
}

/**
 * Slot `l` of stacked host caches as tensors [rows, heads, N, head_dim]: views, no copy, in
 * float32; converted for a half-precision graph.
 */
function hostSlot(
  kv: KvArrays,
  l: number,
  dims: number[],
  dtype: Precision = 'float32',
): { k: ort.Tensor; v: ort.Tensor } {
  const size = dims.reduce((a, b) => a * b, 1);
  const tensor = (a: Float32Array) =>
    dtype === 'float16' ? new ort.Tensor('float16', toFloat16(a), dims) : new ort.Tensor('float32', a, dims);
  return { k: tensor(kv.k.subarray(l * size, (l + 1) * size)), v: tensor(kv.v.subarray(l * size, (l + 1) * size)) };
}

/** The fresh rows of every slot in one array: `k_new` as it is, or followed by MMDiT-X's `k2_new`. */
function joined(parts: Float32Array[]): Float32Array {
  if (parts.length === 1) return parts[0];
  const all = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

/** Tokens in the run's grid: the caches' N. */
function gridTokens(kv: KvCaches): number {
  if (kv instanceof DeviceKv) return kv.dims[2];
  if (kv instanceof HostKv) return kv.tokens;
  throw new Error('K/V caches were made by another model');
}

const bytes = (t: ort.Tensor) => t.size * (t.type === 'float16' ? 2 : 4);
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
