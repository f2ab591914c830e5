import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { OrganisationRequestsTable } from './participants.tables.js';

/** A pending "I act for this organisation" request, with the names a convener decides on. */
export interface PendingRequestRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  user_id: string;
  name: string;
  email: string;
  created_at: Date;
}

/** SQL for "I act for this organisation" requests (`organisation_requests`). */
export const organisationRequestsRepository = {
  /** The person's pending request for the organisation, if any (at most one: a partial unique index). */
  async pending(db: Kysely<DB>, organisationId: string, userId: string): Promise<Selectable<OrganisationRequestsTable> | undefined> {
    return db.selectFrom('organisation_requests').selectAll().where('organisation_id', '=', organisationId).where('user_id', '=', userId).where('status', '=', 'pending').executeTakeFirst();
  },

  async insert(db: Kysely<DB>, row: { id: string; organisation_id: string; user_id: string; process_id: string }): Promise<Selectable<OrganisationRequestsTable>> {
    return db.insertInto('organisation_requests').values(row).returningAll().executeTakeFirstOrThrow();
  },

  /** The pending requests made in a process, oldest first (`organisation_requests_pending`). */
  async pendingIn(db: Kysely<DB>, processId: string): Promise<PendingRequestRow[]> {
    return db
      .selectFrom('organisation_requests as q')
      .innerJoin('organisations as o', 'o.id', 'q.organisation_id')
      .innerJoin('users as u', 'u.id', 'q.user_id')
      .select(['q.id', 'q.organisation_id', 'o.name as organisation_name', 'q.user_id', 'u.name', 'u.email', 'q.created_at'])
      .where('q.process_id', '=', processId)
      .where('q.status', '=', 'pending')
      .orderBy('q.created_at')
      .orderBy('q.id')
      .limit(500)
      .execute();
  },

  /** Lock one request for its decision; undefined when there is none with that id. */
  async lock(db: Kysely<DB>, id: string): Promise<Selectable<OrganisationRequestsTable> | undefined> {
    return db.selectFrom('organisation_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  async decide(db: Kysely<DB>, id: string, status: 'approved' | 'refused', decidedBy: string): Promise<void> {
    await db.updateTable('organisation_requests').set({ status, decided_by: decidedBy, decided_at: new Date() }).where('id', '=', id).execute();
  },
};
