/** Small HTTP and gRPC-Web helpers of the load and fault tests. */
import { request } from 'node:http';
import type { RasWebClient } from '@ras/shared';

/** A whole answer: status, body text and content type. */
export interface Answer {
  status: number;
  body: string;
  type: string;
}

/**
 * One request on a connection of its own, read to the end. fetch reuses idle
 * keep-alive connections, and on a busy machine it may pick one the server is
 * closing at that moment ("other side closed"): a race of the client's, not
 * an answer of the server's. A fresh connection that closes early is the
 * server's doing.
 */
export function requestFresh(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: init.method, headers: init.headers, agent: false, signal: init.signal },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            type: String(res.headers['content-type'] ?? ''),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** POSTs `body` as JSON to the edge at `url` with API key `key`. */
export function post(url: string, key: string, path: string, body: unknown, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${key}`);
  headers.set('content-type', 'application/json');
  return fetch(`${url}${path}`, { ...init, method: 'POST', headers, body: JSON.stringify(body) });
}

/**
 * Whether the node is sampling already (RAS_MAX_CONCURRENT=1): a one-step
 * probe is told it is queued (first event `queued`) instead of running. The
 * probe is cancelled either way.
 */
export async function isBusy(node: RasWebClient): Promise<boolean> {
  const stop = new AbortController();
  const probe = { model: 'test-tiny', condition: { classId: 0 }, seed: 1, steps: 1 };
  try {
    for await (const e of node.generate(probe, { timeoutMs: 10_000, signal: stop.signal })) return !!e.queued;
    return false;
  } finally {
    stop.abort();
  }
}
