import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { defineJob } from '../../platform/jobs/define.js';
import { inTransaction } from '../../platform/db/tx.js';
import { commentsRepository as repo } from './comments.repository.js';

/** Every minute (pg-boss's cron has minutes as its finest step): readers add what is pending meanwhile. */
export const FOLD_CRON = { cron: '* * * * *', tz: 'UTC' } as const;

/** The queue of the fold; declared by the comments manifest. */
export const FOLD_QUEUE = 'comments.fold-counters';

/**
 * Fold the counter deltas comments sent one at a time left (0031) into the period, paragraph
 * and group counters, in one transaction; safe to run twice and concurrently
 * (see `commentsRepository.foldCounters`).
 * @example const { folded } = await foldCounters(db)
 */
export async function foldCounters(db: Kysely<DB>): Promise<{ folded: number }> {
  return { folded: await inTransaction(db, (trx) => repo.foldCounters(trx)) };
}

/** The job that keeps the counters folded. */
export const foldCountersJob = defineJob({
  queue: FOLD_QUEUE,
  schedule: FOLD_CRON,
  done: 'comment counters folded',
  handle: (ctx) => foldCounters(ctx.db),
});

/**
 * Copies of a period's texts not folded into their group's size yet, by group (a minute's worth:
 * the rows the fold job has not reached). Readers of stored group sizes elsewhere (campaigns)
 * add them, so what they show is exact.
 * @example (await pendingCopies(db, periodId)).get(groupId) // 3
 */
export async function pendingCopies(db: Kysely<DB>, periodId: string): Promise<Map<string, number>> {
  return new Map((await repo.pendingCopies(db, periodId)).map((r) => [r.group_id, r.n]));
}

/**
 * The same copies summed for a few campaigns only, by campaign, in one statement: what a public
 * listing or report adds to the counts beside its representatives (it never reads the
 * period's other pending groups).
 * @example (await pendingCopiesOfCampaigns(db, periodId, [campaignId])).get(campaignId) // 3
 */
export async function pendingCopiesOfCampaigns(db: Kysely<DB>, periodId: string, campaignIds: string[]): Promise<Map<string, number>> {
  if (!campaignIds.length) return new Map();
  return new Map((await repo.pendingCopiesOfCampaigns(db, periodId, campaignIds)).map((r) => [r.campaign_id, r.n]));
}
