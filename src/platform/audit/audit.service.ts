import type { Kysely } from 'kysely';
import type { AuditEvent, DB } from '../db/schema.js';
import { canonicalJson, sha256Hex } from '../lib/crypto.js';
import { auditRepository } from './audit.repository.js';

/** The hash the first event links back to. */
export const GENESIS_HASH = '0'.repeat(64);

/** Fields never fed into a digest as they are: secrets are replaced by a marker. */
const SECRET_FIELDS = new Set(['password_hash', 'token_hash']);

/** What a service tells the audit trail about one change. */
export interface AuditChange {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  processId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Digest of a record's state: SHA-256 over canonical JSON, secrets masked. Publishing digests
 * rather than the records lets anyone check a copy of a record against the trail without the
 * trail itself holding personal data.
 */
export function digestRecord(record: Record<string, unknown> | null | undefined): string | null {
  if (!record) return null;
  const masked: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) masked[k] = SECRET_FIELDS.has(k) ? '[secret]' : v;
  return sha256Hex(canonicalJson(masked));
}

/** The hash of an event: its fields in canonical form, chained to the previous hash. */
export function hashEvent(e: Omit<AuditEvent, 'hash'>): string {
  const body = canonicalJson({
    seq: String(e.seq),
    occurred_at: new Date(e.occurred_at).toISOString(),
    actor_id: e.actor_id,
    action: e.action,
    entity_type: e.entity_type,
    entity_id: e.entity_id,
    process_id: e.process_id,
    before_digest: e.before_digest,
    after_digest: e.after_digest,
  });
  return sha256Hex(`${e.prev_hash}\n${body}`);
}

/**
 * Append one event to the chain. Call it inside the transaction that makes the change, so
 * the change and its trace commit or fail together.
 * @example await recordAudit(trx, { actorId, action: 'user.create', entityType: 'user', entityId: id, after: row })
 */
export async function recordAudit(trx: Kysely<DB>, change: AuditChange): Promise<void> {
  // Outside a transaction the chain lock would be released before the insert, and two
  // writers could link to the same head.
  if (!trx.isTransaction) throw new Error('recordAudit must run inside the transaction that makes the change');
  const head = await auditRepository.lockHead(trx);
  const seq = String((head?.seq ?? 0n) + 1n);
  const event: Omit<AuditEvent, 'hash'> = {
    seq,
    occurred_at: new Date(),
    actor_id: change.actorId,
    action: change.action,
    entity_type: change.entityType,
    entity_id: change.entityId,
    process_id: change.processId ?? null,
    before_digest: digestRecord(change.before),
    after_digest: digestRecord(change.after),
    prev_hash: head?.hash ?? GENESIS_HASH,
  };
  await auditRepository.insert(trx, { ...event, seq, hash: hashEvent(event) });
}

/** The outcome of recomputing the chain. */
export type VerifyResult =
  | { ok: true; count: number; head: string }
  | { ok: false; count: number; brokenAt: string; reason: 'hash_mismatch' | 'broken_link' | 'gap' };

/**
 * Recompute every hash from the first event and name the first link that does not hold.
 * Reads in pages so a chain of millions never sits in memory at once; `onVerified` sees each
 * event that holds, so a caller can tally a slice (one process's events) in the same pass.
 */
export async function verifyAudit(db: Kysely<DB>, pageSize = 5000, onVerified?: (row: AuditEvent) => void): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1n;
  let count = 0;
  let after: string | null = null;
  for (;;) {
    const rows = await auditRepository.page(db, after, pageSize);
    for (const row of rows) {
      const seq = String(row.seq);
      if (BigInt(seq) !== expectedSeq) return { ok: false, count, brokenAt: seq, reason: 'gap' };
      if (row.prev_hash !== prevHash) return { ok: false, count, brokenAt: seq, reason: 'broken_link' };
      if (hashEvent(row) !== row.hash) return { ok: false, count, brokenAt: seq, reason: 'hash_mismatch' };
      prevHash = row.hash;
      onVerified?.(row);
      expectedSeq++;
      count++;
    }
    if (rows.length < pageSize) break;
    after = String(rows[rows.length - 1]!.seq);
  }
  return { ok: true, count, head: prevHash };
}
