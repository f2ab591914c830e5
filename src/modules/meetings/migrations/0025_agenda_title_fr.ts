import type { Kysely } from 'kysely';

/**
 * An agenda item's title in French (issue 10): the title written so far is the English one,
 * shown to French readers, marked as English, while this is empty ('' on every older item).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('meeting_agenda_items')
    .addColumn('title_fr', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('meeting_agenda_items').dropColumn('title_fr').execute();
}
