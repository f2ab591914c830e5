import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { InstallationRole } from '../../platform/auth/roles.js';

/** SQL for roles held across the installation (`installation_roles`). */
export const installationRolesRepository = {
  /** Everyone holding an installation role, by role then name (`installation_roles_role`). */
  async holders(db: Kysely<DB>): Promise<{ user_id: string; name: string; email: string; role: InstallationRole; created_at: Date }[]> {
    return db
      .selectFrom('installation_roles as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.user_id', 'u.name', 'u.email', 'r.role', 'r.created_at'])
      .orderBy('r.role')
      .orderBy('u.name')
      .orderBy('r.user_id')
      .execute();
  },

  /**
   * Lock the person's account row for the rest of the transaction, so two changes to their
   * roles apply one after the other; false when there is no such account. `for no key update`
   * lets rows that merely reference the account (a new session) through.
   */
  async lockUser(db: Kysely<DB>, userId: string): Promise<boolean> {
    return (await db.selectFrom('users').select('id').where('id', '=', userId).forNoKeyUpdate().executeTakeFirst()) !== undefined;
  },

  /** The installation roles one person holds. */
  async rolesOf(db: Kysely<DB>, userId: string): Promise<InstallationRole[]> {
    const rows = await db.selectFrom('installation_roles').select('role').where('user_id', '=', userId).execute();
    return rows.map((r) => r.role);
  },

  async insert(db: Kysely<DB>, rows: { user_id: string; role: InstallationRole; granted_by: string | null }[]): Promise<void> {
    if (!rows.length) return;
    await db
      .insertInto('installation_roles')
      .values(rows)
      .onConflict((oc) => oc.doNothing())
      .execute();
  },

  async delete(db: Kysely<DB>, userId: string, roles: InstallationRole[]): Promise<void> {
    if (!roles.length) return;
    await db.deleteFrom('installation_roles').where('user_id', '=', userId).where('role', 'in', roles).execute();
  },
};
