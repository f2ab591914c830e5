import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, testApp, type TestApp } from '../helpers/app.js';
import type { Client } from '../helpers/client.js';
import type { Actor } from '../../src/platform/auth/roles.js';
import { newId } from '../../src/platform/lib/ids.js';
import { randomToken, sha256Hex } from '../../src/platform/lib/crypto.js';
import { adminActor, makeProcess } from '../helpers/factories.js';

/**
 * Issue 10, role grants: nobody grants a role above their own (an oversight member inviting
 * their own second address as convener), and conveners take roles away with a reason that is
 * kept and audited; the rights go at once.
 */
let t: TestApp;
let admin: Actor;
const SLUG = 'grants-process';
const api = (path: string) => `/api/v1/processes/${SLUG}${path}`;
let processId = '';
let convener: Client;
let oversight: Awaited<ReturnType<typeof signedInClient>>;

beforeAll(async () => {
  t = await testApp();
  admin = await adminActor(t.db);
  processId = (await makeProcess(t.db, admin, SLUG)).process.id;
  convener = (await signedInClient(t, { processRoles: [{ role: 'convener', processId }] })).client;
  oversight = await signedInClient(t, { processRoles: [{ role: 'oversight', processId }] });
});
afterAll(async () => t?.close());

describe('invitations', () => {
  it('refuses an oversight member inviting a convener, through the API and the form, and offers only roles up to theirs', async () => {
    const refused = await oversight.client.json('POST', api('/invitations'), { email: 'second-address@example.org', role: 'convener', lang: 'en' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toMatch(/role above your own/);
    const fr = await oversight.client.json('POST', api('/invitations'), { email: 'second-address@example.org', role: 'convener', lang: 'fr' }, { 'accept-language': 'fr' });
    expect(fr.json().detail).toMatch(/rôle supérieur au vôtre/);
    expect((await oversight.client.json('POST', api('/invitations'), { email: 'helper@example.org', role: 'oversight', lang: 'en' })).statusCode).toBe(202);

    const form = await oversight.client.get(`/en/processes/${SLUG}/invitations/new`);
    expect(form.body).toContain('value="oversight"');
    expect(form.body).not.toContain('value="convener"');
    const posted = await oversight.client.post(`/en/processes/${SLUG}/invitations`, { email: 'second-address@example.org', role: 'convener', lang: 'en' });
    expect(posted.statusCode).toBe(403);
    expect(posted.body).toContain('You cannot invite someone with a role above your own');
    expect(await t.db.selectFrom('invitations').select('id').where('email', '=', 'second-address@example.org').execute()).toEqual([]);
    // The form's other outcomes: an invalid address shown again (422), a role of one's own sent (303 back to the form).
    const invalid = await oversight.client.post(`/en/processes/${SLUG}/invitations`, { email: 'not an address', role: 'member', lang: 'en' });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain('value="not an address"');
    const sent = await oversight.client.post(`/en/processes/${SLUG}/invitations`, { email: 'form-invite@example.org', role: 'member', lang: 'en' });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/en/processes/${SLUG}/invitations/new`);
  });

  it('refuses to accept an invitation whose sender could not give its role (one sent before the rule)', async () => {
    const second = await signedInClient(t);
    const email = (await t.db.selectFrom('users').select('email').where('id', '=', second.userId).executeTakeFirstOrThrow()).email;
    const token = randomToken();
    await t.db
      .insertInto('invitations')
      .values({ id: newId(), process_id: processId, email, role: 'convener', token_hash: sha256Hex(token), invited_by: oversight.userId, expires_at: new Date(Date.now() + 86_400_000) })
      .execute();
    const accepted = await second.client.json('POST', '/api/v1/invitations/accept', { token });
    expect(accepted.statusCode).toBe(403);
    const held = await t.db.selectFrom('role_assignments').select('role').where('user_id', '=', second.userId).execute();
    expect(held).toEqual([]);
  });
});

describe('revoking a role', () => {
  it('needs a reason (400 in the reader’s language; 422 beside the field in the form)', async () => {
    const none = await convener.json('POST', api('/roles/revoke'), { userId: oversight.userId, role: 'oversight' });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors.reason).toBe('Give the reason for taking the role away.');
    const blank = await convener.json('POST', api('/roles/revoke'), { userId: oversight.userId, role: 'oversight', reason: '   ' }, { 'accept-language': 'fr' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors.reason).toBe('Donnez la raison du retrait de ce rôle.');
    await convener.get(`/fr/processes/${SLUG}/roles`);
    const form = await convener.post(`/fr/processes/${SLUG}/roles/revoke`, { userId: oversight.userId, role: 'oversight', groupId: '', reason: '' });
    expect(form.statusCode).toBe(422);
    expect(form.body).toContain('Donnez la raison du retrait de ce rôle.');
  });

  it('is for conveners: an oversight member may not revoke', async () => {
    expect((await oversight.client.json('POST', api('/roles/revoke'), { userId: oversight.userId, role: 'oversight', reason: 'Testing.' })).statusCode).toBe(403);
    expect((await oversight.client.get(`/en/processes/${SLUG}/roles`)).statusCode).toBe(403);
  });

  it('takes the rights away at once, keeps the reason and audits it', async () => {
    expect((await oversight.client.json('POST', api('/invitations'), { email: 'before@example.org', role: 'member', lang: 'en' })).statusCode).toBe(202);
    const page = await convener.get(`/en/processes/${SLUG}/roles`);
    expect(page.body).toContain('Oversight committee');
    expect(page.body).toMatch(new RegExp(`<nav class="breadcrumb" aria-label="[^"]+"><ol><li><a href="/en/processes/${SLUG}">`));
    const revoked = await convener.post(`/en/processes/${SLUG}/roles/revoke`, { userId: oversight.userId, role: 'oversight', groupId: '', reason: 'Invited a second address of their own.' });
    expect(revoked.statusCode).toBe(303);

    // The very next request runs without the role.
    expect((await oversight.client.json('POST', api('/invitations'), { email: 'after@example.org', role: 'member', lang: 'en' })).statusCode).toBe(403);
    const listed = (await convener.json('GET', api('/roles'))).json();
    expect(listed.items.find((i: { userId: string }) => i.userId === oversight.userId)).toBeUndefined();
    expect(listed.revocations[0]).toMatchObject({ userId: oversight.userId, role: 'oversight', reason: 'Invited a second address of their own.' });
    expect((await convener.get(`/en/processes/${SLUG}/roles`)).body).toContain('Reason: Invited a second address of their own.');

    const audit = await t.db.selectFrom('audit_events').select(['action', 'after_digest']).where('process_id', '=', processId).where('action', '=', 'role.revoke').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after_digest).not.toBeNull();
    // Revoking a role no longer held is not found.
    expect((await convener.json('POST', api('/roles/revoke'), { userId: oversight.userId, role: 'oversight', reason: 'Again.' })).statusCode).toBe(404);
  });
});

describe('the last convener', () => {
  it('stays: taking the role from the only convener is a 409 in the reader’s language, and the role is kept', async () => {
    const slug = 'last-convener';
    const pid = (await makeProcess(t.db, admin, slug)).process.id;
    const last = await signedInClient(t, { processRoles: [{ role: 'convener', processId: pid }] });
    const conveners = () => t.db.selectFrom('role_assignments').select('user_id').where('process_id', '=', pid).where('role', '=', 'convener').where('group_id', 'is', null).execute();
    // Whoever else convenes (the process's creator, if made one) goes first: while two remain, one may go.
    for (const { user_id } of (await conveners()).filter((c) => c.user_id !== last.userId)) {
      const res = await last.client.json('POST', `/api/v1/processes/${slug}/roles/revoke`, { userId: user_id, role: 'convener', reason: 'Handing over.' });
      expect(res.statusCode).toBeLessThan(300);
    }
    expect((await conveners()).map((c) => c.user_id)).toEqual([last.userId]);
    const refused = await last.client.json('POST', `/api/v1/processes/${slug}/roles/revoke`, { userId: last.userId, role: 'convener', reason: 'Leaving.' }, { 'accept-language': 'fr' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/^C’est la dernière personne responsable de ce processus/);
    expect((await conveners()).map((c) => c.user_id)).toEqual([last.userId]);
  });
});
