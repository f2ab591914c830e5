import { type Kysely, sql } from 'kysely';
import type { AuditChain, AuditEvent, DB } from '../db/schema.js';

/** A chain's head as its row records it. */
export interface ChainHead {
  seq: bigint;
  hash: string;
  closed: boolean;
}

/** An event as written (chain and seq are insert-only columns). */
export type NewAuditEvent = Omit<AuditEvent, 'seq' | 'chain'> & { seq: string; chain: string };

/** SQL for the audit chains: append under the chain's own row lock, read in order. */
export const auditRepository = {
  /**
   * Lock one chain's head row for this transaction and return the head. Only appends to the
   * same chain wait; the row is created on a chain's first event (a process's first change).
   */
  async lockHead(trx: Kysely<DB>, chain: string, processId: string | null, genesis: string): Promise<ChainHead> {
    const read = () => trx.selectFrom('audit_chains').select(['head_seq', 'head_hash', 'closed_at']).where('id', '=', chain).forUpdate().executeTakeFirst();
    let row = await read();
    if (!row) {
      await trx.insertInto('audit_chains').values({ id: chain, process_id: processId, head_seq: 0, head_hash: genesis }).onConflict((oc) => oc.column('id').doNothing()).execute();
      row = await read();
    }
    if (!row) throw new Error(`audit chain ${chain} could not be created`);
    return { seq: BigInt(row.head_seq), hash: row.head_hash, closed: row.closed_at !== null };
  },

  async insert(trx: Kysely<DB>, event: NewAuditEvent): Promise<void> {
    await trx.insertInto('audit_events').values(event).execute();
  },

  /** Move a chain's head (in the transaction holding its lock). */
  async setHead(trx: Kysely<DB>, chain: string, seq: string, hash: string): Promise<void> {
    await trx.updateTable('audit_chains').set({ head_seq: seq, head_hash: hash }).where('id', '=', chain).execute();
  },

  /** Every chain: legacy first, then the installation's, then processes' in id order. */
  async chains(db: Kysely<DB>): Promise<AuditChain[]> {
    return db
      .selectFrom('audit_chains')
      .selectAll()
      .orderBy(sql`case id when 'legacy' then 0 when 'installation' then 1 else 2 end`)
      .orderBy('id')
      .execute();
  },

  async chain(db: Kysely<DB>, id: string): Promise<AuditChain | undefined> {
    return db.selectFrom('audit_chains').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** One chain's events in order, a page at a time (keyset on the (chain, seq) key). */
  async page(db: Kysely<DB>, chain: string, afterSeq: string | null, limit: number): Promise<AuditEvent[]> {
    let q = db.selectFrom('audit_events').selectAll().where('chain', '=', chain).orderBy('seq', 'asc').limit(limit);
    if (afterSeq !== null) q = q.where('seq', '>', afterSeq);
    return q.execute();
  },
};
