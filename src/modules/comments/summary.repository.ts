import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { DispositionOutcome } from './comments.tables.js';

/**
 * SQL for the per-period summary a process report shows. The comment and response totals come
 * from the kept counters (comment_periods, comment_outcome_counts); only the number of
 * duplicate groups and of hidden comments are counted here, per period.
 */
export const summaryRepository = {
  /** Comments covered by a response per outcome, summed over paragraphs (the kept counters). */
  async outcomeTotals(db: Kysely<DB>, periodIds: string[]): Promise<{ period_id: string; outcome: DispositionOutcome; n: number }[]> {
    if (periodIds.length === 0) return [];
    const rows = await db
      .selectFrom('comment_outcome_counts')
      .select(['period_id', 'outcome', (eb) => eb.fn.sum<string>('count').as('n')])
      .where('period_id', 'in', periodIds)
      .groupBy(['period_id', 'outcome'])
      .execute();
    return rows.map((r) => ({ period_id: r.period_id, outcome: r.outcome, n: Number(r.n) }));
  },

  /**
   * Distinct texts per period: its duplicate groups that hold a comment. One row per distinct
   * text, read through the (period_id, body_hash) unique index; a campaign of 10 000 copies is one row.
   */
  async groupCounts(db: Kysely<DB>, periodIds: string[]): Promise<Map<string, number>> {
    if (periodIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('comment_groups')
      .select(['period_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('period_id', 'in', periodIds)
      .where('size', '>', 0)
      .groupBy('period_id')
      .execute();
    return new Map(rows.map((r) => [r.period_id, Number(r.n)]));
  },

  /**
   * Hidden comments per period. No counter is kept for them, so this walks the period's
   * comments; hiding is rare and the report page is not a hot page, but a kept count on
   * comment_periods would make it free (noted in docs).
   */
  async hiddenCounts(db: Kysely<DB>, periodIds: string[]): Promise<Map<string, number>> {
    if (periodIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('comments')
      .select(['period_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('period_id', 'in', periodIds)
      .where('status', '=', 'hidden')
      .groupBy('period_id')
      .execute();
    return new Map(rows.map((r) => [r.period_id, Number(r.n)]));
  },
};
