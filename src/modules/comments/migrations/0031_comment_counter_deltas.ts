import { type Kysely, sql } from 'kysely';

/**
 * Counter deltas (issue 11, "the web form and single-comment API stay fast under a surge"):
 * a comment sent one at a time no longer updates its period's counter row or its duplicate
 * group's size in place (every submitter of a period queued on the one row, every copy of a
 * campaign's text on its group's). It inserts one row here instead; the
 * `comments.fold-counters` job folds the rows into comment_periods (comment_count,
 * text_count), comment_anchor_counts (count) and comment_groups (size) with
 * DELETE … RETURNING, and readers add the rows not folded yet, so what they show stays exact.
 *
 * No foreign keys: a key check takes a share lock on the parent row at every insert; the rows
 * live for about a minute and are written in the transaction of the comment they count.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('comment_count_deltas')
    .addColumn('period_id', 'uuid', (c) => c.notNull())
    .addColumn('document_id', 'uuid', (c) => c.notNull())
    // '' for a general comment, as in comment_anchor_counts.
    .addColumn('anchor', 'text', (c) => c.notNull())
    .addColumn('group_id', 'uuid', (c) => c.notNull())
    // The comment created its group (a new distinct text): the group's row already counts it,
    // so it adds one to text_count and nothing to the group's size.
    .addColumn('new_text', 'boolean', (c) => c.notNull())
    .execute();
  // The readers' keys: a period (and its paragraphs), and a group.
  await sql`create index comment_count_deltas_anchor on comment_count_deltas (period_id, document_id, anchor)`.execute(db);
  await sql`create index comment_count_deltas_group on comment_count_deltas (group_id) where not new_text`.execute(db);

  // A comment joining a group already answered is covered by the answer at once (0010): the
  // trigger now records that as a delta too, rather than updating the period's row and the
  // paragraph's outcome row in the inserting transaction (a campaign answered while its copies
  // keep coming was the surge's worst case). The fold adds them to disposed_count and
  // comment_outcome_counts; readers add the pending ones.
  await db.schema
    .createTable('comment_disposed_deltas')
    .addColumn('period_id', 'uuid', (c) => c.notNull())
    .addColumn('document_id', 'uuid', (c) => c.notNull())
    .addColumn('anchor', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .execute();
  await sql`create index comment_disposed_deltas_period on comment_disposed_deltas (period_id)`.execute(db);
  await sql`
    create or replace function comment_dispositions_cover_arrival() returns trigger language plpgsql as $$
    declare
      answered text;
    begin
      select outcome into answered from comment_dispositions where group_id = new.group_id;
      if answered is not null then
        insert into comment_disposed_deltas (period_id, document_id, anchor, outcome)
          values (new.period_id, new.document_id, coalesce(new.anchor, ''), answered);
      end if;
      return null;
    end $$`.execute(db);
}

/** Drop the table (for development: deltas not folded yet are lost with it). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function comment_dispositions_cover_arrival() returns trigger language plpgsql as $$
    declare
      answered text;
    begin
      select outcome into answered from comment_dispositions where group_id = new.group_id;
      if answered is not null then
        insert into comment_outcome_counts (period_id, document_id, anchor, outcome, count)
          values (new.period_id, new.document_id, coalesce(new.anchor, ''), answered, 1)
          on conflict (period_id, document_id, anchor, outcome) do update set count = comment_outcome_counts.count + 1;
        update comment_periods set disposed_count = disposed_count + 1 where id = new.period_id;
      end if;
      return null;
    end $$`.execute(db);
  await db.schema.dropTable('comment_disposed_deltas').ifExists().execute();
  await db.schema.dropTable('comment_count_deltas').ifExists().execute();
}
