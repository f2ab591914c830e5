import { type Kysely, sql } from 'kysely';

/**
 * Who acts for an organisation, and as what: `owner` (decides who acts for it),
 * `manufacturer` (submits its devices and labels), `assessor` (a lab's reviewer). The
 * participants module's first migration of its own, since the table hangs off its
 * organisations (created by the frame's 0002 before modules brought migrations).
 *
 * Keys follow the reads, so none scans the table at tens of millions of rows:
 * - the primary key (organisation_id, user_id, role) lists who acts for one organisation, and
 *   serves the cascade when an organisation is deleted;
 * - `organisation_roles_user` (user_id, organisation_id, role) loads a person's roles with
 *   their session, from the index alone, and serves the cascade when an account is deleted;
 * - `organisation_roles_granted_by` serves the `set null` when a granting account is deleted.
 * Counting an organisation's owners (the last one may not leave) reads the primary key's prefix.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organisation_roles')
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'manufacturer', 'assessor')`))
    .addColumn('granted_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('organisation_roles_pkey', ['organisation_id', 'user_id', 'role'])
    .execute();
  await db.schema.createIndex('organisation_roles_user').on('organisation_roles').columns(['user_id', 'organisation_id', 'role']).execute();
  await sql`create index organisation_roles_granted_by on organisation_roles (granted_by) where granted_by is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('organisation_roles').ifExists().execute();
}
