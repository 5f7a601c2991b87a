/**
 * Child processes for `npm start`, the end-to-end tests and the benches: a
 * GPU node (`gpu-node/src/main.ts`) and the edge worker in workerd
 * (`edge/scripts/serve.ts`), each ready only once it says so (its ready line,
 * and for the worker then /healthz) — never after a fixed sleep.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

/** A started process, its output lines, and how to stop it. */
export class Child {
  readonly lines: string[] = [];
  private readonly watchers = new Set<(line: string) => void>();
  readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    readonly proc: ChildProcess,
    echo?: (line: string) => void,
  ) {
    const onData = (buffer: { rest: string }) => (chunk: Buffer) => {
      const parts = (buffer.rest + chunk.toString()).split('\n');
      buffer.rest = parts.pop() ?? '';
      for (const line of parts) {
        this.lines.push(line);
        echo?.(line);
        for (const w of this.watchers) w(line);
      }
    };
    proc.stdout?.on('data', onData({ rest: '' }));
    proc.stderr?.on('data', onData({ rest: '' }));
    this.exited = new Promise((done) => proc.once('exit', (code) => done(code)));
  }

  /** Resolves with the first line (seen so far or later) matching `re`; rejects if the process exits first. */
  waitFor(re: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> {
    const seen = this.lines.map((l) => l.match(re)).find(Boolean);
    if (seen) return Promise.resolve(seen);
    return new Promise((done, fail) => {
      const timer = setTimeout(
        () => finish(new Error(`${this.name}: no line matching ${re} in ${timeoutMs} ms`)),
        timeoutMs,
      );
      const watcher = (line: string) => {
        const m = line.match(re);
        if (m) finish(undefined, m);
      };
      const finish = (err?: Error, m?: RegExpMatchArray) => {
        clearTimeout(timer);
        this.watchers.delete(watcher);
        if (err) fail(err);
        else done(m!);
      };
      this.watchers.add(watcher);
      this.exited.then((code) =>
        finish(new Error(`${this.name} exited (${code}) before ${re}:\n${this.lines.slice(-20).join('\n')}`)),
      );
    });
  }

  /** Signals the process group (the process and what it spawned, e.g. workerd) and waits for the exit. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    try {
      process.kill(-this.proc.pid!, signal);
    } catch {
      this.proc.kill(signal);
    }
    await this.exited;
  }
}

/**
 * Links the committed models `names` (gpu-node/models/<name>) into `root`, made if missing, for a
 * node's `RAS_MODELS_DIR`; returns `root`.
 */
export function linkModels(root: string, names: string[]): string {
  mkdirSync(root, { recursive: true });
  for (const name of names) symlinkSync(join(ROOT, 'gpu-node', 'models', name), join(root, name));
  return root;
}

/** Starts `args` with node (tsx loader available), in its own process group. */
export function startNodeProcess(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  echo?: (l: string) => void,
): Child {
  const proc = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  return new Child(name, proc, echo);
}

/** How to start a GPU node. */
export interface GpuNodeOptions {
  /** Native gRPC port (0: any free one). */
  port: number;
  /** gRPC-Web port (0: any free one). */
  webPort: number;
  token: string;
  /**
   * The fleet's state key (RAS_STATE_KEY); give nodes that should re-home
   * each other's sessions the same one. Default: a fresh random key.
   */
  stateKey?: string;
  /** Session spill directory (RAS_CACHE_DIR). */
  cacheDir: string;
  env?: NodeJS.ProcessEnv;
  echo?: (line: string) => void;
}

/** A started GPU node and its gRPC-Web base URL. */
export interface GpuNode {
  child: Child;
  webUrl: string;
  grpcTarget: string;
}

/** Starts `gpu-node/src/main.ts` and waits for its ready line. */
export async function startGpuNode(o: GpuNodeOptions): Promise<GpuNode> {
  const env = {
    GPU_NODE_PORT: String(o.port),
    GPU_NODE_WEB_PORT: String(o.webPort),
    RAS_NODE_TOKEN: o.token,
    RAS_STATE_KEY: o.stateKey ?? randomBytes(32).toString('hex'),
    RAS_CACHE_DIR: o.cacheDir,
    ...o.env,
  };
  const child = startNodeProcess('gpu-node', ['--import', 'tsx', 'gpu-node/src/main.ts'], env, o.echo);
  const m = await child.waitFor(/gpu-node ready: grpc (\S+), grpc-web (http:\/\/\S+),/);
  return { child, grpcTarget: m[1], webUrl: m[2] };
}

/** How to start the edge worker. */
export interface EdgeOptions {
  /** Port to listen on (0: any free one). */
  port: number;
  nodes: string[];
  apiKeys: string[];
  nodeToken: string;
  /** A private directory: the generated secrets file, the bundle and the Durable Objects' local state. */
  dir: string;
  echo?: (line: string) => void;
}

/** A started worker and its base URL. */
export interface Edge {
  child: Child;
  url: string;
}

/**
 * Starts the worker in workerd through Miniflare (`edge/scripts/serve.ts`:
 * loopback only, offline, wrangler.toml's bindings) with the secrets in a
 * generated env file, waits for its ready line and a 200 from /healthz.
 */
export async function startEdge(o: EdgeOptions): Promise<Edge> {
  const envFile = join(o.dir, 'dev.vars');
  const vars = { API_KEYS: o.apiKeys.join(','), NODE_TOKEN: o.nodeToken, GPU_NODES: o.nodes.join(',') };
  writeFileSync(
    envFile,
    Object.entries(vars)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}\n`)
      .join(''),
    { mode: 0o600 },
  );
  const env = { EDGE_PORT: String(o.port), EDGE_ENV_FILE: envFile, EDGE_DIR: o.dir, NO_COLOR: '1' };
  const child = startNodeProcess('edge', ['--import', 'tsx', 'edge/scripts/serve.ts'], env, o.echo);
  const m = await child.waitFor(/^edge ready on (http:\/\/[\d.]+:\d+)/, 120_000);
  const res = await fetch(`${m[1]}/healthz`);
  if (res.status !== 200) throw new Error(`edge /healthz answered ${res.status}: ${await res.text()}`);
  return { child, url: m[1] };
}
