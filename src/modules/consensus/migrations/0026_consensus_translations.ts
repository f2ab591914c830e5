import type { Kysely } from 'kysely';

/**
 * A consensus outcome's texts in the other language (issue 10). The rationale and the answers to
 * objections are written in the outcome's `lang`; `rationale_translation` and each answer's
 * `translation` hold the same text in the other language ('' on every older row: readers of that
 * language then see the original, marked with its language).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('consensus_outcomes')
    .addColumn('rationale_translation', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('consensus_objection_answers')
    .addColumn('translation', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('consensus_objection_answers').dropColumn('translation').execute();
  await db.schema.alterTable('consensus_outcomes').dropColumn('rationale_translation').execute();
}
