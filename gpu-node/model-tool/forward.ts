/**
 * `model forward`: a model directory's served transformer graph run dense
 * (every token, zero caches) on diffusers-named inputs, its output written as
 * diffusers' transformer returns `sample`: [B, C, H, W], float32. The MMDiT
 * family (SD3Transformer2DModel) runs through the node's own runtime adapter;
 * the NextDiT family (LuminaNextDiT2DModel) through its prompt and transformer
 * graphs (nextdit-forward.ts).
 */
import { basename, join, resolve } from 'node:path';
import { parseCard } from '../src/runtime/card';
import { type Attention, OnnxDitModel } from '../src/runtime/onnx-model';
import { readCardJson } from './card-json';
import { denseForward } from './forward-inputs';
import { unpatchify } from './latents';
import { nextditForward } from './nextdit-forward';
import { readSafetensors, writeSafetensors } from './safetensors';
import { fromFloat32 } from './tensor-values';

export interface ForwardOptions {
  inputs: string;
  out: string;
  /** Which of the card's graphs: spelled-out attention (the CPU's default) or fused. */
  attention: Attention;
  /** onnxruntime's intra-op threads; 0 lets it choose. */
  threads: number;
}

export interface ForwardResult {
  shape: number[];
  graph: string;
  ms: number;
}

/** Runs the forward and writes `sample`. */
export async function forward(dir: string, opts: ForwardOptions): Promise<ForwardResult> {
  const cardPath = join(dir, 'model.json');
  const name = basename(resolve(dir));
  const card = parseCard(name, await readCardJson(cardPath));
  if (card.format === 'ras-ready/3' && card.family === 'nextdit') return nextditForward(dir, card, opts);
  const { inputs, batch, height, width } = denseForward(card, await readSafetensors(opts.inputs), opts.inputs);
  const model = await OnnxDitModel.load(cardPath, { attention: opts.attention, intraOpThreads: opts.threads }, name);
  const kv = model.createKv(batch, inputs.tokens);
  try {
    const start = performance.now();
    const { v } = await model.run(inputs, kv);
    const ms = performance.now() - start;
    const shape = [batch, card.channels, height, width];
    const sample = unpatchify(v, { batch, channels: card.channels, height, width, patch: card.patch });
    const graph = card.graphs[opts.attention];
    await writeSafetensors(
      opts.out,
      { sample: fromFloat32(sample, shape) },
      { model: name, graph, provider: 'cpu', format: 'pt' },
    );
    return { shape, graph, ms };
  } finally {
    kv.dispose();
    await model.dispose();
  }
}
