/**
 * What the command-line client asks of a server, whichever it talks to: the
 * edge's HTTP API (`http.ts`) or a GPU node over native gRPC (`grpc.ts`).
 */

/** A class label ("red circle") or a class id; a prompt for a prompted model. */
export type Condition = { label: string } | { classId: number } | { prompt: string };

/** A pixel rectangle on the image (the server snaps it to tokens). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GenerateArgs {
  model: string;
  condition: Condition;
  seed?: number;
  steps?: number;
  width?: number;
  height?: number;
  ratio?: number;
  /** A preview every this many steps; 0 for none. */
  previewEvery: number;
}

export interface EditArgs {
  sessionId: string;
  rects: Rect[];
  version?: number;
  margin?: number;
  condition?: Condition;
  seed?: number;
  previewEvery: number;
}

/** What a run reports while it works. */
export interface RunEvents {
  onQueued(position: number): void;
  onProgress(p: { step: number; steps: number; tokensRun: number; tokens: number }): void;
  onPreview(p: { step: number; image: Uint8Array; mime: string }): void;
  /** The server's warning about the request (e.g. a size the model was not trained at). */
  onWarning(text: string): void;
}

export interface RunResult {
  sessionId: string;
  version: number;
  png: Uint8Array;
  width: number;
  height: number;
  tokensRun: number;
  tokensTotal: number;
  totalMs: number;
}

export interface SessionInfo {
  sessionId: string;
  model: string;
  versions: number[];
  recipe: object;
}

export interface ModelInfo {
  name: string;
  labels: string[];
  /** Takes a prompt rather than a class label or id. */
  prompted: boolean;
  width: number;
  height: number;
  sizes: { width: number; height: number }[];
}

/** One server. Failures reject with an Error whose message is one line for the user. */
export interface Backend {
  generate(args: GenerateArgs, events: RunEvents, signal: AbortSignal): Promise<RunResult>;
  edit(args: EditArgs, events: RunEvents, signal: AbortSignal): Promise<RunResult>;
  session(id: string): Promise<SessionInfo>;
  models(): Promise<ModelInfo[]>;
  close(): void;
}
