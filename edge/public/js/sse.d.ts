// Generated from sse.js by test/web/public-types.ts; do not edit.
/**
 * One dispatched event.
 * @typedef {{ event: string, data: string, id: string }} SseEvent
 */
/**
 * An incremental parser: feed it text chunks split anywhere (even between a
 * CR and its LF); it calls `onEvent` for each complete event.
 * @param {(event: SseEvent) => void} onEvent
 * @returns {{ push(chunk: string): void, end(): void }}
 */
export function createSseParser(onEvent: (event: SseEvent) => void): {
  push(chunk: string): void;
  end(): void;
};
/**
 * Reads a `text/event-stream` body to its end, yielding events as they arrive.
 * @param {ReadableStream<Uint8Array>} body
 * @returns {AsyncGenerator<SseEvent, void, undefined>}
 */
export function readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent, void, undefined>;
/**
 * One dispatched event.
 */
export type SseEvent = {
  event: string;
  data: string;
  id: string;
};
