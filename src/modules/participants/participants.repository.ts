import { type Kysely, type Selectable, sql } from 'kysely';
import { staffOf, type StaffRole } from '../../platform/auth/staff.repository.js';
import type { DB } from '../../platform/db/schema.js';
import type { InvitationsTable, OrganisationsTable, ProcessMembersTable } from './participants.tables.js';

export type Organisation = Selectable<OrganisationsTable>;
export type ProcessMember = Selectable<ProcessMembersTable>;
export type Invitation = Selectable<InvitationsTable>;

/** A member as directories and exports show them. */
export interface MemberRow {
  /** The membership's id (the search index keys a participant by it). */
  member_id: string;
  user_id: string;
  name: string;
  joined_at: Date;
  organisation_id: string | null;
  organisation_name: string | null;
  stakeholder_group_id: string;
  stakeholder_key: string;
  stakeholder_name_en: string;
  stakeholder_name_fr: string;
  /** Administrator of the installation or convener of the process, loaded with the row (absent where a query does not ask). */
  staff?: StaffRole | null;
}

/** SQL for organisations, process members and invitations. */
export const participantsRepository = {
  async organisation(db: Kysely<DB>, id: string): Promise<Organisation | undefined> {
    return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async organisationByName(db: Kysely<DB>, name: string): Promise<Organisation | undefined> {
    return db.selectFrom('organisations').selectAll().where(sql<string>`lower(name)`, '=', name.toLowerCase()).executeTakeFirst();
  },

  /** All organisations by name, for the picker (an installation has hundreds, not millions). */
  async organisations(db: Kysely<DB>): Promise<Organisation[]> {
    return db.selectFrom('organisations').selectAll().orderBy('name').execute();
  },

  /** These organisations (for names on pages that list a few). */
  async organisationsByIds(db: Kysely<DB>, ids: string[]): Promise<Organisation[]> {
    if (!ids.length) return [];
    return db.selectFrom('organisations').selectAll().where('id', 'in', ids).orderBy('name').execute();
  },

  async insertOrganisation(db: Kysely<DB>, row: Organisation): Promise<Organisation> {
    return db.insertInto('organisations').values(row).returningAll().executeTakeFirstOrThrow();
  },

  /** Organisations with at least one member in a process, with how many. */
  async organisationsInProcess(db: Kysely<DB>, processId: string): Promise<(Organisation & { members: number })[]> {
    const rows = await db
      .selectFrom('organisations as o')
      .innerJoin('process_members as m', 'm.organisation_id', 'o.id')
      .selectAll('o')
      .select((eb) => eb.fn.countAll<string>().as('members'))
      .where('m.process_id', '=', processId)
      .groupBy('o.id')
      .orderBy('o.name')
      .execute();
    return rows.map((r) => ({ ...r, members: Number(r.members) }));
  },

  async member(db: Kysely<DB>, processId: string, userId: string): Promise<ProcessMember | undefined> {
    return db.selectFrom('process_members').selectAll().where('process_id', '=', processId).where('user_id', '=', userId).executeTakeFirst();
  },

  async insertMember(db: Kysely<DB>, row: ProcessMember): Promise<ProcessMember> {
    return db.insertInto('process_members').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async deleteMember(db: Kysely<DB>, processId: string, userId: string): Promise<ProcessMember | undefined> {
    return db.deleteFrom('process_members').where('process_id', '=', processId).where('user_id', '=', userId).returningAll().executeTakeFirst();
  },

  /**
   * Members of a process, by name then id (a keyset cursor), filtered by stakeholder group
   * key, working group slug or organisation.
   */
  async members(db: Kysely<DB>, processId: string, f: { stakeholderKey?: string | undefined; groupId?: string | undefined; organisationId?: string | undefined; after?: { name: string; id: string } | undefined; limit: number }): Promise<MemberRow[]> {
    let q = db
      .selectFrom('process_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .innerJoin('stakeholder_groups as s', 's.id', 'm.stakeholder_group_id')
      .leftJoin('organisations as o', 'o.id', 'm.organisation_id')
      .select([
        'm.id as member_id',
        'u.id as user_id',
        'u.name',
        'm.joined_at',
        'o.id as organisation_id',
        'o.name as organisation_name',
        's.id as stakeholder_group_id',
        's.key as stakeholder_key',
        's.name_en as stakeholder_name_en',
        's.name_fr as stakeholder_name_fr',
        staffOf('u.id', { column: 'm.process_id' }).as('staff'),
      ])
      .where('m.process_id', '=', processId);
    if (f.stakeholderKey) q = q.where('s.key', '=', f.stakeholderKey);
    if (f.organisationId) q = q.where('m.organisation_id', '=', f.organisationId);
    if (f.groupId) {
      const groupId = f.groupId;
      q = q.where((eb) => eb.exists(eb.selectFrom('working_group_members as w').select('w.id').whereRef('w.user_id', '=', 'm.user_id').where('w.group_id', '=', groupId)));
    }
    if (f.after) {
      const { name, id } = f.after;
      q = q.where((eb) => eb.or([eb('u.name', '>', name), eb.and([eb('u.name', '=', name), eb('u.id', '>', id)])]));
    }
    return q.orderBy('u.name').orderBy('u.id').limit(f.limit).execute();
  },

  /** Members per stakeholder group, optionally among some people only (a working group's). */
  async countsByStakeholderGroup(db: Kysely<DB>, processId: string, userIds?: string[]): Promise<Map<string, number>> {
    if (userIds && userIds.length === 0) return new Map();
    let q = db
      .selectFrom('process_members')
      .select(['stakeholder_group_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('process_id', '=', processId)
      .groupBy('stakeholder_group_id');
    if (userIds) q = q.where('user_id', 'in', userIds);
    const rows = await q.execute();
    return new Map(rows.map((r) => [r.stakeholder_group_id, Number(r.n)]));
  },

  /** Each listed person's stakeholder group in the process (members only), read in slices so a long list stays one query per 10,000. */
  async stakeholderGroupsOf(db: Kysely<DB>, processId: string, userIds: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < userIds.length; i += 10_000) {
      const rows = await db
        .selectFrom('process_members')
        .select(['user_id', 'stakeholder_group_id'])
        .where('process_id', '=', processId)
        .where('user_id', 'in', userIds.slice(i, i + 10_000))
        .execute();
      for (const r of rows) out.set(r.user_id, r.stakeholder_group_id);
    }
    return out;
  },

  async insertInvitation(db: Kysely<DB>, row: Omit<Invitation, 'created_at' | 'accepted_at'>): Promise<void> {
    await db.insertInto('invitations').values(row).execute();
  },

  async liveInvitation(db: Kysely<DB>, tokenHash: string): Promise<Invitation | undefined> {
    return db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash).where('accepted_at', 'is', null).where('expires_at', '>', new Date()).executeTakeFirst();
  },

  async acceptInvitation(db: Kysely<DB>, id: string): Promise<void> {
    await db.updateTable('invitations').set({ accepted_at: new Date() }).where('id', '=', id).execute();
  },
};
