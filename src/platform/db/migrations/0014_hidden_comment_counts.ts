import { type Kysely, sql } from 'kysely';

/**
 * Hidden comments need no response. Until now a hidden comment still counted as a comment to
 * answer (so the progress bar could not reach 100 % unless editors answered spam) and, when it
 * had been answered before it was hidden, as an answered one. From here on:
 * - comment_anchor_counts.hidden keeps, per paragraph, how many of its comments are hidden now
 *   (kept by moderation), so the report's "awaiting a response" is total − hidden − answered
 *   without counting comment rows;
 * - the kept response counts (comment_periods.disposed_count, comment_outcome_counts) cover
 *   visible comments only: hiding an answered comment takes it out, restoring puts it back.
 * Both are recounted here once from the rows, for periods that already have comments.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('comment_anchor_counts')
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update comment_anchor_counts a set hidden = (
      select count(*) from comments c
      where c.period_id = a.period_id and c.document_id = a.document_id and coalesce(c.anchor, '') = a.anchor and c.status = 'hidden')`.execute(db);

  // The response counts, recounted over visible comments: each counts once, under its own
  // response when it has one, else under its group's (the rule of dispositions.service).
  await sql`update comment_outcome_counts set count = 0`.execute(db);
  await sql`
    insert into comment_outcome_counts (period_id, document_id, anchor, outcome, count)
    select c.period_id, c.document_id, coalesce(c.anchor, ''), coalesce(od.outcome, gd.outcome), count(*)
    from comments c
    left join comment_dispositions od on od.comment_id = c.id
    left join comment_dispositions gd on gd.group_id = c.group_id
    where c.status = 'visible' and (od.id is not null or gd.id is not null)
    group by 1, 2, 3, 4
    on conflict (period_id, document_id, anchor, outcome) do update set count = excluded.count`.execute(db);
  await sql`update comment_periods p set disposed_count = coalesce((
      select sum(o.count) from comment_outcome_counts o where o.period_id = p.id), 0)`.execute(db);
}

/** Undo (for development; production never runs it). The response counts keep their visible-only values. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('comment_anchor_counts').dropColumn('hidden').execute();
}
