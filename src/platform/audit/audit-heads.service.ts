import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { signJws, verifyJws } from '../signing/index.js';
import { auditHeadsRepository as repo } from './audit-heads.repository.js';
import type { HeadClaim } from './audit-verify.service.js';

/** What a signed head says (the JWS payload). */
export interface HeadPayload {
  chain: string;
  seq: string;
  hash: string;
  at: string;
}

/** A signed head as served: the claim, and the JWS anyone can check against /.well-known/jwks.json. */
export interface SignedHead extends HeadPayload {
  kid: string;
  jws: string;
}

/**
 * Sign a chain's head with the installation key and record it. Later verifications hold the
 * chain to it, so deleting the newest events (which leaves a chain that links perfectly) shows.
 */
export async function signHead(db: Kysely<DB>, head: { chain: string; seq: string; hash: string }, now: Date = new Date()): Promise<SignedHead> {
  const payload: HeadPayload = { chain: head.chain, seq: head.seq, hash: head.hash, at: now.toISOString() };
  const jws = await signJws(db, payload);
  const { kid } = await verifyJws(db, jws);
  await repo.insert(db, { chain: head.chain, seq: head.seq, hash: head.hash, signed_at: now, kid, jws });
  return { ...payload, kid, jws };
}

/** Check a JWS is one of our signed heads and return its claim; throws JwsError otherwise. */
export async function readSignedHead(db: Kysely<DB>, jws: string): Promise<SignedHead> {
  const { payload, kid } = await verifyJws<HeadPayload>(db, jws);
  if (typeof payload?.chain !== 'string' || typeof payload.seq !== 'string' || typeof payload.hash !== 'string') throw new Error('The JWS is not a signed audit head');
  return { chain: payload.chain, seq: payload.seq, hash: payload.hash, at: payload.at, kid, jws };
}

/**
 * The newest recorded signed head of each chain, each JWS checked: a row whose signature does
 * not hold is returned in `invalid` (and not trusted), never silently used.
 */
export async function latestSignedHeads(db: Kysely<DB>, chains?: string[]): Promise<{ heads: Map<string, SignedHead>; invalid: string[] }> {
  const heads = new Map<string, SignedHead>();
  const invalid: string[] = [];
  for (const row of await repo.latest(db, chains)) {
    try {
      const h = await readSignedHead(db, row.jws);
      if (h.chain !== row.chain) throw new Error('chain');
      heads.set(h.chain, h);
    } catch {
      invalid.push(row.chain);
    }
  }
  return { heads, invalid };
}

/** A signed head as the verifier takes it. */
export const claimOf = (h: SignedHead): HeadClaim => ({ seq: h.seq, hash: h.hash, at: h.at });

/**
 * Sign each chain's current head that moved since its last signed head (from the head rows,
 * without reading events): the housekeeping job calls it, so heads are signed at least daily
 * even when nobody runs `concord audit verify`.
 */
export async function signMovedHeads(db: Kysely<DB>, heads?: { chain: string; seq: string; hash: string }[]): Promise<number> {
  const current = heads ?? (await repo.heads(db)).map((h) => ({ chain: h.id, seq: String(h.head_seq), hash: h.head_hash }));
  const { heads: last } = await latestSignedHeads(
    db,
    current.map((c) => c.chain),
  );
  let n = 0;
  for (const h of current) {
    const prev = last.get(h.chain);
    if (h.seq === '0' || (prev && prev.seq === h.seq && prev.hash === h.hash)) continue;
    await signHead(db, h);
    n++;
  }
  return n;
}
