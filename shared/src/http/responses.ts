/**
 * What the edge answers (docs/design.md#http-api): JSON bodies, and the data of each
 * Server-Sent Event (`event: <name>` + `data: <json>`). Bytes are base64.
 * A non-streaming request gets the `complete` payload as its JSON body.
 */
import type { EditRecipe } from './edit';
import type { Recipe } from './generation';

/** `event: queued` — the request waits for a sampling slot. */
export interface QueuedEvent {
  /** Requests ahead of this one (0: next). */
  position: number;
}

/** `event: progress` — a sampling step finished. */
export interface ProgressEvent {
  /** 0-based index of the finished step. */
  step: number;
  steps: number;
  kind: 'dense' | 'ras';
  /** Tokens run through the model at this step, of `tokens`. */
  tokensRun: number;
  tokens: number;
  stepMs: number;
}

/** `event: preview` — the predicted clean image after a step, and where RAS looked. */
export interface PreviewEvent {
  step: number;
  /** Encoded image, base64 (`data:${mime};base64,${image}` displays it). */
  image: string;
  mime: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  /** Focus map, base64 of gridRows·gridCols bytes, row-major: 1 = computed at this step. */
  focus: string;
  gridRows: number;
  gridCols: number;
}

/** Where the time went, in milliseconds. */
export interface Timings {
  /** Waiting for a sampling slot on the node. */
  queueMs: number;
  /** On the node, from admission to the result. */
  totalMs: number;
  /** Each step's wall time on the node. */
  stepMs: number[];
  /** At the edge, from the request to the result. */
  edgeMs: number;
}

/** `event: complete` (and the JSON body without streaming) — the finished image. */
export interface CompleteEvent {
  sessionId: string;
  /** 1 for a generation; each edit counts up. */
  version: number;
  /** The image as PNG, base64. */
  png: string;
  width: number;
  height: number;
  timings: Timings;
  /** Token evaluations run, and what dense sampling would have run. */
  tokensRun: number;
  tokensTotal: number;
  /** Speedup estimate vs dense sampling: tokensTotal / tokensRun. */
  speedup: number;
  /** True when the session moved to another node for this edit (rebuilt by replay). */
  rehomed: boolean;
  /**
   * Why the image may not be what was asked, as in the `x-ras-warning`
   * header: a size the model was not trained at, or an edit that ran on
   * another backend than the session's versions (its pixels differ
   * slightly). Absent when there is nothing to say.
   */
  warning?: string;
}

/** The error body of every 4xx/5xx, and the `event: error` data. */
export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string };
}

/** Machine-readable error codes. */
export type ApiErrorCode =
  | 'invalid_argument'
  | 'unauthenticated'
  | 'not_found'
  | 'failed_precondition'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'node_error'
  | 'unavailable'
  | 'deadline_exceeded'
  | 'cancelled'
  | 'internal';

/** One version of a session as `GET /v1/sessions/{id}` lists it. */
export interface SessionVersion {
  version: number;
  /** The version it was edited from (absent for version 1). */
  parent?: number;
  /** The edit that made it (absent for version 1). */
  edit?: EditRecipe;
  createdAt: string;
}

/** `GET /v1/sessions/{id}`. */
export interface SessionView {
  sessionId: string;
  model: string;
  /** Everything needed to replay version 1 (seed filled in). */
  recipe: Recipe;
  versions: SessionVersion[];
  createdAt: string;
}

/** One model of `GET /v1/models`. */
export interface ModelView {
  name: string;
  /** Class labels, index = class id (empty when the model names none). */
  labels: string[];
  width: number;
  height: number;
  /** Width and height must be multiples of it. */
  patch: number;
  recommendedSteps: number;
  recommendedGuidance: number;
  /** Whether the model takes `condition: {prompt}` rather than a class id or label. */
  prompted: boolean;
  /** Sizes the model serves well (empty: none, a test model); other sizes may come out as noise. */
  sizes: { width: number; height: number }[];
}

/** `GET /v1/models`. */
export interface ModelsView {
  models: ModelView[];
}

/** SSE event names, in the order they can arrive. */
export type StreamEventName = 'queued' | 'progress' | 'preview' | 'complete' | 'error';
