import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          testTimeout: 60_000,
          pool: 'forks',
        },
      },
      // The edge worker's tests run inside workerd (their own pool).
      'edge/vitest.config.ts',
    ],
  },
});
