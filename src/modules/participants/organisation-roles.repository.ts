import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { OrganisationRole } from '../../platform/auth/roles.js';
import { staffOf, type StaffRole } from '../../platform/auth/staff.repository.js';

/** One role someone holds for an organisation, with their name, as lists show it. */
export interface OrganisationRoleRow {
  user_id: string;
  name: string;
  role: OrganisationRole;
  created_at: Date;
  /** Whether the person is staff (the administrator, or a convener of any process: the page belongs to no process), for the badge beside the name (issue 10). */
  staff: StaffRole | null;
}

/** SQL for who acts for an organisation (`organisation_roles`). */
export const organisationRolesRepository = {
  /** Everyone who acts for an organisation, by name (the primary key's prefix). */
  async holders(db: Kysely<DB>, organisationId: string): Promise<OrganisationRoleRow[]> {
    return db
      .selectFrom('organisation_roles as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.user_id', 'u.name', 'r.role', 'r.created_at', staffOf('r.user_id', 'any').as('staff')])
      .where('r.organisation_id', '=', organisationId)
      .orderBy('u.name')
      .orderBy('r.user_id')
      .orderBy('r.role')
      .execute();
  },

  /** The roles one person holds for an organisation. */
  async rolesOf(db: Kysely<DB>, organisationId: string, userId: string): Promise<OrganisationRole[]> {
    const rows = await db
      .selectFrom('organisation_roles')
      .select('role')
      .where('organisation_id', '=', organisationId)
      .where('user_id', '=', userId)
      .orderBy('role')
      .execute();
    return rows.map((r) => r.role);
  },

  /**
   * Lock the organisation's row for the rest of the transaction, so two owners removing each
   * other at once cannot both pass the last-owner check; false when there is no such
   * organisation. `for no key update` lets rows that merely reference it (a member joining
   * for it) through.
   */
  async lockOrganisation(db: Kysely<DB>, organisationId: string): Promise<boolean> {
    return (await db.selectFrom('organisations').select('id').where('id', '=', organisationId).forNoKeyUpdate().executeTakeFirst()) !== undefined;
  },

  /** How many people own the organisation. */
  async countOwners(db: Kysely<DB>, organisationId: string): Promise<number> {
    const r = await db
      .selectFrom('organisation_roles')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('organisation_id', '=', organisationId)
      .where('role', '=', 'owner')
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async insert(db: Kysely<DB>, rows: { organisation_id: string; user_id: string; role: OrganisationRole; granted_by: string | null; created_at: Date }[]): Promise<void> {
    if (!rows.length) return;
    await db
      .insertInto('organisation_roles')
      .values(rows)
      .onConflict((oc) => oc.doNothing())
      .execute();
  },

  async delete(db: Kysely<DB>, organisationId: string, userId: string, roles: OrganisationRole[]): Promise<void> {
    if (!roles.length) return;
    await db.deleteFrom('organisation_roles').where('organisation_id', '=', organisationId).where('user_id', '=', userId).where('role', 'in', roles).execute();
  },
};
