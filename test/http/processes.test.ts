import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, testApp, uniqueEmail, GOOD_PASSWORD, type TestApp } from '../helpers/app.js';
import { Client, linksIn, pathOf } from '../helpers/client.js';
import { mailRepository } from '../../src/modules/mail/mail.repository.js';
import { processesRepository } from '../../src/modules/processes/processes.repository.js';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await testApp();
  admin = (await signedInClient(t, { admin: true })).client;
});
afterAll(async () => t?.close());

const phases = [
  { kind: 'convening', nameEn: 'Convening', nameFr: 'Convocation', startsOn: '2018-06-01', endsOn: '2018-09-30' },
  { kind: 'working_groups', nameEn: 'Working groups', nameFr: 'Groupes de travail', startsOn: '2018-10-01', endsOn: '2019-02-24' },
  { kind: 'public_comment', nameEn: 'Public comment', nameFr: 'Consultation publique', startsOn: '2019-02-25', endsOn: '2019-04-05' },
];

async function createViaApi(slug: string, extra: Record<string, unknown> = {}) {
  const res = await admin.json('POST', '/api/v1/processes', {
    slug,
    titleEn: 'Enhancing IoT Security',
    titleFr: 'Améliorer la sécurité de l’IdO',
    summaryEn: 'A multistakeholder process.',
    summaryFr: 'Un processus multipartite.',
    phases,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('processes', () => {
  it('creates a process through the API with phases and the six default stakeholder groups', async () => {
    const p = await createViaApi('iot-2018');
    expect(p.title).toEqual({ en: 'Enhancing IoT Security', fr: 'Améliorer la sécurité de l’IdO' });
    expect(p.phases.map((x: { kind: string }) => x.kind)).toEqual(['convening', 'working_groups', 'public_comment']);
    expect(p.stakeholderGroups.map((g: { key: string }) => g.key)).toEqual(['government', 'civil_society', 'technical', 'academia', 'private_sector', 'other']);
    expect(p.stakeholderGroups[3].name).toEqual({ en: 'Academia', fr: 'Milieu universitaire' });
  });

  it('refuses a duplicate short name and bad phase dates with field messages', async () => {
    const dup = await admin.json('POST', '/api/v1/processes', { slug: 'iot-2018', titleEn: 'x', titleFr: 'y', phases: [] });
    expect(dup.statusCode).toBe(409);
    const bad = await admin.json('POST', '/api/v1/processes', { slug: 'bad-dates', titleEn: 'x', titleFr: 'y', phases: [{ ...phases[0], endsOn: '2018-01-01' }] }, { 'accept-language': 'fr' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors['phases.0.endsOn']).toBe('Une phase doit se terminer le jour où elle commence ou après.');
  });

  it('shows the timeline with the current phase marked, in the process time zone', async () => {
    const today = new Date();
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const past = new Date(today.getTime() - 40 * 86_400_000);
    const future = new Date(today.getTime() + 40 * 86_400_000);
    await createViaApi('now-process', {
      phases: [
        { kind: 'convening', nameEn: 'Before', nameFr: 'Avant', startsOn: iso(new Date(past.getTime() - 30 * 86_400_000)), endsOn: iso(past) },
        { kind: 'drafting', nameEn: 'Drafting now', nameFr: 'Rédaction en cours', startsOn: iso(past), endsOn: iso(future) },
      ],
    });
    const page = await t.app.inject('/fr/processes/now-process');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Phase en cours\u00a0: Rédaction en cours');
    expect(page.body).toMatch(/aria-current="step"[^>]*>.*Rédaction en cours/s);
    const api = (await t.app.inject('/api/v1/processes/now-process')).json();
    expect(api.phases.map((p: { current: boolean }) => p.current)).toEqual([false, true]);
  });

  it('creates a process through the form without JavaScript, leaving out phases with no dates', async () => {
    await admin.get('/en/processes/new');
    const res = await admin.post('/en/processes/new', {
      slug: 'form-made',
      titleEn: 'Form made',
      titleFr: 'Fait au formulaire',
      registration: 'invitation',
      timezone: 'America/Halifax',
      'phases[0][kind]': 'convening',
      'phases[0][nameEn]': 'Convening',
      'phases[0][nameFr]': 'Convocation',
      'phases[0][startsOn]': '2026-01-05',
      'phases[0][endsOn]': '2026-03-01',
      'phases[1][kind]': 'drafting',
      'phases[1][nameEn]': 'Drafting',
      'phases[1][nameFr]': 'Rédaction',
      'phases[1][startsOn]': '',
      'phases[1][endsOn]': '',
    });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    const p = (await t.app.inject('/api/v1/processes/form-made')).json();
    expect(p).toMatchObject({ registration: 'invitation', timezone: 'America/Halifax' });
    expect(p.phases).toHaveLength(1);
  });

  it('keeps what was typed and says what is wrong when the form is wrong', async () => {
    await admin.get('/fr/processes/new');
    const res = await admin.post('/fr/processes/new', { slug: 'Pas Valide!', titleEn: '', titleFr: 'Titre gardé' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Il y a un problème');
    expect(res.body).toContain('value="Titre gardé"');
    expect(res.body).toContain('Utilisez de 1 à 60 lettres minuscules');
  });

  it('lets only conveners and oversight edit, and records who did', async () => {
    const { client: member } = await signedInClient(t);
    const refused = await member.json('PUT', '/api/v1/processes/iot-2018', { titleEn: 'Hijacked', titleFr: 'Détourné' });
    expect(refused.statusCode).toBe(403);
    const ok = await admin.json('PUT', '/api/v1/processes/iot-2018', { titleEn: 'Enhancing IoT Security (2018–19)', titleFr: 'Améliorer la sécurité de l’IdO (2018-2019)', phases });
    expect(ok.statusCode).toBe(200);
    const events = await t.db.selectFrom('audit_events').select(['action']).where('action', '=', 'process.update').execute();
    expect(events.length).toBeGreaterThan(0);
  });
});

describe('templates', () => {
  it('starts a new process from an existing one: phases moved, stakeholder groups and working groups with charters, no people', async () => {
    await admin.json('PUT', '/api/v1/processes/iot-2018/stakeholder-groups', {
      groups: [
        { key: 'government', nameEn: 'Government', nameFr: 'Gouvernement', targetShare: 0.2 },
        { key: 'industry', nameEn: 'Industry', nameFr: 'Industrie', targetShare: 0.3 },
      ].map((g, i) => ({ ...g, id: undefined, ...(i === 0 ? {} : {}) })),
    });
    await admin.json('POST', '/api/v1/processes/iot-2018/groups', { slug: 'labelling', nameEn: 'Device labelling', nameFr: 'Étiquetage', charterEn: '# Charter\n\nLabels.', charterFr: '# Mandat\n\nÉtiquettes.' });
    await admin.json('POST', '/api/v1/processes/iot-2018/groups/labelling/members/me');
    const copy = await admin.json('POST', '/api/v1/processes/iot-2018/copies', { slug: 'iot-au-2020', titleEn: 'IoT security, Australia', titleFr: 'Sécurité de l’IdO, Australie', startsOn: '2020-06-01' });
    expect(copy.statusCode, copy.body).toBe(201);
    const c = copy.json();
    expect(c.templateSourceId).toBeTruthy();
    expect(c.phases.map((p: { startsOn: string }) => p.startsOn)).toEqual(['2020-06-01', '2020-10-01', '2021-02-25']);
    const groups = (await t.app.inject('/api/v1/processes/iot-au-2020/groups')).json().items;
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ slug: 'labelling', memberCount: 0, chairs: [], status: 'forming', charter: { en: '# Charter\n\nLabels.' } });
    const members = (await t.app.inject('/api/v1/processes/iot-au-2020/members')).json().items;
    expect(members).toEqual([]);
  });

  it('reads a process with its phases and stakeholder groups in one statement, as the per-table reads give them', async () => {
    // A target share (numeric, read as text by node-postgres) beside groups without one.
    const [first] = await processesRepository.stakeholderGroups(t.db, (await processesRepository.bySlug(t.db, 'iot-2018'))!.id);
    await processesRepository.updateStakeholderGroup(t.db, first!.id, { target_share: 0.2 });
    const one = await processesRepository.detailBySlug(t.db, 'iot-2018');
    const { phases: readPhases, stakeholder_groups: groups, ...row } = one!;
    expect(row).toEqual(await processesRepository.bySlug(t.db, 'iot-2018'));
    expect(readPhases).toEqual(await processesRepository.phases(t.db, row.id));
    expect(groups).toEqual(await processesRepository.stakeholderGroups(t.db, row.id));
    expect(groups[0]!.target_share).toBe('0.2000');
    expect(groups.slice(1).map((g) => g.target_share)).toContain(null);
    expect(readPhases[0]!.starts_on).toBe('2018-06-01');
    expect(await processesRepository.detailBySlug(t.db, 'no-such-process')).toBeUndefined();
  });
});

describe('invitations', () => {
  it('invites by email; accepting grants the role and opens an invitation-only process', async () => {
    await createViaApi('closed-process', { registration: 'invitation' });
    const email = uniqueEmail('invitee');
    const inv = await admin.json('POST', '/api/v1/processes/closed-process/invitations', { email, role: 'oversight', lang: 'fr' });
    expect(inv.statusCode).toBe(202);
    const [mail] = await mailRepository.list(t.db, { to: email, limit: 1 });
    expect(mail!.subject).toContain('Vous êtes invité');
    expect(mail!.body_text).toContain('Comité de surveillance');
    const link = linksIn(mail!.body_text)[0]!;

    const c = new Client(t.app);
    await c.get('/fr/register');
    await c.post('/fr/register', { name: 'Invitée', email, password: GOOD_PASSWORD });
    await c.get('/fr/sign-in');
    await c.post('/fr/sign-in', { email, password: GOOD_PASSWORD });
    const groups = (await t.app.inject('/api/v1/processes/closed-process')).json().stakeholderGroups;
    const before = await c.json('POST', '/api/v1/processes/closed-process/members', { stakeholderGroupId: groups[1].id, preferredLang: 'fr', newOrganisation: { name: 'Coalition des consommateurs', sector: 'civil_society' } });
    expect([403, 401]).toContain(before.statusCode); // unconfirmed email, and not invited yet

    // Someone else who gets hold of the link cannot use it.
    const { client: other } = await signedInClient(t);
    await other.get(pathOf(link));
    expect((await other.post('/fr/invitations/accept', { token: new URL(link).searchParams.get('token')! })).statusCode).toBe(403);

    await c.get(pathOf(link));
    const accepted = await c.post('/fr/invitations/accept', { token: new URL(link).searchParams.get('token')! });
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe('/fr/processes/closed-process/join');
    const me = (await c.json('GET', '/api/v1/me')).json();
    expect(me.roles).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'oversight' })]));
  });
});
