import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, testApp, uniqueEmail, type TestApp } from '../helpers/app.js';
import type { Client } from '../helpers/client.js';
import type { Actor } from '../../src/platform/auth/roles.js';
import { newId } from '../../src/platform/lib/ids.js';
import { createUser } from '../../src/modules/accounts/accounts.service.js';
import { createProcess, getProcess } from '../../src/modules/processes/processes.service.js';
import { createGroup } from '../../src/modules/groups/groups.service.js';
import { createDocument } from '../../src/modules/documents/documents.service.js';
import { createOrganisation } from '../../src/modules/participants/participants.service.js';
import { openCall } from '../../src/modules/consensus/consensus.service.js';
import { recordOutcome } from '../../src/modules/consensus/outcomes.service.js';
import { getRecommendation, listRecommendations } from '../../src/modules/recommendations/recommendations.service.js';

/**
 * Recommendations: creating and editing them through the API and the forms, who may, a
 * taken number refused with a message, addressees checked against the process, and the
 * public list and permanent page in English and French.
 */
let t: TestApp;
let admin: Actor;
const SLUG = 'rec-process';
const f = { processId: '', groupId: '', sg: [] as string[], orgId: '', sectionAnchor: '' };
let oversight: Client;
let member: Client;
const api = (path = '') => `/api/v1/processes/${SLUG}/recommendations${path}`;
const page = (lang: 'en' | 'fr', path = '') => `/${lang}/processes/${SLUG}/recommendations${path}`;

const MARKDOWN = '# Outcomes report\n\n## 4. Labels\n\n### 4.2 Bilingual labels\n\nLabels should be bilingual.\n';

/** A complete body for a new recommendation; `over` replaces fields. */
const body = (over: Record<string, unknown> = {}) => ({
  number: '4.2',
  titleEn: 'Label every device',
  titleFr: 'Étiqueter chaque appareil',
  textEn: 'Manufacturers **should** label every device.\n\n- in print\n- online',
  textFr: 'Les fabricants **devraient** étiqueter chaque appareil, « à la française ».',
  priority: 'high',
  group: 'labelling',
  document: 'outcomes',
  anchor: '4.2',
  stakeholderGroupIds: [f.sg[0]],
  organisationIds: [f.orgId],
  ...over,
});

beforeAll(async () => {
  t = await testApp();
  const user = await createUser(t.db, { email: uniqueEmail('admin'), name: 'Admin', password: 'recommend every action', admin: true, skipStrengthCheck: true });
  admin = {
    userId: user.id,
    name: 'Admin',
    email: user.email,
    lang: 'en',
    emailConfirmed: true,
    isAdmin: true,
    processRoles: new Map(),
    groupRoles: new Map(),
    organisationRoles: new Map(),
    installationRoles: new Set(),
  };
  const process = await createProcess(t.db, admin, {
    slug: SLUG,
    titleEn: 'Recommendations',
    titleFr: 'Recommandations',
    summaryEn: '',
    summaryFr: '',
    descriptionEn: '',
    descriptionFr: '',
    registration: 'open',
    timezone: 'America/Toronto',
    phases: [],
  });
  f.processId = process.id;
  f.sg = (await getProcess(t.db, SLUG)).stakeholderGroups.map((s) => s.id);
  f.groupId = (
    await createGroup(t.db, admin, process.id, { slug: 'labelling', nameEn: 'Labelling', nameFr: 'Étiquetage', charterEn: '', charterFr: '', status: 'active' })
  ).id;
  await createDocument(t.db, admin, process.id, {
    groupId: null,
    slug: 'outcomes',
    kind: 'report',
    lang: 'en',
    title: 'Outcomes report',
    membersOnly: false,
    markdown: MARKDOWN,
    message: 'Draft',
  });
  f.orgId = (await createOrganisation(t.db, admin, { name: 'Canadian Device Makers', sector: 'private_sector', country: 'CA' })).id;
  oversight = (await signedInClient(t, { processRoles: [{ role: 'oversight', processId: process.id }] })).client;
  member = (await signedInClient(t, { processRoles: [{ role: 'member', processId: process.id }] })).client;
});
afterAll(async () => t?.close());

describe('the JSON API', () => {
  it('creates a recommendation with its origin and addressees, and reads it back', async () => {
    const res = await oversight.json('POST', api(), body());
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({ number: '4.2', priority: 'high', titleFr: 'Étiqueter chaque appareil', group: { slug: 'labelling', nameFr: 'Étiquetage' } });
    expect(r.section).toMatchObject({ documentSlug: 'outcomes' });
    f.sectionAnchor = r.section.anchor;
    expect(r.section.anchor).toMatch(/\S/);
    expect(r.section.url).toBe(`${t.config.baseUrl}/en/processes/${SLUG}/documents/outcomes/anchors/${r.section.anchor}`);
    expect(r.addressees.map((a: { kind: string; id: string }) => [a.kind, a.id])).toEqual([
      ['stakeholder_group', f.sg[0]],
      ['organisation', f.orgId],
    ]);
    expect(r.url).toBe(`${t.config.baseUrl}/en/processes/${SLUG}/recommendations/4.2`);
    expect(r.urlFr).toBe(`${t.config.baseUrl}/fr/processes/${SLUG}/recommendations/4.2`);

    const one = await t.app.inject({ url: api('/4.2') });
    expect(one.statusCode).toBe(200);
    expect(one.json().id).toBe(r.id);
    const list = await t.app.inject({ url: api() });
    expect(list.json().items.map((i: { number: string }) => i.number)).toContain('4.2');
    expect((await t.app.inject({ url: api('/9.9') })).statusCode).toBe(404);
  });

  it('refuses a number already taken with 409 and a message in the caller’s language', async () => {
    const en = await oversight.json('POST', api(), body({ titleEn: 'Again' }));
    expect(en.statusCode).toBe(409);
    expect(en.json().detail).toContain('already has this number');
    const fr = await oversight.json('POST', api(), body(), { 'accept-language': 'fr' });
    expect(fr.statusCode).toBe(409);
    expect(fr.json().detail).toContain('porte déjà ce numéro');
    expect((await listRecommendations(t.db, f.processId)).filter((d) => d.row.number === '4.2')).toHaveLength(1);
  });

  it('refuses bad numbers, unknown addressees, sections and consensus calls with 422 and writes nothing', async () => {
    // A malformed body is a 400 (schema), a well-formed one the process cannot take a 422.
    const cases: [Record<string, unknown>, string, number][] = [
      [{ number: 'new' }, 'number', 422],
      [{ number: '4 2' }, 'number', 400],
      [{ number: '5.1', priority: 'urgent' }, 'priority', 400],
      [{ number: '5.1', stakeholderGroupIds: [newId()] }, 'stakeholderGroupIds', 422],
      [{ number: '5.1', organisationIds: [newId()] }, 'organisationIds', 422],
      [{ number: '5.1', anchor: '9.9' }, 'anchor', 422],
      [{ number: '5.1', group: 'nope' }, 'group', 422],
      [{ number: '5.1', consensusCallId: newId() }, 'consensusCallId', 422],
    ];
    for (const [over, field, status] of cases) {
      const res = await oversight.json('POST', api(), body(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(status);
      expect(JSON.stringify(res.json()), JSON.stringify(over)).toContain(field);
    }
    expect((await listRecommendations(t.db, f.processId)).map((d) => d.row.number)).toEqual(['4.2']);
  });

  it('lets only the oversight committee and conveners create and edit', async () => {
    expect((await member.json('POST', api(), body({ number: '6.1' }))).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: api(), payload: body({ number: '6.1' }) })).statusCode).toBe(401);
    expect((await member.json('PUT', api('/4.2'), body())).statusCode).toBe(403);
  });

  it('edits the texts and replaces the addressees, keeping the number', async () => {
    const { number: _n, ...fields } = body();
    const res = await oversight.json('PUT', api('/4.2'), {
      ...fields,
      titleEn: 'Label every connected device',
      priority: 'medium',
      stakeholderGroupIds: [f.sg[1], f.sg[2]],
      organisationIds: [],
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = await getRecommendation(t.db, f.processId, '4.2');
    expect(d.row.title_en).toBe('Label every connected device');
    expect(d.row.priority).toBe('medium');
    expect(d.addressees.map((a) => a.id).sort()).toEqual([f.sg[1], f.sg[2]].sort());
    expect((await oversight.json('PUT', api('/7.7'), fields)).statusCode).toBe(404);
  });
});

describe('the pages', () => {
  it('creates a recommendation through the form, and refuses a taken number with the message beside the field', async () => {
    await oversight.get(page('en', '/new'));
    const form = {
      number: '2.1',
      titleEn: 'Patch for five years',
      titleFr: 'Corriger pendant cinq ans',
      textEn: 'Ship updates.',
      textFr: 'Livrer des mises à jour.',
      priority: 'low',
      group: '',
      document: '',
      anchor: '',
      consensusCallId: '',
    };
    const res = await oversight.post(page('en'), { ...form, stakeholderGroupIds: f.sg[3]! });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    expect(res.headers.location).toBe(page('en', '/2.1'));
    const d = await getRecommendation(t.db, f.processId, '2.1');
    expect(d.addressees.map((a) => a.id)).toEqual([f.sg[3]]);

    await oversight.get(page('fr', '/new'));
    const again = await oversight.post(page('fr'), { ...form, titleEn: 'Other' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('porte déjà ce numéro');
    expect(again.body).toContain('href="#field-number"');
  });

  it('edits through the form, and refuses the form to a member', async () => {
    const edit = await oversight.get(page('en', '/2.1/edit'));
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('Patch for five years');
    const res = await oversight.post(page('en', '/2.1'), {
      titleEn: 'Patch for ten years',
      titleFr: 'Corriger pendant dix ans',
      textEn: 'Ship updates.',
      textFr: 'Livrer des mises à jour.',
      priority: 'high',
      organisationIds: f.orgId,
    });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    const d = await getRecommendation(t.db, f.processId, '2.1');
    expect(d.row.title_en).toBe('Patch for ten years');
    expect(d.addressees.map((a) => a.kind)).toEqual(['organisation']);
    expect((await member.get(page('en', '/2.1/edit'))).statusCode).toBe(403);
  });

  it('shows the list and the permanent page in English and French to anyone', async () => {
    const list = await t.app.inject({ url: page('en') });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Label every connected device');
    expect(list.body).not.toContain('New recommendation');

    const en = await t.app.inject({ url: page('en', '/4.2') });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('Recommendation 4.2');
    expect(en.body).toContain('<strong>should</strong>');
    expect(en.body).toContain(`/en/processes/${SLUG}/documents/outcomes/anchors/${f.sectionAnchor}`);
    expect(en.body).toContain(`${t.config.baseUrl}/en/processes/${SLUG}/recommendations/4.2`);

    const fr = await t.app.inject({ url: page('fr', '/4.2') });
    expect(fr.statusCode).toBe(200);
    expect(fr.body).toContain('Recommandation 4.2');
    expect(fr.body).toContain('Étiqueter chaque appareil');
    expect(fr.body).toContain('« à la française »');
    expect(fr.body).toContain('Étiquetage');
    expect((await t.app.inject({ url: page('fr', '/8.8') })).statusCode).toBe(404);

    const process = await t.app.inject({ url: `/en/processes/${SLUG}` });
    expect(process.body).toContain(`href="/en/processes/${SLUG}/recommendations"`);
  });
});

describe('the consensus behind a recommendation', () => {
  it('links the call and shows its declared outcome on the page and in the API', async () => {
    const call = await openCall(t.db, admin, f.processId, {
      target: 'document',
      document: 'outcomes',
      anchor: null,
      questionEn: 'Can you live with this report?',
      questionFr: 'Pouvez-vous vivre avec ce rapport?',
      options: [{ labelEn: 'As written', labelFr: 'Tel quel' }],
      deadline: new Date(Date.now() + 86_400_000).toISOString(),
      timeZone: 'America/Toronto',
      appealDays: 14,
    });
    const { number: _n, ...fields } = body();
    const res = await oversight.json('PUT', api('/4.2'), { ...fields, consensusCallId: call.call.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().consensusCall).toMatchObject({ id: call.call.id });
    const before = await t.app.inject({ url: page('en', '/4.2') });
    expect(before.body).toContain('No outcome declared yet.');
    expect(before.body).toContain(`/en/processes/${SLUG}/consensus/${call.call.id}`);

    await recordOutcome(t.db, admin, call.call.id, { outcome: 'rough_consensus', rationale: 'Rough consensus reached.', lang: 'en', answers: [] });
    const after = await t.app.inject({ url: page('en', '/4.2') });
    expect(after.body).toContain('Rough consensus, declared on');
    expect((await t.app.inject({ url: api('/4.2') })).json().consensusCall.outcome).toBe('rough_consensus');
  });
});
