/**
 * The stack for load and fault tests: GPU node processes and one or more
 * edges (`wrangler dev`) on loopback, started by `edge/scripts/processes.ts`
 * (ready lines, /healthz: no sleeps), with the node settings a test needs.
 * A node can be restarted on its ports with its cache directory, frozen and
 * thawed; `stop()` kills everything ever started, even half-way.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RasWebClient } from '@ras/shared';
import { type Child, type Edge, type GpuNode, startEdge, startGpuNode } from '../../edge/scripts/processes';

/** What to start. */
export interface ClusterOptions {
  nodes: number;
  /** Environment of every node (RAS_MAX_CONCURRENT, RAS_MAX_QUEUE, RAS_SESSION_MEMORY_BYTES, ...). */
  nodeEnv?: Record<string, string>;
  /** One entry per edge: the node token it sends (default: the nodes' token). */
  edges?: { nodeToken?: string }[];
  /** The API keys every edge accepts. */
  keys: string[];
}

const portOf = (address: string) => Number(/:(\d+)\/?$/.exec(address)![1]);

export class Cluster {
  readonly nodes: GpuNode[] = [];
  readonly edges: Edge[] = [];
  private readonly started: Child[] = [];
  /** One fleet: every node, restarted or not, signs and accepts the same session states. */
  private readonly stateKey = randomBytes(32).toString('hex');

  private constructor(
    readonly opts: ClusterOptions,
    readonly dir: string,
    readonly token: string,
  ) {}

  /** Starts the nodes, then the edges in front of all of them. */
  static async start(opts: ClusterOptions): Promise<Cluster> {
    const c = new Cluster(opts, mkdtempSync(join(tmpdir(), 'ras-load-')), randomBytes(16).toString('hex'));
    try {
      const nodes = await Promise.all(Array.from({ length: opts.nodes }, (_, i) => c.launch(i, 0, 0)));
      c.nodes.push(...nodes);
      const edges = await Promise.all(
        (opts.edges ?? [{}]).map((e, i) => {
          const dir = join(c.dir, `edge-${i}`);
          const urls = nodes.map((n) => n.webUrl);
          const nodeToken = e.nodeToken ?? c.token;
          return startEdge({ port: 0, nodes: urls, apiKeys: opts.keys, nodeToken, dir: mkdir(dir) });
        }),
      );
      for (const e of edges) c.started.push(e.child);
      c.edges.push(...edges);
      return c;
    } catch (e) {
      const lines = c.output();
      await c.stop();
      throw new Error(`${(e as Error).message}\n${lines}`);
    }
  }

  /** Node `i`'s cache directory (RAS_CACHE_DIR), the same across restarts. */
  cacheDir(i: number): string {
    return join(this.dir, `cache-${i}`);
  }

  private async launch(i: number, port: number, webPort: number): Promise<GpuNode> {
    const env = { RAS_INTRA_OP_THREADS: '1', ...this.opts.nodeEnv };
    const node = await startGpuNode({
      port,
      webPort,
      token: this.token,
      stateKey: this.stateKey,
      cacheDir: this.cacheDir(i),
      env,
    });
    this.started.push(node.child);
    return node;
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
    return new RasWebClient(this.nodes[i].webUrl, { token: this.token });
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

  /** Kills every process ever started (a frozen one too) and removes the directory. */
  async stop(): Promise<void> {
    await Promise.all(this.started.map((c) => c.stop('SIGKILL')));
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function mkdir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}
