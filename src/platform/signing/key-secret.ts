import fs from 'node:fs';
import path from 'node:path';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Config } from '../config.js';

/** Where the key secret came from, for the start-up message (never the secret itself). */
export type KeySecretSource = { kind: 'env' } | { kind: 'file'; path: string; created: boolean } | { kind: 'memory' };

/** The file holding a generated key secret, in the data folder (outside PGlite's `pg/`, so a backup never holds it). */
export const KEY_FILE = 'signing-key.secret';

/** A random secret per process for in-memory databases (tests): nothing outlives the process anyway. */
let memorySecret: string | undefined;

/** The AES key currently in use; set by useKeySecret at start-up. */
let current: { key: Buffer; digestKey: Buffer; senderKey: Buffer; source: KeySecretSource } | undefined;

/** Derive the AES-256 key from the secret text, so any long random string will do. */
function deriveKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), 'concord', 'signing-keys v1', 32));
}

/** The HMAC key of personal-data digests: from the same secret, a different HKDF label, so neither key tells the other. */
function deriveDigestKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), 'concord', 'record-digests v1', 32));
}

/** The HMAC key of comment senders' email hashes (issue 11): same secret, its own HKDF label. */
function deriveSenderKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), 'concord', 'sender-digests v1', 32));
}

/** Read the data folder's key file, creating it (mode 0600, never overwritten) on first use. */
function keyFile(dataDir: string): { secret: string; path: string; created: boolean } {
  const file = path.join(dataDir, KEY_FILE);
  try {
    return { secret: fs.readFileSync(file, 'utf8').trim(), path: file, created: false };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    fs.writeFileSync(file, `${secret}\n`, { flag: 'wx', mode: 0o600 });
    return { secret, path: file, created: true };
  } catch (err) {
    // Another process made it between our read and our write: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return { secret: fs.readFileSync(file, 'utf8').trim(), path: file, created: false };
    throw err;
  }
}

/**
 * Choose the key secret for this process: CONCORD_KEY_SECRET, else the data folder's key
 * file (generated once), else for `memory://` a per-process random one. Returns where it came
 * from so start-up can say so; the secret itself is never returned or logged.
 */
export function useKeySecret(config: Pick<Config, 'keySecret' | 'dataDir'>): KeySecretSource {
  let secret: string;
  let source: KeySecretSource;
  if (config.keySecret) {
    secret = config.keySecret;
    source = { kind: 'env' };
  } else if (config.dataDir.startsWith('memory://')) {
    secret = memorySecret ??= randomBytes(32).toString('base64url');
    source = { kind: 'memory' };
  } else {
    const f = keyFile(config.dataDir);
    secret = f.secret;
    source = { kind: 'file', path: f.path, created: f.created };
  }
  current = { key: deriveKey(secret), digestKey: deriveDigestKey(secret), senderKey: deriveSenderKey(secret), source };
  return source;
}

/**
 * The installation's key for digests of records in the public audit trail (HMAC-SHA-256), so
 * a digest of personal data cannot be matched by hashing guesses. Before useKeySecret runs
 * (code driving services without the app) a per-process random key is used: such digests
 * stay unguessable, only the installation cannot recompute them later.
 */
export function recordDigestKey(): Buffer {
  if (current) return current.digestKey;
  memorySecret ??= randomBytes(32).toString('base64url');
  return deriveDigestKey(memorySecret);
}

/**
 * The installation's key for hashes of comment senders' emails (HMAC-SHA-256): every app
 * server and the CLI sharing the key secret compute the same hash for one address, and
 * nobody without it can test a guessed address against a stored hash. Before useKeySecret
 * runs, a per-process random key (as recordDigestKey). Never logged.
 */
export function senderDigestKey(): Buffer {
  if (current) return current.senderKey;
  memorySecret ??= randomBytes(32).toString('base64url');
  return deriveSenderKey(memorySecret);
}

/** A sentence for the start-up lines: where private keys' encryption key comes from. */
export function describeKeySecret(source: KeySecretSource, engine: 'pglite' | 'postgres'): string {
  if (source.kind === 'env') return 'signing keys: encrypted with CONCORD_KEY_SECRET';
  if (source.kind === 'memory') return 'signing keys: encrypted with a per-process secret (in-memory database)';
  const base = `signing keys: encrypted with the key file ${source.path}${source.created ? ' (generated just now)' : ''}`;
  // Several app servers each generating their own file could not read each other's keys.
  return engine === 'postgres'
    ? `${base}. CONCORD_KEY_SECRET is not set: every app server must share this file, or set CONCORD_KEY_SECRET (openssl rand -base64 32) on all of them and run \`concord keys rotate\`.`
    : base;
}

function activeKey(): Buffer {
  if (!current) throw new Error('No key secret configured: call useKeySecret(config) at start-up');
  return current.key;
}

/** Encrypt a private key's JSON; `aad` (the kid) binds the ciphertext to its row. */
export function sealPrivate(plain: string, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', activeKey(), iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

/** The error when a stored key was sealed under another secret: says what to do. */
export class KeySecretMismatch extends Error {
  constructor(kid: string) {
    super(
      `The signing key ${kid} cannot be decrypted with this installation's key secret. Set CONCORD_KEY_SECRET (or restore the data folder's ${KEY_FILE}) to the secret it was made with, or run \`concord keys rotate\` to make a new key (old signatures keep verifying).`,
    );
    this.name = 'KeySecretMismatch';
  }
}

/** Decrypt what sealPrivate wrote; a wrong secret or an edited row fails authentication. */
export function openPrivate(sealed: string, aad: string): string {
  const [v, iv, tag, ct] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || ct === undefined) throw new KeySecretMismatch(aad);
  try {
    const decipher = createDecipheriv('aes-256-gcm', activeKey(), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new KeySecretMismatch(aad);
  }
}
