import { type Kysely, sql } from 'kysely';

/**
 * Comment periods on document versions, the comments people send, exact-duplicate groups,
 * counts kept as comments arrive (never recounted per view), moderation that hides but never
 * deletes, reports of comments sent in someone's name, and a disposition for every comment.
 * Ids are UUIDv7, so `id` order is arrival order and keyset pagination walks it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const now = sql`now()`;

  await db.schema
    .createTable('comment_periods')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('process_id', 'uuid', (c) => c.notNull().references('processes.id').onDelete('restrict'))
    .addColumn('opens_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closes_at', 'timestamptz', (c) => c.notNull())
    // The zone the convener set the times in, to show them as they were announced.
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('instructions_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('instructions_fr', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('audience', 'text', (c) => c.notNull().check(sql`audience in ('confirmed', 'members')`))
    // Kept as comments arrive and dispositions are recorded, so no page counts rows.
    .addColumn('comment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disposed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('comment_periods_window', sql`closes_at > opens_at`)
    .execute();
  await db.schema.createIndex('comment_periods_process').on('comment_periods').columns(['process_id', 'opens_at']).execute();

  // A period covers one version of a document, or the same version of each translation.
  await db.schema
    .createTable('comment_period_documents')
    .addColumn('period_id', 'uuid', (c) => c.notNull().references('comment_periods.id').onDelete('restrict'))
    .addColumn('document_id', 'uuid', (c) => c.notNull().references('documents.id').onDelete('restrict'))
    .addColumn('version_id', 'uuid', (c) => c.notNull().references('document_versions.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('comment_period_documents_pk', ['period_id', 'document_id'])
    .execute();
  await db.schema.createIndex('comment_period_documents_document').on('comment_period_documents').columns(['document_id', 'period_id']).execute();

  // Exact duplicates (same text after normalising case, whitespace and punctuation).
  await db.schema
    .createTable('comment_groups')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('period_id', 'uuid', (c) => c.notNull().references('comment_periods.id').onDelete('restrict'))
    .addColumn('body_hash', 'text', (c) => c.notNull())
    // The comment the listing shows for the group (the earliest visible one).
    .addColumn('primary_comment_id', 'uuid')
    .addColumn('size', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('comment_groups_hash', ['period_id', 'body_hash'])
    .execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('period_id', 'uuid', (c) => c.notNull().references('comment_periods.id').onDelete('restrict'))
    .addColumn('document_id', 'uuid', (c) => c.notNull().references('documents.id').onDelete('restrict'))
    .addColumn('version_id', 'uuid', (c) => c.notNull().references('document_versions.id').onDelete('restrict'))
    // Null for a general comment on the whole document.
    .addColumn('anchor', 'text')
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text')
    .addColumn('stakeholder_group_id', 'uuid', (c) => c.references('stakeholder_groups.id').onDelete('restrict'))
    .addColumn('lang', 'text', (c) => c.notNull().check(sql`lang in ('en', 'fr')`))
    .addColumn('body', 'text', (c) => c.notNull().check(sql`length(body) between 1 and 20000`))
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('group_id', 'uuid', (c) => c.notNull().references('comment_groups.id').onDelete('restrict'))
    // Listed comments appear in the public list; a duplicate of a listed visible comment
    // is counted on that one instead.
    .addColumn('listed', 'boolean', (c) => c.notNull())
    .addColumn('file_id', 'uuid', (c) => c.references('files.id').onDelete('restrict'))
    .addColumn('receipt', 'text', (c) => c.notNull().unique())
    .addColumn('idempotency_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('visible').check(sql`status in ('visible', 'hidden')`))
    .addColumn('hidden_reason', 'text', (c) => c.check(sql`hidden_reason in ('spam', 'abuse', 'off_topic', 'personal_information', 'not_consented')`))
    .addColumn('hidden_note', 'text')
    .addColumn('hidden_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('hidden_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('comments_hidden_reason', sql`status = 'visible' or hidden_reason is not null`)
    .execute();
  await sql`create unique index comments_idempotency on comments (author_id, idempotency_key) where idempotency_key is not null`.execute(db);
  // The public list and its filters, each walked by id (keyset pagination).
  await db.schema.createIndex('comments_list').on('comments').columns(['period_id', 'listed', 'id']).execute();
  await db.schema.createIndex('comments_by_anchor').on('comments').columns(['period_id', 'document_id', 'anchor', 'id']).execute();
  await db.schema.createIndex('comments_by_stakeholder').on('comments').columns(['period_id', 'stakeholder_group_id', 'id']).execute();
  await db.schema.createIndex('comments_by_lang').on('comments').columns(['period_id', 'lang', 'id']).execute();
  await db.schema.createIndex('comments_by_group').on('comments').columns(['group_id', 'id']).execute();
  await db.schema.createIndex('comments_by_author').on('comments').columns(['author_id', 'id']).execute();

  // Per paragraph ('' for general comments), kept as comments arrive.
  await db.schema
    .createTable('comment_anchor_counts')
    .addColumn('period_id', 'uuid', (c) => c.notNull().references('comment_periods.id').onDelete('restrict'))
    .addColumn('document_id', 'uuid', (c) => c.notNull().references('documents.id').onDelete('restrict'))
    .addColumn('anchor', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('comment_anchor_counts_pk', ['period_id', 'document_id', 'anchor'])
    .execute();

  // One response per comment, or one for a whole group of duplicates.
  await db.schema
    .createTable('comment_dispositions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('period_id', 'uuid', (c) => c.notNull().references('comment_periods.id').onDelete('restrict'))
    .addColumn('comment_id', 'uuid', (c) => c.unique().references('comments.id').onDelete('restrict'))
    .addColumn('group_id', 'uuid', (c) => c.unique().references('comment_groups.id').onDelete('restrict'))
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('accepted', 'partly_accepted', 'not_accepted', 'noted', 'out_of_scope')`))
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull().check(sql`lang in ('en', 'fr')`))
    // The version and paragraph that changed in answer, when one did.
    .addColumn('version_id', 'uuid', (c) => c.references('document_versions.id').onDelete('restrict'))
    .addColumn('anchor', 'text')
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('comment_dispositions_target', sql`(comment_id is null) <> (group_id is null)`)
    .execute();
  await db.schema.createIndex('comment_dispositions_period').on('comment_dispositions').columns(['period_id', 'id']).execute();

  // "This comment was sent in my name without my consent": a moderator answers it.
  await db.schema
    .createTable('comment_reports')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('comment_id', 'uuid', (c) => c.notNull().references('comments.id').onDelete('restrict'))
    .addColumn('reporter_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'upheld', 'dismissed')`))
    .addColumn('resolution', 'text')
    .addColumn('handled_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('handled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('comment_reports_open').on('comment_reports').columns(['status', 'id']).execute();

  await sql`
    create function comments_keep() returns trigger language plpgsql as $$
    begin
      raise exception 'comments are never deleted; hide them with a reason instead';
    end $$`.execute(db);
  await sql`create trigger comments_no_delete before delete on comments for each row execute function comments_keep()`.execute(db);
}

/** Drop the comment tables (for development; production never runs it). */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['comment_reports', 'comment_dispositions', 'comment_anchor_counts', 'comments', 'comment_groups', 'comment_period_documents', 'comment_periods']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await sql`drop function if exists comments_keep()`.execute(db);
}
