import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, testApp, type TestApp } from '../helpers/app.js';
import type { Client } from '../helpers/client.js';

let t: TestApp;
let admin: Client;
let sg: { id: string; key: string }[];

beforeAll(async () => {
  t = await testApp();
  admin = (await signedInClient(t, { admin: true })).client;
  const created = await admin.json('POST', '/api/v1/processes', { slug: 'iot', titleEn: 'IoT', titleFr: 'IdO', phases: [] });
  sg = created.json().stakeholderGroups;
  await admin.json('PUT', '/api/v1/processes/iot/stakeholder-groups', {
    groups: sg.map((g, i) => ({ id: g.id, nameEn: g.key, nameFr: g.key, targetShare: i === 0 ? 0.25 : null })),
  });
  for (const slug of ['labelling', 'resilience']) {
    await admin.json('POST', '/api/v1/processes/iot/groups', { slug, nameEn: slug, nameFr: slug, charterEn: `# ${slug}`, charterFr: `# ${slug}` });
  }
});
afterAll(async () => t?.close());

async function member(name: string, stakeholder: string, org: string) {
  const m = await signedInClient(t);
  const res = await m.client.json('POST', '/api/v1/processes/iot/members', {
    stakeholderGroupId: sg.find((g) => g.key === stakeholder)!.id,
    preferredLang: 'en',
    newOrganisation: { name: org, sector: stakeholder, website: 'https://example.org', country: 'CA', province: 'ON' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return m;
}

describe('organisation websites', () => {
  it('refuses an address that is not http(s), through the API and the join form, in both languages', async () => {
    const { client } = await signedInClient(t);
    const api = await client.json('POST', '/api/v1/organisations', { name: 'Hostile Inc (fictional)', sector: 'technical', website: 'javascript:alert(1)' }, { 'accept-language': 'fr' });
    expect(api.statusCode).toBe(400);
    expect(api.json().errors).toEqual({ website: 'Entrez une adresse Web commençant par http:// ou https://.' });
    await client.get('/en/processes/iot/join');
    const form = await client.post('/en/processes/iot/join', {
      organisationId: '',
      'newOrganisation.name': 'Hostile Inc (fictional)',
      'newOrganisation.sector': 'technical',
      'newOrganisation.website': 'data:text/html,<script>alert(1)</script>',
      'newOrganisation.country': 'ca',
      'newOrganisation.province': 'ON',
      stakeholderGroupId: sg.find((g) => g.key === 'technical')!.id,
      preferredLang: 'en',
    });
    expect(form.statusCode).toBe(422);
    expect(form.body).toContain('Enter a web address starting with http:// or https://.');
    expect(await t.db.selectFrom('organisations').select('id').where('name', '=', 'Hostile Inc (fictional)').execute()).toEqual([]);
  });
});

describe('joining a process', () => {
  it('joins through the form without JavaScript, adding an organisation, and the balance changes', async () => {
    const before = (await t.app.inject('/api/v1/processes/iot/balance')).json();
    const { client } = await signedInClient(t);
    await client.get('/en/processes/iot/join');
    const res = await client.post('/en/processes/iot/join', {
      organisationId: '',
      'newOrganisation.name': 'Canadian Internet Registry (fictional)',
      'newOrganisation.sector': 'technical',
      'newOrganisation.website': 'https://cira.example',
      'newOrganisation.country': 'ca',
      'newOrganisation.province': 'ON',
      stakeholderGroupId: sg.find((g) => g.key === 'technical')!.id,
      preferredLang: 'fr',
    });
    expect(res.statusCode, res.body.slice(0, 400)).toBe(303);
    const after = (await t.app.inject('/api/v1/processes/iot/balance')).json();
    const count = (b: { groups: { key: string; count: number }[] }) => b.groups.find((g) => g.key === 'technical')!.count;
    expect(count(after)).toBe(count(before) + 1);
    expect(after.total).toBe(before.total + 1);
    const page = await client.get('/en/processes/iot');
    expect(page.body).toContain('You are a member');
    const orgs = (await t.app.inject('/api/v1/organisations')).json().items;
    expect(orgs).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Canadian Internet Registry (fictional)', country: 'CA', sector: 'technical' })]));
  });

  it('refuses to join twice, and needs a stakeholder group and an organisation', async () => {
    const m = await member('Twice', 'academia', 'University of Somewhere');
    const again = await m.client.json('POST', '/api/v1/processes/iot/members', { stakeholderGroupId: sg[3]!.id, preferredLang: 'en', newOrganisation: { name: 'X org', sector: 'academia' } });
    expect(again.statusCode).toBe(409);
    const { client } = await signedInClient(t, { lang: 'fr' });
    await client.get('/fr/processes/iot/join');
    const bad = await client.post('/fr/processes/iot/join', { organisationId: '', preferredLang: 'fr' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Choisissez votre organisation, ou ajoutez-la.');
    expect(bad.body).toContain('Choisissez le groupe d’intervenants que vous représentez.');
  });

  it('warns when a stakeholder group is missing or under its target', async () => {
    const page = await t.app.inject('/en/processes/iot');
    expect(page.body).toMatch(/No one represents these stakeholder groups yet: [^<]*government/);
    await admin.json('PUT', '/api/v1/processes/iot/stakeholder-groups', {
      groups: sg.map((g) => ({ id: g.id, nameEn: g.key, nameFr: g.key, targetShare: g.key === 'technical' ? 0.9 : null })),
    });
    const after = await t.app.inject('/en/processes/iot');
    expect(after.body).toContain('These stakeholder groups are below their target: technical.');
    const api = (await t.app.inject('/api/v1/processes/iot/balance')).json();
    expect(api.groups.find((g: { key: string }) => g.key === 'technical')).toMatchObject({ status: 'below', targetShare: 0.9 });
  });
});

describe('directory and exports', () => {
  it('filters participants by stakeholder group, working group and organisation', async () => {
    const a = await member('A', 'government', 'Innovation, Science (fictional)');
    await member('B', 'private_sector', 'Acme Devices Inc.');
    await a.client.json('POST', '/api/v1/processes/iot/groups/labelling/members/me');
    const gov = (await t.app.inject('/api/v1/processes/iot/members?stakeholderGroup=government')).json().items;
    expect(gov.every((m: { stakeholderGroup: { key: string } }) => m.stakeholderGroup.key === 'government')).toBe(true);
    expect(gov.length).toBeGreaterThan(0);
    const labelling = (await t.app.inject('/api/v1/processes/iot/members?group=labelling')).json().items;
    expect(labelling.map((m: { userId: string }) => m.userId)).toEqual([a.userId]);
    expect(labelling[0].workingGroups).toEqual(['labelling']);
    const page = await t.app.inject('/en/processes/iot/participants?group=labelling');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Innovation, Science (fictional)');
    expect(page.body).not.toContain('Acme Devices Inc.</td>');
  });

  it('pages the directory with a cursor', async () => {
    const first = (await t.app.inject('/api/v1/processes/iot/members?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await t.app.inject(`/api/v1/processes/iot/members?limit=2&after=${first.next}`)).json();
    expect(second.items[0].userId).not.toBe(first.items[1].userId);
    expect((await t.app.inject('/api/v1/processes/iot/members?after=garbage!')).statusCode).toBe(400);
  });

  it('exports Popolo JSON and CSV', async () => {
    await member('=HYPERLINK("http://evil")', 'other', '=cmd|calc');
    const popolo = (await t.app.inject('/api/v1/processes/iot/popolo.json')).json();
    expect(popolo.persons.length).toBeGreaterThan(2);
    const classes = new Set(popolo.organizations.map((o: { classification: string }) => o.classification));
    expect(classes).toEqual(expect.objectContaining({}));
    expect([...classes]).toEqual(expect.arrayContaining(['process', 'working group', 'government']));
    for (const m of popolo.memberships) {
      expect(popolo.persons.some((p: { id: string }) => p.id === m.person_id)).toBe(true);
      expect(popolo.organizations.some((o: { id: string }) => o.id === m.organization_id)).toBe(true);
    }
    const csv = await t.app.inject('/api/v1/processes/iot/participants.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('name,organisation,stakeholder_group,stakeholder_group_fr,working_groups,joined_on,staff_role');
    expect(csv.body).toContain("'=cmd|calc");
    expect(csv.body).not.toMatch(/(^|,)=cmd/m);
  });
});

describe('working groups', () => {
  it('self-selection: a member joins and leaves; a non-member of the process is told to join the process first', async () => {
    const m = await member('Self', 'civil_society', 'Consumers (fictional)');
    expect((await m.client.json('POST', '/api/v1/processes/iot/groups/resilience/members/me')).statusCode).toBe(200);
    expect((await t.app.inject('/api/v1/processes/iot/groups/resilience')).json().memberCount).toBe(1);
    expect((await m.client.json('DELETE', '/api/v1/processes/iot/groups/resilience/members/me')).statusCode).toBe(200);
    expect((await t.app.inject('/api/v1/processes/iot/groups/resilience')).json().memberCount).toBe(0);
    const outsider = await signedInClient(t);
    expect((await outsider.client.json('POST', '/api/v1/processes/iot/groups/resilience/members/me')).statusCode).toBe(403);
    const page = await outsider.client.get('/en/processes/iot/groups/resilience');
    expect(page.body).toContain('Join the process to take part in its working groups.');
  });

  it('a chair of one group manages that group only', async () => {
    const chair = await member('Chair', 'technical', 'Network Operators (fictional)');
    const other = await member('Other', 'technical', 'Network Operators (fictional)');
    const added = await admin.json('POST', '/api/v1/processes/iot/groups/labelling/members', { email: chair.email, chair: true });
    expect(added.statusCode, added.body).toBe(200);
    // A fresh session picks up the new role.
    const fresh = await signedInAs(chair.email);
    expect((await fresh.json('POST', '/api/v1/processes/iot/groups/labelling/announcements', { title: 'Next call', body: 'Thursday.', lang: 'en' })).statusCode).toBe(201);
    expect((await fresh.json('POST', '/api/v1/processes/iot/groups/resilience/announcements', { title: 'Not mine', body: 'x', lang: 'en' })).statusCode).toBe(403);
    expect((await fresh.json('POST', '/api/v1/processes/iot/groups/labelling/members', { email: other.email, chair: false })).statusCode).toBe(200);
    const g = (await t.app.inject('/api/v1/processes/iot/groups/labelling')).json();
    expect(g.chairs.map((c: { id: string }) => c.id)).toEqual([chair.userId]);
    const page = await t.app.inject('/fr/processes/iot/groups/labelling');
    expect(page.body).toContain('Next call');
    expect(page.body).toContain('Membres de ce groupe de travail par groupe d’intervenants');
  });

  it('refuses new members in a concluded group', async () => {
    await admin.json('PUT', '/api/v1/processes/iot/groups/resilience', { nameEn: 'Resilience', nameFr: 'Résilience', charterEn: '', charterFr: '', status: 'concluded' });
    const m = await member('Late', 'academia', 'Late University');
    const res = await m.client.json('POST', '/api/v1/processes/iot/groups/resilience/members/me');
    expect(res.statusCode).toBe(409);
  });
});

async function signedInAs(email: string): Promise<Client> {
  const { Client } = await import('../helpers/client.js');
  const c = new Client(t.app);
  const { GOOD_PASSWORD } = await import('../helpers/app.js');
  await c.json('POST', '/api/v1/auth/sign-in', { email, password: GOOD_PASSWORD });
  return c;
}
