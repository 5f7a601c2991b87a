/**
 * Server-Sent Events read from a fetch body as they arrive, each stamped
 * with its arrival time and the network read that completed it.
 */

/** One event as received. */
export interface ReceivedEvent {
  event: string;
  // biome-ignore lint/suspicious/noExplicitAny: test payloads are checked field by field
  data: any;
  /** performance.now() when its last byte arrived. */
  at: number;
  /** Index of the body read that completed it. */
  read: number;
}

/** Parses `res`'s SSE body incrementally; stops when the body ends. */
export async function* readSse(res: Response): AsyncGenerator<ReceivedEvent> {
  if (!res.body) throw new Error('no body');
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (let read = 0; ; read++) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += value;
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = block
        .split('\n')
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n');
      yield { event, data: JSON.parse(data), at: performance.now(), read };
      end = buffer.indexOf('\n\n');
    }
  }
}

/** Every event of `res`. */
export async function allEvents(res: Response): Promise<ReceivedEvent[]> {
  const out: ReceivedEvent[] = [];
  for await (const e of readSse(res)) out.push(e);
  return out;
}
