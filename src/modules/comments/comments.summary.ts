import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/roles.js';
import type { DispositionOutcome } from './comments.tables.js';
import type { PeriodState } from './comments.schema.js';
import { listPeriods, periodState, type CoveredDocument } from './periods.service.js';
import type { Period } from './comments.repository.js';
import { OUTCOMES } from './dispositions.schema.js';
import { summaryRepository as repo } from './summary.repository.js';

/** One comment period in figures: what came in, how much of it was one text sent many times, and how it was answered. */
export interface PeriodSummary {
  period: Period;
  /** The documents it asks about that this viewer may read. */
  documents: CoveredDocument[];
  state: PeriodState;
  /** Every comment received, duplicates included (the kept counter). */
  comments: number;
  /**
   * Distinct texts, each campaign counted once: each group of exact duplicates counts once,
   * less the texts the last campaign detection folded under a representative (0032).
   */
  distinct: number;
  hidden: number;
  /** Visible comments covered by a response (the kept counter; hidden ones are not counted). */
  answered: number;
  /** Visible comments still without a response: comments − hidden − answered. */
  awaiting: number;
  byOutcome: Record<DispositionOutcome, number>;
}

/**
 * The periods of a process this viewer may see, latest first, each in figures: every total is
 * a counter kept as comments, moderation and responses happen, so no comment row is counted.
 * @example const [p] = await periodSummaries(db, processId, null); p.comments - p.distinct // copies beyond the first
 */
export async function periodSummaries(db: Kysely<DB>, processId: string, actor: Actor | null, now: Date = new Date()): Promise<PeriodSummary[]> {
  const details = await listPeriods(db, processId, actor);
  const ids = details.map((d) => d.period.id);
  const outcomes = await repo.outcomeTotals(db, ids);
  return details.map(({ period, documents }) => {
    const byOutcome = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<DispositionOutcome, number>;
    for (const r of outcomes) if (r.period_id === period.id) byOutcome[r.outcome] += r.n;
    return {
      period,
      documents,
      state: periodState(period, now),
      comments: period.comment_count,
      distinct: Math.max(0, period.text_count - period.folded_texts),
      hidden: period.hidden_count,
      answered: period.disposed_count,
      awaiting: Math.max(0, period.comment_count - period.hidden_count - period.disposed_count),
      byOutcome,
    };
  });
}
