/**
 * A model family's pipeline (docs/design.md#pipelines), diffusers' way: which
 * stages it has, how a request's condition becomes the transformer's
 * conditioning, and how final tokens become pixels. The sampler never sees
 * it: it gets the transformer through the model seam and the conditioning as
 * opaque tensors. One file per family; the card's format chooses
 * (`registry.ts`).
 */
import type { ConditioningSet } from '../sampler/conditioning';
import type { DitModel, ModelCard } from '../sampler/model';
import type { RgbImage } from '../sampler/tokens';

/** A condition as a request gives it: a class id, a label the card lists, or a prompt. */
export type ConditionInput = number | string | { prompt: string };

/** A condition as a recipe keeps it, resolved: a class id, or a prompt. */
export type Condition = number | { prompt: string };

/** The stages a family's pipeline runs, in order; `null` where the family has none. */
export interface Stages {
  /** The text encoders' files, in order (a null pair: an absent encoder); [] for a class model. */
  text: { name: string; tokenizer: string | null; encoder: string | null }[];
  /** The NextDiT family's prompt graph (the text K/V once per prompt); absent elsewhere. */
  prompt?: string;
  transformer: string;
  /** A latent decoder (a VAE); null in pixel space, where tokens are pixels. */
  decoder: string | null;
}

/** `M`: the transformer's type (the runtime's adapter in the node, a fake in tests). */
export interface Pipeline<M extends DitModel = DitModel> {
  readonly card: ModelCard;
  /** The transformer, with RAS and its K/V residency: the only stage the sampler runs. */
  readonly transformer: M;
  readonly stages: Stages;
  /** What `condition` takes: class ids and labels, or prompts. */
  readonly takes: 'class' | 'prompt';
  /** The unconditional CFG row's condition (the null class; the empty prompt). */
  readonly negative: Condition;
  /** `value` checked and resolved; a SamplerConfigError on `field` naming what is wrong. */
  condition(field: string, value: ConditionInput): Condition;
  /** What the user should know about `cond` (e.g. a prompt cut at an encoder's length); [] for nothing. */
  warnings(cond: Condition): string[];
  /** The conditioning of each image's condition and of the negative row; each distinct prompt encoded once. */
  conditioning(images: Condition[], negative: Condition): Promise<ConditioningSet>;
  /** Image `b` of final tokens [B, N, token_dim] as pixels (the decoder stage; tokens are pixels without one). */
  decode(grid: [number, number], tokens: Float32Array, b: number): Promise<RgbImage>;
}
