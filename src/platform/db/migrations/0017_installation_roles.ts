import { type Kysely, sql } from 'kysely';

/**
 * Roles held across the whole installation, beside site administration: `registrar` (runs
 * the device registry) and `assessor` (reviews assessments for any organisation). A table of
 * their own rather than rows of `role_assignments`, whose rows are scoped to a process (its
 * check constraint allows only 'admin' without one); site administrators stay where they are.
 *
 * Keys follow the reads: the session query reads a person's roles (the primary key's prefix),
 * a registry page lists the holders of one role (`installation_roles_role`), and deleting an
 * account clears the `granted_by` it left (`installation_roles_granted_by`), so none of them
 * scans the table however large it grows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('installation_roles')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('registrar', 'assessor')`))
    .addColumn('granted_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('installation_roles_pkey', ['user_id', 'role'])
    .execute();
  await db.schema.createIndex('installation_roles_role').on('installation_roles').columns(['role', 'user_id']).execute();
  await sql`create index installation_roles_granted_by on installation_roles (granted_by) where granted_by is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('installation_roles').ifExists().execute();
}
