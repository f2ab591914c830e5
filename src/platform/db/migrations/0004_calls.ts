import { type Kysely, sql } from 'kysely';

/**
 * Calls for input and the files people send with them. Files live in the database (bytea)
 * so app servers stay stateless and one backup holds everything. Submissions are never
 * deleted: a trigger refuses it, and rejection is a status with a reason.
 * Depends only on 0001 and 0002 (users, processes, organisations).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const now = sql`now()`;

  await db.schema
    .createTable('files')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull().check(sql`size >= 0`))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('files_size_matches', sql`size = octet_length(data)`)
    .execute();

  await db.schema
    .createTable('calls')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('process_id', 'uuid', (c) => c.notNull().references('processes.id').onDelete('restrict'))
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('title_fr', 'text', (c) => c.notNull())
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_fr', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('opens_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closes_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('calls_window', sql`closes_at > opens_at`)
    .execute();
  await db.schema.createIndex('calls_process').on('calls').columns(['process_id', 'opens_at']).execute();

  await db.schema
    .createTable('call_submissions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('call_id', 'uuid', (c) => c.notNull().references('calls.id').onDelete('restrict'))
    .addColumn('submitter_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull().check(sql`lang in ('en', 'fr')`))
    .addColumn('organisation_id', 'uuid', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('organisation_name', 'text')
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('file_id', 'uuid', (c) => c.references('files.id').onDelete('restrict'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending', 'accepted', 'rejected')`),
    )
    .addColumn('moderation_reason', 'text')
    .addColumn('moderated_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('moderated_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('call_submissions_content', sql`body <> '' or file_id is not null`)
    .addCheckConstraint('call_submissions_reason', sql`status <> 'rejected' or coalesce(moderation_reason, '') <> ''`)
    .execute();
  // The public list (accepted, in order) and the moderation queue (pending) read this index.
  await db.schema.createIndex('call_submissions_call').on('call_submissions').columns(['call_id', 'status', 'id']).execute();
  await db.schema.createIndex('call_submissions_submitter').on('call_submissions').columns(['submitter_id', 'call_id']).execute();

  await sql`
    create function call_submissions_keep() returns trigger language plpgsql as $$
    begin
      raise exception 'call submissions are never deleted; reject them instead';
    end $$`.execute(db);
  await sql`
    create trigger call_submissions_no_delete before delete on call_submissions
    for each row execute function call_submissions_keep()`.execute(db);
}

/** Drop the calls tables (a down migration is for development; production never runs it). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('call_submissions').ifExists().execute();
  await sql`drop function if exists call_submissions_keep()`.execute(db);
  await db.schema.dropTable('calls').ifExists().execute();
  await db.schema.dropTable('files').ifExists().execute();
}
