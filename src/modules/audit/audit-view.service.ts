import type { Kysely } from 'kysely';
import type { AuditEvent, DB } from '../../platform/db/schema.js';
import { verifyAudit, type VerifyResult } from '../../platform/audit/audit.service.js';
import { auditViewRepository as repo } from './audit-view.repository.js';
import { UNNAMED_ACTOR_ACTIONS } from './audit-actions.js';
import type { ProcessAuditQuery } from './audit-view.schema.js';

/** A page of a process's events, newest first, with cursors for the pages beside it. */
export interface ProcessAuditPage {
  items: AuditEvent[];
  /** Pass as `before` for older events; null when these are the oldest. */
  next: string | null;
  /** Pass as `after` for newer events; null when these are the newest. */
  previous: string | null;
}

/** One page of a process's audit trail (keyset on seq; never counts the table). */
export async function processAuditPage(db: Kysely<DB>, processId: string, q: ProcessAuditQuery): Promise<ProcessAuditPage> {
  const after = q.after;
  const before = after ? undefined : q.before;
  const rows = await repo.processPage(db, processId, { after, before, actionPrefix: q.action, limit: q.limit });
  const more = rows.length > q.limit;
  // Going forward the extra row is the newest (first); otherwise the oldest (last).
  const items = more ? (after ? rows.slice(1) : rows.slice(0, q.limit)) : rows;
  const newest = items[0];
  const oldest = items[items.length - 1];
  if (!newest || !oldest) return { items, next: null, previous: null };
  const olderExists = after ? await repo.hasBeyond(db, processId, String(oldest.seq), 'older', q.action) : more;
  const newerExists = after ? more : before ? await repo.hasBeyond(db, processId, String(newest.seq), 'newer', q.action) : false;
  return { items, next: olderExists ? String(oldest.seq) : null, previous: newerExists ? String(newest.seq) : null };
}

/** Who made a change, as the public page may say it. */
export type Who = { kind: 'name'; name: string } | { kind: 'withheld' } | { kind: 'none' };

/**
 * Resolve the public "who" of each event: the account's name, or for a submitted comment the
 * name it was published under (never the account's, which the commenter may have kept
 * private). Emails are never read.
 */
export async function whoOfEvents(db: Kysely<DB>, events: AuditEvent[]): Promise<Map<string, Who>> {
  const comments = events.filter((e) => e.action === 'comment.submit');
  const [names, published] = await Promise.all([
    repo.actorNames(
      db,
      events.filter((e) => e.actor_id && e.action !== 'comment.submit').map((e) => e.actor_id!),
    ),
    repo.commentNames(
      db,
      comments.map((e) => e.entity_id),
    ),
  ]);
  const out = new Map<string, Who>();
  for (const e of events) {
    const seq = String(e.seq);
    if (e.action === 'comment.submit') {
      const name = published.get(e.entity_id);
      out.set(seq, name ? { kind: 'name', name } : { kind: 'withheld' });
    } else if (UNNAMED_ACTOR_ACTIONS.has(e.action)) out.set(seq, { kind: 'withheld' });
    else if (!e.actor_id) out.set(seq, { kind: 'none' });
    else {
      const name = names.get(e.actor_id);
      out.set(seq, name ? { kind: 'name', name } : { kind: 'withheld' });
    }
  }
  return out;
}

/** The whole chain's verification, with what it says about one process's events. */
export type ProcessVerifyResult = VerifyResult & {
  /** The process's events among those that verified. */
  processCount: number;
  /** The hash of the process's latest verified event, if any. */
  processHead: string | null;
};

/**
 * Verify a process's slice of the global chain. The chain is one sequence, so a process's
 * events can only be trusted if every event before them holds: recompute the whole chain
 * (verifyAudit) and tally the process's events on the way.
 */
export async function verifyProcessAudit(db: Kysely<DB>, processId: string, pageSize?: number): Promise<ProcessVerifyResult> {
  let processCount = 0;
  let processHead: string | null = null;
  const r = await verifyAudit(db, pageSize, (row) => {
    if (row.process_id !== processId) return;
    processCount++;
    processHead = row.hash;
  });
  return { ...r, processCount, processHead };
}

/** A page of the whole chain from a seq, and where the next page starts (null at the head). */
export async function chainPage(db: Kysely<DB>, from: number, limit: number): Promise<{ events: AuditEvent[]; next: string | null }> {
  const events = await repo.chainFrom(db, from, limit);
  const last = events[events.length - 1];
  return { events, next: events.length === limit && last ? String(BigInt(last.seq) + 1n) : null };
}
