import { type Kysely, sql } from 'kysely';

/**
 * Comment campaigns found once (issue 10): entries that are copies of one text (a comment's
 * duplicate group) share a `group_key`, and a search shows the group once with how many of
 * its copies matched. Other entries keep null and are shown one by one, as before. Comments
 * indexed before this column get their group from the comment row, so a campaign already in
 * the index is found once too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('search_entries').addColumn('group_key', 'text').execute();
  await sql`update search_entries e set group_key = c.group_id::text from comments c where e.kind = 'comment' and e.ref_id = c.id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('search_entries').dropColumn('group_key').execute();
}
