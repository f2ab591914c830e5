import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.js';
import { loadConfig } from '../../src/platform/config.js';
import { startServer } from '../../src/app/main.js';

/**
 * Concord as `concord serve` runs it (startServer: migrate, load the demo, listen), on a
 * fresh embedded PGlite data folder, or, when DATABASE_URL is set, in a throwaway schema of
 * that database that is dropped afterwards.
 */
export async function startConcord(): Promise<{ url: string; db: Kysely<DB>; stop: () => Promise<void> }> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = databaseUrl ? undefined : mkdtempSync(path.join(tmpdir(), 'concord-bench-'));
  const schema = databaseUrl ? `bench_${randomBytes(6).toString('hex')}` : undefined;
  if (databaseUrl && schema) await adminQuery(databaseUrl, `create schema ${schema}`);

  const config = {
    ...loadConfig({
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      BASE_URL: 'http://127.0.0.1:0',
      CONCORD_DEMO: '1',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      ...(dataDir ? { CONCORD_DATA_DIR: dataDir } : {}),
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    }),
    ...(schema ? { databaseSchema: schema } : {}),
  };
  const running = await startServer(config, (line) => process.stderr.write(`[concord] ${line}\n`));
  // A new folder is seeded in the background: measure the demo, not the "being loaded" page.
  await running.demoReady;
  // The address actually bound, not the configured base URL (which may say localhost).
  const address = running.app.server.address();
  if (!address || typeof address === 'string') throw new Error('Concord is not listening on a TCP port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    // For fixtures that add data after start (bench/servers/comments.ts).
    db: running.database.db,
    stop: async () => {
      await running.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      // Also the schemas Concord derives from its own (pg-boss keeps its tables in `<schema>_pgboss`).
      if (databaseUrl && schema) await adminQuery(databaseUrl, dropSchemasSql(schema));
    },
  };
}

/** A DO block dropping `schema` and every `schema_*` schema (the name is ours: hex only). */
function dropSchemasSql(schema: string): string {
  return `do $$ declare s text; begin
    for s in select nspname from pg_namespace where nspname = '${schema}' or nspname like '${schema}\\_%' loop
      execute format('drop schema %I cascade', s);
    end loop;
  end $$`;
}

async function adminQuery(databaseUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
