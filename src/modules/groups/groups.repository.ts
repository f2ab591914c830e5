import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { staffOf, type StaffRole } from '../../platform/auth/staff.repository.js';
import type { AnnouncementsTable, WorkingGroupsTable } from './groups.tables.js';

export type WorkingGroup = Selectable<WorkingGroupsTable>;
export type Announcement = Selectable<AnnouncementsTable>;

/** SQL for working groups, who is in them, and their announcements. */
export const groupsRepository = {
  async byProcess(db: Kysely<DB>, processId: string): Promise<WorkingGroup[]> {
    return db.selectFrom('working_groups').selectAll().where('process_id', '=', processId).orderBy('position').orderBy('name_en').execute();
  },

  async byId(db: Kysely<DB>, id: string): Promise<WorkingGroup | undefined> {
    return db.selectFrom('working_groups').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async bySlug(db: Kysely<DB>, processId: string, slug: string): Promise<WorkingGroup | undefined> {
    return db.selectFrom('working_groups').selectAll().where('process_id', '=', processId).where('slug', '=', slug).executeTakeFirst();
  },

  async insert(db: Kysely<DB>, row: Omit<WorkingGroup, 'created_at' | 'updated_at'>): Promise<WorkingGroup> {
    return db.insertInto('working_groups').values({ ...row, updated_at: new Date() }).returningAll().executeTakeFirstOrThrow();
  },

  async update(db: Kysely<DB>, id: string, set: Partial<Omit<WorkingGroup, 'id' | 'process_id' | 'created_at'>>): Promise<WorkingGroup> {
    return db.updateTable('working_groups').set({ ...set, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },

  async addMember(db: Kysely<DB>, row: { id: string; group_id: string; user_id: string; joined_at?: Date }) {
    return db.insertInto('working_group_members').values(row).onConflict((oc) => oc.doNothing()).returningAll().executeTakeFirst();
  },

  async removeMember(db: Kysely<DB>, groupId: string, userId: string) {
    return db.deleteFrom('working_group_members').where('group_id', '=', groupId).where('user_id', '=', userId).returningAll().executeTakeFirst();
  },

  async isMember(db: Kysely<DB>, groupId: string, userId: string): Promise<boolean> {
    return (await db.selectFrom('working_group_members').select('id').where('group_id', '=', groupId).where('user_id', '=', userId).executeTakeFirst()) !== undefined;
  },

  /** Member counts per group of a process, in one grouped query over an indexed column. */
  async memberCounts(db: Kysely<DB>, processId: string): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom('working_group_members as m')
      .innerJoin('working_groups as g', 'g.id', 'm.group_id')
      .select(['m.group_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('g.process_id', '=', processId)
      .groupBy('m.group_id')
      .execute();
    return new Map(rows.map((r) => [r.group_id, Number(r.n)]));
  },

  /** The user ids in a group, for balance and directory views (they join on process members). */
  async memberIds(db: Kysely<DB>, groupId: string): Promise<string[]> {
    return (await db.selectFrom('working_group_members').select('user_id').where('group_id', '=', groupId).execute()).map((r) => r.user_id);
  },

  /** The groups each of some people is in, within a process: one query for a whole page of people. */
  async groupsOfMany(db: Kysely<DB>, processId: string, userIds: string[]): Promise<(WorkingGroup & { user_id: string })[]> {
    if (userIds.length === 0) return [];
    return db
      .selectFrom('working_groups as g')
      .innerJoin('working_group_members as m', 'm.group_id', 'g.id')
      .selectAll('g')
      .select('m.user_id')
      .where('g.process_id', '=', processId)
      .where('m.user_id', 'in', userIds)
      .orderBy('g.position')
      .execute();
  },

  async insertAnnouncement(db: Kysely<DB>, row: Announcement): Promise<Announcement> {
    return db.insertInto('announcements').values(row).returningAll().executeTakeFirstOrThrow();
  },

  /** A group's latest announcements, with each author's name and staff role in the group's process (issue 10). */
  async announcements(db: Kysely<DB>, groupId: string, limit: number): Promise<(Announcement & { author_name: string | null; author_staff: StaffRole | null })[]> {
    return db
      .selectFrom('announcements as a')
      .innerJoin('working_groups as g', 'g.id', 'a.group_id')
      .leftJoin('users as u', 'u.id', 'a.author_id')
      .selectAll('a')
      .select(['u.name as author_name', staffOf('a.author_id', { column: 'g.process_id' }).as('author_staff')])
      .where('a.group_id', '=', groupId)
      .orderBy('a.id', 'desc')
      .limit(limit)
      .execute();
  },
};
