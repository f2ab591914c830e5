import { type Kysely, sql } from 'kysely';
import type { AuditSignedHead, DB } from '../db/schema.js';

/** SQL for signed chain heads. */
export const auditHeadsRepository = {
  async insert(db: Kysely<DB>, row: Omit<AuditSignedHead, 'id'>): Promise<void> {
    await db.insertInto('audit_signed_heads').values(row).execute();
  },

  /** The newest signed head of each chain (or of the chains named). */
  async latest(db: Kysely<DB>, chains?: string[]): Promise<AuditSignedHead[]> {
    if (chains && !chains.length) return [];
    let q = db.selectFrom('audit_signed_heads').selectAll().distinctOn('chain').orderBy('chain').orderBy(sql`id desc`);
    if (chains) q = q.where('chain', 'in', chains);
    return q.execute();
  },

  /** Every chain's head row (cheap: no event is read). */
  async heads(db: Kysely<DB>): Promise<{ id: string; head_seq: string; head_hash: string }[]> {
    return db.selectFrom('audit_chains').select(['id', 'head_seq', 'head_hash']).where('head_seq', '>', '0').execute();
  },
};
