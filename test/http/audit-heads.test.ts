import { sql } from 'kysely';
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testApp, uniqueEmail, type TestApp } from '../helpers/app.js';
import type { Actor } from '../../src/platform/auth/roles.js';
import { createUser } from '../../src/modules/accounts/accounts.service.js';
import { createProcess } from '../../src/modules/processes/processes.service.js';
import { recordAudit } from '../../src/platform/audit/audit.service.js';
import { verifyAllCommand, verifyProcessCommand } from '../../src/modules/audit/audit-view.cli.js';
import { rotateKeys } from '../../src/platform/signing/index.js';

let t: TestApp;
let processId = '';
const chain = () => `process:${processId}`;
let lines: string[] = [];
const out = (s: string) => lines.push(s);

beforeAll(async () => {
  t = await testApp();
  const email = uniqueEmail('heads');
  const user = await createUser(t.db, { email, name: 'Head Signer', password: 'sign every single head', admin: true, skipStrengthCheck: true });
  const admin: Actor = { userId: user.id, name: 'Head Signer', email, lang: 'en', emailConfirmed: true, isAdmin: true, processRoles: new Map(), groupRoles: new Map(), organisationRoles: new Map(), installationRoles: new Set() };
  const base = { summaryEn: '', summaryFr: '', descriptionEn: '', descriptionFr: '', registration: 'open' as const, timezone: 'UTC', phases: [] };
  processId = (await createProcess(t.db, admin, { slug: 'heads', titleEn: 'Heads', titleFr: 'Têtes', ...base })).id;
  for (let i = 0; i < 5; i++) {
    await t.db.transaction().execute((trx) => recordAudit(trx, { actorId: null, action: 'step', entityType: 'test', entityId: `e-${i}`, processId }));
  }
});
afterAll(async () => t?.close());
beforeEach(() => {
  lines = [];
  process.exitCode = 0;
});

describe('signed chain heads', () => {
  it('are written by a verify and served publicly, as a JWS an outsider checks against the JWKS', async () => {
    const before = (await t.app.inject({ url: '/api/v1/processes/heads/audit/head' })).json();
    expect(before.signed).toBeNull();
    await verifyAllCommand(t.db, out);
    expect(process.exitCode).toBe(0);
    expect(lines.join('\n')).toContain('Signed the heads of 2 chains');

    const res = await t.app.inject({ url: '/api/v1/processes/heads/audit/head' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.chain).toBe(chain());
    expect(body.signed).toMatchObject({ seq: body.current.seq, hash: body.current.hash });
    // Rotate first: the head's key is retired, and still verifies through the published set.
    await rotateKeys(t.db);
    const set = (await t.app.inject({ url: '/.well-known/jwks.json' })).json<JSONWebKeySet>();
    const v = await compactVerify(body.signed.jws, createLocalJWKSet(set));
    expect(v.protectedHeader.kid).toBe(body.signed.kid);
    expect(JSON.parse(new TextDecoder().decode(v.payload))).toEqual({ chain: chain(), seq: body.current.seq, hash: body.current.hash, at: body.signed.at });

    const inst = (await t.app.inject({ url: '/api/v1/audit/head' })).json();
    expect(inst).toMatchObject({ chain: 'installation', signed: { seq: inst.current.seq } });
    expect((await t.app.inject({ url: '/api/v1/processes/nope/audit/head' })).statusCode).toBe(404);
  });

  it('catch the newest events deleted behind the trigger’s back, even with the head row put back to match', async () => {
    const signed = (await t.app.inject({ url: '/api/v1/processes/heads/audit/head' })).json().signed;
    const n = Number(signed.seq);
    // Delete the two newest events and make the head row agree: the chain now links perfectly.
    await sql`alter table audit_events disable trigger audit_events_no_change`.execute(t.db);
    try {
      await sql`delete from audit_events where chain = ${chain()} and seq > ${n - 2}`.execute(t.db);
    } finally {
      await sql`alter table audit_events enable trigger audit_events_no_change`.execute(t.db);
    }
    const last = await t.db.selectFrom('audit_events').select(['seq', 'hash']).where('chain', '=', chain()).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    await t.db.updateTable('audit_chains').set({ head_seq: last.seq, head_hash: last.hash }).where('id', '=', chain()).execute();

    await verifyAllCommand(t.db, out);
    expect(process.exitCode).toBe(1);
    expect(lines[0]).toBe(
      `Audit chain process heads BROKEN at seq ${n - 1} (events are missing after the signed head: seq ${n} was signed at ${signed.at}, the chain now ends at seq ${n - 2}); ${n - 2} events before it verify.`,
    );
    lines = [];
    process.exitCode = 0;
    await verifyProcessCommand(t.db, 'heads', out);
    expect(process.exitCode).toBe(1);
    expect(lines[0]).toContain('events are missing after the signed head');
    // A broken chain's head is not signed again: the old signed head stays the latest.
    expect((await t.app.inject({ url: '/api/v1/processes/heads/audit/head' })).json().signed.seq).toBe(signed.seq);
    // The verify page says so too.
    const html = (await t.app.inject({ url: '/en/processes/heads/audit/verify' })).body;
    expect(html).toContain('events are missing after the last signed head');
  });

  it('refuses a signed head whose signature does not hold, and takes a head given by hand', async () => {
    const row = await t.db.selectFrom('audit_signed_heads').selectAll().where('chain', '=', 'installation').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    const [h, p, s] = row.jws.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ chain: 'installation', seq: '999', hash: row.hash, at: new Date().toISOString() })).toString('base64url');
    await t.db.insertInto('audit_signed_heads').values({ chain: 'installation', seq: '999', hash: row.hash, signed_at: new Date(), kid: row.kid, jws: `${h}.${forgedPayload}.${s}` }).execute();
    await verifyAllCommand(t.db, out, { head: row.jws });
    expect(process.exitCode).toBe(1);
    expect(lines).toContain('Signed head of chain installation does NOT verify with the published keys; it was ignored.');
    expect(lines.some((l) => l.startsWith('  installation: intact'))).toBe(true);
    void p;
  });
});
