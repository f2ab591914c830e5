import type { Kysely } from 'kysely';
import type { AuditChain, AuditEvent, DB } from '../db/schema.js';
import { auditRepository } from './audit.repository.js';
import { GENESIS_HASH, INSTALLATION_CHAIN, LEGACY_CHAIN, hashEvent } from './audit.service.js';

/**
 * Why a chain does not hold: an edited event (hash_mismatch), a link to the wrong previous
 * hash (broken_link), a missing seq (gap), events missing at the end compared with the chain's
 * head row (missing) or with its last signed head (missing_after_signed_head), or a history
 * rewritten under a recorded head (head_mismatch, signed_head_mismatch).
 */
export type BreakReason = 'hash_mismatch' | 'broken_link' | 'gap' | 'missing' | 'head_mismatch' | 'missing_after_signed_head' | 'signed_head_mismatch';

/** A head to hold a chain to: its seq and hash (from audit_chains, or a signed head). */
export interface HeadClaim {
  seq: string;
  hash: string;
  /** When it was signed, for the message; absent for the head row. */
  at?: string;
}

/** The outcome of recomputing one chain. `head` is the last event that verified. */
export type ChainVerifyResult =
  | { chain: string; processId: string | null; ok: true; count: number; head: { seq: string; hash: string } }
  | { chain: string; processId: string | null; ok: false; count: number; head: { seq: string; hash: string }; brokenAt: string; reason: BreakReason; signedHead?: HeadClaim };

/** Options for one chain: where it starts, which heads it must reach, and a per-event hook. */
export interface VerifyChainOptions {
  pageSize?: number;
  /** The hash seq 1 must link to (GENESIS_HASH, or for the installation chain the legacy head). */
  genesis?: string;
  /** The last signed head of this chain: the chain must reach it with the same hash. */
  signedHead?: HeadClaim | undefined;
  onVerified?: (row: AuditEvent) => void;
}

/**
 * Recompute one chain from its first event and name the first link that does not hold. Reads
 * the head row first and verifies up to it, so events appended meanwhile are not mistaken for
 * a break; reads in pages so a chain of millions never sits in memory at once.
 */
export async function verifyChain(db: Kysely<DB>, row: AuditChain, opts: VerifyChainOptions = {}): Promise<ChainVerifyResult> {
  const pageSize = opts.pageSize ?? 5000;
  const recorded: HeadClaim = { seq: String(row.head_seq), hash: row.head_hash };
  const limit = BigInt(recorded.seq);
  const base = { chain: row.id, processId: row.process_id };
  let prevHash = opts.genesis ?? GENESIS_HASH;
  let expectedSeq = 1n;
  let count = 0;
  let after: string | null = null;
  const signed = opts.signedHead;
  const fail = (brokenAt: string, reason: BreakReason): ChainVerifyResult => ({
    ...base,
    ok: false,
    count,
    head: { seq: String(expectedSeq - 1n), hash: prevHash },
    brokenAt,
    reason,
    ...(signed ? { signedHead: signed } : {}),
  });
  pages: for (;;) {
    const rows = await auditRepository.page(db, row.id, after, pageSize);
    for (const e of rows) {
      const seq = String(e.seq);
      if (BigInt(seq) > limit && BigInt(seq) === expectedSeq) break pages; // appended after we read the head
      if (BigInt(seq) !== expectedSeq) return fail(seq, 'gap');
      if (e.prev_hash !== prevHash) return fail(seq, 'broken_link');
      if (hashEvent(e) !== e.hash) return fail(seq, 'hash_mismatch');
      if (signed && seq === signed.seq && e.hash !== signed.hash) return fail(seq, 'signed_head_mismatch');
      prevHash = e.hash;
      opts.onVerified?.(e);
      expectedSeq++;
      count++;
    }
    if (rows.length < pageSize) break;
    after = String(rows[rows.length - 1]!.seq);
  }
  const last = expectedSeq - 1n;
  // Deleting the newest events leaves a chain that links perfectly: only a head recorded
  // elsewhere (signed, then the head row) can show what is gone.
  if (signed && BigInt(signed.seq) > last) return fail(String(last + 1n), 'missing_after_signed_head');
  if (limit > last) return fail(String(last + 1n), 'missing');
  if (limit === last && limit > 0n && recorded.hash !== prevHash) return fail(recorded.seq, 'head_mismatch');
  return { ...base, ok: true, count, head: { seq: String(last), hash: prevHash } };
}

/** The outcome of verifying every chain; when broken, the first broken chain's link. */
export type VerifyResult =
  | { ok: true; count: number; chains: ChainVerifyResult[] }
  | { ok: false; count: number; chain: string; brokenAt: string; reason: BreakReason; chains: ChainVerifyResult[] };

/** Options for verifying several chains. */
export interface VerifyAuditOptions {
  /** Only these chains (the legacy chain is still read when the installation chain is asked for). */
  only?: string[];
  /** The last signed head of each chain, by chain id. */
  signedHeads?: Map<string, HeadClaim>;
}

/**
 * Verify every chain (legacy, installation, then each process's), each independently; the
 * installation chain's first event must link to the legacy head. Reports all chains and names
 * the first broken link. `onVerified` sees each event that holds.
 */
export async function verifyAudit(db: Kysely<DB>, pageSize = 5000, onVerified?: (row: AuditEvent) => void, opts: VerifyAuditOptions = {}): Promise<VerifyResult> {
  const all = await auditRepository.chains(db);
  const legacy = all.find((c) => c.id === LEGACY_CHAIN);
  const chains = opts.only ? all.filter((c) => opts.only!.includes(c.id)) : all;
  const results: ChainVerifyResult[] = [];
  for (const c of chains) {
    // The installation chain continues the legacy one: its seq 1 links to the legacy head row,
    // which the legacy chain's own verification holds to its recomputed head.
    const genesis = c.id === INSTALLATION_CHAIN && legacy ? legacy.head_hash : GENESIS_HASH;
    results.push(await verifyChain(db, c, { pageSize, genesis, signedHead: opts.signedHeads?.get(c.id), ...(onVerified ? { onVerified } : {}) }));
  }
  const count = results.reduce((n, r) => n + r.count, 0);
  const broken = results.find((r) => !r.ok);
  if (broken && !broken.ok) return { ok: false, count, chain: broken.chain, brokenAt: broken.brokenAt, reason: broken.reason, chains: results };
  return { ok: true, count, chains: results };
}
