import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { getProcess } from '../processes/index.js';
import { verifyProcessAudit } from './audit-view.service.js';
import { auditViewRepository } from './audit-view.repository.js';
import { verifyAudit, type BreakReason, type ChainVerifyResult } from '../../platform/audit/audit-verify.service.js';
import type { HeadClaim } from '../../platform/audit/audit-verify.service.js';
import { chainOf } from '../../platform/audit/audit.service.js';
import { claimOf, latestSignedHeads, readSignedHead, signMovedHeads } from '../../platform/audit/audit-heads.service.js';

/** Options of `concord audit verify`. */
export interface VerifyCommandOptions {
  /** A signed head (compact JWS) to hold its chain to, e.g. one kept from an earlier day. */
  head?: string | undefined;
}

/**
 * The signed heads to verify against: the newest recorded one per chain, each JWS checked,
 * overridden by a head given on the command line. A recorded head whose signature fails is
 * reported (someone wrote to the table) and makes the command fail.
 */
async function headsToCheck(db: Kysely<DB>, out: (s: string) => void, opts: VerifyCommandOptions, chains?: string[]): Promise<Map<string, HeadClaim>> {
  const { heads, invalid } = await latestSignedHeads(db, chains);
  const claims = new Map([...heads].map(([k, h]) => [k, claimOf(h)]));
  for (const c of invalid) {
    out(`Signed head of chain ${c} does NOT verify with the published keys; it was ignored.`);
    process.exitCode = 1;
  }
  if (opts.head) {
    const given = await readSignedHead(db, opts.head);
    claims.set(given.chain, claimOf(given));
  }
  return claims;
}

/** A break in words, for a terminal. */
function reasonText(reason: BreakReason, brokenAt: string, signed?: HeadClaim): string {
  switch (reason) {
    case 'hash_mismatch':
      return 'hash mismatch';
    case 'broken_link':
      return 'broken link';
    case 'gap':
      return 'gap: the event before it is missing';
    case 'missing':
      return `events missing: the chain's head row records more events than seq ${BigInt(brokenAt) - 1n}`;
    case 'head_mismatch':
      return "the chain's recorded head hash differs from the recomputed one";
    case 'missing_after_signed_head':
      return `events are missing after the signed head: seq ${signed?.seq ?? '?'} was signed${signed?.at ? ` at ${signed.at}` : ''}, the chain now ends at seq ${BigInt(brokenAt) - 1n}`;
    case 'signed_head_mismatch':
      return `the event's hash differs from the signed head${signed?.at ? ` of ${signed.at}` : ''}: history was rewritten`;
  }
}

/** A chain's name for people: legacy, installation, or `process <slug>`. */
async function labeller(db: Kysely<DB>, chains: { chain: string; processId: string | null }[]): Promise<(c: { chain: string; processId: string | null }) => string> {
  const slugs = await auditViewRepository.processSlugs(
    db,
    chains.flatMap((c) => (c.processId ? [c.processId] : [])),
  );
  return (c) => (c.processId ? `process ${slugs.get(c.processId) ?? c.processId}` : c.chain);
}

/**
 * `concord audit verify`: every chain, one line each; exit code 1 naming the first broken
 * link (chain and seq) on the first line.
 */
export async function verifyAllCommand(db: Kysely<DB>, out: (s: string) => void, opts: VerifyCommandOptions = {}): Promise<ChainVerifyResult[]> {
  const signedHeads = await headsToCheck(db, out, opts);
  const r = await verifyAudit(db, undefined, undefined, { signedHeads });
  const label = await labeller(db, r.chains);
  const broken = r.chains.filter((c) => !c.ok);
  if (!broken.length) out(`Audit chains intact: ${r.count} events in ${r.chains.length} chains`);
  for (const c of broken) {
    if (c.ok) continue;
    out(`Audit chain ${label(c)} BROKEN at seq ${c.brokenAt} (${reasonText(c.reason, c.brokenAt, c.signedHead)}); ${c.count} events before it verify.`);
  }
  for (const c of r.chains) {
    out(`  ${label(c)}: ${c.ok ? 'intact' : 'BROKEN'}, ${c.count} events verified, head seq ${c.head.seq} ${c.head.hash}`);
  }
  if (!r.ok) process.exitCode = 1;
  // Each verify signs the heads it found intact, so a later deletion of newest events shows.
  const signed = await signMovedHeads(
    db,
    r.chains.filter((c) => c.ok).map((c) => ({ chain: c.chain, seq: c.head.seq, hash: c.head.hash })),
  );
  if (signed) out(`Signed the heads of ${signed} chain${signed === 1 ? '' : 's'} (served at /api/v1/audit/head and /api/v1/processes/<slug>/audit/head).`);
  return r.chains;
}

/**
 * `concord audit verify --process <slug>`: that process's own chain only; exit code 1
 * naming the first broken link.
 */
export async function verifyProcessCommand(db: Kysely<DB>, slug: string, out: (s: string) => void, opts: VerifyCommandOptions = {}): Promise<void> {
  const { process: p } = await getProcess(db, slug);
  const chain = chainOf(p.id);
  const heads = await headsToCheck(db, out, opts, [chain]);
  const r = await verifyProcessAudit(db, p.id, undefined, heads.get(chain));
  if (r.ok) {
    out(`Audit chain of process ${p.slug} intact: ${r.count} events, head seq ${r.headSeq} ${r.head}`);
    await signMovedHeads(db, [{ chain, seq: r.headSeq, hash: r.head }]);
    return;
  }
  out(`Audit chain of process ${p.slug} BROKEN at seq ${r.brokenAt} (${reasonText(r.reason, r.brokenAt, r.signedHead)}); ${r.count} events before it verify.`);
  process.exitCode = 1;
}
