/**
 * The worker as the local stack runs it (docs/design.md#the-local-runtime):
 * bundled with esbuild the way `wrangler dev` bundles it, configured from
 * wrangler.toml through wrangler's own config reader, and run in workerd by
 * Miniflare — one workerd, the client's connection straight to the worker,
 * without the ProxyWorker hop of `wrangler dev` (a second workerd in front,
 * whose pooled connections drop a POST now and then; see the design section).
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { Log, LogLevel, Miniflare, type MiniflareOptions, type WorkerOptions } from 'miniflare';
import { unstable_getMiniflareWorkerOptions, unstable_readConfig } from 'wrangler';

/** How to run the worker. */
export interface LocalWorkerOptions {
  /** The repository root (wrangler.toml and the worker's sources). */
  root: string;
  /** Port on 127.0.0.1 (0: any free one). */
  port: number;
  /** The secrets and vars over wrangler.toml's, in dotenv form (API_KEYS, NODE_TOKEN, GPU_NODES). */
  envFile: string;
  /** The bundle goes here; the Durable Objects' SQLite state under `<dir>/state`. */
  dir: string;
}

/** wrangler 4.72 reads `envFiles` (as `wrangler dev --env-file` does), though its declared type omits it. */
type WorkerOptionsArgs = Parameters<typeof unstable_getMiniflareWorkerOptions>[2] & { envFiles?: string[] };

/** Bundles `main` into `<outdir>/worker.mjs` with wrangler's esbuild settings for a modules worker (no nodejs_compat). */
export async function bundleWorker(main: string, outdir: string, define: Record<string, string>): Promise<string> {
  const outfile = join(outdir, 'worker.mjs');
  await build({
    entryPoints: [main],
    outfile,
    bundle: true,
    format: 'esm',
    target: 'es2024',
    conditions: ['workerd', 'worker', 'browser'],
    external: ['cloudflare:*'],
    sourcemap: true,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"development"', ...define },
  });
  return outfile;
}

/** Miniflare's options for wrangler.toml's top-level (dev) worker: assets, Durable Object, rate limit, vars, secrets. */
export async function localWorkerOptions(o: LocalWorkerOptions): Promise<MiniflareOptions> {
  const config = unstable_readConfig({ config: join(o.root, 'wrangler.toml') });
  const args: WorkerOptionsArgs = { envFiles: [o.envFile] };
  const { workerOptions, main, define } = unstable_getMiniflareWorkerOptions(config, undefined, args);
  if (!main) throw new Error('wrangler.toml names no main module');
  const scriptPath = await bundleWorker(main, o.dir, define);
  const worker: WorkerOptions = {
    ...workerOptions,
    name: config.name,
    modules: true,
    scriptPath,
    modulesRoot: o.dir,
  };
  return {
    host: '127.0.0.1',
    port: o.port,
    // Offline: Request.cf is Miniflare's placeholder, not fetched from the network.
    cf: false,
    defaultPersistRoot: join(o.dir, 'state'),
    log: new Log(LogLevel.INFO),
    workers: [worker],
  };
}

/** Starts the worker; `ready` resolves with its URL. */
export async function startLocalWorker(o: LocalWorkerOptions): Promise<Miniflare> {
  return new Miniflare(await localWorkerOptions(o));
}
