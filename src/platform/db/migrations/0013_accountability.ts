import { type Kysely, sql } from 'kysely';

/**
 * What happens after the report: actions the action committee assigns for each
 * recommendation, pledges organisations make in public, and progress reports whose history
 * stays visible. An action's current status is copied from its latest report so the public
 * tracker reads one row per action.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const now = sql`now()`;
  const statuses = sql`('not_started', 'on_track', 'at_risk', 'late', 'done', 'dropped')`;

  await db.schema
    .createTable('actions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('process_id', 'uuid', (c) => c.notNull().references('processes.id').onDelete('restrict'))
    .addColumn('recommendation_id', 'uuid', (c) => c.notNull().references('recommendations.id').onDelete('restrict'))
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('title_fr', 'text', (c) => c.notNull())
    .addColumn('owner_organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('restrict'))
    // The person who answers for it (emailed reminders), a member of the owner organisation.
    .addColumn('contact_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('measure_en', 'text', (c) => c.notNull())
    .addColumn('measure_fr', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('not_started').check(sql`status in ${statuses}`))
    .addColumn('status_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    // Reminders already sent, so a job that runs twice does not mail twice.
    .addColumn('reminded_due_at', 'timestamptz')
    .addColumn('reminded_overdue_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('actions_recommendation').on('actions').columns(['recommendation_id', 'due_on']).execute();
  await db.schema.createIndex('actions_owner').on('actions').columns(['owner_organisation_id', 'due_on']).execute();
  await db.schema.createIndex('actions_due').on('actions').columns(['process_id', 'status', 'due_on']).execute();

  await db.schema
    .createTable('pledges')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('process_id', 'uuid', (c) => c.notNull().references('processes.id').onDelete('restrict'))
    .addColumn('recommendation_id', 'uuid', (c) => c.notNull().references('recommendations.id').onDelete('restrict'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('restrict'))
    .addColumn('text', 'text', (c) => c.notNull().check(sql`btrim(text) <> ''`))
    .addColumn('lang', 'text', (c) => c.notNull().check(sql`lang in ('en', 'fr')`))
    .addColumn('due_on', 'date')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('not_started').check(sql`status in ${statuses}`))
    .addColumn('status_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    // The member who represents the organisation and signed for it.
    .addColumn('signed_by', 'uuid', (c) => c.notNull().references('users.id').onDelete('restrict'))
    .addColumn('signed_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('pledges_recommendation').on('pledges').columns(['recommendation_id', 'id']).execute();
  await db.schema.createIndex('pledges_organisation').on('pledges').columns(['organisation_id', 'id']).execute();

  // Updates on an action or a pledge; never edited or deleted, so the history stays visible.
  await db.schema
    .createTable('progress_reports')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('process_id', 'uuid', (c) => c.notNull().references('processes.id').onDelete('restrict'))
    .addColumn('action_id', 'uuid', (c) => c.references('actions.id').onDelete('restrict'))
    .addColumn('pledge_id', 'uuid', (c) => c.references('pledges.id').onDelete('restrict'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ${statuses}`))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    // Why, for at_risk, late and dropped.
    .addColumn('reason', 'text')
    .addColumn('lang', 'text', (c) => c.notNull().check(sql`lang in ('en', 'fr')`))
    .addColumn('evidence_urls', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reported_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('progress_reports_target', sql`(action_id is null) <> (pledge_id is null)`)
    .addCheckConstraint('progress_reports_reason', sql`status not in ('at_risk', 'late', 'dropped') or coalesce(btrim(reason), '') <> ''`)
    .execute();
  await db.schema.createIndex('progress_reports_action').on('progress_reports').columns(['action_id', 'id']).execute();
  await db.schema.createIndex('progress_reports_pledge').on('progress_reports').columns(['pledge_id', 'id']).execute();

  await sql`
    create function progress_reports_keep() returns trigger language plpgsql as $$
    begin
      raise exception 'progress reports are kept as written; post a new one instead';
    end $$`.execute(db);
  await sql`create trigger progress_reports_keep before update or delete on progress_reports for each row execute function progress_reports_keep()`.execute(db);
}

/** Drop the accountability tables (for development; production never runs it). */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['progress_reports', 'pledges', 'actions']) await db.schema.dropTable(t).ifExists().execute();
  await sql`drop function if exists progress_reports_keep()`.execute(db);
}
