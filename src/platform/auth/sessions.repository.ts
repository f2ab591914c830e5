import { type Kysely, sql } from 'kysely';
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
  /** Every role assignment of the user. */
  roles: { role: string; process_id: string | null; group_id: string | null }[];
  /** The working groups the user belongs to (their members may edit the group's documents). */
  group_ids: string[];
  /** Every role the user holds for an organisation. */
  organisation_roles: { organisation_id: string; role: string }[];
  /** Every role the user holds across the installation. */
  installation_roles: string[];
}

/** The user's roles of every kind, as columns of a query over `users`. */
const roleColumns = () => [
  sql<SessionRow['roles']>`coalesce((select json_agg(json_build_object('role', r.role, 'process_id', r.process_id, 'group_id', r.group_id))
    from role_assignments r where r.user_id = users.id), '[]'::json)`.as('roles'),
  sql<string[]>`coalesce((select json_agg(m.group_id) from working_group_members m where m.user_id = users.id), '[]'::json)`.as('group_ids'),
  sql<SessionRow['organisation_roles']>`coalesce((select json_agg(json_build_object('organisation_id', o.organisation_id, 'role', o.role))
    from organisation_roles o where o.user_id = users.id), '[]'::json)`.as('organisation_roles'),
  sql<string[]>`coalesce((select json_agg(i.role) from installation_roles i where i.user_id = users.id), '[]'::json)`.as('installation_roles'),
];

/** A user and every role they hold (what an actor is made of), without a session. */
export type UserWithRoles = Omit<SessionRow, 'session_id' | 'expires_at' | 'last_seen_at'>;

/** SQL for sessions and the roles loaded with them. */
export const sessionsRepository = {
  async insert(db: Kysely<DB>, row: { id: string; token_hash: string; user_id: string; expires_at: Date; user_agent: string | null }) {
    await db.insertInto('sessions').values({ ...row, last_seen_at: new Date() }).execute();
  },

  /**
   * The session, its user, and the user's roles (in processes, working groups, organisations
   * and the installation), in one round trip: every signed-in request starts here, so a query
   * per kind of role would be paid on every page. Each aggregate reads an index on user_id
   * (`organisation_roles_user` and `installation_roles`' primary key for the newer two).
   * `organisation_roles` belongs to the participants module and `working_group_members` to the
   * groups module: read here as plain SQL, so the frame still imports neither.
   */
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
        ...roleColumns(),
      ])
      .where('sessions.token_hash', '=', tokenHash)
      .executeTakeFirst();
  },

  /** A user with their roles, for acting as them outside a request (the CLI). */
  async userWithRoles(db: Kysely<DB>, userId: string): Promise<UserWithRoles | undefined> {
    return db
      .selectFrom('users')
      .select(['users.id as user_id', 'users.name', 'users.email', 'users.preferred_lang', 'users.email_confirmed_at', ...roleColumns()])
      .where('users.id', '=', userId)
      .executeTakeFirst();
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
