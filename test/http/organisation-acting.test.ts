import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, testApp, type TestApp } from '../helpers/app.js';
import type { Client } from '../helpers/client.js';
import type { Actor } from '../../src/platform/auth/roles.js';
import { getProcess } from '../../src/modules/processes/processes.service.js';
import { grantOrganisationRole } from '../../src/modules/participants/organisation-roles.service.js';
import { adminActor, makeMember, makeOrganisation, makeProcess, makeRecommendation } from '../helpers/factories.js';

/**
 * Issue 10: nobody acts for an organisation they do not belong to. Naming an organisation when
 * joining a process is an affiliation and a pending request, nothing more: signing its pledges
 * and reporting on its actions and pledges need a confirmed role for it, given by one of its
 * owners or by a convener approving the request. Records keep who acted and as what.
 */
let t: TestApp;
let admin: Actor;
const SLUG = 'acting-process';
const api = (path: string) => `/api/v1/processes/${SLUG}${path}`;
const f = { processId: '', rec: '', acme: '', beta: '', action: '', betaPledge: '' };
let convener: Client;
let acmeOwner: Awaited<ReturnType<typeof signedInClient>>;

/** A fresh account that joins the process through the API naming an organisation, as anyone can. */
async function joinClaiming(organisationId: string) {
  const d = await getProcess(t.db, SLUG);
  const p = await signedInClient(t);
  const group = d.stakeholderGroups.find((g) => g.key === 'private_sector')!;
  const joined = await p.client.json('POST', api('/members'), { organisationId, stakeholderGroupId: group.id, preferredLang: 'en' });
  expect(joined.statusCode).toBe(201);
  return p;
}

beforeAll(async () => {
  t = await testApp();
  admin = await adminActor(t.db);
  const d = await makeProcess(t.db, admin, SLUG);
  f.processId = d.process.id;
  f.rec = await makeRecommendation(t.db, f.processId, '1.1');
  f.acme = await makeOrganisation(t.db, admin, 'Acme Devices');
  f.beta = await makeOrganisation(t.db, admin, 'Beta Sensors');
  convener = (await signedInClient(t, { processRoles: [{ role: 'convener', processId: f.processId }] })).client;
  acmeOwner = await signedInClient(t);
  await grantOrganisationRole(t.db, 'console', f.acme, acmeOwner.userId, 'owner');
  const action = await convener.json('POST', api('/actions'), {
    recommendationId: f.rec,
    titleEn: 'Publish a disclosure policy',
    titleFr: 'Publier une politique de divulgation',
    ownerOrganisationId: f.acme,
    dueOn: '2030-01-01',
    measureEn: 'Online.',
    measureFr: 'En ligne.',
  });
  f.action = action.json().id;
  const betaRep = await makeMember(t, SLUG, f.beta, 'private_sector');
  f.betaPledge = (await betaRep.client.json('POST', api('/pledges'), { recommendationId: f.rec, text: 'Beta will label its sensors.', lang: 'en' })).json().id;
});
afterAll(async () => t?.close());

describe('a fresh account that claims an organisation on joining', () => {
  it('is refused every write in its name (403, in the reader’s language)', async () => {
    const intruder = await joinClaiming(f.acme);
    const dropped = await intruder.client.json('POST', api(`/actions/${f.action}/progress`), { status: 'dropped', reason: 'We give up.', lang: 'en' });
    expect(dropped.statusCode).toBe(403);
    expect(dropped.json().detail).toMatch(/not confirmed to act for this organisation/);
    const fr = await intruder.client.json('POST', api(`/actions/${f.action}/progress`), { status: 'dropped', reason: 'Abandon.', lang: 'fr' }, { 'accept-language': 'fr' });
    expect(fr.statusCode).toBe(403);
    expect(fr.json().detail).toMatch(/pas confirmé pour agir au nom de cette organisation/);

    // A pledge in the claimed organisation's name, by default and by naming it.
    expect((await intruder.client.json('POST', api('/pledges'), { recommendationId: f.rec, text: 'Acme promises nothing.', lang: 'en' })).statusCode).toBe(403);
    expect((await intruder.client.json('POST', api('/pledges'), { recommendationId: f.rec, organisationId: f.acme, text: 'Acme promises nothing.', lang: 'en' })).statusCode).toBe(403);
    // A report on another organisation's pledge.
    expect((await intruder.client.json('POST', api(`/pledges/${f.betaPledge}/progress`), { status: 'dropped', reason: 'Lies.', lang: 'en' })).statusCode).toBe(403);
    // The pages refuse too, and offer no button.
    expect((await intruder.client.get(`/en/processes/${SLUG}/tracker/actions/${f.action}/progress`)).statusCode).toBe(403);
    expect((await intruder.client.get(`/en/processes/${SLUG}/tracker`)).body).not.toContain(`/tracker/actions/${f.action}/progress`);

    const history = (await t.app.inject({ url: api(`/actions/${f.action}`) })).json();
    expect(history.reports).toEqual([]);
  });
});

describe('confirmation by one of the organisation’s owners', () => {
  it('lets the person act for it, and records as what', async () => {
    const person = await joinClaiming(f.acme);
    const added = await acmeOwner.client.json('PUT', `/api/v1/organisations/${f.acme}/roles/${person.userId}`, { roles: ['representative'] });
    expect(added.statusCode).toBe(200);

    const report = await person.client.json('POST', api(`/actions/${f.action}/progress`), { status: 'on_track', body: 'Draft written.', lang: 'en' });
    expect(report.statusCode).toBe(201);
    expect(report.json().capacity).toEqual({ as: 'representative', organisation: { id: f.acme, name: 'Acme Devices' } });

    const pledge = await person.client.json('POST', api('/pledges'), { recommendationId: f.rec, text: 'Acme will publish its policy.', lang: 'en' });
    expect(pledge.statusCode).toBe(201);
    expect(pledge.json()).toMatchObject({ organisation: { id: f.acme }, signedAs: 'representative' });

    const page = (await t.app.inject({ url: `/en/processes/${SLUG}/tracker` })).body;
    expect(page).toContain('for Acme Devices (Representative)');
    expect(page).toContain('as Representative');
    const pageFr = (await t.app.inject({ url: `/fr/processes/${SLUG}/tracker` })).body;
    expect(pageFr).toContain('pour Acme Devices (Représentant)');

    // Taken away, the right goes at once.
    await acmeOwner.client.json('DELETE', `/api/v1/organisations/${f.acme}/roles/${person.userId}`);
    expect((await person.client.json('POST', api(`/actions/${f.action}/progress`), { status: 'done', lang: 'en' })).statusCode).toBe(403);
  });
});

describe('a request approved by a convener', () => {
  it('is listed for conveners only, and approving it confirms the person', async () => {
    const person = await joinClaiming(f.beta);
    const stranger = await joinClaiming(f.beta);
    expect((await person.client.json('GET', api('/organisation-requests'))).statusCode).toBe(403);

    const listed = (await convener.json('GET', api('/organisation-requests'))).json().items as { id: string; person: { id: string }; organisation: { id: string } }[];
    const mine = listed.find((r) => r.person.id === person.userId)!;
    const theirs = listed.find((r) => r.person.id === stranger.userId)!;
    expect(mine.organisation.id).toBe(f.beta);
    // A member may not decide their own request.
    expect((await person.client.json('POST', api(`/organisation-requests/${mine.id}`), { decision: 'approve' })).statusCode).toBe(403);

    expect((await convener.json('POST', api(`/organisation-requests/${mine.id}`), { decision: 'approve' })).statusCode).toBe(204);
    expect((await convener.json('POST', api(`/organisation-requests/${mine.id}`), { decision: 'refuse' })).statusCode).toBe(409);
    const report = await person.client.json('POST', api(`/pledges/${f.betaPledge}/progress`), { status: 'on_track', body: 'Half labelled.', lang: 'en' });
    expect(report.statusCode).toBe(201);
    expect(report.json().capacity).toEqual({ as: 'representative', organisation: { id: f.beta, name: 'Beta Sensors' } });

    // Refused on the conveners' page (a plain form with its CSRF token): still nothing.
    const page = await convener.get(`/fr/processes/${SLUG}/organisation-requests`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Demandes d’agir pour une organisation');
    expect(page.body).toContain(`request-${theirs.id}`);
    // The shared conveners' table page: a breadcrumb back to the process, named in French.
    expect(page.body).toMatch(new RegExp(`<nav class="breadcrumb" aria-label="[^"]+"><ol><li><a href="/fr/processes/${SLUG}">`));
    const refused = await convener.post(`/fr/processes/${SLUG}/organisation-requests/${theirs.id}`, { decision: 'refuse' });
    expect(refused.statusCode).toBe(303);
    expect((await stranger.client.json('POST', api(`/pledges/${f.betaPledge}/progress`), { status: 'dropped', reason: 'No.', lang: 'en' })).statusCode).toBe(403);
    expect((await convener.json('GET', api('/organisation-requests'))).json().items.map((r: { id: string }) => r.id)).not.toContain(theirs.id);

    const audit = await t.db.selectFrom('audit_events').select('action').where('entity_id', 'in', [mine.id, theirs.id]).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['organisation.request', 'organisation.request', 'organisation.request.approve', 'organisation.request.refuse']);
  });
});
