import { CompiledQuery, type Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import type { DB } from '../db/schema.js';

/**
 * Scheduled work (reminders, later digests) on pg-boss 10, over the app's own Kysely pool:
 * the same code runs on PGlite (one connection, queries queued) and on PostgreSQL. pg-boss
 * keeps its tables in a schema of its own, created by migration 0003, so a job can be
 * enqueued inside the transaction of the change that causes it, whether or not workers run
 * in this process.
 */

/** The queues Concord uses; each has a handler in src/jobs/. */
export const QUEUES = {
  meetingReminder: 'meeting.reminder',
  followsDigest: 'follows.digest',
  housekeeping: 'housekeeping',
  actionReminders: 'action.reminders',
  actionDigest: 'action.digest',
  campaignsDetect: 'campaigns.detect',
  commentImport: 'comments.import',
} as const;
/** The name of one of Concord's queues. */
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Retries for every queue: a handler that fails (database busy, a bug fixed later) runs again. */
export const QUEUE_OPTIONS = { policy: 'standard', retryLimit: 5, retryDelay: 60, retryBackoff: true } as const;

/**
 * The pg-boss schema for an app schema: `pgboss` beside `public`, `<schema>_pgboss` beside
 * any other, so installations (and test files) sharing one PostgreSQL database keep apart.
 * @example jobsSchemaFor(undefined) // 'pgboss'
 */
export function jobsSchemaFor(appSchema: string | undefined): string {
  return !appSchema || appSchema === 'public' ? 'pgboss' : `${appSchema}_pgboss`;
}

/** pg-boss's database interface over Kysely (the app's pool, or an open transaction). */
export function bossDb(db: Kysely<DB>): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const r = await db.executeQuery(CompiledQuery.raw(text, values));
      return { rows: r.rows };
    },
  };
}

/**
 * pg-boss's own SQL to create its schema, without the BEGIN/COMMIT it wraps around it: the
 * migration runs it inside the migrator's transaction, whose COMMIT must stay the migrator's.
 */
export function constructionSql(jobsSchema: string): string {
  const plan = PgBoss.getConstructionPlans(jobsSchema).trim();
  if (!plan.startsWith('BEGIN;') || !plan.endsWith('COMMIT;')) throw new Error('pg-boss construction plan has an unexpected shape');
  return plan.slice('BEGIN;'.length, -'COMMIT;'.length);
}

/** The SQL that creates one queue (idempotent: pg-boss ignores a queue that exists). */
export function createQueueSql(jobsSchema: string, name: QueueName): { text: string; values: unknown[] } {
  return { text: `SELECT ${jobsSchema}.create_queue($1, $2)`, values: [name, JSON.stringify(QUEUE_OPTIONS)] };
}

// A pg-boss instance that only builds SQL; its own connection is never opened because every
// call passes `db`. One per schema, as its statements name the schema.
const senders = new Map<string, PgBoss>();
function sender(jobsSchema: string): PgBoss {
  let boss = senders.get(jobsSchema);
  if (!boss) {
    boss = new PgBoss({ db: { executeSql: () => Promise.reject(new Error('pg-boss sender used without a db')) }, schema: jobsSchema, schedule: false, supervise: false, migrate: false });
    senders.set(jobsSchema, boss);
  }
  return boss;
}

/**
 * Enqueue a job in the caller's transaction: it exists exactly when the change does.
 * @example await enqueue(trx, jobsSchema, QUEUES.meetingReminder, { meetingId }, { startAfter })
 */
export async function enqueue(db: Kysely<DB>, jobsSchema: string, name: QueueName, data: object, opts: { startAfter?: Date } = {}): Promise<string> {
  const id = await sender(jobsSchema).send(name, data, { ...opts, db: bossDb(db) });
  if (!id) throw new Error(`pg-boss did not accept a job for ${name}: is its queue created?`);
  return id;
}

/** Cancel a job that has not run yet (a reminder for a time that changed). */
export async function cancelJob(db: Kysely<DB>, jobsSchema: string, name: QueueName, id: string): Promise<void> {
  await sender(jobsSchema).cancel(name, id, { db: bossDb(db) });
}

/** One job with its state and start time, for tests and operators. */
export async function getJob(db: Kysely<DB>, jobsSchema: string, name: QueueName, id: string): Promise<PgBoss.JobWithMetadata<Record<string, unknown>> | null> {
  return sender(jobsSchema).getJobById<Record<string, unknown>>(name, id, { db: bossDb(db), includeArchive: true });
}

/**
 * When the oldest job that is due and not yet started was queued, or null when none waits: a
 * worker that stopped shows as a queue that only grows older. Reads one row (the queue's
 * index on state and start time), so the status page stays cheap during a flood.
 */
export async function oldestWaitingJob(db: Kysely<DB>, jobsSchema: string): Promise<Date | null> {
  const schema = jobsSchema.replace(/"/g, '""');
  const r = await db.executeQuery<{ created_on: Date | string }>(
    CompiledQuery.raw(`select created_on from "${schema}".job where state in ('created', 'retry') and start_after <= now() order by created_on limit 1`),
  );
  const at = r.rows[0]?.created_on;
  return at === undefined ? null : new Date(at);
}
