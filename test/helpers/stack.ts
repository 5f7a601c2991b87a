/**
 * The real stack for end-to-end tests: one GPU node process and the edge
 * worker under `wrangler dev`, on free loopback ports, with throw-away
 * secrets and directories. Spawning and readiness (the node's ready line,
 * wrangler's "Ready on" line, /healthz) are `edge/scripts/processes.ts`, the
 * same code `npm start` runs; this adds test defaults and cleanup.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Child, startEdge, startGpuNode } from '../../edge/scripts/processes';

export { ROOT } from '../../edge/scripts/processes';

/** A running stack. */
export interface Stack {
  /** The worker's base URL (page and API). */
  url: string;
  /** The one API key the worker accepts. */
  apiKey: string;
  /** The GPU node's gRPC-Web base URL. */
  nodeUrl: string;
  /** The last lines both processes printed (for failure messages). */
  output(): string;
  /** Stops both processes and removes their directories. */
  stop(): Promise<void>;
}

/** Starts a GPU node (one sampling thread: the machine is shared) and the worker in front of it. */
export async function startStack(): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'ras-stack-'));
  const apiKey = `test-key-${randomBytes(6).toString('hex')}`;
  const nodeToken = randomBytes(18).toString('base64url');
  const children: Child[] = [];
  const output = () => children.map((c) => `[${c.name}]\n${c.lines.slice(-30).join('\n')}`).join('\n');
  const stop = async () => {
    await Promise.all(children.map((c) => c.stop()));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const node = await startGpuNode({
      port: 0,
      webPort: 0,
      token: nodeToken,
      cacheDir: join(dir, 'sessions'),
      env: { RAS_INTRA_OP_THREADS: '1' },
    });
    children.push(node.child);
    const edge = await startEdge({ port: 0, nodes: [node.webUrl], apiKeys: [apiKey], nodeToken, dir });
    children.push(edge.child);
    return { url: edge.url, apiKey, nodeUrl: node.webUrl, output, stop };
  } catch (e) {
    const lines = output();
    await stop();
    throw new Error(`${(e as Error).message}\n${lines}`);
  }
}
