import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signedInClient, testApp, type TestApp } from '../helpers/app.js';
import type { Client } from '../helpers/client.js';
import type { Actor } from '../../src/platform/auth/roles.js';
import { getProcess } from '../../src/modules/processes/processes.service.js';
import { reportOnAction } from '../../src/modules/accountability/accountability.service.js';
import { buildTracker } from '../../src/modules/accountability/tracker.service.js';
import { adminActor, makeMember, makeOrganisation, makeProcess, makeRecommendation } from '../helpers/factories.js';

/**
 * Actions, pledges and progress: who may do what, reasons for bad news, a history that is
 * never rewritten, overdue read in the process's zone, the tracker's figures by stakeholder
 * group, its CSV and its French page.
 */
let t: TestApp;
let admin: Actor;
const SLUG = 'acc-process';
const f = { processId: '', rec1: '', rec2: '', rec3: '', acme: '', gov: '', beta: '', a1: '', a2: '', a3: '' };
let committee: Client;
let acmeRep: Awaited<ReturnType<typeof makeMember>>;
let acmeRep2: Awaited<ReturnType<typeof makeMember>>;
let govRep: Awaited<ReturnType<typeof makeMember>>;
let betaRep: Awaited<ReturnType<typeof makeMember>>;
const api = (path: string) => `/api/v1/processes/${SLUG}${path}`;

const action = (over: Record<string, unknown>) => ({
  titleEn: 'Publish a vulnerability disclosure policy',
  titleFr: 'Publier une politique de divulgation des vulnérabilités',
  measureEn: 'The policy is on the website.',
  measureFr: 'La politique est sur le site Web.',
  ...over,
});

beforeAll(async () => {
  t = await testApp();
  admin = await adminActor(t.db);
  const d = await makeProcess(t.db, admin, SLUG);
  f.processId = d.process.id;
  f.rec1 = await makeRecommendation(t.db, f.processId, '1.1', { titleEn: 'Disclose vulnerabilities', titleFr: 'Divulguer les vulnérabilités' });
  f.rec2 = await makeRecommendation(t.db, f.processId, '1.2');
  f.rec3 = await makeRecommendation(t.db, f.processId, '2.1');
  f.acme = await makeOrganisation(t.db, admin, 'Acme Devices');
  f.gov = await makeOrganisation(t.db, admin, 'Innovation Canada', 'government');
  f.beta = await makeOrganisation(t.db, admin, 'Beta Sensors');
  acmeRep = await makeMember(t, SLUG, f.acme, 'private_sector');
  acmeRep2 = await makeMember(t, SLUG, f.acme, 'private_sector');
  // One of Acme's three members sits in academia: Acme still counts as private sector.
  await makeMember(t, SLUG, f.acme, 'academia');
  govRep = await makeMember(t, SLUG, f.gov, 'government');
  betaRep = await makeMember(t, SLUG, f.beta, 'private_sector');
  committee = (await signedInClient(t, { processRoles: [{ role: 'action_committee', processId: f.processId }] })).client;
});
afterAll(async () => t?.close());

describe('actions', () => {
  it('refuses a plain member, and lets the action committee create and edit actions', async () => {
    const refused = await betaRep.client.json('POST', api('/actions'), action({ recommendationId: f.rec1, ownerOrganisationId: f.acme, dueOn: '2020-06-30' }));
    expect(refused.statusCode).toBe(403);

    const res = await committee.json('POST', api('/actions'), action({ recommendationId: f.rec1, ownerOrganisationId: f.acme, contactUserId: acmeRep.userId, dueOn: '2020-06-30' }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ owner: { id: f.acme, name: 'Acme Devices' }, contact: { id: acmeRep.userId }, dueOn: '2020-06-30', status: 'not_started', overdue: true });
    f.a1 = res.json().id;

    f.a2 = (await committee.json('POST', api('/actions'), action({ recommendationId: f.rec2, ownerOrganisationId: f.gov, dueOn: '2999-01-01' }))).json().id;
    const a3 = await committee.json('POST', api('/actions'), action({ recommendationId: f.rec1, ownerOrganisationId: f.gov, dueOn: '2020-01-01', titleEn: '=HYPERLINK("http://evil.example","x")' }));
    f.a3 = a3.json().id;

    const edited = await committee.json('PUT', api(`/actions/${f.a2}`), action({ recommendationId: f.rec2, ownerOrganisationId: f.gov, dueOn: '2999-02-01', titleEn: 'Label devices' }));
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ title: { en: 'Label devices' }, dueOn: '2999-02-01', overdue: false });
  });

  it('refuses a contact who does not represent the owner organisation', async () => {
    const res = await committee.json('POST', api('/actions'), action({ recommendationId: f.rec1, ownerOrganisationId: f.acme, contactUserId: betaRep.userId, dueOn: '2030-01-01' }));
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.contactUserId).toBe('accountability.errors.contactNotOwner');
    expect(res.json().detail).toMatch(/confirmed to act for the owner organisation/);
  });

  it('serves the committee its forms, and refuses them to a plain member', async () => {
    const form = await committee.get(`/en/processes/${SLUG}/tracker/recommendations/${f.rec3}/actions/new`);
    expect(form.statusCode).toBe(200);
    const posted = await committee.post(`/en/processes/${SLUG}/tracker/recommendations/${f.rec3}/actions/new`, {
      titleEn: 'Survey',
      titleFr: 'Sondage',
      ownerOrganisationId: f.beta,
      contactUserId: '',
      dueOn: 'not a date',
      measureEn: 'Done',
      measureFr: 'Fait',
    });
    expect(posted.statusCode).toBe(422);
    expect(posted.body).toContain('Enter a date as YYYY-MM-DD.');
    expect((await betaRep.client.get(`/en/processes/${SLUG}/tracker/recommendations/${f.rec3}/actions/new`)).statusCode).toBe(403);
  });
});

describe('pledges', () => {
  it('lets a member pledge for the organisation they represent, and no other', async () => {
    const other = await betaRep.client.json('POST', api('/pledges'), { recommendationId: f.rec3, organisationId: f.acme, text: 'We promise.', lang: 'en' });
    expect(other.statusCode).toBe(403);
    expect(other.json().detail).toMatch(/not confirmed to act for this organisation/);

    const outsider = await signedInClient(t, { processRoles: [{ role: 'member', processId: f.processId }] });
    const none = await outsider.client.json('POST', api('/pledges'), { recommendationId: f.rec3, text: 'We promise.', lang: 'en' });
    expect(none.statusCode).toBe(403);
    expect(none.json().detail).toMatch(/Only a member who represents an organisation/);

    const ok = await acmeRep.client.json('POST', api('/pledges'), { recommendationId: f.rec3, text: 'Acme will label every device by 2021.', lang: 'en', dueOn: '2021-12-31' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ organisation: { id: f.acme }, status: 'not_started', dueOn: '2021-12-31' });

    const pledgeId = ok.json().id as string;
    const foreign = await govRep.client.json('POST', api(`/pledges/${pledgeId}/progress`), { status: 'on_track', lang: 'en' });
    expect(foreign.statusCode).toBe(403);
    const report = await acmeRep2.client.json('POST', api(`/pledges/${pledgeId}/progress`), { status: 'on_track', body: 'Half the range is labelled.', lang: 'en' });
    expect(report.statusCode).toBe(201);
    const listed = (await t.app.inject({ url: api('/pledges') })).json();
    expect(listed.items.find((p: { id: string }) => p.id === pledgeId)).toMatchObject({ status: 'on_track', signedBy: 'Test Person' });
  });
});

describe('progress reports', () => {
  it('needs a reason for late and dropped, in the API and in the form', async () => {
    const res = await acmeRep.client.json('POST', api(`/actions/${f.a1}/progress`), { status: 'dropped', body: 'No longer needed.', lang: 'en' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.reason).toMatch(/Give the reason/);
    await acmeRep.client.get(`/fr/processes/${SLUG}/tracker/actions/${f.a1}/progress`);
    const form = await acmeRep.client.post(`/fr/processes/${SLUG}/tracker/actions/${f.a1}/progress`, { status: 'late', body: '', reason: '', evidenceUrls: '', lang: 'fr' });
    expect(form.statusCode).toBe(422);
    expect(form.body).toContain('Donnez la raison');
    await expect(reportOnAction(t.db, acmeRep.actor, f.processId, f.a1, { status: 'late', body: '', lang: 'en', evidenceUrls: [] })).rejects.toMatchObject({ status: 422 });
  });

  it('refuses evidence that is not an http(s) link, and a member of another organisation', async () => {
    const bad = await acmeRep.client.json('POST', api(`/actions/${f.a1}/progress`), { status: 'on_track', lang: 'en', evidenceUrls: ['javascript:alert(1)'] });
    expect(bad.statusCode).toBe(400);
    expect(Object.values(bad.json().errors)).toEqual(['Each evidence link must be a web address starting with http:// or https://.']);
    await acmeRep.client.get(`/fr/processes/${SLUG}/tracker/actions/${f.a1}/progress`);
    const form = await acmeRep.client.post(`/fr/processes/${SLUG}/tracker/actions/${f.a1}/progress`, { status: 'on_track', body: '', reason: '', evidenceUrls: 'https://acme.example/ok\nvbscript:msgbox(1)', lang: 'fr' });
    expect(form.statusCode).toBe(422);
    expect(form.body).toContain('Chaque lien vers une preuve doit être une adresse Web commençant par http:// ou https://.');
    const stranger = await betaRep.client.json('POST', api(`/actions/${f.a1}/progress`), { status: 'on_track', lang: 'en' });
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json().detail).toMatch(/not confirmed to act for this organisation/);
  });

  it('keeps the whole history; the status copies the latest report, even when an older one arrives late', async () => {
    const first = await acmeRep.client.json('POST', api(`/actions/${f.a1}/progress`), { status: 'on_track', body: 'Draft written.', lang: 'en', evidenceUrls: ['https://acme.example/draft'] });
    expect(first.statusCode).toBe(201);
    // Any member representing Acme may report, not only the contact.
    const second = await acmeRep2.client.json('POST', api(`/actions/${f.a1}/progress`), { status: 'at_risk', reason: 'Legal review is slow.', lang: 'en' });
    expect(second.statusCode).toBe(201);
    const page = await acmeRep.client.get(`/en/processes/${SLUG}/tracker/actions/${f.a1}/progress`);
    const done = await acmeRep.client.post(`/en/processes/${SLUG}/tracker/actions/${f.a1}/progress`, { status: 'done', body: 'Published.', reason: '', evidenceUrls: 'https://acme.example/policy\n', lang: 'en' });
    expect(page.statusCode).toBe(200);
    expect(done.statusCode).toBe(303);
    // A back-dated report (as the demo writes for 2019) joins the history without changing the status.
    await reportOnAction(t.db, admin, f.processId, f.a1, { status: 'not_started', body: 'Kick-off.', lang: 'en', evidenceUrls: [] }, { at: new Date('2019-09-01T12:00:00Z') });

    const a = (await t.app.inject({ url: api(`/actions/${f.a1}`) })).json();
    expect(a.status).toBe('done');
    expect(a.reports.map((r: { status: string }) => r.status)).toEqual(['not_started', 'on_track', 'at_risk', 'done']);
    expect(a.reports[3].evidenceUrls).toEqual(['https://acme.example/policy']);
    await expect(sql`update progress_reports set body = 'rewritten'`.execute(t.db)).rejects.toThrow(/kept as written/);
    await expect(sql`delete from progress_reports`.execute(t.db)).rejects.toThrow(/kept as written/);

    await committee.json('POST', api(`/actions/${f.a2}/progress`), { status: 'done', body: 'Labels on shelves.', lang: 'en' });
  });
});

describe('the tracker', () => {
  it('computes overdue from the date in the process’s zone', async () => {
    const d = await getProcess(t.db, SLUG);
    const a3 = (tr: Awaited<ReturnType<typeof buildTracker>>) => tr.sections[0]!.actions.find((a) => a.id === f.a3)!;
    // 2020-01-02 03:00 UTC is still 1 January in Toronto: due that day, not overdue yet.
    const evening = await buildTracker(t.db, d.process, d.stakeholderGroups, { now: new Date('2020-01-02T03:00:00Z') });
    expect(evening.today).toBe('2020-01-01');
    expect(a3(evening).overdue).toBe(false);
    const morning = await buildTracker(t.db, d.process, d.stakeholderGroups, { now: new Date('2020-01-02T06:00:00Z') });
    expect(a3(morning).overdue).toBe(true);
  });

  it('gives the figures overall and by stakeholder group in JSON', async () => {
    const res = await t.app.inject({ url: api('/tracker') });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.figures.recommendations).toBe(3);
    // 1.1 has Acme's (done) and the government's (overdue) actions; 1.2 the government's, done; 2.1 none.
    expect(body.figures.overall).toMatchObject({ withOwner: { count: 2 }, done: { count: 1 }, late: { count: 1 } });
    const by = Object.fromEntries(body.figures.byStakeholderGroup.map((g: { key: string }) => [g.key, g]));
    expect(by.private_sector).toMatchObject({ withOwner: { count: 1 }, done: { count: 1 }, late: { count: 0 } });
    expect(by.government).toMatchObject({ withOwner: { count: 2 }, done: { count: 1 }, late: { count: 1 } });
    expect(by.academia).toMatchObject({ withOwner: { count: 0 } });
    expect(by.government.withOwner.share).toBeCloseTo(2 / 3);
    const rec1 = body.recommendations.find((r: { number: string }) => r.number === '1.1');
    expect(rec1.actions.find((a: { id: string }) => a.id === f.a3)).toMatchObject({ overdue: true, status: 'not_started' });
    expect(body.recommendations.find((r: { number: string }) => r.number === '2.1').pledges).toHaveLength(1);
    // The page's JSON export is the same document.
    expect((await t.app.inject({ url: `/fr/processes/${SLUG}/tracker.json` })).json().figures).toEqual(body.figures);
  });

  it('exports CSV with formulas defused', async () => {
    const res = await t.app.inject({ url: `/en/processes/${SLUG}/tracker.csv` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const line = res.body.split('\r\n').find((l) => l.includes('HYPERLINK'))!;
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(res.body).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(res.body.split('\r\n')[0]).toMatch(/^kind,recommendation,/);
  });

  it('renders the French page with the chart, its table and what is overdue', async () => {
    const res = await t.app.inject({ url: `/fr/processes/${SLUG}/tracker` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="fr"');
    expect(res.body).toContain('Suivi');
    expect(res.body).toContain('role="img"');
    expect(res.body).toContain('Groupe d’intervenants');
    expect(res.body).toContain('Divulguer les vulnérabilités');
    expect(res.body).toMatch(/Pas commencée · en retard/);
    expect(res.body).toContain('Terminée');
  });

  it('is linked from the process page', async () => {
    const res = await t.app.inject({ url: `/fr/processes/${SLUG}` });
    expect(res.body).toContain(`href="/fr/processes/${SLUG}/tracker"`);
  });

  it('shows one organisation’s promises on its own page', async () => {
    const res = await t.app.inject({ url: `/en/processes/${SLUG}/tracker/organisations/${f.gov}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Tracker: Innovation Canada');
    expect(res.body).toContain('Label devices');
    expect(res.body).not.toContain('Acme will label');
  });
});
