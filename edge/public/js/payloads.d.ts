// Generated from payloads.js by test/web/public-types.ts; do not edit.
/**
 * @typedef {import('../../../shared/src/http/generation').GenerationRequest} GenerationRequest
 * @typedef {import('../../../shared/src/http/edit').EditRequest} EditRequest
 * @typedef {import('../../../shared/src/http/responses').PreviewEvent} PreviewEvent
 * @typedef {import('../../../shared/src/http/responses').CompleteEvent} CompleteEvent
 */
/**
 * The condition as the API takes it: a prompt for a prompted model; a label
 * when the model names its classes, else a class id.
 * @param {string} value the control's value
 * @param {string[]} labels
 * @param {boolean} [prompted] the model takes prompts (`GET /v1/models`)
 * @returns {{ label: string } | { classId: number } | { prompt: string }}
 */
export function condition(
  value: string,
  labels: string[],
  prompted?: boolean,
):
  | {
      label: string;
    }
  | {
      classId: number;
    }
  | {
      prompt: string;
    };
/**
 * @typedef {{
 *   model: string, condition: string, labels: string[], prompted?: boolean, seed: number, steps: number,
 *   ratio: number, width?: number, height?: number,
 * }} GenerateForm
 */
/**
 * POST /v1/generations body: previews every step, so the focus map is shown for each.
 * @param {GenerateForm} f
 * @returns {GenerationRequest}
 */
export function generationBody(f: GenerateForm): GenerationRequest;
/**
 * @typedef {{
 *   version: number, rect: import('./selection.js').Rect, margin: number,
 *   condition: string, labels: string[], prompted?: boolean, seed: number,
 * }} EditForm
 */
/**
 * POST /v1/sessions/{id}/edits body.
 * @param {EditForm} f
 * @returns {EditRequest}
 */
export function editBody(f: EditForm): EditRequest;
/**
 * Bytes from base64 (the JSON form of proto bytes).
 * @param {string} value
 * @returns {Uint8Array}
 */
export function bytes(value: string): Uint8Array;
/**
 * An `<img>` source for base64 image bytes.
 * @param {string} data
 * @param {string} mime
 */
export function imageSrc(data: string, mime: string): string;
/**
 * A `preview` event's image and focus map.
 * @param {PreviewEvent} d
 */
export function readPreview(d: PreviewEvent): {
  step: number;
  src: string;
  width: number;
  height: number;
  focus: Uint8Array<ArrayBufferLike>;
  gridRows: number;
  gridCols: number;
};
/**
 * A `complete` event's result.
 * @param {CompleteEvent} d
 */
export function readResult(d: CompleteEvent): {
  sessionId: string;
  version: number;
  src: string;
  width: number;
  height: number;
  tokensRun: number;
  tokensTotal: number;
  speedup: number;
  totalMs: number;
  edgeMs: number;
  rehomed: boolean;
};
export type GenerationRequest = import('../../../shared/src/http/generation').GenerationRequest;
export type EditRequest = import('../../../shared/src/http/edit').EditRequest;
export type PreviewEvent = import('../../../shared/src/http/responses').PreviewEvent;
export type CompleteEvent = import('../../../shared/src/http/responses').CompleteEvent;
export type GenerateForm = {
  model: string;
  condition: string;
  labels: string[];
  prompted?: boolean;
  seed: number;
  steps: number;
  ratio: number;
  width?: number;
  height?: number;
};
export type EditForm = {
  version: number;
  rect: import('./selection.js').Rect;
  margin: number;
  condition: string;
  labels: string[];
  prompted?: boolean;
  seed: number;
};
