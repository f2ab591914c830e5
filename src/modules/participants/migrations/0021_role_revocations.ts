import { type Kysely, sql } from 'kysely';

/**
 * Why a role was taken away in a process (issue 10): conveners and administrators revoke roles
 * with a reason, which the audit trail covers by digest and this table keeps readable, so the
 * roles page can say who lost what, when, by whom and why. Listed per process, newest first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('role_revocations')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('process_id', 'uuid', (c) => c.notNull().references('processes.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`btrim(reason) <> ''`))
    .addColumn('revoked_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('revoked_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('role_revocations_process').on('role_revocations').columns(['process_id', 'revoked_at']).execute();
  await db.schema.createIndex('role_revocations_user').on('role_revocations').column('user_id').execute();
  await sql`create index role_revocations_revoked_by on role_revocations (revoked_by) where revoked_by is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('role_revocations').ifExists().execute();
}
