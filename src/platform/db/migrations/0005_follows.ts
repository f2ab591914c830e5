import { type Kysely, sql } from 'kysely';

/**
 * What happened in each process (for its Atom feed and for followers), who follows what,
 * and when each follower last received a digest.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('activity')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('process_id', 'uuid', (c) => c.notNull().references('processes.id').onDelete('cascade'))
    .addColumn('group_id', 'uuid', (c) => c.references('working_groups.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('title_fr', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('activity_process').on('activity').columns(['process_id', 'id']).execute();

  await db.schema
    .createTable('follows')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('process_id', 'uuid', (c) => c.notNull().references('processes.id').onDelete('cascade'))
    // Null follows the whole process; a group id follows one working group.
    .addColumn('group_id', 'uuid', (c) => c.references('working_groups.id').onDelete('cascade'))
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('immediate', 'digest')`))
    .addColumn('digest_sent_until', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index follows_once on follows (user_id, process_id, coalesce(group_id, '00000000-0000-0000-0000-000000000000'::uuid))`.execute(db);
  await db.schema.createIndex('follows_target').on('follows').columns(['process_id', 'group_id']).execute();
}

/** Drop activity and follows. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('follows').ifExists().execute();
  await db.schema.dropTable('activity').ifExists().execute();
}
