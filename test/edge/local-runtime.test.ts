/**
 * The worker's local runtime (edge/scripts/miniflare.ts, docs/design.md#the-local-runtime):
 * Miniflare's options come from wrangler.toml's top level and the env file,
 * and the bundle is the worker with its Durable Object class. Starting it
 * for real is what every stack test does (test/helpers/stack.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkerOptions } from 'miniflare';
import { afterAll, describe, expect, it } from 'vitest';
import { localWorkerOptions } from '../../edge/scripts/miniflare';
import { ROOT } from '../../edge/scripts/processes';

const dir = mkdtempSync(join(tmpdir(), 'ras-local-runtime-'));
const envFile = join(dir, 'dev.vars');
writeFileSync(envFile, 'API_KEYS="key-a,key-b"\nNODE_TOKEN="the-token"\nGPU_NODES="http://node-a.test"\n');

describe("the worker's local runtime", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("runs wrangler.toml's worker on loopback with its assets, Durable Object, rate limit and the env file's secrets", async () => {
    const options = await localWorkerOptions({ root: ROOT, port: 0, envFile, dir });
    expect(options).toMatchObject({ host: '127.0.0.1', port: 0, cf: false, defaultPersistRoot: join(dir, 'state') });
    const worker = options.workers[0] as WorkerOptions & { assets?: Record<string, unknown> };
    expect(options.workers).toHaveLength(1);
    expect(worker).toMatchObject({
      name: 'ras-edge',
      compatibilityFlags: ['enable_request_signal'],
      // The env file's values win over wrangler.toml's vars (its GPU_NODES is 127.0.0.1:50052).
      bindings: { API_KEYS: 'key-a,key-b', NODE_TOKEN: 'the-token', GPU_NODES: 'http://node-a.test' },
      durableObjects: { SESSIONS: { className: 'SessionDirectory', useSQLite: true } },
      ratelimits: { RATE_LIMITER: { simple: { limit: 60, period: 60 } } },
      assets: {
        directory: join(ROOT, 'edge/public'),
        binding: 'ASSETS',
        routerConfig: { static_routing: { user_worker: ['/v1/*', '/healthz'] } },
      },
    });
    const bundle = readFileSync(worker.scriptPath!, 'utf8');
    expect(bundle).toMatch(/export\s*\{[^}]*SessionDirectory/);
    // Self-contained: the only module it imports is the runtime's own.
    expect([...bundle.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1])).toEqual(['cloudflare:workers']);
  }, 60_000);
});
