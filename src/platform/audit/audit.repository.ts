import { type Kysely, sql } from 'kysely';
import type { AuditEvent, DB } from '../db/schema.js';

/** Advisory lock key that serialises appends, so each event links to the one before it. */
const AUDIT_LOCK = 7263002;

/** SQL for the audit chain: append under a lock, read in order. */
export const auditRepository = {
  /** Lock the chain for this transaction and return its current head. */
  async lockHead(trx: Kysely<DB>): Promise<{ seq: bigint; hash: string } | undefined> {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
    const row = await trx.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return row ? { seq: BigInt(row.seq), hash: row.hash } : undefined;
  },

  async insert(trx: Kysely<DB>, event: Omit<AuditEvent, 'seq'> & { seq: string }): Promise<void> {
    await trx.insertInto('audit_events').values(event).execute();
  },

  /** Events in chain order, a page at a time (keyset on seq, so it scales to any length). */
  async page(db: Kysely<DB>, afterSeq: string | null, limit: number): Promise<AuditEvent[]> {
    let q = db.selectFrom('audit_events').selectAll().orderBy('seq', 'asc').limit(limit);
    if (afterSeq !== null) q = q.where('seq', '>', afterSeq);
    return q.execute();
  },
};
