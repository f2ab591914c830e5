import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { ActivityTable, FollowsTable } from './follows.tables.js';

export type Activity = Selectable<ActivityTable>;
export type Follow = Selectable<FollowsTable>;

/** SQL for activity and follows. */
export const followsRepository = {
  async insertActivity(db: Kysely<DB>, row: Activity): Promise<Activity> {
    return db.insertInto('activity').values(row).returningAll().executeTakeFirstOrThrow();
  },

  /** A process's latest activity, newest first (keyset on the time-ordered id). */
  async recent(db: Kysely<DB>, processId: string, limit: number): Promise<Activity[]> {
    return db.selectFrom('activity').selectAll().where('process_id', '=', processId).orderBy('id', 'desc').limit(limit).execute();
  },

  /** Activity of one follow's target after a moment (for a digest). */
  async since(db: Kysely<DB>, f: { process_id: string; group_id: string | null }, after: Date, until: Date): Promise<Activity[]> {
    let q = db.selectFrom('activity').selectAll().where('process_id', '=', f.process_id).where('occurred_at', '>', after).where('occurred_at', '<=', until);
    if (f.group_id) q = q.where('group_id', '=', f.group_id);
    return q.orderBy('id').limit(200).execute();
  },

  /** Followers to tell about something in a process (and, when given, one of its groups). */
  async followersOf(db: Kysely<DB>, processId: string, groupId: string | null, mode: 'immediate' | 'digest'): Promise<Follow[]> {
    return db
      .selectFrom('follows')
      .selectAll()
      .where('process_id', '=', processId)
      .where('mode', '=', mode)
      .where((eb) => (groupId ? eb.or([eb('group_id', 'is', null), eb('group_id', '=', groupId)]) : eb('group_id', 'is', null)))
      .execute();
  },

  async find(db: Kysely<DB>, userId: string, processId: string, groupId: string | null): Promise<Follow | undefined> {
    let q = db.selectFrom('follows').selectAll().where('user_id', '=', userId).where('process_id', '=', processId);
    q = groupId ? q.where('group_id', '=', groupId) : q.where('group_id', 'is', null);
    return q.executeTakeFirst();
  },

  async upsert(db: Kysely<DB>, row: { id: string; user_id: string; process_id: string; group_id: string | null; mode: 'immediate' | 'digest' }): Promise<void> {
    const existing = await this.find(db, row.user_id, row.process_id, row.group_id);
    if (existing) await db.updateTable('follows').set({ mode: row.mode }).where('id', '=', existing.id).execute();
    else await db.insertInto('follows').values({ ...row, digest_sent_until: new Date() }).execute();
  },

  async remove(db: Kysely<DB>, id: string): Promise<void> {
    await db.deleteFrom('follows').where('id', '=', id).execute();
  },

  /** Digest follows due, a batch at a time. */
  async digestsDue(db: Kysely<DB>, before: Date, limit: number): Promise<Follow[]> {
    return db.selectFrom('follows').selectAll().where('mode', '=', 'digest').where('digest_sent_until', '<', before).orderBy('id').limit(limit).execute();
  },

  async markDigested(db: Kysely<DB>, id: string, until: Date): Promise<void> {
    await db.updateTable('follows').set({ digest_sent_until: until }).where('id', '=', id).execute();
  },
};
