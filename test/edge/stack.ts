/**
 * The real stack for the edge's end-to-end tests: GPU node processes
 * (`gpu-node/src/main.ts`, the committed models) and the worker under
 * `wrangler dev`, on ports the OS picks, with throw-away secrets and
 * directories. Everything started is stopped by `stop()`, even half-way.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { type Child, type Edge, type GpuNode, startEdge, startGpuNode } from '../../edge/scripts/processes';

export const API_KEY = 'e2e-key';

/** The running stack. */
export interface Stack {
  nodes: GpuNode[];
  /** Each node's session spill directory (RAS_CACHE_DIR): one sub-directory per session it made. */
  cacheDirs: string[];
  edge: Edge;
  nodeToken: string;
  /** Stops every process and removes the directories. */
  stop(): Promise<void>;
}

/** Starts `nodeCount` GPU nodes and the edge in front of them. */
export async function startStack(nodeCount: number): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'ras-e2e-'));
  const nodeToken = randomBytes(16).toString('hex');
  const stateKey = randomBytes(32).toString('hex'); // one fleet: the nodes re-home each other's sessions
  const children: Child[] = [];
  const stop = async () => {
    await Promise.all(children.map((c) => c.stop('SIGKILL')));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const nodes = await Promise.all(
      Array.from({ length: nodeCount }, async (_, i) => {
        const node = await startGpuNode({
          port: 0,
          webPort: 0,
          token: nodeToken,
          stateKey,
          cacheDir: join(dir, `cache-${i}`),
          env: { RAS_MAX_CONCURRENT: '1' },
        });
        children.push(node.child);
        return node;
      }),
    );
    const edge = await startEdge({
      port: 0,
      nodes: nodes.map((n) => n.webUrl),
      apiKeys: [API_KEY],
      nodeToken,
      dir,
    });
    children.push(edge.child);
    const cacheDirs = nodes.map((_, i) => join(dir, `cache-${i}`));
    return { nodes, cacheDirs, edge, nodeToken, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** A request to the edge with the test's API key. */
export function request(stack: Stack, path: string, body?: unknown, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${API_KEY}`);
  if (body !== undefined) headers.set('content-type', 'application/json');
  return fetch(`${stack.edge.url}${path}`, {
    ...init,
    method: body === undefined ? (init.method ?? 'GET') : 'POST',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** A decoded PNG: width, height and RGBA bytes. */
export function decodePng(base64: string): PNG {
  return PNG.sync.read(Buffer.from(base64, 'base64'));
}

/** Pixels (x, y) where the two images differ. */
export function differingPixels(a: PNG, b: PNG): [number, number][] {
  const out: [number, number][] = [];
  for (let y = 0; y < a.height; y++)
    for (let x = 0; x < a.width; x++) {
      const i = (y * a.width + x) * 4;
      if (a.data.readUInt32BE(i) !== b.data.readUInt32BE(i)) out.push([x, y]);
    }
  return out;
}
