import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'tests/*.test.ts'],
    setupFiles: ['./tests/fail-on-console-error.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
