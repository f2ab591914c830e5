import type { Kysely } from 'kysely';
import { staffOf } from '../../platform/auth/staff.repository.js';
import type { DB, EmailTokenPurpose, NewUser, User } from '../../platform/db/schema.js';

/** SQL for people, their roles and their emailed tokens. */
export const accountsRepository = {
  async findByEmail(db: Kysely<DB>, email: string): Promise<User | undefined> {
    return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  },

  async findById(db: Kysely<DB>, id: string): Promise<User | undefined> {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insert(db: Kysely<DB>, user: NewUser): Promise<User> {
    return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
  },

  /**
   * Change a person's record. A new password ends every reset link still outstanding for the
   * account, here where every password change passes, so an older link (or one an attacker
   * asked for) cannot set the password again after the owner has.
   */
  async update(db: Kysely<DB>, id: string, set: Partial<Pick<User, 'name' | 'password_hash' | 'email_confirmed_at' | 'preferred_lang'>>): Promise<User> {
    const user = await db
      .updateTable('users')
      .set({ ...set, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (set.password_hash !== undefined) await accountsRepository.endTokens(db, id, 'reset_password');
    return user;
  },

  /** Mark every unused token of this purpose for this person as used. */
  async endTokens(db: Kysely<DB>, userId: string, purpose: EmailTokenPurpose): Promise<void> {
    await db.updateTable('email_tokens').set({ used_at: new Date() }).where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
  },

  async roles(db: Kysely<DB>, userId: string): Promise<{ role: string; process_id: string | null }[]> {
    return db.selectFrom('role_assignments').select(['role', 'process_id']).where('user_id', '=', userId).orderBy('role').execute();
  },

  async grantRole(db: Kysely<DB>, row: { id: string; user_id: string; role: string; process_id: string | null; group_id: string | null; granted_by: string | null; created_at: Date }) {
    return db
      .insertInto('role_assignments')
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .returningAll()
      .executeTakeFirst();
  },

  async revokeRole(db: Kysely<DB>, q: { user_id: string; role: string; process_id: string | null; group_id: string | null }) {
    let d = db.deleteFrom('role_assignments').where('user_id', '=', q.user_id).where('role', '=', q.role);
    d = q.process_id === null ? d.where('process_id', 'is', null) : d.where('process_id', '=', q.process_id);
    d = q.group_id === null ? d.where('group_id', 'is', null) : d.where('group_id', '=', q.group_id);
    return d.returningAll().executeTakeFirst();
  },

  /** The holders of a process-wide role, their rows locked until the transaction ends. */
  async lockRoleHolders(db: Kysely<DB>, q: { role: string; processId: string }) {
    const rows = await db.selectFrom('role_assignments').select('user_id').where('role', '=', q.role).where('process_id', '=', q.processId).where('group_id', 'is', null).forUpdate().execute();
    return rows.map((r) => r.user_id);
  },

  /** The holders of a role in a process (or one of its groups), with names and whether each is staff of the process (issue 10, selected here, not per row). */
  async roleHolders(db: Kysely<DB>, q: { role: string; processId: string; groupId?: string | undefined }) {
    let s = db
      .selectFrom('role_assignments as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['u.id as user_id', 'u.name', 'r.group_id', 'r.created_at', staffOf('r.user_id', { id: q.processId }).as('staff')])
      .where('r.role', '=', q.role)
      .where('r.process_id', '=', q.processId);
    if (q.groupId) s = s.where('r.group_id', '=', q.groupId);
    return s.orderBy('u.name').execute();
  },

  async insertToken(db: Kysely<DB>, row: { id: string; user_id: string; purpose: EmailTokenPurpose; token_hash: string; expires_at: Date }) {
    await db.insertInto('email_tokens').values(row).execute();
  },

  /** Take a token for use: returns it only if unused and unexpired, and marks it used in the same statement. */
  async consumeToken(db: Kysely<DB>, tokenHash: string, purpose: EmailTokenPurpose) {
    return db
      .updateTable('email_tokens')
      .set({ used_at: new Date() })
      .where('token_hash', '=', tokenHash)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('expires_at', '>', new Date())
      .returning(['user_id'])
      .executeTakeFirst();
  },

  /** A token whatever its state, to say why it no longer works (used or expired). */
  async findToken(db: Kysely<DB>, tokenHash: string, purpose: EmailTokenPurpose) {
    return db.selectFrom('email_tokens').select(['user_id', 'used_at', 'expires_at']).where('token_hash', '=', tokenHash).where('purpose', '=', purpose).executeTakeFirst();
  },

  async findLiveToken(db: Kysely<DB>, tokenHash: string, purpose: EmailTokenPurpose) {
    return db
      .selectFrom('email_tokens')
      .select(['user_id'])
      .where('token_hash', '=', tokenHash)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('expires_at', '>', new Date())
      .executeTakeFirst();
  },

  /** Name, email and language of some people, for features that write to them. */
  async contactsOf(db: Kysely<DB>, ids: string[]): Promise<{ id: string; name: string; email: string; preferred_lang: 'en' | 'fr' }[]> {
    if (ids.length === 0) return [];
    return db.selectFrom('users').select(['id', 'name', 'email', 'preferred_lang']).where('id', 'in', ids).execute();
  },

  async count(db: Kysely<DB>): Promise<number> {
    const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  },

  /** Newest first, keyset on the time-ordered id. */
  async list(db: Kysely<DB>, opts: { before?: string | undefined; limit: number }): Promise<User[]> {
    let q = db.selectFrom('users').selectAll().orderBy('id', 'desc').limit(opts.limit);
    if (opts.before) q = q.where('id', '<', opts.before);
    return q.execute();
  },
};
