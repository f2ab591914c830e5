import type { Kysely } from 'kysely';
import { CompactSign, compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import type { DB } from '../db/schema.js';
import { canonicalJson } from '../lib/crypto.js';
import { openPrivate } from './key-secret.js';
import { ensureActiveKey } from './keys.js';
import { keysRepository } from './keys.repository.js';

/** Why a JWS did not verify, in words an operator can act on. */
export class JwsError extends Error {
  constructor(
    readonly reason: 'malformed' | 'unknown_kid' | 'bad_signature',
    message: string,
  ) {
    super(message);
    this.name = 'JwsError';
  }
}

/**
 * Sign a JSON payload with the active key: a compact JWS (EdDSA) whose header names the key
 * (`kid`), so a verifier finds it in /.well-known/jwks.json even after rotation.
 * @example const jws = await signJws(db, { chain: 'installation', seq: '12', hash, at })
 */
export async function signJws(db: Kysely<DB>, payload: unknown): Promise<string> {
  const key = await ensureActiveKey(db);
  const priv = await importJWK({ ...(JSON.parse(openPrivate(key.private_enc, key.kid)) as JWK), alg: 'EdDSA' }, 'EdDSA');
  return new CompactSign(new TextEncoder().encode(canonicalJson(payload))).setProtectedHeader({ alg: 'EdDSA', kid: key.kid }).sign(priv);
}

/**
 * Verify a compact JWS against the key its `kid` names (active or retired) and return the
 * payload. Throws JwsError when the token is malformed, names no key of ours, or was altered.
 */
export async function verifyJws<T = unknown>(db: Kysely<DB>, jws: string): Promise<{ payload: T; kid: string }> {
  let kid: string | undefined;
  try {
    const header = decodeProtectedHeader(jws);
    kid = typeof header.kid === 'string' ? header.kid : undefined;
    if (header.alg !== 'EdDSA') throw new Error('alg');
  } catch {
    throw new JwsError('malformed', 'Not a compact JWS signed with EdDSA');
  }
  if (!kid) throw new JwsError('malformed', 'The JWS header names no key (kid)');
  const row = await keysRepository.byKid(db, kid);
  if (!row) throw new JwsError('unknown_kid', `No signing key ${kid} in this installation`);
  const pub = await importJWK({ ...(JSON.parse(row.public_jwk) as JWK), alg: 'EdDSA' }, 'EdDSA');
  try {
    const { payload } = await compactVerify(jws, pub, { algorithms: ['EdDSA'] });
    return { payload: JSON.parse(new TextDecoder().decode(payload)) as T, kid };
  } catch {
    throw new JwsError('bad_signature', `The signature does not verify with key ${kid}`);
  }
}
