import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { defineJob } from '../../platform/jobs/define.js';
import { QUEUES } from '../../platform/jobs/queue.js';
import { sendDigests } from './follows.service.js';

/** When the daily digest goes out: 07:00 in the zone of the model process (cron, pg-boss's `tz`). */
export const DIGEST_CRON = { cron: '0 7 * * *', tz: 'America/Toronto' } as const;

/**
 * Handle one `follows.digest` job: one email per digest follower listing what happened since
 * their last one. Safe to run twice (each follow remembers how far it was sent).
 */
export async function handleFollowsDigest(deps: { db: Kysely<DB>; baseUrl: string }): Promise<{ sent: number }> {
  return { sent: await sendDigests(deps.db, deps.baseUrl) };
}

/** The daily digest for followers who chose one. */
export const followsDigestJob = defineJob({
  queue: QUEUES.followsDigest,
  schedule: DIGEST_CRON,
  done: 'follow digests written',
  handle: (ctx) => handleFollowsDigest(ctx),
});
