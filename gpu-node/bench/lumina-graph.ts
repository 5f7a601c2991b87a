/**
 * A converted NextDiT (Lumina-Next) model's graphs run straight through their I/O
 * (docs/model-contract.md, "Lumina-Next in latent space"), for the gpu section's rows: these
 * time the transformer as the contract defines it, not the node's nextdit pipeline (another part
 * of issue 20), as gpu-reference.ts times PyTorch's forward. WebGPU, K/V on the device:
 *
 * - the prompt graph runs once per model, on random Gemma features for a CFG pair (the image's
 *   prompt fills all T text tokens, the negative 8); its per-layer text K/V stay on the device
 *   (cast there for the fp16 graph) and every step reads them: no prompt tensor crosses per step;
 * - the caches are the node's own `DeviceKv`: each step's `k_all_<l>` / `v_all_<l>` fed back.
 *
 * It answers to what `measure` (gpu.ts) calls, as `OnnxDitModel` does; it takes no snapshots.
 */
import { dirname, join } from 'node:path';
import ort from 'onnxruntime-node';
import { DeviceKv } from '../src/runtime/device-kv';
import { fromFloat16, toFloat16 } from '../src/runtime/float16.js';
import { castGraph } from '../src/runtime/kv-graph';
import { slotNames } from '../src/runtime/kv-slots';
import type { Attention, Precision } from '../src/runtime/onnx-model';
import type { KvCaches, KvTraffic, ModelInputs, ModelOutputs } from '../src/sampler/model';
import { gaussian } from '../src/sampler/rng';
import { type NextDitCard, readNextDitCard, ropeTable } from './lumina-card';

/** Model rows of every prompt conditioning made here: the CFG pair the section times. */
const ROWS = 2;
/** Tokens of the negative prompt's row; the rest of its T is padding (mask 0). */
const NEGATIVE_TOKENS = 8;

export class LuminaGraphModel {
  readonly kvTraffic: KvTraffic = { toHost: 0, toDevice: 0 };
  readonly residency = 'device';
  private readonly link = {
    live: 0,
    download: (): never => {
      throw new Error('the Lumina bench rows take no K/V snapshots');
    },
    hostTensors: (kv: { k: Float32Array; v: Float32Array }, s: number, dims: number[]) => {
      const size = dims.reduce((a, b) => a * b, 1);
      return {
        k: this.tensor(kv.k.subarray(s * size, (s + 1) * size), dims),
        v: this.tensor(kv.v.subarray(s * size, (s + 1) * size), dims),
      };
    },
  };
  private readonly rope = new Map<string, Record<string, ort.Tensor>>();

  private constructor(
    readonly card: NextDitCard,
    private readonly session: ort.InferenceSession,
    private readonly prompt: Record<string, ort.Tensor>,
    readonly attention: Attention,
    readonly dtype: Precision,
  ) {}

  /** Loads `cardPath`'s graph for `attention` and `dtype` and runs its prompt graph once. */
  static async load(cardPath: string, attention: Attention, dtype: Precision): Promise<LuminaGraphModel> {
    const card = readNextDitCard(cardPath);
    const file = dtype === 'float16' ? card.graphs.fused_fp16 : card.graphs[attention];
    if (dtype === 'float16' && attention !== 'fused') throw new Error(`${cardPath}: float16 is the fused graph only`);
    const outputs = ['k_new', 'v_new', ...slotNames(card).flatMap((s) => [s.kAll, s.vAll])];
    const session = await ort.InferenceSession.create(join(dirname(cardPath), file), {
      executionProviders: ['webgpu'],
      graphOptimizationLevel: 'all',
      logSeverityLevel: 3,
      preferredOutputLocation: Object.fromEntries(outputs.map((name) => [name, 'gpu-buffer' as const])),
    });
    const half = session.inputMetadata.find((m) => m.name === 'text_k_0');
    const textType = half?.isTensor && half.type === 'float16' ? 'float16' : 'float32';
    const prompt = await encodePrompt(card, join(dirname(cardPath), card.prompt), textType);
    return new LuminaGraphModel(card, session, prompt, attention, dtype);
  }

  createKv(rows: number, tokens: number): KvCaches {
    if (rows !== ROWS) throw new Error(`the Lumina bench rows run a CFG pair (${ROWS} rows), not ${rows}`);
    return new DeviceKv(this.link, slotNames(this.card), [rows, this.card.kv_heads, tokens, this.card.head_dim]);
  }

  async run(i: ModelInputs, kv: KvCaches): Promise<ModelOutputs> {
    if (!(kv instanceof DeviceKv) || kv.link !== this.link) throw new Error('K/V caches were made by another model');
    const caches = kv.feeds();
    for (const t of Object.values(caches)) if (t.location === 'cpu') this.kvTraffic.toDevice += t.size * this.bytes;
    const feeds = {
      x: this.tensor(i.x, [i.rows, i.tokens, this.card.token_dim]),
      token_index: new ort.Tensor('int64', i.tokenIndex, [i.rows, i.tokens]),
      timestep: new ort.Tensor('float32', i.timestep, [i.rows]),
      grid_w: new ort.Tensor('int64', BigInt64Array.of(BigInt(i.gridW)), [1]),
      ...this.ropeFeeds(kv.dims[2], i.gridW),
      ...this.prompt,
      ...caches,
    };
    const out = await this.session.run(feeds, this.session.outputNames);
    out.k_new.dispose();
    out.v_new.dispose();
    kv.adopt(out);
    return { v: out.v.type === 'float16' ? fromFloat16(out.v.data as Uint16Array) : (out.v.data as Float32Array) };
  }

  async dispose(): Promise<void> {
    for (const t of Object.values(this.prompt)) if (t.location === 'gpu-buffer') t.dispose();
    await this.session.release();
  }

  private get bytes(): number {
    return this.dtype === 'float16' ? 2 : 4;
  }

  private tensor(data: Float32Array, dims: number[]): ort.Tensor {
    return this.dtype === 'float16'
      ? new ort.Tensor('float16', toFloat16(data), dims)
      : new ort.Tensor('float32', data, dims);
  }

  /** `rope_cos` / `rope_sin` of a grid of `tokens` tokens `gridW` wide, made once per grid. */
  private ropeFeeds(tokens: number, gridW: number): Record<string, ort.Tensor> {
    const key = `${tokens / gridW}x${gridW}`;
    let feeds = this.rope.get(key);
    if (!feeds) {
      const { cos, sin, dims } = ropeTable(this.card, tokens / gridW, gridW);
      feeds = { rope_cos: new ort.Tensor('float32', cos, dims), rope_sin: new ort.Tensor('float32', sin, dims) };
      this.rope.set(key, feeds);
    }
    return feeds;
  }
}

/**
 * The prompt graph's outputs for a random CFG pair: `caption` and `text_mask` on the host,
 * every `text_k_<l>` / `text_v_<l>` on the device, in `textType` (cast there from float32).
 */
async function encodePrompt(card: NextDitCard, file: string, textType: Precision): Promise<Record<string, ort.Tensor>> {
  const t = card.textTokens;
  const features = new Float32Array(ROWS * t * card.crossDim);
  gaussian(17, 0, features);
  const mask = BigInt64Array.from({ length: ROWS * t }, (_, j) => (j < t || j - t < NEGATIVE_TOKENS ? 1n : 0n));
  const textNames = ['k', 'v'].flatMap((kv) => Array.from({ length: card.layers }, (_, l) => `text_${kv}_${l}`));
  const session = await ort.InferenceSession.create(file, {
    executionProviders: ['webgpu'],
    logSeverityLevel: 3,
    preferredOutputLocation: Object.fromEntries(textNames.map((name) => [name, 'gpu-buffer' as const])),
  });
  const out = await session.run(
    {
      encoder_hidden_states: new ort.Tensor('float32', features, [ROWS, t, card.crossDim]),
      encoder_mask: new ort.Tensor('int64', mask, [ROWS, t]),
    },
    session.outputNames,
  );
  await session.release();
  const missing = textNames.find((name) => out[name]?.location !== 'gpu-buffer');
  if (missing) throw new Error(`${file}: ${missing} did not come back on the device`);
  const text =
    textType === 'float16'
      ? await castOnDevice(textNames.map((name) => out[name]))
      : textNames.map((name) => out[name]);
  return {
    caption: out.caption,
    text_mask: new ort.Tensor('int64', mask, [ROWS, t]),
    ...Object.fromEntries(textNames.map((name, j) => [name, text[j]])),
  };
}

/** Device tensors in float16, cast on the device; the float32 ones are freed. */
async function castOnDevice(tensors: ort.Tensor[]): Promise<ort.Tensor[]> {
  const outputs = tensors.map((_, j) => `out_${j}`);
  const session = await ort.InferenceSession.create(castGraph(tensors.length, 'float32', 'float16'), {
    executionProviders: ['webgpu'],
    logSeverityLevel: 3,
    preferredOutputLocation: Object.fromEntries(outputs.map((name) => [name, 'gpu-buffer' as const])),
  });
  const out = await session.run(Object.fromEntries(tensors.map((t, j) => [`in_${j}`, t])), outputs);
  await session.release();
  for (const t of tensors) t.dispose();
  return outputs.map((name) => out[name]);
}
