/**
 * `model forward` for the NextDiT family (Lumina-Next): a model directory's
 * graphs run dense on the CPU on diffusers-named inputs, the output written as
 * diffusers' `LuminaNextDiT2DModel(...).sample` returns it: [B, out_channels,
 * H, W], float32 (docs/model-contract.md, "Parity tool"; docs/lumina.md).
 *
 * The node's prompt stage (pipelines/prompt-graph.ts) turns each row's
 * `encoder_hidden_states` + `encoder_mask` into the caption embedding and
 * every layer's text K/V; the node's runtime adapter (runtime/onnx-model.ts)
 * runs the card's transformer graph on every token of the grid (zero caches at
 * kv_heads: with all tokens run they do not matter) with the grid's RoPE
 * table at scaling factor 1 (runtime/rope.ts with linear and NTK factors 1):
 * the table a caller of the model passes when it builds `image_rotary_emb`
 * with `get_2d_rotary_pos_embed_lumina`'s defaults. (The node's sampler scales
 * it for grids other than the card's default, as diffusers' pipeline does.)
 */
import { join } from 'node:path';
import { PromptGraph } from '../src/pipelines/prompt-graph';
import type { NextditCardFile } from '../src/runtime/card';
import { OnnxDitModel } from '../src/runtime/onnx-model';
import { ropeTable } from '../src/runtime/rope';
import { stackRows } from '../src/sampler/conditioning';
import type { Conditioning, ModelCard, ModelInputs } from '../src/sampler/model';
import { sizeOf } from './disk';
import type { ForwardOptions, ForwardResult } from './forward';
import { patchify, unpatchify } from './latents';
import { type NextditInputs, nextditInputs } from './nextdit-inputs';
import { readSafetensors, writeSafetensors } from './safetensors';
import { fromFloat32 } from './tensor-values';

/** A parsed NextDiT card (`parseCard` with `family: "nextdit"`). */
export type NextditCard = NextditCardFile & ModelCard;

/** Runs the forward and writes `sample`. */
export async function nextditForward(dir: string, card: NextditCard, opts: ForwardOptions): Promise<ForwardResult> {
  const inputs = nextditInputs(card, await readSafetensors(opts.inputs), opts.inputs);
  const graph = card.graphs[opts.attention];
  existing(dir, card, graph);
  const prompt = await PromptGraph.load(existing(dir, card, card.stages.prompt), card);
  try {
    const model = await OnnxDitModel.load(
      join(dir, 'model.json'),
      { attention: opts.attention, intraOpThreads: opts.threads },
      card.name,
    );
    const [gh, gw] = inputs.grid;
    const kv = model.createKv(inputs.batch, gh * gw);
    try {
      const start = performance.now();
      const cond = {
        ...(await encodeRows(prompt, inputs, card.cond.cross_attention_dim)),
        ...unscaledRope(card, inputs),
      };
      const { v } = await model.run(tokenInputs(card, inputs, cond), kv);
      const ms = performance.now() - start;
      return await writeSample(card, inputs, v, { ...opts, graph, ms });
    } finally {
      kv.dispose();
      await model.dispose();
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

/** The path of one of the card's files, refused by name when it is not there. */
function existing(dir: string, card: NextditCard, file: string): string {
  if (!sizeOf(join(dir, file))) throw new Error(`model ${card.name}: ${file} is missing from ${dir}`);
  return join(dir, file);
}

/** The grid's RoPE table at scaling factor 1, as conditioning the adapter feeds in place of its own (run-feeds.ts). */
function unscaledRope(card: NextditCard, i: NextditInputs): Conditioning {
  const rope = ropeTable(card, i.grid, { linear: 1, ntk: 1 });
  return {
    rope_cos: { type: 'float32', data: rope.cos, dims: rope.dims },
    rope_sin: { type: 'float32', data: rope.sin, dims: rope.dims },
  };
}

/** Every token of the grid in order, patchified (features (py, px, c)), with the timestep and `cond`. */
function tokenInputs(card: NextditCard, i: NextditInputs, cond: Conditioning): ModelInputs {
  const n = i.grid[0] * i.grid[1];
  const shape = { batch: i.batch, channels: card.channels, height: i.height, width: i.width, patch: card.patch };
  return {
    x: patchify(i.latents, shape),
    tokenIndex: BigInt64Array.from({ length: i.batch * n }, (_, k) => BigInt(k % n)),
    timestep: i.timestep,
    cond,
    rows: i.batch,
    tokens: n,
    gridW: i.grid[1],
  };
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
