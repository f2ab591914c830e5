import { type Kysely, sql } from 'kysely';

/**
 * The text-search configurations the index uses: PostgreSQL's english, french and simple,
 * with the `unaccent` dictionary in front of the stemmer for words that carry letters outside
 * ASCII. Putting unaccent inside the configuration (rather than calling unaccent() on the
 * text) keeps one property that matters for excerpts: ts_headline can then run over the
 * original text and still find « sécurité » for a search for "securite", so French excerpts
 * keep their accents. They are created in the current schema (a test's private schema on
 * PostgreSQL, dropped with it); the unaccent dictionary comes from `public`.
 */
export const SEARCH_CONFIGS = [
  { name: 'concord_english', copy: 'english', stem: 'english_stem' },
  { name: 'concord_french', copy: 'french', stem: 'french_stem' },
  { name: 'concord_simple', copy: 'simple', stem: 'simple' },
] as const;

/**
 * What responses to comments and the search pages needed once they were built on the tables
 * of 0007 and 0008 (a separate migration, so that a database already migrated by those
 * upgrades like a new one):
 * - counts of answered comments per paragraph and outcome, kept as responses are recorded,
 *   and a trigger that counts a comment joining an already-answered duplicate group;
 * - a period's hidden comments and distinct texts, kept as they change, so a report never
 *   counts comment rows;
 * - accent-insensitive stemming configurations, a status shown beside a result, and one
 *   entry per record and language.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Comments covered by a response, per paragraph ('' for general) and outcome, kept as
  // responses are recorded, so the report's counts by outcome never count comment rows.
  await db.schema
    .createTable('comment_outcome_counts')
    .addColumn('period_id', 'uuid', (c) => c.notNull().references('comment_periods.id').onDelete('restrict'))
    .addColumn('document_id', 'uuid', (c) => c.notNull().references('documents.id').onDelete('restrict'))
    .addColumn('anchor', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('accepted', 'partly_accepted', 'not_accepted', 'noted', 'out_of_scope')`))
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('comment_outcome_counts_pk', ['period_id', 'document_id', 'anchor', 'outcome'])
    .execute();
  // A comment that joins a group already answered is covered by that answer at once: counted
  // here, in the inserting transaction (which holds the group's row lock, as responses do), so
  // the counts stay exact whichever code path writes the comment.
  await sql`
    create function comment_dispositions_cover_arrival() returns trigger language plpgsql as $$
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
  await sql`create trigger comments_cover_arrival after insert on comments for each row execute function comment_dispositions_cover_arrival()`.execute(db);

  // Hidden comments and distinct texts (duplicate groups holding a comment) per period, kept
  // by moderation and submission; counted once here for periods that already have comments.
  await db.schema
    .alterTable('comment_periods')
    .addColumn('hidden_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('text_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update comment_periods p set
    hidden_count = (select count(*) from comments c where c.period_id = p.id and c.status = 'hidden'),
    text_count = (select count(*) from comment_groups g where g.period_id = p.id and g.size > 0)`.execute(db);

  for (const c of SEARCH_CONFIGS) {
    await sql`create text search configuration ${sql.raw(c.name)} (copy = ${sql.raw(c.copy)})`.execute(db);
    await sql`alter text search configuration ${sql.raw(c.name)} alter mapping for hword, hword_part, word with unaccent, ${sql.raw(c.stem)}`.execute(db);
  }
  // A state worth showing beside a result (a cancelled meeting, a superseded document); null otherwise.
  await db.schema.alterTable('search_entries').addColumn('status', 'text').execute();
  // One entry per record and language: a meeting carries its text in English and in French
  // and is indexed once in each (each stemmed in its own language); a document or a comment
  // has one language and one entry; a name (lang null) one entry, hence NULLS NOT DISTINCT
  // (PostgreSQL 15+), so that an upsert of a null-language entry still conflicts.
  await db.schema.alterTable('search_entries').dropConstraint('search_entries_ref').execute();
  await db.schema
    .alterTable('search_entries')
    .addUniqueConstraint('search_entries_ref', ['kind', 'ref_id', 'lang'], (c) => c.nullsNotDistinct())
    .execute();
  // Entries written before the configurations existed were stemmed without them: rebuilt by
  // `concord search reindex`; the demo and new installs have none.
}

/** Undo (for development; production never runs it). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('search_entries').dropConstraint('search_entries_ref').execute();
  await db.schema.alterTable('search_entries').addUniqueConstraint('search_entries_ref', ['kind', 'ref_id']).execute();
  await db.schema.alterTable('search_entries').dropColumn('status').execute();
  for (const c of SEARCH_CONFIGS) await sql`drop text search configuration if exists ${sql.raw(c.name)}`.execute(db);
  await sql`drop trigger if exists comments_cover_arrival on comments`.execute(db);
  await sql`drop function if exists comment_dispositions_cover_arrival()`.execute(db);
  await db.schema.dropTable('comment_outcome_counts').ifExists().execute();
  await db.schema.alterTable('comment_periods').dropColumn('hidden_count').dropColumn('text_count').execute();
}
