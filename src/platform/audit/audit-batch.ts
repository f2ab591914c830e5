import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { sha256Hex } from '../lib/crypto.js';
import { appendEvent, digestRecord } from './audit.service.js';

/** One batch write (an import of many comments) told to the audit trail as one event. */
export interface AuditBatch {
  actorId: string | null;
  action: string;
  entityType: string;
  /** What the batch is about as a whole (the import, the period). */
  entityId: string;
  processId?: string | null;
  /** The rows written, as they were stored; each is digested like recordAudit's `after`. */
  rows: Record<string, unknown>[];
}

/** A Merkle proof: the sibling hashes from a row's leaf up to the root. */
export interface MerkleProof {
  siblings: { side: 'left' | 'right'; hash: string }[];
}

// Leaves and inner nodes are hashed with different prefixes, so an inner node can never be
// passed off as a row (the second-preimage trick on Merkle trees).
const leafHash = (digest: string) => sha256Hex(`leaf:${digest}`);
const nodeHash = (left: string, right: string) => sha256Hex(`node:${left}${right}`);

/** A row's digest, as the batch records it. */
export function rowDigest(row: Record<string, unknown>): string {
  return digestRecord(row)!;
}

/** The tree's levels from the sorted leaves up; an odd last node moves up unchanged. */
function levels(digests: string[]): string[][] {
  if (!digests.length) throw new Error('a batch needs at least one row');
  // Sorted, so the root depends on the set of rows and not on the order they were read back in.
  const out = [[...digests].sort().map(leafHash)];
  while (out[out.length - 1]!.length > 1) {
    const below = out[out.length - 1]!;
    const up: string[] = [];
    for (let i = 0; i < below.length; i += 2) up.push(i + 1 < below.length ? nodeHash(below[i]!, below[i + 1]!) : below[i]!);
    out.push(up);
  }
  return out;
}

/** The Merkle root over row digests. */
export function batchRoot(digests: string[]): string {
  const l = levels(digests);
  return l[l.length - 1]![0]!;
}

/**
 * The proof that a row belongs to a batch, built from all the batch's row digests (read back
 * from the rows). Undefined when the row is not among them.
 */
export function batchProof(digests: string[], row: Record<string, unknown>): MerkleProof | undefined {
  const l = levels(digests);
  let index = l[0]!.indexOf(leafHash(rowDigest(row)));
  if (index < 0) return undefined;
  const siblings: MerkleProof['siblings'] = [];
  for (const level of l.slice(0, -1)) {
    const sib = index % 2 ? index - 1 : index + 1;
    if (sib < level.length) siblings.push({ side: index % 2 ? 'left' : 'right', hash: level[sib]! });
    index = Math.floor(index / 2);
  }
  return { siblings };
}

/**
 * Check that a row belongs to the batch whose event carries `root`: hash the row, climb the
 * proof, compare. Needs neither the other rows nor the database.
 * @example rowInBatch(event.batch_root, comment, proof) // true
 */
export function rowInBatch(root: string, row: Record<string, unknown>, proof: MerkleProof): boolean {
  let h = leafHash(rowDigest(row));
  for (const s of proof.siblings) h = s.side === 'left' ? nodeHash(s.hash, h) : nodeHash(h, s.hash);
  return h === root;
}

/**
 * Record **one** event for a batch write, carrying the Merkle root over its rows' digests and
 * their count: a million-row import costs one append to its chain, and any row can later be
 * shown to belong to it (batchProof, rowInBatch). Call it inside the batch's transaction.
 * @example await recordAuditBatch(trx, { actorId, action: 'comment.import', entityType: 'comment_period', entityId, processId, rows })
 */
export async function recordAuditBatch(trx: Kysely<DB>, batch: AuditBatch): Promise<{ chain: string; seq: string; root: string; count: number }> {
  const root = batchRoot(batch.rows.map(rowDigest));
  const r = await appendEvent(trx, {
    actor_id: batch.actorId,
    action: batch.action,
    entity_type: batch.entityType,
    entity_id: batch.entityId,
    process_id: batch.processId ?? null,
    before_digest: null,
    after_digest: null,
    batch_root: root,
    batch_count: batch.rows.length,
  });
  return { chain: r.chain, seq: r.seq, root, count: batch.rows.length };
}
