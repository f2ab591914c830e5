import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/platform/config.js';
import { openDatabase, type Database, type DatabaseOptions } from '../../src/platform/db/client.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import '../../src/app/modules.js';
import { jobsSchemaFor } from '../../src/platform/jobs/queue.js';
import { imageBlob, postgresCopy, providedImage } from './images.js';

/** Which engine this test run uses: PostgreSQL when DATABASE_URL is set, else PGlite in memory. */
export const ENGINE = process.env.DATABASE_URL ? 'postgres' : 'pglite';

/** A test configuration: no demo, fixed base URL, in-memory PGlite or a private PostgreSQL schema. */
export function testConfig(over: Partial<Config> = {}): Config {
  return {
    // No page cache: tests read what they just changed; test/http/page-cache.test.ts turns it on.
    ...loadConfig({ NODE_ENV: 'test', CONCORD_DATA_DIR: 'memory://', CONCORD_DEMO: '0', BASE_URL: 'http://localhost:3000', DATABASE_URL: process.env.DATABASE_URL, PAGE_CACHE_MS: '0', SEARCH_PER_MINUTE: '10000' }),
    ...over,
  };
}

/**
 * A fresh, migrated database for one test file, isolated from the others running in parallel:
 * a copy of the run's migrated image (test/helpers/images.ts) — in-memory PGlite loaded from
 * the dump, or on PostgreSQL a database copied from the template and dropped afterwards.
 * Without an image (a file run outside the vitest projects) it migrates one itself.
 */
export async function freshDatabase(config: Config = testConfig(), opts: DatabaseOptions = {}): Promise<{ database: Database; config: Config; drop: () => Promise<void> }> {
  const started = performance.now();
  try {
    return await openFreshDatabase(config, opts);
  } finally {
    reportSetupTime('database', started);
  }
}

/** With CONCORD_TEST_TIMING=1, print how long a file's setup took (docs/performance.md). */
export function reportSetupTime(what: string, started: number): void {
  if (process.env.CONCORD_TEST_TIMING === '1') console.log(`[setup] ${what}: ${Math.round(performance.now() - started)} ms`);
}

async function openFreshDatabase(config: Config, opts: DatabaseOptions): Promise<{ database: Database; config: Config; drop: () => Promise<void> }> {
  const image = providedImage('migratedImage');
  if (!config.databaseUrl) {
    const database = await openDatabase(image?.engine === 'pglite' ? { ...config, pgliteImage: imageBlob(image.file) } : config, opts);
    if (!image) await migrateToLatest(database.db);
    return { database, config, drop: () => database.close() };
  }
  if (image?.engine === 'postgres') {
    const copy = await postgresCopy(config.databaseUrl, image);
    const scoped = { ...config, databaseUrl: copy.databaseUrl, databaseSchema: image.schema };
    const database = await openDatabase(scoped, opts);
    return {
      database,
      config: scoped,
      drop: async () => {
        await database.close();
        await copy.drop();
      },
    };
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
