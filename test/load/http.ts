/** Small HTTP and gRPC-Web helpers of the load and fault tests. */
import type { RasWebClient } from '@ras/shared';

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
