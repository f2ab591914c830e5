import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { loadConfig } from '../../src/platform/config.js';
import { KeySecretMismatch, describeKeySecret, listKeys, rotateKeys, signJws, useKeySecret, verifyJws } from '../../src/platform/signing/index.js';
import { openPrivate } from '../../src/platform/signing/key-secret.js';

const SECRET = `test-secret-${randomBytes(24).toString('hex')}`;
const logs: string[] = [];
const stream = new Writable({
  write(chunk: Buffer, _enc, cb) {
    logs.push(chunk.toString('utf8'));
    cb();
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ keySecret: SECRET }, { logger: { stream, level: 'trace' } });
});
afterAll(async () => t?.close());

/** The JWKS as an outsider fetches it, turned into a jose key resolver. */
async function outsiderKeys() {
  const res = await t.app.inject({ url: '/.well-known/jwks.json' });
  expect(res.statusCode).toBe(200);
  const set = res.json<JSONWebKeySet>();
  return { set, resolve: createLocalJWKSet(set) };
}

describe('signing keys', () => {
  it('signs with the active key; after rotation the old signature still verifies through the published JWKS', async () => {
    const oldJws = await signJws(t.db, { n: 1, text: 'é ✓' });
    const before = await listKeys(t.db);
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({ status: 'active', retiredAt: null });

    const r = await rotateKeys(t.db);
    expect(r.retired).toBe(before[0]!.kid);
    const newJws = await signJws(t.db, { n: 2 });
    const after = await listKeys(t.db);
    expect(after.map((k) => [k.kid, k.status]).sort()).toEqual([[before[0]!.kid, 'retired'], [r.kid, 'active']].sort());
    expect(after.find((k) => k.kid === before[0]!.kid)!.retiredAt).toBeInstanceOf(Date);

    const { set, resolve } = await outsiderKeys();
    expect(set.keys).toHaveLength(2);
    for (const k of set.keys) {
      expect(k).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
      expect(k).not.toHaveProperty('d');
    }
    const o = await compactVerify(oldJws, resolve);
    expect(o.protectedHeader).toMatchObject({ alg: 'EdDSA', kid: before[0]!.kid });
    expect(JSON.parse(new TextDecoder().decode(o.payload))).toEqual({ n: 1, text: 'é ✓' });
    expect((await compactVerify(newJws, resolve)).protectedHeader.kid).toBe(r.kid);
    // And through our own verifier, which finds the key by kid.
    expect(await verifyJws(t.db, oldJws)).toEqual({ payload: { n: 1, text: 'é ✓' }, kid: before[0]!.kid });
  });

  it('refuses a tampered JWS, both for an outsider and for verifyJws', async () => {
    const jws = await signJws(t.db, { chain: 'installation', seq: '3', hash: 'a'.repeat(64) });
    const [h, , s] = jws.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ chain: 'installation', seq: '2', hash: 'a'.repeat(64) })).toString('base64url')}.${s}`;
    const { resolve } = await outsiderKeys();
    await expect(compactVerify(forged, resolve)).rejects.toThrow();
    await expect(verifyJws(t.db, forged)).rejects.toMatchObject({ reason: 'bad_signature' });
    await expect(verifyJws(t.db, 'not.a.jws')).rejects.toMatchObject({ reason: 'malformed' });
    const otherKid = `${Buffer.from(JSON.stringify({ alg: 'EdDSA', kid: 'nope' })).toString('base64url')}.${jws.split('.')[1]}.${s}`;
    await expect(verifyJws(t.db, otherKid)).rejects.toMatchObject({ reason: 'unknown_kid' });
  });

  it('keeps private keys only encrypted in the table', async () => {
    const rows = await sql<{ row: string; kid: string; private_enc: string }>`select k::text as row, kid, private_enc from signing_keys k`.execute(t.db);
    expect(rows.rows.length).toBeGreaterThanOrEqual(2);
    for (const r of rows.rows) {
      const priv = JSON.parse(openPrivate(r.private_enc, r.kid)) as { d: string; x: string };
      expect(priv.d).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(r.row).not.toContain(priv.d);
      expect(r.row).not.toContain('"d"');
      // The stored form is AES-GCM output, and the kid is authenticated with it.
      expect(r.private_enc).toMatch(/^v1\./);
      expect(() => openPrivate(r.private_enc, 'another-kid')).toThrow(KeySecretMismatch);
    }
  });

  it('says what to do when the key secret is not the one the key was sealed with, and rotation recovers', async () => {
    useKeySecret({ keySecret: `another-${SECRET}`, dataDir: 'memory://' });
    try {
      await expect(signJws(t.db, { x: 1 })).rejects.toThrow(/CONCORD_KEY_SECRET.*concord keys rotate/);
      const r = await rotateKeys(t.db);
      const jws = await signJws(t.db, { x: 1 });
      expect((await verifyJws(t.db, jws)).kid).toBe(r.kid);
    } finally {
      useKeySecret({ keySecret: SECRET, dataDir: 'memory://' });
    }
  });

  it('never writes the key secret or a private key to a log line', async () => {
    await t.app.inject({ url: '/.well-known/jwks.json' });
    await t.app.inject({ url: `/.well-known/jwks.json?x=${SECRET.slice(0, 4)}` });
    const text = logs.join('');
    expect(text).toContain('jwks.json'); // the log did capture the requests
    expect(text).not.toContain(SECRET);
    const rows = await t.db.selectFrom('signing_keys').select(['kid', 'private_enc']).execute();
    for (const r of rows) {
      expect(text).not.toContain(r.private_enc);
      // The key made under another secret in the test above cannot be opened here; its sealed form is checked.
      let d: string | undefined;
      try {
        d = (JSON.parse(openPrivate(r.private_enc, r.kid)) as { d: string }).d;
      } catch {
        continue;
      }
      expect(text).not.toContain(d);
    }
    // The start-up line names where the secret comes from, never its value.
    expect(describeKeySecret({ kind: 'env' }, 'postgres')).not.toContain(SECRET);
    // A secret too short is refused by name, without echoing it.
    expect(() => loadConfig({ CONCORD_KEY_SECRET: 'short-but-secret' })).toThrow(/CONCORD_KEY_SECRET: at least 32 characters/);
    try {
      loadConfig({ CONCORD_KEY_SECRET: 'short-but-secret' });
    } catch (err) {
      expect((err as Error).message).not.toContain('short-but-secret');
    }
  });
});
