/**
 * Serving: the same generation straight to a GPU node (gRPC-Web over fetch)
 * and through the edge worker (workerd via Miniflare, SSE), interleaved in one run
 * on real processes over loopback. Reports medians, the overhead ratio
 * (edge / direct; target ≤ 1.10) and the time to the first SSE event (target
 * ≤ 100 ms). Asserts nothing about time.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RasWebClient } from '@ras/shared';
import { type Child, startEdge, startGpuNode } from '../edge/scripts/processes';
import { EMBEDDED_MODEL } from '../gpu-node/bench/quality';

const API_KEY = 'bench-key';
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** A request's wall time, its time to the first event, and the node's own time for the run. */
interface Timed {
  ms: number;
  firstMs: number;
  nodeMs: number;
}

/** One generation through the edge as SSE: total time and time to the first event. */
async function viaEdge(url: string, body: object): Promise<Timed> {
  const t = performance.now();
  const res = await fetch(`${url}/v1/generations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`edge answered ${res.status}: ${await res.text()}`);
  let firstMs = Number.NaN;
  let text = '';
  const decoder = new TextDecoder();
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    if (Number.isNaN(firstMs)) firstMs = performance.now() - t;
    text += decoder.decode(chunk, { stream: true });
  }
  const ms = performance.now() - t;
  const complete = /event: complete\ndata: (.*)\n/.exec(text);
  if (!complete) throw new Error(`edge stream ended without complete:\n${text.slice(-500)}`);
  return { ms, firstMs, nodeMs: JSON.parse(complete[1]).timings.totalMs };
}

/** The same generation straight to the node. */
async function direct(client: RasWebClient, body: object): Promise<Timed> {
  const t = performance.now();
  let firstMs = Number.NaN;
  let nodeMs = Number.NaN;
  for await (const e of client.generate(body)) {
    if (Number.isNaN(firstMs)) firstMs = performance.now() - t;
    if (e.result) nodeMs = e.result.timings?.totalMs ?? Number.NaN;
  }
  return { ms: performance.now() - t, firstMs, nodeMs };
}

/** Starts one node and the edge, measures `repeats` interleaved pairs, stops both. */
export async function benchServing(quick: boolean, log: (s: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'ras-bench-serving-'));
  const token = randomBytes(16).toString('hex');
  const children: Child[] = [];
  try {
    const node = await startGpuNode({ port: 0, webPort: 0, token, cacheDir: join(dir, 'cache') });
    children.push(node.child);
    const edge = await startEdge({ port: 0, nodes: [node.webUrl], apiKeys: [API_KEY], nodeToken: token, dir });
    children.push(edge.child);
    const client = new RasWebClient(node.webUrl, { token });
    const names = (await client.listModels()).models.map((m) => m.name);
    const model = names.includes(EMBEDDED_MODEL) ? EMBEDDED_MODEL : 'test-tiny';
    const steps = quick ? 8 : 28;
    const repeats = quick ? 3 : 9;
    const body = (seed: number) => ({ model, condition: { classId: 1 }, seed, steps });
    await direct(client, body(1)); // warm-up: model load, JIT
    await viaEdge(edge.url, body(1));
    const d: Timed[] = [];
    const e: Timed[] = [];
    for (let rep = 0; rep < repeats; rep++) {
      d.push(await direct(client, body(10 + rep)));
      e.push(await viaEdge(edge.url, body(10 + rep)));
    }
    const directMs = median(d.map((x) => x.ms));
    const edgeMs = median(e.map((x) => x.ms));
    const row = {
      model,
      steps,
      repeats,
      direct_ms: round(directMs),
      edge_ms: round(edgeMs),
      overhead_ratio: round(edgeMs / directMs, 3),
      first_event_ms: round(median(e.map((x) => x.firstMs))),
      direct_first_event_ms: round(median(d.map((x) => x.firstMs))),
      // The node's own sampling time in each mode: a gap here is CPU contention, not the edge's path.
      direct_node_ms: round(median(d.map((x) => x.nodeMs))),
      edge_node_ms: round(median(e.map((x) => x.nodeMs))),
    };
    log(`serving ${JSON.stringify(row)}`);
    return row;
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}
