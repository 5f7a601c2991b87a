/**
 * `npm start` (docs/design.md#scale): one GPU node with the committed models and the
 * edge worker in workerd (Miniflare, `edge/scripts/serve.ts`), both on loopback. Prints the page's URL
 * and a curl example for the default model (`banner.ts`); Ctrl-C stops both.
 *
 * Environment: EDGE_PORT (8787), GPU_NODE_PORT (50051), GPU_NODE_WEB_PORT
 * (50052), RAS_API_KEY (the dev API key; default printed), RAS_CACHE_DIR; the node's own
 * variables (RAS_MODELS_DIR, RAS_DEFAULT_MODEL, …) pass through to it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModelsView } from '@ras/shared/http';
import { firstOffered, tryLines } from './banner';
import { type Child, startEdge, startGpuNode } from './processes';

const DEFAULT_API_KEY = 'dev-key';
/** Lines the banner stands for: the ready lines, the readiness check, and which env file the secrets came from. */
const BANNER_LINES = [
  /^gpu-node ready: /,
  /^edge ready on /,
  /\[mf:info\] Ready on /,
  /\[mf:info\] GET \/healthz /,
  /^Using secrets defined in /,
];

function port(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  const n = raw ? Number(raw) : fallback;
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name} must be a port number, got "${raw}"`);
  return n;
}

async function main(): Promise<void> {
  const apiKey = process.env.RAS_API_KEY?.trim() || DEFAULT_API_KEY;
  const nodeToken = randomBytes(24).toString('base64url'); // fresh per run: only this edge can call this node
  const dir = mkdtempSync(join(tmpdir(), 'ras-start-'));
  const children: Child[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await Promise.all(children.map((c) => c.stop()));
    rmSync(dir, { recursive: true, force: true });
    process.exit(code);
  };
  // on, not once: Ctrl-C signals the whole foreground group, so npm and tsx relay a second SIGINT.
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    // The banner says what the ready lines (and the readiness check) say; requests, warnings and errors are shown.
    // Also the worker's line for the banner's own GET /v1/models, the first (it may come after the banner).
    let ownModelsLine = true;
    const ownModels = (line: string) => ownModelsLine && /\[mf:info\] GET \/v1\/models /.test(line);
    const hidden = (line: string) => {
      if (!ownModels(line)) return BANNER_LINES.some((re) => re.test(line));
      ownModelsLine = false;
      return true;
    };
    const echo = (name: string) => (line: string) => line.trim() && !hidden(line) && console.log(`[${name}] ${line}`);
    const node = await startGpuNode({
      port: port('GPU_NODE_PORT', 50051),
      webPort: port('GPU_NODE_WEB_PORT', 50052),
      token: nodeToken,
      cacheDir: process.env.RAS_CACHE_DIR?.trim() || '.cache/sessions',
      echo: echo('gpu-node'),
    });
    children.push(node.child);
    const edge = await startEdge({
      port: port('EDGE_PORT', 8787),
      nodes: [node.webUrl],
      apiKeys: [apiKey],
      nodeToken,
      dir,
      echo: echo('edge'),
    });
    children.push(edge.child);
    for (const c of children) {
      c.exited.then((code) => {
        if (stopping) return;
        console.error(`${c.name} exited (${code}); stopping`);
        void stop(1);
      });
    }
    const listed = await fetch(`${edge.url}/v1/models`, { headers: { authorization: `Bearer ${apiKey}` } });
    if (!listed.ok) throw new Error(`GET /v1/models answered ${listed.status}: ${await listed.text()}`);
    const offered = firstOffered(((await listed.json()) as ModelsView).models);
    console.log(`
RAS serving is up.
  page:     ${edge.url}/#key=${encodeURIComponent(apiKey)}
  API key:  ${apiKey}${process.env.RAS_API_KEY ? '' : '   (set RAS_API_KEY to choose another)'}
  GPU node: ${node.webUrl} (gRPC-Web), ${node.grpcTarget} (gRPC; node token ${nodeToken})

${tryLines(edge.url, apiKey, offered)}

Ctrl-C stops both.`);
  } catch (e) {
    console.error(`npm start failed: ${(e as Error).message}`);
    await stop(1);
  }
}

void main();
