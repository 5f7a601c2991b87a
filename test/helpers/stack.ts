/**
 * The real stack for every test that runs processes (end to end, CLI, page,
 * WebGPU node, load and faults): GPU node processes and the edges
 * (the worker in workerd, `edge/scripts/serve.ts`) in front of them, on loopback ports the OS picks, with
 * throw-away secrets and directories. Spawning and readiness (ready lines,
 * /healthz: no sleeps) are `edge/scripts/processes.ts`, the same code
 * `npm start` runs; this adds test defaults, restarts and cleanup.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RasWebClient } from '@ras/shared';
import { type Child, type Edge, type GpuNode, startEdge, startGpuNode } from '../../edge/scripts/processes';

/** A node's environment (RAS_MAX_CONCURRENT, RAS_MAX_QUEUE, RAS_EXECUTION_PROVIDERS, ...). */
export type NodeEnv = Record<string, string>;

/** What to start; every field has a default. */
export interface StackOptions {
  /** How many GPU nodes (default 1), or one entry per node: that node's own environment. */
  nodes?: number | NodeEnv[];
  /** Environment of every node, over RAS_INTRA_OP_THREADS=1 (one sampling thread: the machine is shared). */
  nodeEnv?: NodeEnv;
  /** One entry per edge, each in front of every node: the node token it sends (default: the nodes'). `[]`: nodes only. Default: one edge. */
  edges?: { nodeToken?: string }[];
  /** The API keys every edge accepts (default: one). */
  keys?: string[];
}

const portOf = (address: string) => Number(/:(\d+)\/?$/.exec(address)![1]);

/** A running stack; `stop()` kills everything it ever started (a frozen or restarted node too). */
export class Stack {
  readonly nodes: GpuNode[] = [];
  readonly edges: Edge[] = [];
  readonly nodeToken = randomBytes(16).toString('hex');
  readonly dir = mkdtempSync(join(tmpdir(), 'ras-stack-'));
  private readonly started: Child[] = [];
  /** One fleet: every node, restarted or not, signs and accepts the same session states. */
  private readonly stateKey = randomBytes(32).toString('hex');

  constructor(
    private readonly nodeEnvs: NodeEnv[],
    readonly keys: string[],
  ) {}

  /** The first edge's base URL (page and API). */
  get url(): string {
    return this.edges[0].url;
  }

  /** The first API key the edges accept. */
  get apiKey(): string {
    return this.keys[0];
  }

  /** Node `i`'s cache directory (RAS_CACHE_DIR: one sub-directory per session), the same across restarts. */
  cacheDir(i: number): string {
    return join(this.dir, `cache-${i}`);
  }

  /** Starts node `i` on the given ports (0: any free one). */
  async launch(i: number, port = 0, webPort = 0): Promise<GpuNode> {
    const env = { RAS_INTRA_OP_THREADS: '1', ...this.nodeEnvs[i] };
    const node = await startGpuNode({
      port,
      webPort,
      token: this.nodeToken,
      stateKey: this.stateKey,
      cacheDir: this.cacheDir(i),
      env,
    });
    this.started.push(node.child);
    return node;
  }

  /** Starts an edge in front of every node, sending `nodeToken`. */
  async launchEdge(i: number, nodeToken = this.nodeToken): Promise<Edge> {
    const dir = join(this.dir, `edge-${i}`);
    mkdirSync(dir, { recursive: true });
    const nodes = this.nodes.map((n) => n.webUrl);
    const edge = await startEdge({ port: 0, nodes, apiKeys: this.keys, nodeToken, dir });
    this.started.push(edge.child);
    return edge;
  }

  /**
   * Stops node `i` (SIGTERM: drains; SIGKILL: at once; a no-op if it is gone), runs `whileDown`,
   * and starts it again on the same ports with the same cache directory.
   */
  async restart(i: number, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM', whileDown?: () => void): Promise<GpuNode> {
    const old = this.nodes[i];
    await old.child.stop(signal);
    whileDown?.();
    this.nodes[i] = await this.launch(i, portOf(old.grpcTarget), portOf(old.webUrl));
    return this.nodes[i];
  }

  /** A gRPC-Web client straight to node `i`. */
  direct(i: number): RasWebClient {
    return new RasWebClient(this.nodes[i].webUrl, { token: this.nodeToken });
  }

  /** The index of the node that holds session `id` (asked directly). */
  async owner(id: string): Promise<number> {
    const held = await Promise.all(
      this.nodes.map((_, i) =>
        this.direct(i)
          .getSession({ sessionId: id }, { timeoutMs: 5000 })
          .then(
            () => true,
            () => false,
          ),
      ),
    );
    if (held.filter(Boolean).length !== 1) throw new Error(`session ${id} held by nodes ${held}`);
    return held.indexOf(true);
  }

  /** The last lines of every process (for failure messages). */
  output(): string {
    return this.started.map((c) => `[${c.name} ${c.proc.pid}]\n${c.lines.slice(-15).join('\n')}`).join('\n');
  }

  /** Kills every process ever started and removes the directory. */
  async stop(): Promise<void> {
    await Promise.all(this.started.map((c) => c.stop('SIGKILL')));
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Starts the nodes, then the edges in front of all of them; on a failure stops what started and throws with its output. */
export async function startStack(o: StackOptions = {}): Promise<Stack> {
  const nodeEnvs = typeof o.nodes === 'object' ? o.nodes : Array.from({ length: o.nodes ?? 1 }, () => ({}));
  const keys = o.keys ?? [`test-key-${randomBytes(6).toString('hex')}`];
  const stack = new Stack(
    nodeEnvs.map((env) => ({ ...o.nodeEnv, ...env })),
    keys,
  );
  try {
    stack.nodes.push(...(await Promise.all(nodeEnvs.map((_, i) => stack.launch(i)))));
    const edges = o.edges ?? [{}];
    stack.edges.push(...(await Promise.all(edges.map((e, i) => stack.launchEdge(i, e.nodeToken)))));
    return stack;
  } catch (e) {
    const lines = stack.output();
    await stack.stop();
    throw new Error(`${(e as Error).message}\n${lines}`);
  }
}

/** A request to the first edge with the stack's first API key (POST with a JSON body when `body` is given). */
export function request(stack: Stack, path: string, body?: unknown, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${stack.apiKey}`);
  if (body !== undefined) headers.set('content-type', 'application/json');
  return fetch(`${stack.url}${path}`, {
    ...init,
    method: body === undefined ? (init.method ?? 'GET') : 'POST',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
