import { sql, type Kysely } from 'kysely';
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
    // The kept counts and the answered arrivals not folded yet (0031).
    const rows = (
      await sql<{ period_id: string; outcome: DispositionOutcome; n: string }>`
        select period_id, outcome, sum(n) as n from (
          select period_id, outcome, count as n from comment_outcome_counts where period_id in (${sql.join(periodIds)})
          union all select period_id, outcome, 1 from comment_disposed_deltas where period_id in (${sql.join(periodIds)})
        ) x group by period_id, outcome`.execute(db)
    ).rows;
    return rows.map((r) => ({ period_id: r.period_id, outcome: r.outcome, n: Number(r.n) }));
  },
};
