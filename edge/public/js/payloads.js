// Request bodies the page sends and the event payloads it reads, in the edge
// API's JSON shapes (shared/src/http: proto ras.v1 field names in camelCase,
// bytes as base64). The types come from there; the browser ignores them.

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
export function condition(value, labels, prompted = false) {
  if (prompted) return { prompt: value };
  return labels.length > 0 ? { label: value } : { classId: Number(value) };
}

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
export function generationBody(f) {
  return {
    model: f.model,
    condition: condition(f.condition, f.labels, f.prompted),
    seed: f.seed,
    steps: f.steps,
    ...(f.width && f.height ? { width: f.width, height: f.height } : {}),
    ras: { ratio: f.ratio },
    preview: { every: 1, format: 'png' },
  };
}

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
export function editBody(f) {
  return {
    version: f.version,
    rects: [f.rect],
    margin: f.margin,
    condition: condition(f.condition, f.labels, f.prompted),
    seed: f.seed,
    preview: { every: 1, format: 'png' },
  };
}

/**
 * Bytes from base64 (the JSON form of proto bytes).
 * @param {string} value
 * @returns {Uint8Array}
 */
export function bytes(value) {
  const bin = atob(value);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * An `<img>` source for base64 image bytes.
 * @param {string} data
 * @param {string} mime
 */
export function imageSrc(data, mime) {
  return `data:${mime};base64,${data}`;
}

/**
 * A `preview` event's image and focus map.
 * @param {PreviewEvent} d
 */
export function readPreview(d) {
  return {
    step: d.step,
    src: imageSrc(d.image, d.mime),
    width: d.width,
    height: d.height,
    focus: bytes(d.focus),
    gridRows: d.gridRows,
    gridCols: d.gridCols,
  };
}

/**
 * A `complete` event's result.
 * @param {CompleteEvent} d
 */
export function readResult(d) {
  return {
    sessionId: d.sessionId,
    version: d.version,
    src: imageSrc(d.png, 'image/png'),
    width: d.width,
    height: d.height,
    tokensRun: d.tokensRun,
    tokensTotal: d.tokensTotal,
    speedup: d.speedup,
    totalMs: d.timings.totalMs,
    edgeMs: d.timings.edgeMs,
    rehomed: d.rehomed,
  };
}
