/**
 * The edge worker's process (`startEdge` in ./processes.ts spawns it): the
 * worker in workerd via Miniflare (./miniflare.ts) on 127.0.0.1, with its
 * ready line once it listens; SIGTERM or SIGINT disposes of workerd and exits.
 *
 * Environment: EDGE_PORT (0: any free one), EDGE_ENV_FILE (the secrets and
 * vars), EDGE_DIR (the bundle and the Durable Objects' state).
 */

import { startLocalWorker } from './miniflare';
import { ROOT } from './processes';

function required(name: string): string {
  const value = process.env[name]?.trim();
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function main(): Promise<void> {
  const port = Number(process.env.EDGE_PORT ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`EDGE_PORT must be a port number, got ${port}`);
  const mf = await startLocalWorker({
    root: ROOT,
    port,
    envFile: required('EDGE_ENV_FILE'),
    dir: required('EDGE_DIR'),
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void mf.dispose().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  const url = await mf.ready;
  console.log(`edge ready on ${url.origin}`);
}

main().catch((e) => {
  console.error(`edge failed to start: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
