import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { defineJob } from './define.js';
import { QUEUES } from './queue.js';
import { sessionsRepository } from '../auth/sessions.repository.js';
import { throttle } from '../auth/throttle.js';

/** When housekeeping runs: once a day, at a quiet hour (cron, pg-boss's `tz`). */
export const HOUSEKEEPING_CRON = { cron: '17 3 * * *', tz: 'America/Toronto' } as const;

/** Throttle rows older than this are finished windows: the longest window is 15 minutes. */
const THROTTLE_KEEP_MS = 86_400_000;

/**
 * Handle one `housekeeping` job: forget expired sessions and finished throttle windows, which
 * otherwise pile up (a session row is only removed when its owner comes back after expiry).
 * Safe to run twice.
 */
export async function handleHousekeeping(deps: { db: Kysely<DB> }, now: Date = new Date()): Promise<{ sessions: number; throttles: number }> {
  const sessions = await sessionsRepository.deleteExpired(deps.db, now);
  const throttles = await throttle.purge(deps.db, new Date(now.getTime() - THROTTLE_KEEP_MS));
  return { sessions, throttles };
}

/** The frame's own daily job. */
export const housekeepingJob = defineJob({
  queue: QUEUES.housekeeping,
  schedule: HOUSEKEEPING_CRON,
  done: 'expired sessions and throttles purged',
  handle: (ctx) => handleHousekeeping(ctx),
});
