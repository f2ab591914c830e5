import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { defineJob } from './define.js';
import { QUEUES } from './queue.js';
import { sessionsRepository } from '../auth/sessions.repository.js';
import { throttle } from '../auth/throttle.js';
import { signMovedHeads } from '../audit/audit-heads.service.js';

/** When housekeeping runs: once a day, at a quiet hour (cron, pg-boss's `tz`). */
export const HOUSEKEEPING_CRON = { cron: '17 3 * * *', tz: 'America/Toronto' } as const;

/** Throttle rows older than this are finished windows: the longest window is 15 minutes. */
const THROTTLE_KEEP_MS = 86_400_000;

/**
 * Handle one `housekeeping` job: forget expired sessions and finished throttle windows, which
 * otherwise pile up, and sign audit chain heads that moved (a session row is only removed when its owner comes back after expiry).
 * Safe to run twice.
 */
export async function handleHousekeeping(deps: { db: Kysely<DB> }, now: Date = new Date()): Promise<{ sessions: number; throttles: number; signedHeads: number }> {
  const sessions = await sessionsRepository.deleteExpired(deps.db, now);
  const throttles = await throttle.purge(deps.db, new Date(now.getTime() - THROTTLE_KEEP_MS));
  // Audit heads are signed at least daily, so deleting the newest events shows even if nobody verifies.
  const signedHeads = await signMovedHeads(deps.db);
  return { sessions, throttles, signedHeads };
}

/** The frame's own daily job. */
export const housekeepingJob = defineJob({
  queue: QUEUES.housekeeping,
  schedule: HOUSEKEEPING_CRON,
  done: 'expired sessions and throttles purged',
  handle: (ctx) => handleHousekeeping(ctx),
});
