import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests: each file starts the real server on a fresh SQLite file and drives Debian's
// Chromium through playwright-core against the built dashboard (`pnpm test:e2e` builds it first).
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/e2e/**/*.spec.ts'],
    setupFiles: ['./tests/fail-on-console-error.ts'],
    globalSetup: ['./tests/e2e/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // A page waits on the server and on Chromium sharing two cores with it: give expect.poll room.
    expect: { poll: { timeout: 10_000, interval: 100 } },
    pool: 'forks',
    maxWorkers: 2,
  },
});
