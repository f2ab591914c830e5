import type { Kysely } from 'kysely';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import type { DB } from '../db/schema.js';
import { sealPrivate } from './key-secret.js';
import { keysRepository, type SigningKeyRow } from './keys.repository.js';

/** A key as it may be shown anywhere: never its private half. */
export interface PublicKeyInfo {
  kid: string;
  alg: 'EdDSA';
  status: 'active' | 'retired';
  createdAt: Date;
  retiredAt: Date | null;
  jwk: JWK;
}

/** One key of the published set (RFC 7517). */
export type PublishedJwk = JWK & { kid: string; alg: 'EdDSA'; use: 'sig' };

/** Make a fresh Ed25519 pair and the row that stores it (private half sealed). */
async function newKeyRow(now: Date): Promise<Omit<SigningKeyRow, 'retired_at'>> {
  const { publicKey, privateKey } = await generateKeyPair('Ed25519', { extractable: true });
  const pub = await exportJWK(publicKey);
  const publicJwk: JWK = { kty: pub.kty!, crv: pub.crv!, x: pub.x! };
  const kid = await calculateJwkThumbprint(publicJwk);
  const priv = await exportJWK(privateKey);
  return { kid, alg: 'EdDSA', public_jwk: JSON.stringify(publicJwk), private_enc: sealPrivate(JSON.stringify(priv), kid), status: 'active', created_at: now };
}

/** The active key, created on first use (under the key-store lock, so servers agree on one). */
export async function ensureActiveKey(db: Kysely<DB>): Promise<SigningKeyRow> {
  const found = await keysRepository.active(db);
  if (found) return found;
  return db.transaction().execute(async (trx) => {
    await keysRepository.lock(trx);
    const again = await keysRepository.active(trx);
    if (again) return again;
    const row = await newKeyRow(new Date());
    await keysRepository.insert(trx, row);
    return { ...row, retired_at: null };
  });
}

/**
 * Make a new active key and retire the old one. The retired key's public half stays in the
 * JWKS, so everything it signed keeps verifying. Needs no private key, so it also recovers
 * from a lost key secret.
 */
export async function rotateKeys(db: Kysely<DB>, now: Date = new Date()): Promise<{ kid: string; retired: string | undefined }> {
  return db.transaction().execute(async (trx) => {
    await keysRepository.lock(trx);
    const retired = await keysRepository.retireActive(trx, now);
    const row = await newKeyRow(now);
    await keysRepository.insert(trx, row);
    return { kid: row.kid, retired };
  });
}

/** Every key, newest first, public halves only. */
export async function listKeys(db: Kysely<DB>): Promise<PublicKeyInfo[]> {
  const rows = await keysRepository.listPublic(db);
  return rows.map((r) => ({ kid: r.kid, alg: r.alg, status: r.status, createdAt: r.created_at, retiredAt: r.retired_at, jwk: JSON.parse(r.public_jwk) as JWK }));
}

/** The published key set: active and retired public keys, each with kid, alg and use. */
export async function jwks(db: Kysely<DB>): Promise<{ keys: PublishedJwk[] }> {
  const keys = await listKeys(db);
  return { keys: keys.map((k) => ({ ...k.jwk, kid: k.kid, alg: 'EdDSA' as const, use: 'sig' as const })) };
}
