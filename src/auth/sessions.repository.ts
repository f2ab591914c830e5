import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** A session joined with what the policy module needs about its user. */
export interface SessionRow {
  session_id: string;
  expires_at: Date;
  last_seen_at: Date;
  user_id: string;
  name: string;
  email: string;
  preferred_lang: 'en' | 'fr';
  email_confirmed_at: Date | null;
}

/** SQL for sessions and the roles loaded with them. */
export const sessionsRepository = {
  async insert(db: Kysely<DB>, row: { id: string; token_hash: string; user_id: string; expires_at: Date; user_agent: string | null }) {
    await db.insertInto('sessions').values({ ...row, last_seen_at: new Date() }).execute();
  },

  async findByTokenHash(db: Kysely<DB>, tokenHash: string): Promise<SessionRow | undefined> {
    return db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'sessions.id as session_id',
        'sessions.expires_at',
        'sessions.last_seen_at',
        'users.id as user_id',
        'users.name',
        'users.email',
        'users.preferred_lang',
        'users.email_confirmed_at',
      ])
      .where('sessions.token_hash', '=', tokenHash)
      .executeTakeFirst();
  },

  async rolesOf(db: Kysely<DB>, userId: string): Promise<{ role: string; process_id: string | null; group_id: string | null }[]> {
    return db.selectFrom('role_assignments').select(['role', 'process_id', 'group_id']).where('user_id', '=', userId).execute();
  },

  /** The working groups a person belongs to (their members may edit the group's documents). */
  async groupsOf(db: Kysely<DB>, userId: string): Promise<{ group_id: string }[]> {
    return db.selectFrom('working_group_members').select('group_id').where('user_id', '=', userId).execute();
  },

  async touch(db: Kysely<DB>, sessionId: string, expiresAt: Date): Promise<void> {
    await db.updateTable('sessions').set({ last_seen_at: new Date(), expires_at: expiresAt }).where('id', '=', sessionId).execute();
  },

  async delete(db: Kysely<DB>, sessionId: string): Promise<void> {
    await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
  },

  /** Remove sessions that ran out; returns how many. */
  async deleteExpired(db: Kysely<DB>, now: Date): Promise<number> {
    const r = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  async deleteAllForUser(db: Kysely<DB>, userId: string): Promise<void> {
    await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  },
};
