import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { DB } from '../db/schema.js';
import type { Database } from '../db/client.js';

/** What a job handler is given: the database, where links point, and a logger. */
export interface JobContext {
  db: Kysely<DB>;
  /** The same database with its transaction-with-raw-connection (a job that COPYs, the comment import). */
  database: Database;
  /** pg-boss's schema, for a job that enqueues another (an import asks for campaign detection). */
  jobsSchema: string;
  baseUrl: string;
  log: FastifyBaseLogger;
}

/**
 * One kind of background work a module brings: a pg-boss queue, its handler, and, for
 * recurring work, when it runs. The worker (src/app/worker.ts) works every module's jobs.
 */
export interface JobDefinition<Data extends object = Record<string, unknown>> {
  /** The pg-boss queue name, e.g. 'meeting.reminder'; unique across modules. */
  queue: string;
  /** Cron schedule in a time zone, for recurring work; absent for jobs enqueued by a change. */
  schedule?: { cron: string; tz: string };
  /** Handle one job; what it returns is logged with `done`. Must be safe to run twice. */
  handle(ctx: JobContext, data: Data): Promise<object>;
  /** The log line written after each job. */
  done: string;
}

/**
 * Declare a job for a module manifest.
 * @example defineJob({ queue: 'follows.digest', schedule: DIGEST_CRON, done: 'follow digests written', handle: (ctx) => handleFollowsDigest(ctx) })
 */
export function defineJob<Data extends object>(job: JobDefinition<Data>): JobDefinition {
  return job as unknown as JobDefinition;
}
