/**
 * `model forward` for the NextDiT family (Lumina-Next): a model directory's
 * graphs run dense on the CPU on diffusers-named inputs, the output written as
 * diffusers' `LuminaNextDiT2DModel(...).sample` returns it: [B, out_channels,
 * H, W], float32 (docs/model-contract.md, "Parity tool"; docs/lumina.md).
 *
 * The node's prompt stage (pipelines/prompt-graph.ts) turns each row's
 * `encoder_hidden_states` + `encoder_mask` into the caption embedding and
 * every layer's text K/V; the transformer graph runs every token of the grid
 * (zero caches: with all tokens run they do not matter) with the grid's RoPE
 * table at scaling factor 1 (runtime/rope.ts with linear and NTK factors 1):
 * the table a caller of the model passes when it builds `image_rotary_emb`
 * with `get_2d_rotary_pos_embed_lumina`'s defaults. (The node's sampler scales
 * it for grids other than the card's default, as diffusers' pipeline does.)
 */
import { join } from 'node:path';
import ort from 'onnxruntime-node';
import { PromptGraph, textKvNames } from '../src/pipelines/prompt-graph';
import type { NextditCardFile } from '../src/runtime/card';
import { ropeTable } from '../src/runtime/rope';
import { stackRows } from '../src/sampler/conditioning';
import type { Conditioning, ModelCard } from '../src/sampler/model';
import { sizeOf } from './disk';
import type { ForwardOptions, ForwardResult } from './forward';
import { patchify, unpatchify } from './latents';
import { type NextditInputs, nextditInputs } from './nextdit-inputs';
import { readSafetensors, writeSafetensors } from './safetensors';
import { fromFloat32 } from './tensor-values';

/** A parsed NextDiT card (`parseCard` with `family: "nextdit"`). */
export type NextditCard = NextditCardFile & ModelCard;

/** The transformer graph's inputs besides the text K/V and the caches (docs/model-contract.md). */
const HEAD = ['x', 'token_index', 'timestep', 'caption', 'text_mask', 'rope_cos', 'rope_sin', 'grid_w'];

/** Runs the forward and writes `sample`. */
export async function nextditForward(dir: string, card: NextditCard, opts: ForwardOptions): Promise<ForwardResult> {
  const inputs = nextditInputs(card, await readSafetensors(opts.inputs), opts.inputs);
  const graph = card.graphs[opts.attention];
  const caches = [...layerNames(card, 'k_cache'), ...layerNames(card, 'v_cache')];
  const prompt = await PromptGraph.load(existing(dir, card, card.stages.prompt), card);
  try {
    const transformer = await open(dir, card, graph, [...HEAD, ...textKvNames(card.layers), ...caches], opts.threads);
    try {
      const start = performance.now();
      const cond = await encodeRows(prompt, inputs, card.cond.cross_attention_dim);
      const feeds: Record<string, ort.Tensor> = { ...tokenFeeds(card, inputs), ...zeroCaches(card, inputs, caches) };
      for (const [name, t] of Object.entries(cond)) feeds[name] = new ort.Tensor(t.type, t.data, [...t.dims]);
      const { v } = await transformer.run(feeds, ['v']);
      const ms = performance.now() - start;
      return await writeSample(card, inputs, v.data as Float32Array, { ...opts, graph, ms });
    } finally {
      await transformer.release();
    }
  } finally {
    await prompt.dispose();
  }
}

/** Each row through the prompt graph, stacked: caption, text_mask and every layer's text K/V. */
async function encodeRows(prompt: PromptGraph, i: NextditInputs, width: number): Promise<Conditioning> {
  const T = i.textTokens;
  const rows: Conditioning[] = [];
  for (let b = 0; b < i.batch; b++) {
    const hidden = i.text.subarray(b * T * width, (b + 1) * T * width);
    rows.push(await prompt.encode({ hidden, mask: i.mask.subarray(b * T, (b + 1) * T), tokens: T }));
  }
  return stackRows(rows);
}

/** `k_cache_<l>` (or another prefix) for every layer. */
const layerNames = (card: NextditCard, prefix: string) =>
  Array.from({ length: card.layers }, (_, l) => `${prefix}_${l}`);

/** The path of one of the card's files, refused by name when it is not there. */
function existing(dir: string, card: NextditCard, file: string): string {
  if (!sizeOf(join(dir, file))) throw new Error(`model ${card.name}: ${file} is missing from ${dir}`);
  return join(dir, file);
}

/** A CPU session of the transformer graph, refused by name when it lacks an input the forward feeds or `v`. */
async function open(dir: string, card: NextditCard, file: string, inputs: string[], threads: number) {
  const session = await ort.InferenceSession.create(existing(dir, card, file), {
    executionProviders: ['cpu'],
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
    logSeverityLevel: 3,
  });
  const missing = inputs.filter((n) => !session.inputNames.includes(n));
  if (!session.outputNames.includes('v')) missing.push('output v');
  if (missing.length) {
    await session.release();
    throw new Error(`model ${card.name}: ${file} lacks ${missing.join(', ')}: not the NextDiT graph the card names`);
  }
  return session;
}

/** Every token of the grid in order (patchified, features (py, px, c)), the timestep and the grid's RoPE table. */
function tokenFeeds(card: NextditCard, i: NextditInputs): Record<string, ort.Tensor> {
  const [gh, gw] = i.grid;
  const n = gh * gw;
  const shape = { batch: i.batch, channels: card.channels, height: i.height, width: i.width, patch: card.patch };
  const rope = ropeTable(card, [gh, gw], { linear: 1, ntk: 1 });
  return {
    x: new ort.Tensor('float32', patchify(i.latents, shape), [i.batch, n, card.token_dim]),
    token_index: new ort.Tensor(
      'int64',
      BigInt64Array.from({ length: i.batch * n }, (_, k) => BigInt(k % n)),
      [i.batch, n],
    ),
    timestep: new ort.Tensor('float32', i.timestep, [i.batch]),
    rope_cos: new ort.Tensor('float32', rope.cos, rope.dims),
    rope_sin: new ort.Tensor('float32', rope.sin, rope.dims),
    grid_w: new ort.Tensor('int64', BigInt64Array.of(BigInt(gw)), [1]),
  };
}

/** Zero self-attention caches [B, kv_heads, N, head_dim] per layer. */
function zeroCaches(card: NextditCard, i: NextditInputs, names: string[]): Record<string, ort.Tensor> {
  const dims = [i.batch, card.kv_heads, i.grid[0] * i.grid[1], card.head_dim];
  const size = dims.reduce((a, b) => a * b, 1);
  return Object.fromEntries(names.map((name) => [name, new ort.Tensor('float32', new Float32Array(size), dims)]));
}

/** `v` [B, N, p·p·out_channels] (features (py, px, c)) as `sample` [B, out_channels, H, W], written F32. */
async function writeSample(
  card: NextditCard,
  i: NextditInputs,
  v: Float32Array,
  o: ForwardOptions & { graph: string; ms: number },
): Promise<ForwardResult> {
  const c = card.out_channels;
  const shape = [i.batch, c, i.height, i.width];
  const sample = unpatchify(v, { batch: i.batch, channels: c, height: i.height, width: i.width, patch: card.patch });
  const meta = { model: card.name, graph: o.graph, prompt_graph: card.stages.prompt, provider: 'cpu', format: 'pt' };
  await writeSafetensors(o.out, { sample: fromFloat32(sample, shape) }, meta);
  return { shape, graph: o.graph, ms: o.ms };
}
