import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { FinalReportsTable, RecommendationAddresseesTable, RecommendationsTable } from './recommendations.tables.js';

/** A recommendation row. */
export type RecommendationRow = Selectable<RecommendationsTable>;
/** An addressee row: exactly one of stakeholder_group_id and organisation_id is set. */
export type AddresseeRow = Selectable<RecommendationAddresseesTable>;
/** A published final report row. */
export type FinalReportRow = Selectable<FinalReportsTable>;

/** SQL for recommendations, their addressees and final reports. */
export const recommendationsRepository = {
  /** A process's recommendations in order; a process has dozens, so no pagination. */
  async byProcess(db: Kysely<DB>, processId: string): Promise<RecommendationRow[]> {
    return db.selectFrom('recommendations').selectAll().where('process_id', '=', processId).orderBy('position').orderBy('number').execute();
  },

  async byNumber(db: Kysely<DB>, processId: string, number: string): Promise<RecommendationRow | undefined> {
    return db.selectFrom('recommendations').selectAll().where('process_id', '=', processId).where('number', '=', number).executeTakeFirst();
  },

  /** The next position at the end of the list. */
  async nextPosition(db: Kysely<DB>, processId: string): Promise<number> {
    const row = await db
      .selectFrom('recommendations')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('process_id', '=', processId)
      .executeTakeFirst();
    return row?.max == null ? 1 : Number(row.max) + 1;
  },

  async insert(db: Kysely<DB>, row: Insertable<RecommendationsTable>): Promise<RecommendationRow> {
    return db.insertInto('recommendations').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async update(db: Kysely<DB>, id: string, set: Updateable<RecommendationsTable>): Promise<RecommendationRow> {
    return db.updateTable('recommendations').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },

  /** The addressees of these recommendations. */
  async addressees(db: Kysely<DB>, recommendationIds: string[]): Promise<AddresseeRow[]> {
    if (recommendationIds.length === 0) return [];
    return db.selectFrom('recommendation_addressees').selectAll().where('recommendation_id', 'in', recommendationIds).orderBy('id').execute();
  },

  /** Replace a recommendation's addressees. */
  async replaceAddressees(db: Kysely<DB>, recommendationId: string, rows: Insertable<RecommendationAddresseesTable>[]): Promise<void> {
    await db.deleteFrom('recommendation_addressees').where('recommendation_id', '=', recommendationId).execute();
    if (rows.length) await db.insertInto('recommendation_addressees').values(rows).execute();
  },

  async finalReport(db: Kysely<DB>, processId: string): Promise<FinalReportRow | undefined> {
    return db.selectFrom('final_reports').selectAll().where('process_id', '=', processId).executeTakeFirst();
  },

  /** Publish (or publish again, with another document) a process's final report. */
  async upsertFinalReport(db: Kysely<DB>, row: FinalReportRow): Promise<FinalReportRow> {
    return db
      .insertInto('final_reports')
      .values(row)
      .onConflict((oc) => oc.column('process_id').doUpdateSet({ document_id: row.document_id, published_at: row.published_at, published_by: row.published_by }))
      .returningAll()
      .executeTakeFirstOrThrow();
  },
};
