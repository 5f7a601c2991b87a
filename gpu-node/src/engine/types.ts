/**
 * The node's engine as the transports (gRPC, gRPC-Web) see it: validated
 * parameters in, progress events and a result out. Transport-free; every
 * failure is an EngineError with a status code from the closed set below.
 */
import type { ConditionInput } from '../pipelines/pipeline';
import type { RasSettings } from '../sampler/settings';

/** The node's closed set of failure codes (gRPC status names, docs/design.md#errors). */
export type EngineCode =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'PERMISSION_DENIED'
  | 'FAILED_PRECONDITION'
  | 'RESOURCE_EXHAUSTED'
  | 'DEADLINE_EXCEEDED'
  | 'CANCELLED'
  | 'UNAVAILABLE'
  | 'UNAUTHENTICATED'
  | 'INTERNAL';

export class EngineError extends Error {
  override readonly name = 'EngineError';
  constructor(
    readonly code: EngineCode,
    message: string,
    /** The request field at fault, for INVALID_ARGUMENT. */
    readonly field?: string,
    /** For RESOURCE_EXHAUSTED / UNAVAILABLE: when to retry. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/**
 * How a node runs a model: what fixes a sample's exact pixels besides its
 * recipe. Equal backends sample a recipe to the same pixels; different ones
 * differ slightly (docs/sessions.md, "Re-homing"). Strings, not the runtime's
 * unions: a session state may come from a node that knows other values.
 */
export interface Backend {
  /** The onnxruntime execution provider that runs the graph: "cpu", "webgpu", ... */
  provider: string;
  /** The graph's attention: "unfused" or "fused". */
  attention: string;
  /** The graph's number format: "float32" or "float16". */
  dtype: string;
}

/** What a generation is made from; also the session's replayable recipe. */
export interface GenerateParams {
  model: string;
  /** Class id, a label the model card lists ("red circle"), or a prompt for a prompted model. */
  cond: ConditionInput;
  /** Negative / null condition for CFG; the card's null class (or negative prompt) when absent. */
  negative?: ConditionInput;
  guidance?: number;
  seed: number;
  steps?: number;
  /** Pixels; must be a multiple of the pixels per token (patch × a decoder's scale) and within the card's grid. */
  width?: number;
  height?: number;
  ras?: Partial<RasSettings>;
}

export interface PreviewOptions {
  /** Every k steps (0: no previews). */
  every: number;
  /** Longest side in pixels of the preview image. */
  maxSide?: number;
  format?: 'png' | 'jpeg';
}

/** A pixel rectangle; edits snap it to whole tokens and dilate it. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface EditParams {
  sessionId: string;
  /** Version to edit (default: the latest). */
  version?: number;
  rects?: Rect[];
  /** Alternatively a mask: one byte per pixel, non-zero = edit. */
  mask?: { width: number; height: number; data: Uint8Array };
  /** Dilation margin in tokens (default 1). */
  margin?: number;
  /** The region's new condition (a prompt: what the region should hold); default the session's. */
  cond?: ConditionInput;
  seed?: number;
  ras?: Partial<RasSettings>;
  /** Re-homing: a session state from an earlier result, adopted when this node lacks the session. */
  restoreState?: Uint8Array;
}

export type EngineEvent =
  | { type: 'queued'; position: number }
  | {
      type: 'progress';
      step: number;
      steps: number;
      kind: 'dense' | 'ras';
      tokensRun: number;
      tokens: number;
      stepMs: number;
    }
  | {
      type: 'preview';
      step: number;
      image: Uint8Array;
      mime: string;
      width: number;
      height: number;
      /** [rows·cols] 1 where the token was computed at this step. */
      focus: Uint8Array;
      gridRows: number;
      gridCols: number;
    };

export interface GenerateResult {
  sessionId: string;
  version: number;
  png: Uint8Array;
  width: number;
  height: number;
  timings: { queueMs: number; totalMs: number; stepMs: number[] };
  tokensRun: number;
  tokensTotal: number;
  /** Opaque session state (recipe + edits) for re-homing the session elsewhere. */
  sessionState: Uint8Array;
  /** How this version was sampled (the node's backend for the model). */
  backend: Backend;
  /** What the user should know about the answer (e.g. a prompt cut at a text encoder's length); [] for nothing. */
  warnings: string[];
}

export interface SessionInfo {
  sessionId: string;
  model: string;
  versions: number[];
  recipe: GenerateParams;
  createdAt: number;
  /** The backend that sampled the latest version; absent when unknown (adopted from an older state). */
  backend?: Backend;
}

export interface ModelInfo {
  name: string;
  labels: string[];
  width: number;
  height: number;
  /** Pixels per token side (patch × a latent decoder's scale factor): sizes and regions are multiples of it. */
  patch: number;
  recommendedSteps: number;
  recommendedGuidance: number;
  /** Whether the model takes prompts (`condition: {prompt}`) rather than class ids and labels. */
  prompted: boolean;
  /** Sizes the model serves well (its card's `sizes`); empty: none. */
  sizes: { width: number; height: number }[];
  /** How this node runs it. */
  backend: Backend;
}

export interface RunOptions {
  signal?: AbortSignal;
  preview?: PreviewOptions;
  onEvent?: (e: EngineEvent) => void;
}

export interface Engine {
  listModels(): Promise<ModelInfo[]>;
  generate(params: GenerateParams, opts?: RunOptions): Promise<GenerateResult>;
  edit(params: EditParams, opts?: RunOptions): Promise<GenerateResult>;
  getSession(id: string): Promise<SessionInfo>;
  deleteSession(id: string): Promise<void>;
}
