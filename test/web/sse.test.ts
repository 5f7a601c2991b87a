import { describe, expect, it } from 'vitest';
import { createSseParser, readSse, type SseEvent } from '../../edge/public/js/sse.js';

function parse(chunks: string[]): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = createSseParser((e) => events.push(e));
  for (const c of chunks) parser.push(c);
  parser.end();
  return events;
}

/** Every way to split `text` into two chunks. */
function everySplit(text: string): string[][] {
  return Array.from({ length: text.length + 1 }, (_, i) => [text.slice(0, i), text.slice(i)]);
}

function body(chunks: string[]): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return new ReadableStream({
    start(c) {
      for (const chunk of chunks) c.enqueue(enc.encode(chunk));
      c.close();
    },
  });
}

describe('SSE parser', () => {
  it('dispatches named events with their data', () => {
    const text = 'event: progress\ndata: {"step":0}\n\nevent: complete\ndata: {"version":1}\n\n';
    expect(parse([text])).toEqual([
      { event: 'progress', data: '{"step":0}', id: '' },
      { event: 'complete', data: '{"version":1}', id: '' },
    ]);
  });

  it('gives the same events however the stream is split, with LF, CRLF or CR line ends', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `event: preview${eol}data: a${eol}data: b${eol}${eol}: keep-alive${eol}data: c${eol}${eol}`;
      const expected = [
        { event: 'preview', data: 'a\nb', id: '' },
        { event: 'message', data: 'c', id: '' },
      ];
      for (const split of everySplit(text)) expect(parse(split), JSON.stringify(split)).toEqual(expected);
      expect(parse([...text])).toEqual(expected);
    }
  });

  it('ignores comments, unknown fields and events without data; strips one leading space only', () => {
    const text = ': hello\nretry: 10\nfoo: bar\nevent: queued\n\ndata:  two spaces\ndata\n\n';
    expect(parse([text])).toEqual([{ event: 'message', data: ' two spaces\n', id: '' }]);
  });

  it('drops a byte-order mark and an unterminated last event', () => {
    expect(parse(['\uFEFFdata: x\n\ndata: half'])).toEqual([{ event: 'message', data: 'x', id: '' }]);
  });

  it('keeps the last event id', () => {
    expect(parse(['id: 7\ndata: a\n\ndata: b\n\n']).map((e) => e.id)).toEqual(['7', '7']);
  });

  it('reads events from a byte stream, including multi-byte characters split across chunks', async () => {
    const bytes = new TextEncoder().encode('event: error\ndata: {"message":"Zu groß ×"}\n\n');
    const cut = bytes.indexOf(0xc3) + 1; // inside "ß"
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes.slice(0, cut));
        c.enqueue(bytes.slice(cut));
        c.close();
      },
    });
    const events: SseEvent[] = [];
    for await (const e of readSse(stream)) events.push(e);
    expect(events).toEqual([{ event: 'error', data: '{"message":"Zu groß ×"}', id: '' }]);
  });

  it('cancels the body when the reader stops early', async () => {
    let cancelled = false;
    const enc = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        c.enqueue(enc.encode('data: tick\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const e of readSse(stream)) {
      expect(e.data).toBe('tick');
      break;
    }
    expect(cancelled).toBe(true);
  });

  it('yields events as they arrive, before the stream ends', async () => {
    let more: (() => void) | undefined;
    const enc = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(enc.encode('data: first\n\n'));
        more = () => {
          c.enqueue(enc.encode('data: second\n\n'));
          c.close();
        };
      },
    });
    const it = readSse(stream);
    expect((await it.next()).value).toMatchObject({ data: 'first' });
    more?.();
    expect((await it.next()).value).toMatchObject({ data: 'second' });
    expect((await it.next()).done).toBe(true);
  });

  it('ends with the stream, flushing a last event ended by a lone CR', async () => {
    const events: SseEvent[] = [];
    for await (const e of readSse(body(['data: a\r', '\r']))) events.push(e);
    expect(events).toEqual([{ event: 'message', data: 'a', id: '' }]);
  });
});
