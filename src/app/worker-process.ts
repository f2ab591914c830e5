import Fastify from 'fastify';
import type { Config } from '../platform/config.js';
import { openDatabase } from '../platform/db/client.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { loggerOptions } from '../platform/http/logging.js';
import { useKeySecret } from '../platform/signing/index.js';
import { allJobs, startJobs } from './worker.js';

/** Why `concord worker` is refused on the embedded database. */
export const WORKER_NEEDS_POSTGRES =
  'concord worker needs PostgreSQL (DATABASE_URL): the embedded database (PGlite) belongs to the one `concord serve` process that opened its data folder, and that server works the jobs itself. Set DATABASE_URL to run workers apart from the app servers.';

/**
 * `concord worker`: the job workers alone, without HTTP, against the configured PostgreSQL.
 * Several may run, on several machines, beside app servers started with `serve --no-jobs`:
 * pg-boss hands each job to one of them (SKIP LOCKED), and every job is safe to run twice.
 */
export async function startWorker(config: Config, out: (line: string) => void = console.log): Promise<{ stop(): Promise<void> }> {
  if (!config.databaseUrl) throw new Error(WORKER_NEEDS_POSTGRES);
  const database = await openDatabase(config);
  try {
    useKeySecret(config);
    // A worker may start before any app server: the schema is brought up to date as serve does.
    await migrateToLatest(database.db, config.databaseSchema);
    // The app's logger (same redaction and format) without a server: this instance never listens.
    const log = Fastify({ logger: loggerOptions(config) }).log;
    const stopJobs = await startJobs({ db: database.db, database, appSchema: config.databaseSchema, baseUrl: config.baseUrl, log });
    out(`Concord worker: working ${allJobs().map((j) => j.queue).join(', ')} on PostgreSQL (DATABASE_URL); no HTTP.`);
    return {
      stop: async () => {
        await stopJobs();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
