import type { Kysely } from 'kysely';
import type { AuditEvent, DB } from '../../platform/db/schema.js';
import { isUuid } from '../../platform/lib/ids.js';
import { staffOf, type StaffRole } from '../../platform/auth/staff.repository.js';

/** A name the audit page may show, with the person's staff role in the process (issue 10). */
export interface NamedActor {
  name: string;
  staff: StaffRole | null;
}

/** Where a page of a process's events starts: before or after a seq, or at the newest. */
export interface ProcessCursor {
  before?: string | undefined;
  after?: string | undefined;
  actionPrefix?: string | undefined;
  limit: number;
}

/** A LIKE pattern matching text that starts with `prefix`, wildcards in it taken literally. */
const startsWith = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** SQL for reading the audit trail by process and by chain position. */
export const auditViewRepository = {
  /**
   * Up to limit+1 of a chain's events from a cursor (keyset on the (chain, seq) primary key;
   * no count). Newest first, whichever direction was asked.
   */
  async processPage(db: Kysely<DB>, chain: string, c: ProcessCursor): Promise<AuditEvent[]> {
    let q = db
      .selectFrom('audit_events')
      .selectAll()
      .where('chain', '=', chain)
      .limit(c.limit + 1);
    if (c.actionPrefix) q = q.where('action', 'like', startsWith(c.actionPrefix));
    if (c.after) {
      const rows = await q.where('seq', '>', c.after).orderBy('seq', 'asc').execute();
      return rows.reverse();
    }
    if (c.before) q = q.where('seq', '<', c.before);
    return q.orderBy('seq', 'desc').execute();
  },

  /** Whether the chain has an event on the far side of a seq (for the other page link). */
  async hasBeyond(db: Kysely<DB>, chain: string, seq: string, side: 'newer' | 'older', actionPrefix?: string): Promise<boolean> {
    let q = db
      .selectFrom('audit_events')
      .select('seq')
      .where('chain', '=', chain)
      .where('seq', side === 'newer' ? '>' : '<', seq)
      .limit(1);
    if (actionPrefix) q = q.where('action', 'like', startsWith(actionPrefix));
    return (await q.executeTakeFirst()) !== undefined;
  },

  /** Events of one chain from a seq, in order. */
  async chainFrom(db: Kysely<DB>, chain: string, from: number, limit: number): Promise<AuditEvent[]> {
    return db.selectFrom('audit_events').selectAll().where('chain', '=', chain).where('seq', '>=', String(from)).orderBy('seq', 'asc').limit(limit).execute();
  },

  /** Events of one chain at the given seqs (the ones before a page's events, to know whether they are sealed). */
  async atSeqs(db: Kysely<DB>, chain: string, seqs: string[]): Promise<AuditEvent[]> {
    if (!seqs.length) return [];
    return db.selectFrom('audit_events').selectAll().where('chain', '=', chain).where('seq', 'in', seqs).execute();
  },

  /** Each process chain's process slug, to name chains for people. */
  async processSlugs(db: Kysely<DB>, processIds: string[]): Promise<Map<string, string>> {
    const ids = [...new Set(processIds)];
    if (!ids.length) return new Map();
    const rows = await db.selectFrom('processes').select(['id', 'slug']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.slug]));
  },

  /** Account names by id: the public name people chose, never their email; with each one's staff role in the process. */
  async actorNames(db: Kysely<DB>, processId: string, ids: string[]): Promise<Map<string, NamedActor>> {
    const valid = [...new Set(ids)];
    if (!valid.length) return new Map();
    const rows = await db
      .selectFrom('users')
      .select(['id', 'name', staffOf('users.id', { id: processId }).as('staff')])
      .where('id', 'in', valid)
      .execute();
    return new Map(rows.map((r) => [r.id, { name: r.name, staff: r.staff }]));
  },

  /**
   * The name each visible comment was published under (a commenter may choose one other than
   * their account's), with the badge the comment itself shows in the listing: its author's staff
   * role in the process, never the account's name.
   */
  async commentNames(db: Kysely<DB>, processId: string, ids: string[]): Promise<Map<string, NamedActor>> {
    const valid = [...new Set(ids.filter(isUuid))];
    if (!valid.length) return new Map();
    const rows = await db
      .selectFrom('comments')
      .select(['id', 'display_name', staffOf('comments.author_id', { id: processId }).as('staff')])
      .where('id', 'in', valid)
      .where('status', '=', 'visible')
      .execute();
    return new Map(rows.map((r) => [r.id, { name: r.display_name, staff: r.staff }]));
  },
};
