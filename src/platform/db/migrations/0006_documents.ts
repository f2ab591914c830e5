import { type Kysely, sql } from 'kysely';

/**
 * Documents, their immutable versions, and the blocks (paragraphs, headings, list items,
 * tables) of each version with anchors that survive edits elsewhere in the document.
 * A version is never changed or deleted: a trigger refuses it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const now = sql`now()`;

  await db.schema
    .createTable('documents')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('process_id', 'uuid', (c) => c.notNull().references('processes.id').onDelete('restrict'))
    // Null for a process document (the oversight committee edits it); set for a group's.
    .addColumn('group_id', 'uuid', (c) => c.references('working_groups.id').onDelete('restrict'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('report', 'charter', 'minutes', 'input', 'baseline', 'guidance', 'other')`))
    .addColumn('lang', 'text', (c) => c.notNull().check(sql`lang in ('en', 'fr')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft', 'public_comment', 'final', 'superseded')`),
    )
    .addColumn('members_only', 'boolean', (c) => c.notNull().defaultTo(false))
    // Translations of one text share a key (the first document's id); one per language.
    .addColumn('translation_key', 'uuid', (c) => c.notNull())
    .addColumn('current_version_id', 'uuid')
    .addColumn('version_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('documents_slug', ['process_id', 'slug'])
    .addUniqueConstraint('documents_translation_lang', ['translation_key', 'lang'])
    .execute();
  await db.schema.createIndex('documents_process').on('documents').columns(['process_id', 'group_id', 'id']).execute();

  await db.schema
    .createTable('document_versions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('document_id', 'uuid', (c) => c.notNull().references('documents.id').onDelete('restrict'))
    .addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 1`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('markdown', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('document_versions_number', ['document_id', 'number'])
    .execute();
  await sql`alter table documents add constraint documents_current_version foreign key (current_version_id) references document_versions (id)`.execute(db);

  await db.schema
    .createTable('document_blocks')
    .addColumn('version_id', 'uuid', (c) => c.notNull().references('document_versions.id').onDelete('restrict'))
    .addColumn('document_id', 'uuid', (c) => c.notNull().references('documents.id').onDelete('restrict'))
    .addColumn('position', 'integer', (c) => c.notNull())
    // Stable across versions: the same paragraph keeps its anchor when others change.
    .addColumn('anchor', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('heading', 'paragraph', 'list_item', 'table', 'quote', 'code', 'rule')`))
    .addColumn('level', 'integer')
    // What a reader calls it: "4.2" for a numbered heading, "¶ 12" for a paragraph.
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('plain', 'text', (c) => c.notNull())
    // Against the previous version: same text, edited, new, or moved elsewhere unchanged.
    .addColumn('change', 'text', (c) => c.notNull().check(sql`change in ('same', 'edited', 'new', 'moved')`))
    .addPrimaryKeyConstraint('document_blocks_pk', ['version_id', 'position'])
    .addUniqueConstraint('document_blocks_anchor', ['version_id', 'anchor'])
    .execute();
  await db.schema.createIndex('document_blocks_anchor_history').on('document_blocks').columns(['document_id', 'anchor']).execute();

  // Where an anchor went when a version dropped it: into another block (merged or rewritten
  // beyond recognition) or nowhere (removed).
  await db.schema
    .createTable('document_anchor_fates')
    .addColumn('document_id', 'uuid', (c) => c.notNull().references('documents.id').onDelete('restrict'))
    .addColumn('anchor', 'text', (c) => c.notNull())
    .addColumn('removed_in', 'integer', (c) => c.notNull())
    .addColumn('successor_anchor', 'text')
    .addPrimaryKeyConstraint('document_anchor_fates_pk', ['document_id', 'anchor'])
    .execute();

  await sql`
    create function document_versions_immutable() returns trigger language plpgsql as $$
    begin
      raise exception 'document versions and their blocks never change; save a new version instead';
    end $$`.execute(db);
  for (const t of ['document_versions', 'document_blocks']) {
    await sql`create trigger ${sql.raw(`${t}_immutable`)} before update or delete on ${sql.raw(t)} for each row execute function document_versions_immutable()`.execute(db);
  }
}

/** Drop the documents tables (for development; production never runs it). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('document_anchor_fates').ifExists().execute();
  await db.schema.dropTable('document_blocks').ifExists().execute();
  await sql`alter table documents drop constraint if exists documents_current_version`.execute(db);
  await db.schema.dropTable('document_versions').ifExists().execute();
  await db.schema.dropTable('documents').ifExists().execute();
  await sql`drop function if exists document_versions_immutable()`.execute(db);
}
