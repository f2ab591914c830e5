import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { DispositionOutcome } from './comments.tables.js';

/**
 * SQL for the per-period summary a process report shows: the responses by outcome, summed from
 * the kept per-paragraph counters (the other totals are columns of comment_periods).
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
};
