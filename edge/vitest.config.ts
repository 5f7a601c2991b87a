/**
 * The edge's unit tests (`test/edge/worker/`, beside the node-side edge tests
 * in `test/edge/`) run inside workerd (@cloudflare/vitest-pool-workers): the
 * worker from wrangler.toml with its Durable Object and bindings; node calls
 * answered by the pool's fetchMock. The root config runs this project.
 */
import { fileURLToPath } from 'node:url';
import { defineWorkersProject } from '@cloudflare/vitest-pool-workers/config';
import { quietRuntime } from '../test/edge/worker/quiet-runtime';

quietRuntime();

export default defineWorkersProject({
  test: {
    name: 'edge',
    // The repository root, so the tests' paths read as the node project's do.
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test/edge/worker/**/*.test.ts'],
    testTimeout: 20_000,
    poolOptions: {
      workers: {
        singleWorker: true,
        wrangler: { configPath: '../wrangler.toml' },
        miniflare: {
          bindings: {
            API_KEYS: 'key-alice,key-bob,key-carol',
            NODE_TOKEN: 'node-secret',
            GPU_NODES: 'http://node-a.test,http://node-b.test',
          },
          // A small window so the limit is reachable in a test (the binding counts per key).
          ratelimits: { RATE_LIMITER: { simple: { limit: 100, period: 60 } } },
        },
      },
    },
  },
});
