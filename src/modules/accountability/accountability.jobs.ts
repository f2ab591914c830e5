import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { defineJob } from '../../platform/jobs/define.js';
import { QUEUES } from '../../platform/jobs/queue.js';
import { sendActionReminders, sendCommitteeDigest } from './reminders.service.js';

/** When action reminders go out: every day at 08:00 in the zone of the model process (cron, pg-boss's `tz`). */
export const ACTION_REMINDERS_CRON = { cron: '0 8 * * *', tz: 'America/Toronto' } as const;

/** When the action committee's digest goes out: Mondays at 08:00 (cron, pg-boss's `tz`). */
export const ACTION_DIGEST_CRON = { cron: '0 8 * * 1', tz: 'America/Toronto' } as const;

/**
 * Handle one `action.reminders` job: owners hear a few days before a due date and when an
 * action becomes overdue, once each. Tests call it with a fixed `now`; safe to run twice.
 */
export async function handleActionReminders(deps: { db: Kysely<DB>; baseUrl: string }, now: Date = new Date()): Promise<{ dueSoon: number; overdue: number }> {
  return sendActionReminders(deps.db, deps.baseUrl, now);
}

/** Handle one `action.digest` job: the action committee's weekly summary of every process with actions. */
export async function handleActionDigest(deps: { db: Kysely<DB>; baseUrl: string }, now: Date = new Date()): Promise<{ sent: number }> {
  return sendCommitteeDigest(deps.db, deps.baseUrl, now);
}

/** Reminders before an action is due and once it is overdue, daily. */
export const actionRemindersJob = defineJob({
  queue: QUEUES.actionReminders,
  schedule: ACTION_REMINDERS_CRON,
  done: 'action reminders written',
  handle: (ctx) => handleActionReminders(ctx),
});

/** The action committee's weekly digest. */
export const actionDigestJob = defineJob({
  queue: QUEUES.actionDigest,
  schedule: ACTION_DIGEST_CRON,
  done: 'action committee digests written',
  handle: (ctx) => handleActionDigest(ctx),
});
