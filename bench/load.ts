/**
 * Load (docs/design.md#scale, issue 6): N clients against the edge in front of real
 * GPU nodes for a bounded time, each request ending as a result, a clean
 * rejection (429 / 503 with Retry-After) or "lost" (anything else: another
 * status, a stream without `complete`, a timeout). Node memory is the RSS of
 * the node processes (/proc/<pid>/status). `driveLoad` is shared with
 * test/load; the bench section measures 4× one node's admission capacity.
 * Asserts nothing about time.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Child, linkModels, startEdge, startGpuNode } from '../edge/scripts/processes';

/**
 * RSS allowed above the session memory budget: Node + V8 + tsx + onnxruntime + the models a node
 * loads (~177 MiB at ready with the models committed on 2026-12-04), in-flight runs and GC
 * slack. The load test's peaks spread 254–292 MiB over 12 runs that day (before and after that
 * day's changes alike), so 256 (a 288 MiB bound) failed now and then on noise; an unbounded memory
 * tier peaks at ~510 MiB and still fails. A node loads every model of its models root at start,
 * so the load runs serve `LOAD_MODEL` alone (a models root of it, processes.ts's `linkModels`): the committed root grew with the
 * scenes model (208 MiB at ready on 2026-12-07, against 158 with test-tiny alone; with it the
 * load test peaked at 324.7 MiB and failed) and the bound is about the session tier, not about
 * what else the repository commits. With test-tiny alone the test peaked at 239.9 and 242.5 MiB
 * (2026-12-07, two runs); the bound keeps its value.
 */
export const RSS_CONSTANT_MB = 288;

/** The model the load runs drive (32×32 px: 256 tokens, ~3 MiB of trajectory per session). */
export const LOAD_MODEL = 'test-tiny';

/** How a request ended. */
export type Outcome = 'completed' | 'busy' | 'rate_limited' | 'lost';

/** What to drive. */
export interface LoadOptions {
  /** The edge's base URL. */
  url: string;
  /** One API key per client (the rate limit counts per key). */
  keys: string[];
  seconds: number;
  /** The generation body of client `c`'s `i`-th request (edits alternate with generations). */
  body(c: number, i: number): Record<string, unknown>;
  /** Processes whose RSS is watched (the GPU nodes). */
  pids: number[];
  /** A request still running after this is lost (default 60 s). */
  requestTimeoutMs?: number;
}

/** The measurement (bench.json's `load` section, plus the lost requests' reasons). */
export interface LoadResult {
  clients: number;
  seconds: number;
  completed: number;
  rejected: number;
  busy: number;
  rate_limited: number;
  lost: number;
  p50_ms: number;
  p95_ms: number;
  throughput_rps: number;
  rss_peak_mb: number;
  lostReasons: string[];
}

/** A number from /proc/<pid>/status in MiB (VmRSS, VmHWM: kB there); 0 once the process is gone. */
export function procStatusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return kb ? Number(kb[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : Number.NaN;
const round = (x: number) => Math.round(x * 10) / 10;

/** One request's end: its outcome, why when lost, the session it made, Retry-After in s. */
interface Ended {
  outcome: Outcome;
  reason?: string;
  sessionId?: string;
  retryS?: number;
}

/** Sends one request and classifies how it ended. */
async function attempt(url: string, key: string, path: string, body: object, timeoutMs: number): Promise<Ended> {
  const sse = 'stream' in body && body.stream === true;
  try {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    if (res.status === 429 || res.status === 503) {
      const retry = res.headers.get('retry-after') ?? '';
      const clean = /^\d+$/.test(retry) && JSON.parse(text)?.error?.code;
      if (!clean) return { outcome: 'lost', reason: `${res.status} without Retry-After or error body: ${text}` };
      return { outcome: res.status === 429 ? 'rate_limited' : 'busy', retryS: Number(retry) };
    }
    if (res.status !== 200) return { outcome: 'lost', reason: `${res.status}: ${text.slice(0, 300)}` };
    const complete = sse ? /event: complete\ndata: (.*)\n/.exec(text)?.[1] : text;
    const result = complete ? JSON.parse(complete) : undefined;
    if (!result?.png || !result.sessionId)
      return { outcome: 'lost', reason: `200 without a result: ${text.slice(-300)}` };
    return { outcome: 'completed', sessionId: result.sessionId };
  } catch (e) {
    return { outcome: 'lost', reason: `${path}: ${(e as Error).message}` };
  }
}

/** Runs `keys.length` clients for `seconds`; each alternates a generation and an edit of its last session. */
export async function driveLoad(o: LoadOptions): Promise<LoadResult> {
  const timeoutMs = o.requestTimeoutMs ?? 60_000;
  const counts: Record<Outcome, number> = { completed: 0, busy: 0, rate_limited: 0, lost: 0 };
  const latencies: number[] = [];
  const lostReasons: string[] = [];
  let rssPeak = 0;
  const watch = () => {
    for (const pid of o.pids) rssPeak = Math.max(rssPeak, procStatusMb(pid, 'VmRSS'));
  };
  const timer = setInterval(watch, 100);
  const started = performance.now();
  const end = started + o.seconds * 1000;
  const client = async (c: number) => {
    let session: string | undefined;
    for (let i = 0; performance.now() < end; i++) {
      const edit = session !== undefined && i % 2 === 1;
      const path = edit ? `/v1/sessions/${session}/edits` : '/v1/generations';
      const body = edit ? { rects: [{ x: 0, y: 0, width: 8, height: 8 }], seed: i, stream: c % 2 === 0 } : o.body(c, i);
      const t = performance.now();
      const ended = await attempt(o.url, o.keys[c], path, body, timeoutMs);
      counts[ended.outcome]++;
      if (ended.outcome === 'completed') {
        latencies.push(performance.now() - t);
        session = ended.sessionId;
      } else if (ended.outcome === 'lost') lostReasons.push(ended.reason!);
      // A polite client waits as told (capped, so the run stays bounded); no retry storm.
      if (ended.retryS !== undefined) await new Promise((r) => setTimeout(r, Math.min(ended.retryS! * 1000, 2000)));
    }
  };
  try {
    await Promise.all(o.keys.map((_, c) => client(c)));
  } finally {
    clearInterval(timer);
  }
  watch();
  const elapsedS = (performance.now() - started) / 1000;
  for (const pid of o.pids) rssPeak = Math.max(rssPeak, procStatusMb(pid, 'VmHWM'));
  latencies.sort((a, b) => a - b);
  return {
    clients: o.keys.length,
    seconds: round(elapsedS),
    completed: counts.completed,
    rejected: counts.busy + counts.rate_limited,
    busy: counts.busy,
    rate_limited: counts.rate_limited,
    lost: counts.lost,
    p50_ms: round(percentile(latencies, 0.5)),
    p95_ms: round(percentile(latencies, 0.95)),
    throughput_rps: round(counts.completed / elapsedS),
    rss_peak_mb: round(rssPeak),
    lostReasons,
  };
}

/** One node (1 running + 3 queued) and the edge; 4× that capacity in clients. */
export async function benchLoad(quick: boolean, log: (s: string) => void) {
  const [maxConcurrent, maxQueue, memoryMb] = [1, 3, 64];
  const dir = mkdtempSync(join(tmpdir(), 'ras-bench-load-'));
  const token = randomBytes(16).toString('hex');
  const keys = Array.from({ length: 4 * (maxConcurrent + maxQueue) }, (_, i) => `load-key-${i}`);
  const children: Child[] = [];
  try {
    const env = {
      RAS_MAX_CONCURRENT: String(maxConcurrent),
      RAS_MAX_QUEUE: String(maxQueue),
      RAS_SESSION_MEMORY_BYTES: String(memoryMb * 2 ** 20),
      RAS_SESSION_DISK_BYTES: String(4 * memoryMb * 2 ** 20),
      RAS_MODELS_DIR: linkModels(join(dir, 'models'), [LOAD_MODEL]),
    };
    const node = await startGpuNode({ port: 0, webPort: 0, token, cacheDir: join(dir, 'cache'), env });
    children.push(node.child);
    const edge = await startEdge({ port: 0, nodes: [node.webUrl], apiKeys: keys, nodeToken: token, dir });
    children.push(edge.child);
    const body = (c: number, i: number) => {
      const seed = c * 1000 + i;
      return { model: LOAD_MODEL, condition: { classId: seed % 4 }, seed, steps: 8, width: 32, height: 32 };
    };
    const { lostReasons, ...row } = await driveLoad({
      url: edge.url,
      keys,
      seconds: quick ? 15 : 60,
      body: (c, i) => ({ ...body(c, i), stream: c % 2 === 0 }),
      pids: [node.child.proc.pid!],
    });
    const result = {
      ...row,
      rss_budget_mb: memoryMb + RSS_CONSTANT_MB,
      max_concurrent: maxConcurrent,
      max_queue: maxQueue,
    };
    log(`load ${JSON.stringify(result)}${lostReasons.length ? `\nlost: ${lostReasons.slice(0, 5).join('\n')}` : ''}`);
    return result;
  } finally {
    await Promise.all(children.map((c) => c.stop('SIGKILL')));
    rmSync(dir, { recursive: true, force: true });
  }
}
