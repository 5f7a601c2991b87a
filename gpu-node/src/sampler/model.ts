/**
 * What the sampler needs from a model: its card, per-run K/V caches it owns,
 * and one forward over a token subset (the RAS-ready contract,
 * docs/model-contract.md). The ONNX runtime adapter in `../runtime/`
 * implements it; tests may implement it in plain TypeScript.
 */

export interface ModelCard {
  name: string;
  family: string;
  patch: number;
  channels: number;
  token_dim: number;
  hidden: number;
  layers: number;
  /** MMDiT-X: the blocks with a second, image-only attention (`attn2`), ascending; each adds a K/V cache slot. */
  dual_attention_layers?: readonly number[];
  heads: number;
  /** Heads of the K/V caches where they are fewer than the query heads (grouped-query attention); absent: `heads`. */
  kv_heads?: number;
  head_dim: number;
  /** Output features per patch pixel where the model predicts more than `channels` (NextDiT: 8); absent: `channels`. */
  out_channels?: number;
  /** CFG guides channels [0, guidance_channels) only; absent: all. */
  guidance_channels?: number;
  grid: { default: [number, number]; min: [number, number]; max: [number, number] };
  /**
   * `input`: the timestep fed is σ·scale ("sigma", absent) or (1 − σ)·scale; `output`: the model predicts
   * the velocity ("velocity", absent) or data − noise, its negation (sampler/time.ts).
   */
  time: { scale: number; shift: number; input?: 'sigma' | 'one_minus_sigma'; output?: 'velocity' | 'data_minus_noise' };
  /** 2-D RoPE (NextDiT): the node feeds `rope_cos` / `rope_sin` for the grid (runtime/rope.ts). */
  rope?: { theta: number; max: [number, number]; default_grid: [number, number]; scaling_watershed: number };
  /** What conditions the model: class ids (`ras-ready-dit/2`) or a prompt's embeddings (`ras-ready/3`). */
  cond: ClassCond | PromptCond | NextditPromptCond;
  /** How tokens map to RGB without the decoder (previews; results in pixel space). */
  preview: RgbPreview | LinearPreview;
  recommended: { steps: number; guidance: number };
  /** `ras-ready/3`'s stages, as far as pixel sizes go: a latent decoder's scale (null or absent: tokens are pixels). */
  stages?: { decoder: { scale_factor: number } | null };
}

/** Pixel models: channels 0..2 are RGB, pixel = x · scale + offset in [0, 1]. */
export interface RgbPreview {
  kind: 'rgb';
  scale: number;
  offset: number;
}

/** Latent models: each latent pixel's C channels to RGB in [0, 1] (before clamping): matrix [3][C] · x + bias. */
export interface LinearPreview {
  kind: 'linear';
  matrix: [number[], number[], number[]];
  bias: [number, number, number];
}

export interface ClassCond {
  kind: 'class';
  num_classes: number;
  null: number;
  labels: string[] | null;
}

/** The MMDiT's prompt conditioning (its joint stream's widths). */
export interface PromptCond {
  kind: 'prompt';
  /** T: tokens per prompt after the tokenizer's padding. */
  text_tokens: number;
  joint_attention_dim: number;
  pooled_projection_dim: number;
  /** The prompt of the unconditional CFG row (SD3: the empty prompt). */
  negative: string;
}

/** The NextDiT's prompt conditioning (its cross-attention's widths). */
export interface NextditPromptCond {
  kind: 'prompt';
  /** T: the most tokens a prompt keeps (each is padded only to a multiple of the text entry's pad_to_multiple_of). */
  text_tokens: number;
  /** The text encoder's width (Gemma-2B: 2048). */
  cross_attention_dim: number;
  /** The prompt graph's `caption` width. */
  caption_dim: number;
  negative: string;
}

/** One named conditioning tensor, row-major. */
export interface CondTensor {
  type: 'float32' | 'int64';
  data: Float32Array | BigInt64Array;
  dims: readonly number[];
}

/**
 * The conditioning of model rows as a pipeline built it: graph inputs by name
 * (`cond` for a class DiT; `encoder_hidden_states`, `pooled_projections` for an
 * MMDiT). Opaque to the sampler, which only stacks rows; each tensor's first
 * dimension is the rows.
 */
export type Conditioning = Readonly<Record<string, CondTensor>>;

/** Inputs of one forward; arrays are row-major in the contract's shapes. */
export interface ModelInputs {
  /** [rows, n, token_dim] */
  x: Float32Array;
  /** [rows, n] */
  tokenIndex: BigInt64Array;
  /** [rows] */
  timestep: Float32Array;
  /** Every row's conditioning, stacked: first dimension `rows`. */
  cond: Conditioning;
  rows: number;
  /** n: tokens run per row */
  tokens: number;
  gridW: number;
}

export interface ModelOutputs {
  /** [rows, n, p²·out_channels] as the graph gives it: token_dim unless the card says otherwise (time.ts converts). */
  v: Float32Array;
}

/**
 * K/V cache slots: one per layer's attention, then one per dual layer's `attn2` (MMDiT-X), in
 * the card's order. Caches, trajectories and budgets count slots, never layers.
 */
export function kvSlots(card: Pick<ModelCard, 'layers' | 'dual_attention_layers'>): number {
  return card.layers + (card.dual_attention_layers?.length ?? 0);
}

/** Heads of the K/V caches: `kv_heads` where the card has it (grouped-query attention), else `heads`. */
export function kvHeads(card: Pick<ModelCard, 'heads' | 'kv_heads'>): number {
  return card.kv_heads ?? card.heads;
}

/** Host copies of every slot's K and V, [slots, rows, heads, N, head_dim] each (`kvSlots`). */
export interface KvArrays {
  k: Float32Array;
  v: Float32Array;
}

/**
 * The K/V caches of one run, owned by the model that made them: host arrays
 * on the CPU, device tensors on a GPU. A forward writes the fresh rows of the
 * tokens it ran; the rows of the other tokens stay as last computed.
 */
export interface KvCaches {
  readonly residency: 'host' | 'device';
  /** A host copy of the current caches, for a trajectory (counted where it crosses from a device). */
  snapshot(): Promise<KvArrays>;
  /** Starts over from `base`, keeping this cache's own rows for the tokens in `keep`. */
  rebase(base: KvArrays, keep: Int32Array): Promise<void>;
  /** Frees what the caches hold; the run is over. Safe to call twice. */
  dispose(): void;
}

/** K/V bytes that crossed between host and device, both ways. */
export interface KvTraffic {
  toHost: number;
  toDevice: number;
}

export interface DitModel {
  readonly card: ModelCard;
  /** Zeroed caches for `rows` model rows over a grid of `tokens`. */
  createKv(rows: number, tokens: number): KvCaches;
  /** One forward; writes the caches in place (the RAS-ready contract). */
  run(inputs: ModelInputs, kv: KvCaches): Promise<ModelOutputs>;
  /** Totals since load, for the bench and the tests (host-only models move nothing). */
  readonly kvTraffic: KvTraffic;
}
