import { defineConfig } from 'vitest/config';

/**
 * Three projects, run together by `npm test` or alone with `--project`:
 * - unit: the tests beside the code (src/), no database image;
 * - http: app, database and CLI tests, each file on a copy of the migrated image;
 * - e2e: browser journeys, each file on a copy of the demo image.
 * The images are built by each project's globalSetup (test/setup/, test/helpers/images.ts),
 * only when that project has files to run.
 */
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    // Several files to a worker process, which imports the app once instead of once per file
    // (import time on the PGlite pass: 134 s of worker time → ~40 s); file-state.ts puts back
    // what a file changed in the process (environment, clocks, stubs) when it ends.
    isolate: false,
    setupFiles: ['test/setup/file-state.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.{ts,tsx}', 'test/lint/**/*.test.ts'] } },
      { extends: true, test: { name: 'http', include: ['test/http/**/*.test.{ts,tsx}', 'test/db/**/*.test.ts', 'test/cli/**/*.test.ts'], globalSetup: ['test/setup/migrated-image.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.{ts,tsx}'], globalSetup: ['test/setup/demo-image.ts'] } },
    ],
  },
});
