import { type Kysely, sql } from 'kysely';

/**
 * Bulk imports of comments (issue 11): each comment keeps its channel (the import and the
 * file's line it came from) and an idempotency key unique in its period, so re-running a file
 * or one that overlaps it adds nothing twice; the imports and their chunks are recorded; and an
 * unlogged staging table takes each chunk by COPY before set-based SQL lands it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('comment_imports')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('period_id', 'uuid', (c) => c.notNull().references('comment_periods.id').onDelete('restrict'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_added', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_refused', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`create index comment_imports_period on comment_imports (period_id, started_at)`.execute(db);

  await db.schema
    .createTable('comment_import_batches')
    .addColumn('import_id', 'uuid', (c) => c.notNull().references('comment_imports.id').onDelete('cascade'))
    .addColumn('chunk', 'integer', (c) => c.notNull())
    .addColumn('first_line', 'integer', (c) => c.notNull())
    .addColumn('last_line', 'integer', (c) => c.notNull())
    .addColumn('rows_added', 'integer', (c) => c.notNull())
    .addColumn('rows_skipped', 'integer', (c) => c.notNull())
    .addColumn('rows_refused', 'integer', (c) => c.notNull())
    .addColumn('audit_chain', 'text')
    .addColumn('audit_seq', 'bigint')
    .addColumn('batch_root', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('comment_import_batches_pkey', ['import_id', 'chunk'])
    .execute();

  await db.schema
    .alterTable('comments')
    .addColumn('import_key', 'text')
    .addColumn('import_id', 'uuid', (c) => c.references('comment_imports.id').onDelete('restrict'))
    .addColumn('import_line', 'integer')
    .execute();
  // NULLs are distinct: comments written one at a time carry no import key and never clash.
  await sql`create unique index comments_import_key on comments (period_id, import_key)`.execute(db);
  await sql`create index comments_import_line on comments (import_id, import_line) where import_id is not null`.execute(db);

  // Rows of the chunk being landed; written and emptied in the chunk's transaction. Unlogged:
  // nothing in it must survive a crash (the chunk rolls back with it).
  await sql`
    create unlogged table comment_import_rows (
      import_id uuid not null,
      line integer not null,
      id uuid not null,
      document_id uuid not null,
      version_id uuid not null,
      anchor text,
      display_name text not null,
      organisation text,
      stakeholder_group_id uuid,
      lang text not null,
      body text not null,
      body_hash text not null,
      group_key text not null,
      group_id uuid not null,
      receipt text not null,
      import_key text not null,
      created_at timestamptz not null,
      primary key (import_id, line)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table comment_import_rows`.execute(db);
  await sql`drop index comments_import_line`.execute(db);
  await sql`drop index comments_import_key`.execute(db);
  await db.schema.alterTable('comments').dropColumn('import_line').dropColumn('import_id').dropColumn('import_key').execute();
  await db.schema.dropTable('comment_import_batches').execute();
  await db.schema.dropTable('comment_imports').execute();
}
