// Server-Sent Events read from a fetch() body. EventSource cannot POST or send
// an Authorization header, so the page parses the stream itself, following the
// WHATWG "event stream interpretation" rules (html.spec.whatwg.org, §9.2.6).

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
export function createSseParser(onEvent) {
  let buffer = '';
  let started = false;
  let eventType = '';
  let data = '';
  let hasData = false;
  let lastId = '';

  /** @param {string} line */
  function processLine(line) {
    if (line === '') {
      if (hasData) onEvent({ event: eventType || 'message', data, id: lastId });
      eventType = '';
      data = '';
      hasData = false;
      return;
    }
    if (line.startsWith(':')) return; // a comment (keep-alive)
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventType = value;
    else if (field === 'data') {
      data = hasData ? `${data}\n${value}` : value;
      hasData = true;
    } else if (field === 'id' && !value.includes('\0')) lastId = value;
    // `retry` only matters to a reconnecting EventSource; other fields are ignored.
  }

  return {
    push(chunk) {
      buffer += chunk;
      if (!started && buffer.length > 0) {
        started = true;
        if (buffer.charCodeAt(0) === 0xfeff) buffer = buffer.slice(1);
      }
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c !== '\n' && c !== '\r') continue;
        // A CR as the chunk's last character may be the first half of CRLF: wait for more.
        if (c === '\r' && i === buffer.length - 1) break;
        processLine(buffer.slice(start, i));
        if (c === '\r' && buffer[i + 1] === '\n') i++;
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
    end() {
      // A lone CR left at the very end still ends its line; an unterminated
      // last line is discarded, as is an event without its blank line.
      if (buffer.endsWith('\r')) processLine(buffer.slice(0, -1));
      buffer = '';
    },
  };
}

/**
 * Reads a `text/event-stream` body to its end, yielding events as they arrive.
 * @param {ReadableStream<Uint8Array>} body
 * @returns {AsyncGenerator<SseEvent, void, undefined>}
 */
export async function* readSse(body) {
  /** @type {SseEvent[]} */
  const queue = [];
  const parser = createSseParser((e) => queue.push(e));
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        break;
      }
      parser.push(decoder.decode(value, { stream: true }));
      while (queue.length > 0) yield/** @type {SseEvent} */ (queue.shift());
    }
    parser.push(decoder.decode());
    parser.end();
    while (queue.length > 0) yield/** @type {SseEvent} */ (queue.shift());
  } finally {
    // A consumer that stops early cancels the body, so the server stops working.
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
