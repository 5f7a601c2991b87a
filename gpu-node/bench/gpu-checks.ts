/**
 * The gpu section's checks beside its timings: how far float16's images are from float32's, how
 * far each WebGPU graph's forward is from the CPU provider's; and the random step inputs both
 * use with the timings (a CFG pair).
 */
import { meanPsnr } from '../src/eval/psnr';
import type { AdapterInfo } from '../src/runtime/adapter';
import { largestBinding } from '../src/runtime/limits';
import { OnnxDitModel } from '../src/runtime/onnx-model';
import { classCond, classConditioning, stackRows } from '../src/sampler/conditioning';
import type { Conditioning, DitModel, ModelInputs } from '../src/sampler/model';
import { sample } from '../src/sampler/sampler';
import { resolveRequest, type SampleRequest } from '../src/sampler/settings';
import type { GpuSection } from './gpu';
import type { GpuConfig } from './gpu-models';
import { isNextdit, randomNextditConditioning } from './nextdit-cond';
import { randomPromptConditioning } from './prompt-cond';

/** Model rows of every timed step: a CFG pair. */
export const ROWS = 2;

/** PSNR of one RAS generation (a CFG pair, r = 0.25) in half precision against float32. */
export async function halfVsFull(card: string, name: string, tokens: number, log: (s: string) => void) {
  const side = Math.round(Math.sqrt(tokens));
  const base = { seeds: [3], steps: 12, guidance: 2, grid: [side, side] as [number, number], ras: { ratio: 0.25 } };
  let req: SampleRequest | undefined;
  const images = [];
  for (const dtype of ['float32', 'float16'] as const) {
    const model = await OnnxDitModel.load(card, { executionProviders: ['webgpu'], dtype });
    // A prompt's random embeddings (an MMDiT's, a NextDiT's through its prompt graph), made once: both precisions see the same.
    req ??=
      model.card.cond.kind === 'prompt'
        ? { ...base, conditioning: await promptRows(model, card) }
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
export async function attentionVsCpu(
  card: string,
  config: GpuConfig,
  adapter: AdapterInfo,
  log: (s: string) => void,
): Promise<GpuSection['numerics'][number]> {
  const [name, tokens] = [config.model.name, config.tokens[0]];
  const forward = async (opts: Parameters<typeof OnnxDitModel.load>[1], inputs?: ModelInputs) => {
    const model = await OnnxDitModel.load(card, { kvResidency: 'host', ...opts });
    const x =
      inputs ?? stepInputs(model, tokens, tokens, Math.round(Math.sqrt(tokens)), await stepConditioning(model, card));
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

/** A prompt's random rows: an MMDiT's embeddings, or a NextDiT's through its prompt graph (`card`'s). */
function promptRows(model: OnnxDitModel, card: string) {
  return isNextdit(model) ? randomNextditConditioning(model, card) : Promise.resolve(randomPromptConditioning(model));
}

/** A CFG pair's conditioning: class 1 and the null class, or a prompt's random rows and the negative's. */
export async function stepConditioning(model: OnnxDitModel, card: string): Promise<Conditioning> {
  if (model.card.cond.kind === 'prompt') {
    const { images, negative } = await promptRows(model, card);
    return stackRows([...images, negative]);
  }
  return stackRows([classConditioning(1), classConditioning(classCond(model.card).null)]);
}

/** Inputs of one step over `n` of `tokens` tokens (the same random subset for both rows). */
export function stepInputs(model: DitModel, tokens: number, n: number, gridW: number, cond: Conditioning): ModelInputs {
  const order = Array.from({ length: tokens }, (_, j) => j).sort(() => Math.random() - 0.5);
  const chosen = order.slice(0, n).sort((a, b) => a - b);
  const dim = model.card.token_dim;
  return {
    x: Float32Array.from({ length: ROWS * n * dim }, () => Math.random() * 2 - 1),
    tokenIndex: BigInt64Array.from({ length: ROWS * n }, (_, k) => BigInt(chosen[k % n])),
    // σ = 0.5 in the card's convention: σ·1000 (DiT, MMDiT) or Lumina time 1 − σ (NextDiT).
    timestep: new Float32Array(ROWS).fill(model.card.time.input === 'one_minus_sigma' ? 0.5 : 500),
    cond,
    rows: ROWS,
    tokens: n,
    gridW,
  };
}
