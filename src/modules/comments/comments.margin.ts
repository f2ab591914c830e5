import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { timeLeft } from '../../platform/time/time-left.js';
import type { DocumentMargin } from '../documents/index.js';
import { pendingOnAnchor } from './comments.repository.js';

/** The comments module's margin on a document page (the documents module owns its shape). */
export type CommentMargin = DocumentMargin;

/**
 * The latest comment period on a document and its per-paragraph counts: one indexed read
 * whatever the number of comments, so the document page costs the same at 100 or 100,000.
 * The counts come back as one JSON object in one row, not one row per paragraph: on the
 * embedded database every field of every row returned costs a conversion, and 55 rows of
 * seven fields (the period's five repeated on each) cost more than the query itself.
 * @example const m = await commentMargin(db, doc.id) // null when no period was ever opened
 */
export async function commentMargin(db: Kysely<DB>, documentId: string, now: Date = new Date()): Promise<CommentMargin | null> {
  const period = await db
    .selectFrom('comment_period_documents as pd')
    .innerJoin('comment_periods as p', 'p.id', 'pd.period_id')
    .select(['p.id', 'pd.version_id', 'p.opens_at', 'p.closes_at', 'p.time_zone'])
    .select(
      // The folded counts and the comments not folded yet (0031), so the margin is exact.
      sql<Record<string, number>>`(select coalesce(json_object_agg(c.anchor, c.count + ${pendingOnAnchor('c')}), '{}'::json) from comment_anchor_counts c
        where c.period_id = p.id and c.document_id = pd.document_id)`.as('anchor_counts'),
    )
    .where('pd.document_id', '=', documentId)
    // The latest period: one row per document (this one), the last to open. Said with
    // DISTINCT ON rather than LIMIT 1 so that the embedded engine keeps it prepared (see
    // platform/db/pglite-connection.ts); the row is the same.
    .distinctOn('pd.document_id')
    .orderBy('pd.document_id')
    .orderBy('p.opens_at', 'desc')
    .executeTakeFirst();
  if (!period) return null;
  const counts: Record<string, number> = {};
  let general = 0;
  let total = 0;
  for (const [anchor, count] of Object.entries(period.anchor_counts)) {
    if (anchor === '') general = count;
    else counts[anchor] = count;
    total += count;
  }
  const state = now < period.opens_at ? 'upcoming' : now < period.closes_at ? 'open' : 'closed';
  const left = state === 'open' ? timeLeft(period.closes_at, now) : state === 'upcoming' ? timeLeft(period.opens_at, now) : null;
  return { periodId: period.id, versionId: period.version_id, state, opensAt: period.opens_at, closesAt: period.closes_at, timeZone: period.time_zone, left, counts, general, total };
}
