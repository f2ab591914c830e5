import type { Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import type { DB } from '../platform/db/schema.js';
import { QUEUES, QUEUE_OPTIONS, bossDb, jobsSchemaFor } from '../platform/jobs/queue.js';
import { handleMeetingReminder, type MeetingReminderJob } from '../modules/meetings/meetings.jobs.js';
import { DIGEST_CRON, handleFollowsDigest } from '../modules/follows/follows.jobs.js';
import { HOUSEKEEPING_CRON, handleHousekeeping } from '../platform/jobs/housekeeping.js';
import { ACTION_DIGEST_CRON, ACTION_REMINDERS_CRON, handleActionDigest, handleActionReminders } from '../modules/accountability/accountability.jobs.js';

/** What the job workers need. */
export interface JobsDeps {
  db: Kysely<DB>;
  /** The app's PostgreSQL schema (pg-boss's sits beside it). */
  appSchema: string | undefined;
  baseUrl: string;
  log: FastifyBaseLogger;
  /** How often an idle worker looks for due jobs. */
  pollingIntervalSeconds?: number;
}

/**
 * Start pg-boss over the app's pool and work every queue; returns a stop function. Any app
 * server may run workers: pg-boss claims each job with SKIP LOCKED, so a job runs once.
 */
export async function startJobs(deps: JobsDeps): Promise<() => Promise<void>> {
  // `schedule` runs pg-boss's cron (the daily digest); `supervise` its maintenance (expiry, archiving).
  const boss = new PgBoss({ db: bossDb(deps.db), schema: jobsSchemaFor(deps.appSchema), schedule: true, supervise: true, migrate: true });
  boss.on('error', (err) => deps.log.error({ err }, 'job queue error'));
  await boss.start();
  // Migration 0003 creates the reminder queue (so it can be enqueued before any worker runs);
  // creating a queue again is a no-op, and lets a new queue work without a migration.
  for (const name of Object.values(QUEUES)) await boss.createQueue(name, { name, ...QUEUE_OPTIONS });
  await boss.work<MeetingReminderJob>(QUEUES.meetingReminder, { pollingIntervalSeconds: deps.pollingIntervalSeconds ?? 30 }, async (jobs) => {
    for (const job of jobs) {
      const { sent } = await handleMeetingReminder(deps, job.data);
      deps.log.info({ jobId: job.id, meetingId: job.data.meetingId, sent }, 'meeting reminders written');
    }
  });
  await boss.schedule(QUEUES.followsDigest, DIGEST_CRON.cron, {}, { tz: DIGEST_CRON.tz });
  await boss.work(QUEUES.followsDigest, { pollingIntervalSeconds: deps.pollingIntervalSeconds ?? 30 }, async () => {
    const { sent } = await handleFollowsDigest(deps);
    deps.log.info({ sent }, 'follow digests written');
  });
  await boss.schedule(QUEUES.housekeeping, HOUSEKEEPING_CRON.cron, {}, { tz: HOUSEKEEPING_CRON.tz });
  await boss.work(QUEUES.housekeeping, { pollingIntervalSeconds: deps.pollingIntervalSeconds ?? 30 }, async () => {
    const purged = await handleHousekeeping(deps);
    deps.log.info(purged, 'expired sessions and throttles purged');
  });
  await boss.schedule(QUEUES.actionReminders, ACTION_REMINDERS_CRON.cron, {}, { tz: ACTION_REMINDERS_CRON.tz });
  await boss.work(QUEUES.actionReminders, { pollingIntervalSeconds: deps.pollingIntervalSeconds ?? 30 }, async () => {
    const sent = await handleActionReminders(deps);
    deps.log.info(sent, 'action reminders written');
  });
  await boss.schedule(QUEUES.actionDigest, ACTION_DIGEST_CRON.cron, {}, { tz: ACTION_DIGEST_CRON.tz });
  await boss.work(QUEUES.actionDigest, { pollingIntervalSeconds: deps.pollingIntervalSeconds ?? 30 }, async () => {
    const { sent } = await handleActionDigest(deps);
    deps.log.info({ sent }, 'action committee digests written');
  });
  return async () => {
    await boss.stop({ graceful: true, timeout: 10_000 });
  };
}
