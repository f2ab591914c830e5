import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, testApp, type TestApp } from '../helpers/app.js';

/**
 * Pages whose labels once showed English, or the wrong words, to French readers: the
 * participants directory (its columns read the join form's "Your organisation") and the API
 * reference (its sections were the code's English tags, and parameter places "path", "query"),
 * and a meeting's agenda, whose presenters named by role ("Chairs", "Conveners") stayed English.
 */
let t: TestApp;
let admin: Awaited<ReturnType<typeof signedInClient>>['client'];

beforeAll(async () => {
  t = await testApp();
  admin = (await signedInClient(t, { admin: true })).client;
  const created = await admin.json('POST', '/api/v1/processes', { slug: 'iot', titleEn: 'IoT', titleFr: 'IdO', phases: [] });
  const sg = created.json().stakeholderGroups as { id: string }[];
  const m = await signedInClient(t);
  const joined = await m.client.json('POST', '/api/v1/processes/iot/members', {
    stakeholderGroupId: sg[0]!.id,
    preferredLang: 'fr',
    newOrganisation: { name: 'Exemple inc. (fictive)', sector: 'technical', country: 'CA', province: 'QC' },
  });
  expect(joined.statusCode, joined.body).toBe(201);
});
afterAll(async () => t?.close());

const headers = (html: string) => [...html.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
const sections = (html: string) => [...html.matchAll(/<h2 id="tag-[^"]*">([^<]*)<\/h2>/g)].map((m) => m[1]);

describe('French labels', () => {
  it('the participants directory names its columns and filters in French, not with the join form’s words', async () => {
    const fr = await t.app.inject({ url: '/fr/processes/iot/participants' });
    expect(fr.statusCode).toBe(200);
    expect(headers(fr.body)).toEqual(['Nom', 'Organisation', 'Groupe d’intervenants', 'Groupes de travail', 'Membre depuis le']);
    expect(fr.body).not.toContain('Votre organisation');
    expect(fr.body).not.toContain('que vous représentez');
    const en = await t.app.inject({ url: '/en/processes/iot/participants' });
    expect(headers(en.body)).toEqual(['Name', 'Organisation', 'Stakeholder group', 'Working groups', 'Member since']);
    expect(en.body).not.toContain('Your organisation');
  });

  it('the API reference names its sections and parameter places in French', async () => {
    const fr = await t.app.inject({ url: '/fr/api' });
    expect(fr.statusCode).toBe(200);
    const h2 = sections(fr.body);
    expect(h2).toContain('Groupes de travail');
    expect(h2).toContain('Appels de contributions');
    expect(h2).toContain('Réunions');
    for (const english of ['working groups', 'calls for input', 'meetings', 'following']) expect(h2).not.toContain(english);
    expect(fr.body).toContain('<td>chemin</td>');
    expect(fr.body).not.toMatch(/<td>(path|query|header)<\/td>/);
    // Anchors without spaces, so the section links work.
    expect(fr.body).toContain('href="#tag-working-groups"');
    const en = await t.app.inject({ url: '/en/api' });
    expect(sections(en.body)).toContain('Working groups');
  });

  it('a meeting’s agenda names presenters by role in the reader’s language, and a person’s name as written', async () => {
    const created = await admin.json('POST', '/api/v1/processes/iot/meetings', {
      titleEn: 'Plenary',
      titleFr: 'Plénière',
      format: 'virtual',
      startsAt: '2027-04-18T09:00',
      endsAt: '2027-04-18T11:00',
      timeZone: 'America/Toronto',
      capacity: '',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const presenters = ['Chairs', 'conveners', 'Oversight committee', 'Drafting team', 'Convener', 'Ada Lovelace'];
    const saved = await admin.json('PUT', `/api/v1/processes/iot/meetings/${id}/agenda`, {
      items: presenters.map((presenter, i) => ({ title: `Item ${i + 1}`, presenter, durationMinutes: 10, documentUrl: null })),
    });
    expect(saved.statusCode, saved.body).toBeLessThan(300);
    const cells = (html: string) => [...html.matchAll(/<tr><td>\d+<\/td><td[^>]*>Item \d+<\/td><td>([^<]*)<\/td>/g)].map((m) => m[1]);
    const fr = await t.app.inject({ url: `/fr/processes/iot/meetings/${id}` });
    expect(fr.statusCode).toBe(200);
    expect(cells(fr.body)).toEqual(['Présidence', 'Organisateurs', 'Comité de surveillance', 'Équipe de rédaction', 'Organisateur', 'Ada Lovelace']);
    const en = await t.app.inject({ url: `/en/processes/iot/meetings/${id}` });
    expect(cells(en.body)).toEqual(['Chairs', 'Conveners', 'Oversight committee', 'Drafting team', 'Convener', 'Ada Lovelace']);
  });
});
