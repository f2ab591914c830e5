import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { pendingMigrations } from '../../platform/db/migrate.js';
import { jobsSchemaFor, oldestWaitingJob } from '../../platform/jobs/queue.js';

/** A job waiting longer than this means the workers are behind or stopped. */
export const JOBS_LATE_MS = 15 * 60_000;

/** What the status page and /readyz know about this app server and what it depends on. */
export interface ServiceStatus {
  database: { ok: true; ms: number } | { ok: false };
  /** Migrations not yet applied (the app runs them at start; any left means a failed start). */
  pendingMigrations: string[] | null;
  /** When the oldest due job was queued; null when none waits; undefined when it could not be read. */
  oldestJob: Date | null | undefined;
  startedAt: Date;
}

const startedAt = new Date(Date.now() - process.uptime() * 1000);

/** Ask the database, its migrations and the job queue. Never throws: a failure is a finding. */
export async function serviceStatus(deps: { db: Kysely<DB>; schema?: string | undefined }): Promise<ServiceStatus> {
  const status: ServiceStatus = { database: { ok: false }, pendingMigrations: null, oldestJob: undefined, startedAt };
  try {
    const t0 = performance.now();
    await sql`select 1`.execute(deps.db);
    status.database = { ok: true, ms: performance.now() - t0 };
  } catch {
    // Details stay in the logs; the page says the database does not answer.
    return status;
  }
  try {
    status.pendingMigrations = await pendingMigrations(deps.db, deps.schema);
  } catch {
    status.pendingMigrations = null;
  }
  try {
    status.oldestJob = await oldestWaitingJob(deps.db, jobsSchemaFor(deps.schema));
  } catch {
    status.oldestJob = undefined;
  }
  return status;
}

/** Whether everything a person relies on works: the database answers, is current, and jobs run. */
export function allWell(s: ServiceStatus, now: Date = new Date()): boolean {
  return s.database.ok && s.pendingMigrations?.length === 0 && s.oldestJob !== undefined && (s.oldestJob === null || now.getTime() - s.oldestJob.getTime() < JOBS_LATE_MS);
}
