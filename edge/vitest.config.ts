/**
 * The edge's unit tests run inside workerd (@cloudflare/vitest-pool-workers):
 * the worker from wrangler.toml with its Durable Object and bindings; node
 * calls answered by the pool's fetchMock. The root config runs this project.
 */
import { defineWorkersProject } from '@cloudflare/vitest-pool-workers/config';
import { quietRuntime } from './test/quiet-runtime';

quietRuntime();

export default defineWorkersProject({
  test: {
    name: 'edge',
    include: ['test/**/*.test.ts'],
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
