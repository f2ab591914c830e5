import type { Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import type { DB } from '../platform/db/schema.js';
import type { Database } from '../platform/db/client.js';
import { QUEUE_OPTIONS, bossDb, jobsSchemaFor } from '../platform/jobs/queue.js';
import type { JobDefinition } from '../platform/jobs/define.js';
import { housekeepingJob } from '../platform/jobs/housekeeping.js';
import { MODULES } from './modules.js';

/** What the job workers need. */
export interface JobsDeps {
  db: Kysely<DB>;
  /** The same database, for jobs that need its raw connection (COPY). */
  database: Database;
  /** The app's PostgreSQL schema (pg-boss's sits beside it). */
  appSchema: string | undefined;
  baseUrl: string;
  log: FastifyBaseLogger;
  /** How often an idle worker looks for due jobs. */
  pollingIntervalSeconds?: number;
}

/** The frame's jobs and every module's, each queue once. */
export function allJobs(): JobDefinition[] {
  const jobs = [housekeepingJob, ...MODULES.flatMap((m) => m.jobs ?? [])];
  const seen = new Set<string>();
  for (const j of jobs) {
    if (seen.has(j.queue)) throw new Error(`Two jobs use the queue ${j.queue}`);
    seen.add(j.queue);
  }
  return jobs;
}

/**
 * Start pg-boss over the app's pool and work every module's queues; returns a stop function.
 * Any app server may run workers: pg-boss claims each job with SKIP LOCKED, so a job runs once.
 */
export async function startJobs(deps: JobsDeps): Promise<() => Promise<void>> {
  // `schedule` runs pg-boss's cron (the daily digest); `supervise` its maintenance (expiry, archiving).
  const boss = new PgBoss({ db: bossDb(deps.db), schema: jobsSchemaFor(deps.appSchema), schedule: true, supervise: true, migrate: true });
  boss.on('error', (err) => deps.log.error({ err }, 'job queue error'));
  await boss.start();
  const ctx = { db: deps.db, database: deps.database, jobsSchema: jobsSchemaFor(deps.appSchema), baseUrl: deps.baseUrl, log: deps.log };
  const polling = { pollingIntervalSeconds: deps.pollingIntervalSeconds ?? 30 };
  for (const job of allJobs()) {
    // Creating a queue again is a no-op, and lets a new module's queue work without a migration.
    await boss.createQueue(job.queue, { name: job.queue, ...QUEUE_OPTIONS });
    if (job.schedule) await boss.schedule(job.queue, job.schedule.cron, {}, { tz: job.schedule.tz });
    await boss.work<Record<string, unknown>>(job.queue, polling, async (batch) => {
      for (const one of batch) {
        const result = await job.handle(ctx, one.data);
        deps.log.info({ jobId: one.id, queue: job.queue, ...result }, job.done);
      }
    });
  }
  return async () => {
    await boss.stop({ graceful: true, timeout: 10_000 });
  };
}
