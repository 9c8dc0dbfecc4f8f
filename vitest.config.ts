import { defineConfig } from 'vitest/config';

// One runner, four projects: the pure core and web units run in milliseconds; the server project
// runs against a real database (PGlite, or PostgreSQL when LIAISON_TEST_DB=postgres); e2e drives chromium.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'core', include: ['packages/core/src/**/*.test.ts'] } },
      { test: { name: 'web', include: ['packages/web/src/**/*.test.{ts,tsx}'] } },
      {
        test: {
          name: 'server',
          include: ['packages/server/src/**/*.test.ts'],
          // Migrates one template database that every test node copies (see the file).
          globalSetup: ['packages/server/src/testing/global-setup.ts'],
          // Two files at a time, though the default on 2 cores is one: a file spends much of its time waiting on
          // its database (PostgreSQL's own processes), the liaison child processes of the CLI tests, HTTP and timers.
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/src/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
