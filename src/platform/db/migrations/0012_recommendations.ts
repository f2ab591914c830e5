import { type Kysely, sql } from 'kysely';

/**
 * Recommendations as first-class records (numbered, bilingual, traced to the working group
 * and section they came from, addressed to stakeholder groups or named organisations, with
 * the consensus behind them), and the published final report of a process.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const now = sql`now()`;

  await db.schema
    .createTable('recommendations')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('process_id', 'uuid', (c) => c.notNull().references('processes.id').onDelete('restrict'))
    // "4.2": also its permanent address, /processes/x/recommendations/4.2.
    .addColumn('number', 'text', (c) => c.notNull().check(sql`number ~ '^[0-9A-Za-z][0-9A-Za-z.-]{0,15}$'`))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('title_fr', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('text_fr', 'text', (c) => c.notNull())
    .addColumn('group_id', 'uuid', (c) => c.references('working_groups.id').onDelete('restrict'))
    // The section it came from: a document and the anchor of the paragraph or heading.
    .addColumn('document_id', 'uuid', (c) => c.references('documents.id').onDelete('restrict'))
    .addColumn('anchor', 'text')
    .addColumn('priority', 'text', (c) => c.notNull().check(sql`priority in ('high', 'medium', 'low')`))
    .addColumn('consensus_call_id', 'uuid', (c) => c.references('consensus_calls.id').onDelete('restrict'))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('recommendations_number', ['process_id', 'number'])
    .execute();
  await db.schema.createIndex('recommendations_process').on('recommendations').columns(['process_id', 'position']).execute();
  await sql`alter table consensus_calls add constraint consensus_calls_recommendation foreign key (recommendation_id) references recommendations (id)`.execute(db);

  // Who should act: a stakeholder group, or a named organisation.
  await db.schema
    .createTable('recommendation_addressees')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('recommendation_id', 'uuid', (c) => c.notNull().references('recommendations.id').onDelete('cascade'))
    .addColumn('stakeholder_group_id', 'uuid', (c) => c.references('stakeholder_groups.id').onDelete('restrict'))
    .addColumn('organisation_id', 'uuid', (c) => c.references('organisations.id').onDelete('restrict'))
    .addCheckConstraint('recommendation_addressees_one', sql`(stakeholder_group_id is null) <> (organisation_id is null)`)
    .execute();
  await db.schema.createIndex('recommendation_addressees_rec').on('recommendation_addressees').column('recommendation_id').execute();

  // A process's final report: its document (both languages through translations) and when it was published.
  await db.schema
    .createTable('final_reports')
    .addColumn('process_id', 'uuid', (c) => c.primaryKey().references('processes.id').onDelete('restrict'))
    .addColumn('document_id', 'uuid', (c) => c.notNull().references('documents.id').onDelete('restrict'))
    .addColumn('published_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('published_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute();
}

/** Drop the recommendation tables (for development; production never runs it). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table consensus_calls drop constraint if exists consensus_calls_recommendation`.execute(db);
  for (const t of ['final_reports', 'recommendation_addressees', 'recommendations']) await db.schema.dropTable(t).ifExists().execute();
}
