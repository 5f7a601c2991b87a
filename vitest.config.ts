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
      // Load and fault tests: each file starts its own GPU nodes and edge worker; one file at a
      // time (one fork), and after the other projects (`npm test`), so their stacks do not
      // compete with each other for the cores.
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
