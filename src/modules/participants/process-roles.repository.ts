import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

/** One role held in a process, with the holder's name (group chairs carry their group). */
export interface ProcessRoleRow {
  user_id: string;
  name: string;
  role: string;
  group_id: string | null;
  created_at: Date;
}

/** One revocation, with the names of who lost the role and who took it. */
export interface RevocationRow {
  id: string;
  user_id: string;
  name: string;
  role: string;
  reason: string;
  revoked_by_name: string | null;
  revoked_at: Date;
}

/** SQL for the roles held in a process and the record of those taken away. */
export const processRolesRepository = {
  /** Everyone holding a role in the process, by name then role (at most 2,000 rows: a page, not an export). */
  holders(db: Kysely<DB>, processId: string): Promise<ProcessRoleRow[]> {
    return db
      .selectFrom('role_assignments as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.user_id', 'u.name', 'r.role', 'r.group_id', 'r.created_at'])
      .where('r.process_id', '=', processId)
      .orderBy('u.name')
      .orderBy('r.user_id')
      .orderBy('r.role')
      .limit(2000)
      .execute();
  },

  async insertRevocation(db: Kysely<DB>, row: { id: string; process_id: string; user_id: string; role: string; reason: string; revoked_by: string }): Promise<void> {
    await db.insertInto('role_revocations').values(row).execute();
  },

  /** The latest revocations in the process, newest first. */
  revocations(db: Kysely<DB>, processId: string, limit = 100): Promise<RevocationRow[]> {
    return db
      .selectFrom('role_revocations as v')
      .innerJoin('users as u', 'u.id', 'v.user_id')
      .leftJoin('users as b', 'b.id', 'v.revoked_by')
      .select(['v.id', 'v.user_id', 'u.name', 'v.role', 'v.reason', 'b.name as revoked_by_name', 'v.revoked_at'])
      .where('v.process_id', '=', processId)
      .orderBy('v.revoked_at', 'desc')
      .orderBy('v.id', 'desc')
      .limit(limit)
      .execute();
  },
};
