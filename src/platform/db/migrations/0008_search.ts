import { type Kysely, sql } from 'kysely';

/**
 * One full-text index for the whole site. Each module writes its public records here (in the
 * transaction that changes them) instead of the search reaching into every module's tables.
 * The tsvector is computed on write from unaccented text with the entry's language's
 * stemmer ('simple' for names), so queries are accent-insensitive in both languages.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('search_entries')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('document', 'comment', 'meeting', 'participant')`))
    .addColumn('ref_id', 'uuid', (c) => c.notNull())
    .addColumn('process_id', 'uuid', (c) => c.notNull().references('processes.id').onDelete('cascade'))
    // en, fr, or null for text in no particular language (names).
    .addColumn('lang', 'text', (c) => c.check(sql`lang in ('en', 'fr')`))
    // A document's kind (report, charter…), to filter by; null for the others.
    .addColumn('subkind', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // The page, without the language prefix: `/processes/x/documents/y`.
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('members_only', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('tsv', sql`tsvector`, (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('search_entries_ref', ['kind', 'ref_id'])
    .execute();
  await sql`create index search_entries_tsv on search_entries using gin (tsv)`.execute(db);
  await db.schema.createIndex('search_entries_process').on('search_entries').columns(['process_id', 'kind']).execute();
}

/** Drop the search index. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('search_entries').ifExists().execute();
}
