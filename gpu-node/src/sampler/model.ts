/**
 * What the sampler needs from a model: its card and one forward over a token
 * subset (the RAS-ready contract of DESIGN.md §4). The ONNX runtime adapter in
 * `../runtime/` implements it; tests may implement it in plain TypeScript.
 */

export interface ModelCard {
  name: string;
  family: string;
  patch: number;
  channels: number;
  token_dim: number;
  hidden: number;
  layers: number;
  heads: number;
  head_dim: number;
  grid: { default: [number, number]; min: [number, number]; max: [number, number] };
  time: { scale: number; shift: number };
  cond: { kind: 'class'; num_classes: number; null: number; labels: string[] | null };
  preview: { kind: 'rgb'; scale: number; offset: number };
  recommended: { steps: number; guidance: number };
}

/** Inputs of one forward; arrays are row-major in the contract's shapes. */
export interface ModelInputs {
  /** [rows, n, token_dim] */
  x: Float32Array;
  /** [rows, n] */
  tokenIndex: BigInt64Array;
  /** [rows] */
  timestep: Float32Array;
  /** [rows] */
  cond: BigInt64Array;
  /** [layers, rows, heads, N, head_dim] each */
  kCache: Float32Array;
  vCache: Float32Array;
  rows: number;
  /** n: tokens run per row */
  tokens: number;
  /** N: tokens in the grid */
  gridTokens: number;
  gridW: number;
}

export interface ModelOutputs {
  /** [rows, n, token_dim] */
  v: Float32Array;
  /** [layers, rows, heads, n, head_dim] each */
  kNew: Float32Array;
  vNew: Float32Array;
}

export interface DitModel {
  readonly card: ModelCard;
  run(inputs: ModelInputs): Promise<ModelOutputs>;
}
