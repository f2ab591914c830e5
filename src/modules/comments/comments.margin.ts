import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { timeLeft } from '../../platform/time/time-left.js';
import type { DocumentMargin } from '../documents/index.js';

/** The comments module's margin on a document page (the documents module owns its shape). */
export type CommentMargin = DocumentMargin;

/**
 * The latest comment period on a document and its per-paragraph counts: one indexed read
 * (the counts joined to the latest period) whatever the number of comments, so the document
 * page costs the same at 100 or 100,000.
 * @example const m = await commentMargin(db, doc.id) // null when no period was ever opened
 */
export async function commentMargin(db: Kysely<DB>, documentId: string, now: Date = new Date()): Promise<CommentMargin | null> {
  const joined = await db
    .selectFrom((q) =>
      q
        .selectFrom('comment_period_documents as pd')
        .innerJoin('comment_periods as p', 'p.id', 'pd.period_id')
        .select(['p.id', 'pd.version_id', 'p.opens_at', 'p.closes_at', 'p.time_zone'])
        .where('pd.document_id', '=', documentId)
        .orderBy('p.opens_at', 'desc')
        .limit(1)
        .as('latest'),
    )
    .leftJoin('comment_anchor_counts as c', (j) => j.onRef('c.period_id', '=', 'latest.id').on('c.document_id', '=', documentId))
    .select(['latest.id', 'latest.version_id', 'latest.opens_at', 'latest.closes_at', 'latest.time_zone', 'c.anchor', 'c.count'])
    .execute();
  const period = joined[0];
  if (!period) return null;
  const rows = joined.flatMap((r) => (r.anchor !== null && r.count !== null ? [{ anchor: r.anchor, count: r.count }] : []));
  const counts: Record<string, number> = {};
  let general = 0;
  let total = 0;
  for (const r of rows) {
    if (r.anchor === '') general = r.count;
    else counts[r.anchor] = r.count;
    total += r.count;
  }
  const state = now < period.opens_at ? 'upcoming' : now < period.closes_at ? 'open' : 'closed';
  const left = state === 'open' ? timeLeft(period.closes_at, now) : state === 'upcoming' ? timeLeft(period.opens_at, now) : null;
  return { periodId: period.id, versionId: period.version_id, state, opensAt: period.opens_at, closesAt: period.closes_at, timeZone: period.time_zone, left, counts, general, total };
}
