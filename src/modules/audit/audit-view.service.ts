import type { Kysely } from 'kysely';
import type { AuditEvent, DB } from '../../platform/db/schema.js';
import { GENESIS_HASH, INSTALLATION_CHAIN, LEGACY_CHAIN, chainOf } from '../../platform/audit/audit.service.js';
import { verifyChain, type BreakReason } from '../../platform/audit/audit-verify.service.js';
import { auditRepository } from '../../platform/audit/audit.repository.js';
import type { HeadClaim } from '../../platform/audit/audit-verify.service.js';
import { latestSignedHeads, type SignedHead } from '../../platform/audit/audit-heads.service.js';
import { auditViewRepository as repo } from './audit-view.repository.js';
import type { StaffRole } from '../../platform/auth/staff.repository.js';
import { disclosureOf, isSealed, publicEvent, type PublicEvent } from './audit-disclosure.js';
import type { ProcessAuditQuery } from './audit-view.schema.js';

/** A page of a process's events, newest first, with cursors for the pages beside it. */
export interface ProcessAuditPage {
  items: AuditEvent[];
  /** Pass as `after` for older events (the next page, newest first); null when these are the oldest. */
  next: string | null;
  /** Pass as `before` for newer events (the previous page); null when these are the newest. */
  previous: string | null;
}

/** One page of a process's audit trail (keyset on seq; never counts the table). */
export async function processAuditPage(db: Kysely<DB>, processId: string, q: ProcessAuditQuery): Promise<ProcessAuditPage> {
  // `after` and `before` are in the list's order, newest first, as across the API: events
  // after a seq are older, events before it newer. Below, `after`/`before` are in seq order.
  const after = q.before;
  const before = after ? undefined : q.after;
  const chain = chainOf(processId);
  const rows = await repo.processPage(db, chain, { after, before, actionPrefix: q.action, limit: q.limit });
  const more = rows.length > q.limit;
  // Going forward the extra row is the newest (first); otherwise the oldest (last).
  const items = more ? (after ? rows.slice(1) : rows.slice(0, q.limit)) : rows;
  const newest = items[0];
  const oldest = items[items.length - 1];
  if (!newest || !oldest) return { items, next: null, previous: null };
  const olderExists = after ? await repo.hasBeyond(db, chain, String(oldest.seq), 'older', q.action) : more;
  const newerExists = after ? more : before ? await repo.hasBeyond(db, chain, String(newest.seq), 'newer', q.action) : false;
  return { items, next: olderExists ? String(oldest.seq) : null, previous: newerExists ? String(newest.seq) : null };
}

/** Who made a change, as the public page may say it: a name comes with the person's staff role in the process (issue 10). */
export type Who = { kind: 'name'; name: string; staff: StaffRole | null } | { kind: 'withheld' } | { kind: 'none' };

/**
 * The public view of events of one chain (any order), each event's predecessor read when it is
 * not among them, since a sealed event's hash is also the next event's prevHash.
 */
export async function publicEvents(db: Kysely<DB>, chain: string, events: AuditEvent[]): Promise<PublicEvent[]> {
  const bySeq = new Map(events.map((e) => [String(e.seq), e]));
  const missing = events.map((e) => String(BigInt(e.seq) - 1n)).filter((s) => s !== '0' && !bySeq.has(s));
  for (const e of await repo.atSeqs(db, chain, [...new Set(missing)])) bySeq.set(String(e.seq), e);
  return events.map((e) => {
    const prev = bySeq.get(String(BigInt(e.seq) - 1n));
    return publicEvent(e, prev ? isSealed(prev) : false);
  });
}

/**
 * Resolve the public "who" of each event as its kind's disclosure says: the account's name,
 * for a submitted comment the name it was published under (never the account's, which the
 * commenter may have kept private), or withheld. Emails are never read.
 */
export async function whoOfEvents(db: Kysely<DB>, processId: string, events: AuditEvent[]): Promise<Map<string, Who>> {
  const rule = (e: AuditEvent) => disclosureOf(e.action).actor;
  const [names, published] = await Promise.all([
    repo.actorNames(
      db,
      processId,
      events.filter((e) => e.actor_id && rule(e) === 'shown').map((e) => e.actor_id!),
    ),
    repo.commentNames(
      db,
      processId,
      events.filter((e) => rule(e) === 'published-name').map((e) => e.entity_id),
    ),
  ]);
  const out = new Map<string, Who>();
  for (const e of events) {
    const seq = String(e.seq);
    const r = rule(e);
    if (r === 'published-name') {
      const named = published.get(e.entity_id);
      out.set(seq, named ? { kind: 'name', ...named } : { kind: 'withheld' });
    } else if (r === 'withheld') out.set(seq, { kind: 'withheld' });
    else if (!e.actor_id) out.set(seq, { kind: 'none' });
    else {
      const named = names.get(e.actor_id);
      out.set(seq, named ? { kind: 'name', ...named } : { kind: 'withheld' });
    }
  }
  return out;
}

/** A process chain's verification, for the page and the CLI. */
export type ProcessVerifyResult = (
  | { ok: true; count: number; head: string; headSeq: string }
  | { ok: false; count: number; brokenAt: string; reason: BreakReason; signedHead?: HeadClaim | undefined }
) & {
  /** The process's chain id. */
  chain: string;
};

/**
 * Verify a process's own chain: its events are consecutive in it, so only they are read
 * (before 0016 a process's slice could only be trusted by recomputing the whole installation).
 */
export async function verifyProcessAudit(db: Kysely<DB>, processId: string, pageSize?: number, signedHead?: HeadClaim): Promise<ProcessVerifyResult> {
  const chain = chainOf(processId);
  // By default the chain is held to its last recorded signed head (signature checked).
  signedHead ??= await latestSignedHeads(db, [chain]).then(({ heads }) => {
    const h = heads.get(chain);
    return h ? { seq: h.seq, hash: h.hash, at: h.at } : undefined;
  });
  const row = await auditRepository.chain(db, chain);
  if (!row) {
    if (signedHead) return { ok: false, chain, count: 0, brokenAt: '1', reason: 'missing_after_signed_head', signedHead };
    return { ok: true, chain, count: 0, head: GENESIS_HASH, headSeq: '0' };
  }
  const r = await verifyChain(db, row, { ...(pageSize ? { pageSize } : {}), signedHead });
  if (r.ok) return { ok: true, chain, count: r.count, head: r.head.hash, headSeq: r.head.seq };
  return { ok: false, chain, count: r.count, brokenAt: r.brokenAt, reason: r.reason, signedHead: r.signedHead };
}

/** A page of one chain from a seq, and the cursor for the next page: its last seq (null at the head). */
export async function chainPage(db: Kysely<DB>, chain: string, from: number, limit: number): Promise<{ events: AuditEvent[]; next: string | null }> {
  const events = await repo.chainFrom(db, chain, from, limit);
  const last = events[events.length - 1];
  return { events, next: events.length === limit && last ? String(last.seq) : null };
}

/** The hash a chain's seq 1 links to: the legacy head for the installation chain (when there is one), else the genesis hash. */
export async function chainGenesis(db: Kysely<DB>, chain: string): Promise<string> {
  if (chain !== INSTALLATION_CHAIN) return GENESIS_HASH;
  return (await auditRepository.chain(db, LEGACY_CHAIN))?.head_hash ?? GENESIS_HASH;
}

/** A chain's current head and its last signed head (signature checked), for the public head endpoints. */
export async function chainHead(
  db: Kysely<DB>,
  chain: string,
): Promise<{ chain: string; current: { seq: string; hash: string | null }; signed: SignedHead | null }> {
  const row = await auditRepository.chain(db, chain);
  const { heads } = await latestSignedHeads(db, [chain]);
  const signed = heads.get(chain) ?? null;
  const seq = String(row?.head_seq ?? '0');
  // A sealed event's hash is withheld everywhere, heads included (see audit-disclosure.ts).
  const sealed = new Set(
    (
      await repo.atSeqs(
        db,
        chain,
        [...new Set([seq, signed?.seq ?? '0'])].filter((s) => s !== '0'),
      )
    )
      .filter(isSealed)
      .map((e) => String(e.seq)),
  );
  const hash = row?.head_hash ?? (await chainGenesis(db, chain));
  return { chain, current: { seq, hash: sealed.has(seq) ? null : hash }, signed: signed && !sealed.has(signed.seq) ? signed : null };
}
