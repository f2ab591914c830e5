import { type Kysely, sql } from 'kysely';

/**
 * Consensus calls: a question on a document version, one of its sections, or a single
 * recommendation, with options and a deadline; members' positions (every change kept);
 * the chair's outcome with an answer to each objection; appeals to the oversight committee.
 * Positions keep the stakeholder group and organisation the member held when stating them,
 * so results by group stay true after people move.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const now = sql`now()`;

  await db.schema
    .createTable('consensus_calls')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('process_id', 'uuid', (c) => c.notNull().references('processes.id').onDelete('restrict'))
    // The working group whose chair runs the call; null when the oversight committee does.
    .addColumn('group_id', 'uuid', (c) => c.references('working_groups.id').onDelete('restrict'))
    .addColumn('target_kind', 'text', (c) => c.notNull().check(sql`target_kind in ('document', 'section', 'recommendation')`))
    .addColumn('document_id', 'uuid', (c) => c.references('documents.id').onDelete('restrict'))
    .addColumn('version_id', 'uuid', (c) => c.references('document_versions.id').onDelete('restrict'))
    // A section: the anchor of its heading (or paragraph) in that version.
    .addColumn('anchor', 'text')
    // Foreign key added by 0012 (recommendations come after calls).
    .addColumn('recommendation_id', 'uuid')
    .addColumn('question_en', 'text', (c) => c.notNull())
    .addColumn('question_fr', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('deadline', 'timestamptz', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    // How long after the outcome an objector may appeal.
    .addColumn('appeal_days', 'integer', (c) => c.notNull().defaultTo(14).check(sql`appeal_days between 0 and 90`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'closed')`))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint(
      'consensus_calls_target',
      sql`(target_kind = 'recommendation' and recommendation_id is not null)
        or (target_kind = 'document' and version_id is not null)
        or (target_kind = 'section' and version_id is not null and anchor is not null)`,
    )
    .execute();
  await db.schema.createIndex('consensus_calls_process').on('consensus_calls').columns(['process_id', 'id']).execute();

  // What members take a position on: at least one option ("the text as written").
  await db.schema
    .createTable('consensus_options')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('call_id', 'uuid', (c) => c.notNull().references('consensus_calls.id').onDelete('restrict'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('label_fr', 'text', (c) => c.notNull())
    .addUniqueConstraint('consensus_options_position', ['call_id', 'position'])
    .execute();

  // Every position ever stated; the current one has superseded_at null.
  await db.schema
    .createTable('consensus_positions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('call_id', 'uuid', (c) => c.notNull().references('consensus_calls.id').onDelete('restrict'))
    .addColumn('option_id', 'uuid', (c) => c.notNull().references('consensus_options.id').onDelete('restrict'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('restrict'))
    .addColumn('stakeholder_group_id', 'uuid', (c) => c.notNull().references('stakeholder_groups.id').onDelete('restrict'))
    .addColumn('organisation_id', 'uuid', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('stance', 'text', (c) => c.notNull().check(sql`stance in ('support', 'live_with', 'stand_aside', 'object')`))
    .addColumn('reason', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('superseded_at', 'timestamptz')
    .addCheckConstraint('consensus_positions_objection_reason', sql`stance <> 'object' or coalesce(btrim(reason), '') <> ''`)
    .execute();
  await sql`create unique index consensus_positions_current on consensus_positions (call_id, option_id, user_id) where superseded_at is null`.execute(db);
  await db.schema.createIndex('consensus_positions_call').on('consensus_positions').columns(['call_id', 'superseded_at', 'stakeholder_group_id']).execute();

  // The determination; an appeal that changes it adds a new row (the old one stays, not current).
  await db.schema
    .createTable('consensus_outcomes')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('call_id', 'uuid', (c) => c.notNull().references('consensus_calls.id').onDelete('restrict'))
    .addColumn('option_id', 'uuid', (c) => c.references('consensus_options.id').onDelete('restrict'))
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('consensus', 'rough_consensus', 'no_consensus')`))
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull().check(sql`lang in ('en', 'fr')`))
    .addColumn('current', 'boolean', (c) => c.notNull().defaultTo(true))
    // Set when this outcome came from an appeal's answer.
    .addColumn('appeal_id', 'uuid')
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await sql`create unique index consensus_outcomes_current on consensus_outcomes (call_id, coalesce(option_id, '00000000-0000-0000-0000-000000000000'::uuid)) where current`.execute(db);

  // The chair's answer to each objection standing at the close.
  await db.schema
    .createTable('consensus_objection_answers')
    .addColumn('outcome_id', 'uuid', (c) => c.notNull().references('consensus_outcomes.id').onDelete('restrict'))
    .addColumn('position_id', 'uuid', (c) => c.notNull().references('consensus_positions.id').onDelete('restrict'))
    .addColumn('answer', 'text', (c) => c.notNull().check(sql`btrim(answer) <> ''`))
    .addPrimaryKeyConstraint('consensus_objection_answers_pk', ['outcome_id', 'position_id'])
    .execute();

  await db.schema
    .createTable('consensus_appeals')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('call_id', 'uuid', (c) => c.notNull().references('consensus_calls.id').onDelete('restrict'))
    .addColumn('outcome_id', 'uuid', (c) => c.notNull().references('consensus_outcomes.id').onDelete('restrict'))
    .addColumn('appellant_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('restrict'))
    // The objection the appeal stands on.
    .addColumn('position_id', 'uuid', (c) => c.notNull().references('consensus_positions.id').onDelete('restrict'))
    .addColumn('grounds', 'text', (c) => c.notNull().check(sql`btrim(grounds) <> ''`))
    .addColumn('lang', 'text', (c) => c.notNull().check(sql`lang in ('en', 'fr')`))
    .addColumn('filed_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'upheld', 'rejected')`))
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('answered_at', 'timestamptz')
    .addColumn('changed_outcome_id', 'uuid', (c) => c.references('consensus_outcomes.id').onDelete('restrict'))
    .addCheckConstraint('consensus_appeals_answered', sql`status = 'pending' or coalesce(btrim(answer), '') <> ''`)
    .execute();
  await db.schema.createIndex('consensus_appeals_call').on('consensus_appeals').columns(['call_id', 'id']).execute();
  await sql`alter table consensus_outcomes add constraint consensus_outcomes_appeal foreign key (appeal_id) references consensus_appeals (id)`.execute(db);

  await sql`
    create function consensus_keep() returns trigger language plpgsql as $$
    begin
      raise exception 'consensus records are kept: positions are superseded, outcomes replaced by appeal';
    end $$`.execute(db);
  for (const t of ['consensus_positions', 'consensus_outcomes', 'consensus_objection_answers', 'consensus_appeals']) {
    await sql`create trigger ${sql.raw(`${t}_keep`)} before delete on ${sql.raw(t)} for each row execute function consensus_keep()`.execute(db);
  }
}

/** Drop the consensus tables (for development; production never runs it). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table consensus_outcomes drop constraint if exists consensus_outcomes_appeal`.execute(db);
  for (const t of ['consensus_appeals', 'consensus_objection_answers', 'consensus_outcomes', 'consensus_positions', 'consensus_options', 'consensus_calls']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await sql`drop function if exists consensus_keep()`.execute(db);
}
