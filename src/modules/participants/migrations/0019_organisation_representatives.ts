import { type Kysely, sql } from 'kysely';

/**
 * Acting for an organisation needs the organisation's confirmation (issue 10): joining a process
 * "for" an organisation used to let anyone sign its pledges and report on its actions.
 *
 * - `organisation_roles` gains `representative`: someone who speaks for the organisation in a
 *   process, added by one of its owners or approved by a convener.
 * - `organisation_requests` keeps "I act for X", recorded when someone joins a process naming
 *   an organisation they hold no role for; a convener of that process approves (the person
 *   becomes a representative) or refuses. One pending request per person and organisation
 *   (the partial unique index); conveners read a process's pending requests by
 *   `organisation_requests_pending`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table organisation_roles drop constraint if exists organisation_roles_role_check`.execute(db);
  await sql`alter table organisation_roles add constraint organisation_roles_role_check check (role in ('owner', 'representative', 'manufacturer', 'assessor'))`.execute(db);
  await db.schema
    .createTable('organisation_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('process_id', 'uuid', (c) => c.notNull().references('processes.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'approved', 'refused')`))
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index organisation_requests_one_pending on organisation_requests (organisation_id, user_id) where status = 'pending'`.execute(db);
  await sql`create index organisation_requests_pending on organisation_requests (process_id, created_at) where status = 'pending'`.execute(db);
  await sql`create index organisation_requests_user on organisation_requests (user_id)`.execute(db);
  await sql`create index organisation_requests_decided_by on organisation_requests (decided_by) where decided_by is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('organisation_requests').ifExists().execute();
  await sql`delete from organisation_roles where role = 'representative'`.execute(db);
  await sql`alter table organisation_roles drop constraint if exists organisation_roles_role_check`.execute(db);
  await sql`alter table organisation_roles add constraint organisation_roles_role_check check (role in ('owner', 'manufacturer', 'assessor'))`.execute(db);
}
