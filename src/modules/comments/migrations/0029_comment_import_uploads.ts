import { CompiledQuery, type Kysely, sql } from 'kysely';
import { QUEUES, createQueueSql, jobsSchemaFor } from '../../../platform/jobs/queue.js';

/**
 * Imports through the web page and the bulk API (issue 11): an import is recorded as queued
 * when its file is stored and a job runs it, so it carries a status, its progress (rows read of
 * how many), the stored file until the job is done with it, and why it failed when it did.
 * Refused rows are kept (line, key and the reason as an i18n key with its parameters, so each
 * reader sees it in their language) to be shown and downloaded later. The job's queue is
 * created here so that a request can enqueue in its transaction before any worker started.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('comment_imports')
    // Imports written before this migration ran to the end in the CLI.
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('done')
        .check(sql`status in ('queued', 'running', 'done', 'failed')`),
    )
    .addColumn('format', 'text', (c) =>
      c
        .notNull()
        .defaultTo('csv')
        .check(sql`format in ('csv', 'jsonl')`),
    )
    .addColumn('channel', 'text', (c) =>
      c
        .notNull()
        .defaultTo('cli')
        .check(sql`channel in ('cli', 'web', 'api')`),
    )
    .addColumn('rows_total', 'integer')
    .addColumn('bytes_total', 'bigint')
    .addColumn('file_path', 'text')
    .addColumn('error_key', 'text')
    .addColumn('error_params', 'jsonb')
    .execute();

  await db.schema
    .createTable('comment_import_refusals')
    .addColumn('import_id', 'uuid', (c) => c.notNull().references('comment_imports.id').onDelete('cascade'))
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('import_key', 'text', (c) => c.notNull())
    .addColumn('reason_key', 'text', (c) => c.notNull())
    .addColumn('reason_params', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addPrimaryKeyConstraint('comment_import_refusals_pkey', ['import_id', 'line'])
    .execute();

  const appSchema = (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s;
  const queue = createQueueSql(jobsSchemaFor(appSchema), QUEUES.commentImport);
  await db.executeQuery(CompiledQuery.raw(queue.text, queue.values));
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const appSchema = (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s;
  await db.executeQuery(CompiledQuery.raw(`SELECT ${jobsSchemaFor(appSchema)}.delete_queue($1)`, [QUEUES.commentImport]));
  await db.schema.dropTable('comment_import_refusals').execute();
  await db.schema
    .alterTable('comment_imports')
    .dropColumn('status')
    .dropColumn('format')
    .dropColumn('channel')
    .dropColumn('rows_total')
    .dropColumn('bytes_total')
    .dropColumn('file_path')
    .dropColumn('error_key')
    .dropColumn('error_params')
    .execute();
}
