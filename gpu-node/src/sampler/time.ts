/**
 * A model family's time convention (the card's `time`, docs/model-contract.md):
 * what timestep the transformer takes at σ, and how its output becomes the
 * sampler's velocity v = ε − x₀. Absent keys are SD3's convention: σ · scale
 * in, the velocity out. Lumina-Next (diffusers' `LuminaText2ImgPipeline`)
 * takes Lumina time 1 − σ and predicts data − noise over 8 channels
 * (`learn_sigma`), of which the pipeline keeps 4 and negates
 * (`noise_pred = -noise_pred`).
 */
import type { ModelCard } from './model';

/** The model's timestep input at noise level σ. */
export function modelTimestep(time: ModelCard['time'], sigma: number): number {
  return (time.input === 'one_minus_sigma' ? 1 - sigma : sigma) * time.scale;
}

/** Whether `toVelocity` changes anything for this card (it returns its input as it is otherwise). */
export function convertsOutput(card: Pick<ModelCard, 'time' | 'channels' | 'out_channels'>): boolean {
  return card.time.output === 'data_minus_noise' || (card.out_channels ?? card.channels) !== card.channels;
}

/**
 * The sampler's velocity [tokens, p²·channels] from the model output `v` [tokens, p²·out_channels]
 * (features (py, px, c) both): the first `channels` of each patch pixel's features, negated when the
 * model predicts data − noise.
 */
export function toVelocity(
  card: Pick<ModelCard, 'time' | 'channels' | 'out_channels' | 'patch'>,
  v: Float32Array,
): Float32Array {
  if (!convertsOutput(card)) return v;
  const C = card.channels;
  const O = card.out_channels ?? C;
  const pixels = v.length / O;
  if (!Number.isInteger(pixels / (card.patch * card.patch)))
    throw new Error(`the model output's ${v.length} values are not tokens of ${card.patch ** 2}·${O} features`);
  const sign = card.time.output === 'data_minus_noise' ? -1 : 1;
  const out = new Float32Array(pixels * C);
  for (let p = 0; p < pixels; p++) for (let c = 0; c < C; c++) out[p * C + c] = sign * v[p * O + c];
  return out;
}
