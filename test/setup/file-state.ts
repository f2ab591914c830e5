import { afterAll, vi } from 'vitest';

/**
 * Test files run several to a worker process (`isolate: false`: importing
 * the app once per worker instead of once per file saved ~1.5 s a file). What a file changes
 * in the process is put back when it ends, so the next file starts as if alone: environment
 * variables (the CLI tests set BASE_URL, CONCORD_DATA_DIR, DATABASE_SCHEMA), fake clocks,
 * stubs and spies.
 */
const env = { ...process.env };

afterAll(() => {
  for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
  Object.assign(process.env, env);
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});
