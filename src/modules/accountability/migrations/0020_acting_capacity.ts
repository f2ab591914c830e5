import { type Kysely, sql } from 'kysely';

/**
 * Who acted, and in what capacity (issue 10): a pledge keeps the role its signer held for the
 * organisation; a progress report keeps the organisation it was written for (if any) and the
 * capacity (an organisation role, or the action committee, a convener, an administrator).
 * Older rows keep nulls: nobody recorded the capacity then. The organisation reference has no
 * `set null`: reports are never rewritten (a trigger refuses updates), so it restricts instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('pledges').addColumn('signed_as', 'text').execute();
  await db.schema.alterTable('progress_reports').addColumn('acting_organisation_id', 'uuid', (c) => c.references('organisations.id')).execute();
  await db.schema.alterTable('progress_reports').addColumn('acting_as', 'text').execute();
  await sql`create index progress_reports_acting_organisation on progress_reports (acting_organisation_id) where acting_organisation_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('progress_reports').dropColumn('acting_as').dropColumn('acting_organisation_id').execute();
  await db.schema.alterTable('pledges').dropColumn('signed_as').execute();
}
