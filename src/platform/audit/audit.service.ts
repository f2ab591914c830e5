import type { Kysely } from 'kysely';
import type { AuditEvent, DB } from '../db/schema.js';
import { createHmac } from 'node:crypto';
import { canonicalJson, sha256Hex } from '../lib/crypto.js';
import { recordDigestKey } from '../signing/index.js';
import { auditRepository } from './audit.repository.js';
import { clockNow } from '../time/story-clock.js';


/** The hash the first event of a chain links back to (the installation chain links to the legacy head instead). */
export const GENESIS_HASH = '0'.repeat(64);

/** The closed chain of events written before chains were split per process (migration 0016). */
export const LEGACY_CHAIN = 'legacy';
/** Installation-wide changes: accounts, settings, and later the device registry and labels. */
export const INSTALLATION_CHAIN = 'installation';

/** The chain a change belongs to: its process's, or the installation's. */
export function chainOf(processId: string | null | undefined): string {
  return processId ? `process:${processId}` : INSTALLATION_CHAIN;
}

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

/** How a keyed digest starts; a bare 64-hex digest is the unkeyed form written before it. */
export const KEYED_DIGEST_PREFIX = 'hmac1:';

/** Whether a stored digest is the keyed form (not reversible by hashing guesses). */
export const isKeyedDigest = (d: string | null | undefined): boolean => !!d && d.startsWith(KEYED_DIGEST_PREFIX);

/**
 * Digest of a record's state: HMAC-SHA-256 under the installation's key over canonical JSON,
 * secrets masked. The trail holds no personal data, and, unlike a plain SHA-256 (used before
 * issue 10), nobody outside the installation can match a digest by hashing a guessed record
 * such as an invitation's {email, role}. Stored digests are hashed into the chain as written,
 * so old unkeyed events still verify; the public view withholds them instead.
 */
export function digestRecord(record: Record<string, unknown> | null | undefined): string | null {
  if (!record) return null;
  const masked: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) masked[k] = SECRET_FIELDS.has(k) ? '[secret]' : v;
  return KEYED_DIGEST_PREFIX + createHmac('sha256', recordDigestKey()).update(canonicalJson(masked)).digest('hex');
}

/**
 * The hash of an event: its fields in canonical form, chained to the previous hash. Legacy
 * events keep the fields they were hashed with; events of the per-process chains also cover
 * their chain (so an event cannot be moved to another chain) and their batch digest.
 */
export function hashEvent(e: Omit<AuditEvent, 'hash' | 'chain' | 'batch_root' | 'batch_count'> & Partial<Pick<AuditEvent, 'chain' | 'batch_root' | 'batch_count'>>): string {
  const fields: Record<string, unknown> = {
    seq: String(e.seq),
    occurred_at: new Date(e.occurred_at).toISOString(),
    actor_id: e.actor_id,
    action: e.action,
    entity_type: e.entity_type,
    entity_id: e.entity_id,
    process_id: e.process_id,
    before_digest: e.before_digest,
    after_digest: e.after_digest,
  };
  if (e.chain !== undefined && e.chain !== LEGACY_CHAIN) {
    fields.chain = e.chain;
    fields.batch_root = e.batch_root ?? null;
    fields.batch_count = e.batch_count ?? null;
  }
  return sha256Hex(`${e.prev_hash}\n${canonicalJson(fields)}`);
}

/** The parts of an event a caller decides; the chain, seq and hashes are the trail's. */
export type EventBody = Pick<AuditEvent, 'actor_id' | 'action' | 'entity_type' | 'entity_id' | 'process_id' | 'before_digest' | 'after_digest' | 'batch_root' | 'batch_count'>;

/**
 * Append one event to its chain under that chain's lock, and move the chain's head. Shared by
 * recordAudit and recordAuditBatch. Returns the chain and seq written.
 */
export async function appendEvent(trx: Kysely<DB>, body: EventBody): Promise<{ chain: string; seq: string; hash: string }> {
  // Outside a transaction the chain lock would be released before the insert, and two
  // writers could link to the same head.
  if (!trx.isTransaction) throw new Error('recordAudit must run inside the transaction that makes the change');
  const chain = chainOf(body.process_id);
  // A new process chain starts from the genesis hash; the installation row exists from 0016.
  const head = await auditRepository.lockHead(trx, chain, body.process_id, GENESIS_HASH);
  if (head.closed) throw new Error(`audit chain ${chain} is closed`);
  const seq = String(head.seq + 1n);
  const event = { ...body, chain, seq, occurred_at: clockNow(), prev_hash: head.hash };
  const hash = hashEvent(event);
  await auditRepository.insert(trx, { ...event, hash });
  await auditRepository.setHead(trx, chain, seq, hash);
  return { chain, seq, hash };
}

/**
 * Append one event to the chain of the change's process (or the installation's). Call it
 * inside the transaction that makes the change, so the change and its trace commit or fail
 * together. Only writers to the same chain wait for each other.
 * @example await recordAudit(trx, { actorId, action: 'user.create', entityType: 'user', entityId: id, after: row })
 */
export async function recordAudit(trx: Kysely<DB>, change: AuditChange): Promise<void> {
  await appendEvent(trx, {
    actor_id: change.actorId,
    action: change.action,
    entity_type: change.entityType,
    entity_id: change.entityId,
    process_id: change.processId ?? null,
    before_digest: digestRecord(change.before),
    after_digest: digestRecord(change.after),
    batch_root: null,
    batch_count: null,
  });
}
