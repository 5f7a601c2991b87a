import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          // test/edge/worker/ runs inside workerd: the `edge` project below.
          exclude: ['test/load/**', 'test/edge/worker/**', '**/node_modules/**'],
          testTimeout: 60_000,
          pool: 'forks',
        },
      },
      // Load and fault tests: each file starts its own GPU nodes and wrangler dev; one file at
      // a time (one fork), so their stacks do not compete with each other for the cores.
      // `npm test` runs this project after the others: run beside them (twice in a row), wrangler
      // dev reloaded its worker during the load test and POSTs in flight ended with "Your worker
      // restarted mid-request"; never when the load tests ran alone.
      {
        test: {
          name: 'load',
          include: ['test/load/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
        },
      },
      // The edge worker's tests (test/edge/worker/) run inside workerd (their own pool).
      'edge/vitest.config.ts',
    ],
  },
});
