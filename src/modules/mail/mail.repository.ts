import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { OutboxMessage } from './mail.tables.js';

/** SQL for the outbox: every message Concord sends, and its delivery state. */
export const mailRepository = {
  async insert(db: Kysely<DB>, row: { id: string; to_address: string; subject: string; body_text: string; kind: string; lang: string; ics?: string | null }) {
    await db.insertInto('outbox_messages').values(row).execute();
  },

  /** Newest first, keyset-paginated on the time-ordered id. */
  async list(db: Kysely<DB>, opts: { before?: string | undefined; to?: string | undefined; limit: number }): Promise<OutboxMessage[]> {
    let q = db.selectFrom('outbox_messages').selectAll().orderBy('id', 'desc').limit(opts.limit);
    if (opts.before) q = q.where('id', '<', opts.before);
    if (opts.to) q = q.where('to_address', '=', opts.to.toLowerCase());
    return q.execute();
  },

  async get(db: Kysely<DB>, id: string): Promise<OutboxMessage | undefined> {
    return db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /**
   * Lease a batch of unsent messages for delivery, in one statement (no transaction stays
   * open while mail is sent). SKIP LOCKED and the lease let several app servers deliver side
   * by side without sending a message twice; a lease left by a crashed sender runs out.
   */
  async leaseUnsent(db: Kysely<DB>, limit: number, leaseMs: number): Promise<OutboxMessage[]> {
    const until = new Date(Date.now() + leaseMs);
    const r = await sql<OutboxMessage>`
      update outbox_messages set leased_until = ${until}
      where id in (
        select id from outbox_messages
        where sent_at is null and attempts < 10 and (leased_until is null or leased_until < now())
        order by id
        limit ${limit}
        for update skip locked)
      returning *`.execute(db);
    return r.rows.sort((a, b) => (a.id < b.id ? -1 : 1));
  },

  async markSent(db: Kysely<DB>, id: string): Promise<void> {
    await db.updateTable('outbox_messages').set({ sent_at: new Date(), last_error: null, leased_until: null }).where('id', '=', id).execute();
  },

  async markFailed(db: Kysely<DB>, id: string, error: string): Promise<void> {
    await db
      .updateTable('outbox_messages')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error.slice(0, 500), leased_until: null }))
      .where('id', '=', id)
      .execute();
  },
};
