import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/platform/config.js';
import { openDatabase, type Database, type DatabaseOptions } from '../../src/platform/db/client.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import '../../src/app/modules.js';
import { jobsSchemaFor } from '../../src/platform/jobs/queue.js';

/** Which engine this test run uses: PostgreSQL when DATABASE_URL is set, else PGlite in memory. */
export const ENGINE = process.env.DATABASE_URL ? 'postgres' : 'pglite';

/** A test configuration: no demo, fixed base URL, in-memory PGlite or a private PostgreSQL schema. */
export function testConfig(over: Partial<Config> = {}): Config {
  return {
    // No page cache: tests read what they just changed; test/http/page-cache.test.ts turns it on.
    ...loadConfig({ NODE_ENV: 'test', CONCORD_DATA_DIR: 'memory://', CONCORD_DEMO: '0', BASE_URL: 'http://localhost:3000', DATABASE_URL: process.env.DATABASE_URL, PAGE_CACHE_MS: '0' }),
    ...over,
  };
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or on PostgreSQL a new
 * schema that is dropped afterwards, so files run in parallel without seeing each other.
 */
export async function freshDatabase(config: Config = testConfig(), opts: DatabaseOptions = {}): Promise<{ database: Database; config: Config; drop: () => Promise<void> }> {
  if (!config.databaseUrl) {
    const database = await openDatabase(config, opts);
    await migrateToLatest(database.db);
    return { database, config, drop: () => database.close() };
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: config.databaseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const scoped = { ...config, databaseSchema: schema };
  const database = await openDatabase(scoped, opts);
  await migrateToLatest(database.db, schema);
  return {
    database,
    config: scoped,
    drop: async () => {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(database.db);
      // pg-boss keeps its tables in a schema named after the app's.
      await sql`drop schema if exists ${sql.id(jobsSchemaFor(schema))} cascade`.execute(database.db);
      await database.close();
    },
  };
}
