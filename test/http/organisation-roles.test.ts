import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, testApp, uniqueEmail, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { adminActor, makeOrganisation } from '../helpers/factories.js';
import { createUser } from '../../src/modules/accounts/accounts.service.js';
import { setOrganisationRoles } from '../../src/modules/participants/organisation-roles.service.js';
import { createSession, resolveSession } from '../../src/platform/auth/sessions.js';

/**
 * Who acts for an organisation (owners, manufacturers, assessors) and installation roles
 * (registrar, assessor): the API, the organisation page and its forms, the policy behind
 * them, the audit trail, and the roles reaching the actor with the session.
 */
let t: TestApp;
let orgId = '';
let otherOrgId = '';
let admin: Client;
let owner: { client: Client; userId: string; email: string };
let colleague: { client: Client; userId: string; email: string };
let stranger: { client: Client; userId: string; email: string };

const roles = (org = orgId) => `/api/v1/organisations/${org}/roles`;
const auditOf = (action: string) =>
  t.db
    .selectFrom('audit_events')
    .select(['chain', 'actor_id', 'entity_id', 'before_digest', 'after_digest'])
    .where('action', '=', action)
    .orderBy('occurred_at')
    .execute();

beforeAll(async () => {
  t = await testApp();
  const a = await adminActor(t.db);
  orgId = await makeOrganisation(t.db, a, 'Maple Devices (fictional)');
  otherOrgId = await makeOrganisation(t.db, a, 'Birch Labs (fictional)', 'technical');
  admin = (await signedInClient(t, { admin: true })).client;
  owner = await signedInClient(t);
  colleague = await signedInClient(t);
  stranger = await signedInClient(t);
  // Granted after they signed in: roles are read with the session on every request.
  await setOrganisationRoles(t.db, 'console', orgId, owner.userId, ['owner']);
});
afterAll(async () => t?.close());

describe('the organisation roles API', () => {
  it('lets an owner set the roles of someone else for the organisation, audited on the installation chain', async () => {
    const res = await owner.client.json('PUT', `${roles()}/${colleague.userId}`, { roles: ['assessor', 'manufacturer'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ userId: colleague.userId, roles: ['manufacturer', 'assessor'] });
    const list = (await t.app.inject(roles())).json<{ items: { userId: string; name: string; roles: string[] }[] }>().items;
    expect(list.map((p) => [p.userId, p.roles])).toEqual(
      expect.arrayContaining([
        [owner.userId, ['owner']],
        [colleague.userId, ['manufacturer', 'assessor']],
      ]),
    );
    // Names and roles only: the list is public, email addresses are not.
    expect(JSON.stringify(list)).not.toContain('@');
    const events = await auditOf('organisation.setRoles');
    expect(events.at(-1)).toMatchObject({ chain: 'installation', actor_id: owner.userId, entity_id: `${orgId}:${colleague.userId}`, before_digest: null });
    // The same roles again change nothing and write nothing.
    await owner.client.json('PUT', `${roles()}/${colleague.userId}`, { roles: ['manufacturer', 'assessor'] });
    expect(await auditOf('organisation.setRoles')).toHaveLength(events.length);
  });

  it('refuses people who do not own the organisation: another organisation’s owner, a manufacturer, an account, a visitor', async () => {
    await setOrganisationRoles(t.db, 'console', otherOrgId, stranger.userId, ['owner']);
    const asStranger = await stranger.client.json('PUT', `${roles()}/${stranger.userId}`, { roles: ['owner'] });
    expect(asStranger.statusCode).toBe(403);
    expect(asStranger.headers['content-type']).toContain('application/problem+json');
    expect(asStranger.json()).toMatchObject({ status: 403, type: expect.stringContaining('forbidden') });
    // The colleague makes devices for the organisation; that does not let them choose who acts for it.
    expect((await colleague.client.json('PUT', `${roles()}/${colleague.userId}`, { roles: ['owner'] })).statusCode).toBe(403);
    expect((await colleague.client.json('DELETE', `${roles()}/${owner.userId}`)).statusCode).toBe(403);
    const account = await signedInClient(t);
    expect((await account.client.json('PUT', `${roles()}/${account.userId}`, { roles: ['owner'] })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PUT', url: `${roles()}/${account.userId}`, payload: { roles: ['owner'] } })).statusCode).toBe(401);
    // The owner of the other organisation manages that one.
    expect((await stranger.client.json('PUT', `${roles(otherOrgId)}/${colleague.userId}`, { roles: ['assessor'] })).statusCode).toBe(200);
  });

  it('keeps the last owner: an owner cannot remove themselves or stop owning, an administrator can', async () => {
    const leave = await owner.client.json('DELETE', `${roles()}/${owner.userId}`);
    expect(leave.statusCode).toBe(409);
    expect(leave.json<{ detail: string }>().detail).toContain('at least one owner');
    expect((await owner.client.json('PUT', `${roles()}/${owner.userId}`, { roles: ['manufacturer'] })).statusCode).toBe(409);
    // With a second owner, the first may go.
    expect((await owner.client.json('PUT', `${roles()}/${colleague.userId}`, { roles: ['owner', 'manufacturer'] })).statusCode).toBe(200);
    expect((await owner.client.json('DELETE', `${roles()}/${owner.userId}`)).statusCode).toBe(204);
    expect((await owner.client.json('PUT', `${roles()}/${owner.userId}`, { roles: ['owner'] })).statusCode).toBe(403);
    expect((await auditOf('organisation.removePerson')).at(-1)).toMatchObject({
      chain: 'installation',
      entity_id: `${orgId}:${owner.userId}`,
      after_digest: null,
    });
    // The administrator may leave it without owners (and name new ones).
    expect((await admin.json('DELETE', `${roles()}/${colleague.userId}`)).statusCode).toBe(204);
    expect((await t.app.inject(roles())).json<{ items: unknown[] }>().items).toEqual([]);
    expect((await admin.json('PUT', `${roles()}/${owner.userId}`, { roles: ['owner'] })).statusCode).toBe(200);
  });

  it('answers 404 for an unknown organisation or person and 400 for roles that do not exist, as problem+json', async () => {
    expect((await owner.client.json('PUT', `${roles('0190a000-0000-7000-8000-000000000000')}/${colleague.userId}`, { roles: ['owner'] })).statusCode).toBe(404);
    expect((await t.app.inject('/api/v1/organisations/not-a-uuid/roles')).statusCode).toBe(404);
    expect((await owner.client.json('PUT', `${roles()}/0190a000-0000-7000-8000-000000000000`, { roles: ['owner'] })).statusCode).toBe(404);
    const bad = await owner.client.json('PUT', `${roles()}/${colleague.userId}`, { roles: ['king'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const none = await owner.client.json('PUT', `${roles()}/${colleague.userId}`, { roles: [] }, { 'accept-language': 'fr' });
    expect(none.json<{ errors: Record<string, string> }>().errors.roles).toBe('Cochez au moins un rôle.');
  });
});

describe('the OpenAPI document', () => {
  it('describes the new routes from the same Zod schemas that validate them', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json<{
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, { items: { enum: string[] } }> } }> } }>
      >;
    }>();
    const put = doc.paths['/api/v1/organisations/{orgId}/roles/{userId}']!.put!;
    expect(put.requestBody!.content['application/json']!.schema.properties.roles!.items.enum).toEqual(['owner', 'representative', 'manufacturer', 'assessor']);
    expect(Object.keys(doc.paths['/api/v1/organisations/{orgId}/roles/{userId}']!)).toEqual(expect.arrayContaining(['put', 'delete']));
    expect(doc.paths['/api/v1/installation/roles/{userId}']!.put!.requestBody!.content['application/json']!.schema.properties.roles!.items.enum).toEqual([
      'registrar',
      'assessor',
    ]);
  });
});

describe('the organisation page', () => {
  const page = (lang = 'en') => `/${lang}/organisations/${orgId}`;

  it('shows who acts for it to everyone, with the forms to owners only', async () => {
    const anon = await t.app.inject(page());
    expect(anon.statusCode).toBe(200);
    expect(anon.body).toContain('Who acts for this organisation');
    expect(anon.body).not.toContain('/roles"');
    const fr = await t.app.inject(page('fr'));
    expect(fr.body).toContain('Qui agit pour cette organisation');
    expect(fr.body).toContain('Responsable');
    await stranger.client.get(page());
    expect(stranger.client.lastHtml).not.toContain(`/organisations/${orgId}/roles"`);
    const mine = await owner.client.get(page());
    expect(mine.body).toContain(`action="/en/organisations/${orgId}/roles"`);
    expect(mine.body).toContain(`/organisations/${orgId}/roles/${owner.userId}/remove`);
  });

  it('lets an owner add someone by email with the form, without JavaScript, and remove them', async () => {
    await owner.client.get(page());
    const added = await owner.client.post(`${page()}/roles`, { email: colleague.email.toUpperCase(), role_manufacturer: 'on' });
    expect(added.statusCode, added.body.slice(0, 500)).toBe(303);
    expect(added.headers.location).toBe(page());
    const after = await owner.client.get(page());
    expect(after.body).toContain('Their roles are saved.');
    expect(after.body).toMatch(/Manufacturer<\/td>/);
    const removed = await owner.client.post(`${page()}/roles/${colleague.userId}/remove`, {});
    expect(removed.statusCode).toBe(303);
    expect((await t.app.inject(roles())).json<{ items: { userId: string }[] }>().items.map((p) => p.userId)).not.toContain(colleague.userId);
  });

  it('shows the form again with the problem beside the field, in the reader’s language', async () => {
    await owner.client.get(page('fr'));
    const unknown = await owner.client.post(`${page('fr')}/roles`, { email: 'nobody@example.org', role_owner: 'on' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('Aucun compte n’utilise nobody@example.org.');
    const noRole = await owner.client.post(`${page('fr')}/roles`, { email: colleague.email });
    expect(noRole.statusCode).toBe(422);
    expect(noRole.body).toContain('Cochez au moins un rôle.');
    const last = await owner.client.post(`${page('fr')}/roles/${owner.userId}/remove`, {});
    expect(last.statusCode).toBe(409);
    expect(last.body).toContain('au moins un responsable');
  });

  it('refuses a form without its CSRF token, and one from someone who does not own the organisation', async () => {
    await owner.client.get(page());
    expect((await owner.client.post(`${page()}/roles`, { _csrf: null, email: colleague.email, role_owner: 'on' })).statusCode).toBe(403);
    await stranger.client.get(page());
    expect((await stranger.client.post(`${page()}/roles`, { email: stranger.email, role_owner: 'on' })).statusCode).toBe(403);
    expect((await stranger.client.post(`${page()}/roles/${owner.userId}/remove`, {})).statusCode).toBe(403);
  });

  it('is linked from the organisations taking part in a process', async () => {
    const process = await admin.json('POST', '/api/v1/processes', { slug: 'org-links', titleEn: 'Links', titleFr: 'Liens', phases: [] });
    const sg = process.json<{ stakeholderGroups: { id: string }[] }>().stakeholderGroups[0]!.id;
    await colleague.client.json('POST', '/api/v1/processes/org-links/members', { organisationId: orgId, stakeholderGroupId: sg, preferredLang: 'en' });
    const list = await t.app.inject('/en/processes/org-links/organisations');
    expect(list.body).toContain(`href="/en/organisations/${orgId}"`);
  });
});

describe('installation roles', () => {
  it('are granted by administrators only, audited on the installation chain', async () => {
    const person = await signedInClient(t);
    expect((await person.client.json('PUT', `/api/v1/installation/roles/${person.userId}`, { roles: ['registrar'] })).statusCode).toBe(403);
    expect((await owner.client.json('GET', '/api/v1/installation/roles')).statusCode).toBe(403);
    const granted = await admin.json('PUT', `/api/v1/installation/roles/${person.userId}`, { roles: ['registrar'] });
    expect(granted.statusCode, granted.body).toBe(200);
    const list = (await admin.json('GET', '/api/v1/installation/roles')).json<{ items: { userId: string; roles: string[] }[] }>().items;
    expect(list).toContainEqual(expect.objectContaining({ userId: person.userId, roles: ['registrar'] }));
    expect((await auditOf('installation.setRoles')).at(-1)).toMatchObject({ chain: 'installation', entity_id: person.userId });
    // A registrar does not grant installation roles.
    expect((await person.client.json('PUT', `/api/v1/installation/roles/${person.userId}`, { roles: ['registrar', 'assessor'] })).statusCode).toBe(403);
    expect((await admin.json('DELETE', `/api/v1/installation/roles/${person.userId}`)).statusCode).toBe(204);
    expect((await admin.json('PUT', `/api/v1/installation/roles/${person.userId}`, { roles: ['owner'] })).statusCode).toBe(400);
  });

  it('reach the actor with the session, beside organisation roles, in the one session query', async () => {
    const user = await createUser(t.db, { email: uniqueEmail('registrar'), name: 'Registrar', password: 'unused', skipStrengthCheck: true });
    const session = await createSession(t.db, user.id, 1, null);
    await admin.json('PUT', `/api/v1/installation/roles/${user.id}`, { roles: ['registrar', 'assessor'] });
    await setOrganisationRoles(t.db, 'console', otherOrgId, user.id, ['assessor']);
    const { actor } = (await resolveSession(t.db, session.token, 1))!;
    expect([...actor.installationRoles].sort()).toEqual(['assessor', 'registrar']);
    expect(actor.organisationRoles).toEqual(new Map([[otherOrgId, new Set(['assessor'])]]));
    expect(actor.isAdmin).toBe(false);
  });
});
