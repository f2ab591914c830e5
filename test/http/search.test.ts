import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, signedInClient, testApp, uniqueEmail, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { createUser } from '../../src/modules/accounts/accounts.service.js';
import { indexForSearch, removeFromSearch } from '../../src/modules/search/search.index.js';
import { reindexSearch } from '../../src/modules/search/search.reindex.js';
import { newId } from '../../src/platform/lib/ids.js';
import { adminActor, makeComment, makeCommentPeriod, makeDocument, makeProcess } from '../helpers/factories.js';

/**
 * Full-text search on the engine under test (PGlite, or PostgreSQL with DATABASE_URL):
 * stemming and accents in both languages, web search syntax, filters, members-only records,
 * escaping of excerpts, and the index kept in step with meetings and participants.
 * Documents and comments are written straight to the index here (their modules call the
 * same indexForSearch), so these tests do not depend on those modules' forms.
 */
let t: TestApp;
let admin: Client;
let iot: { id: string; sg: { id: string; key: string }[] };
let other: { id: string };
const DAY = 86_400_000;

function meetingBody(over: Record<string, unknown> = {}) {
  const start = new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10);
  return {
    titleEn: 'Device labelling, session 3',
    titleFr: 'Étiquetage des appareils, séance 3',
    descriptionEn: 'Draft **label** criteria for consumer devices.',
    descriptionFr: 'Critères d’**étiquette** pour les appareils grand public.',
    format: 'in_person',
    venue: 'Ottawa Conference Centre',
    address: '',
    joinUrl: null,
    streamUrl: null,
    startsAt: `${start}T09:00`,
    endsAt: `${start}T12:00`,
    timeZone: 'America/Toronto',
    languages: 'both',
    visibility: 'public',
    capacity: null,
    ...over,
  };
}

type Hit = { kind: string; id: string; title: string; path: string; lang: string | null; status: string | null; membersOnly: boolean; copies: number; excerpt: { text: string; match: boolean }[]; process: { slug: string } };

async function api(q: string, extra: Record<string, string> = {}, client?: Client, lang = 'en'): Promise<Hit[]> {
  const url = `/api/v1/search?${new URLSearchParams({ q, ...extra })}`;
  const res = client ? await client.json('GET', url, undefined, { 'accept-language': lang }) : await t.app.inject({ url, headers: { 'accept-language': lang } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Hit[];
}
const titles = (hits: Hit[]) => hits.map((h) => h.title);

/** A document entry as the documents module writes it. */
async function doc(processId: string, lang: 'en' | 'fr', title: string, body: string, over: { subkind?: string; membersOnly?: boolean } = {}) {
  const id = newId();
  await indexForSearch(t.db, { kind: 'document', refId: id, processId, lang, subkind: over.subkind ?? 'report', title, body, path: `/processes/iot/documents/${id}`, membersOnly: over.membersOnly ?? false });
  return id;
}

/** A signed-in person with a chosen name, and a client holding their session. */
async function person(name: string): Promise<Client> {
  const email = uniqueEmail('searcher');
  await createUser(t.db, { email, name, password: GOOD_PASSWORD });
  const c = new Client(t.app);
  await c.get('/en/sign-in');
  expect((await c.post('/en/sign-in', { email, password: GOOD_PASSWORD })).statusCode).toBe(303);
  return c;
}

async function join(c: Client, org: string) {
  const res = await c.json('POST', '/api/v1/processes/iot/members', { stakeholderGroupId: iot.sg.find((g) => g.key === 'academia')!.id, preferredLang: 'en', newOrganisation: { name: org, sector: 'academia', country: 'CA' } });
  expect(res.statusCode, res.body).toBe(201);
}

beforeAll(async () => {
  t = await testApp();
  admin = (await signedInClient(t, { admin: true })).client;
  const a = await admin.json('POST', '/api/v1/processes', { slug: 'iot', titleEn: 'IoT security', titleFr: 'Sécurité de l’IdO', phases: [] });
  iot = { id: a.json().id, sg: a.json().stakeholderGroups };
  const b = await admin.json('POST', '/api/v1/processes', { slug: 'other', titleEn: 'Other process', titleFr: 'Autre processus', phases: [] });
  other = { id: b.json().id };

  await doc(iot.id, 'en', 'Security labels for connected devices', 'Manufacturers print labels on the box. A label names the support period.');
  await doc(iot.id, 'en', 'Update policy', 'Devices receive security updates for five years. The box carries no sticker.', { subkind: 'charter' });
  await doc(iot.id, 'fr', 'La sécurité de l’appareil', 'Chaque appareil connecté reçoit des mises à jour de sécurité pendant cinq ans.');
  await doc(other.id, 'en', 'Labels in another process', 'Other labels, elsewhere.');
});
afterAll(async () => t?.close());

describe('language rules', () => {
  it('stems English: "labelling" finds "labels"', async () => {
    expect(titles(await api('labelling'))).toContain('Security labels for connected devices');
  });

  it('stems French and ignores accents: "securite" finds « sécurité », "appareils" finds « appareil »', async () => {
    const byAccentless = await api('securite');
    expect(titles(byAccentless)).toContain('La sécurité de l’appareil');
    expect(titles(await api('appareils'))).toContain('La sécurité de l’appareil');
    expect(titles(await api('SÉCURITÉ appareil'))).toContain('La sécurité de l’appareil');
    // The excerpt keeps the accents of the text while marking the word found without them.
    const hit = byAccentless.find((h) => h.title === 'La sécurité de l’appareil')!;
    expect(hit.excerpt.filter((p) => p.match).map((p) => p.text)).toContain('sécurité');
  });

  it('understands web search syntax: "phrases", -exclusion and or', async () => {
    expect(titles(await api('"security updates"'))).toEqual(['Update policy']);
    expect(titles(await api('"updates security"'))).toEqual([]);
    // Typographic quotes work as well: « » as French readers type them.
    expect(titles(await api('«\u00a0security updates\u00a0»'))).toEqual(['Update policy']);
    expect(titles(await api('“updates security”'))).toEqual([]);
    const box = titles(await api('box'));
    expect(box).toEqual(expect.arrayContaining(['Security labels for connected devices', 'Update policy']));
    expect(titles(await api('box -sticker'))).toEqual(['Security labels for connected devices']);
    expect(titles(await api('sticker or manufacturers')).sort()).toEqual(['Security labels for connected devices', 'Update policy']);
  });

  it('answers odd queries with 200 and no error: open quotes, lone operators, stop words, emoji, SQL', async () => {
    for (const q of ['"unclosed', '-', 'or', '"" ""', 'the of and', 'le la', '😀', "'; drop table search_entries; --", '\\', '&|!():*<->', 'a'.repeat(200)]) {
      const res = await t.app.inject({ url: `/api/v1/search?${new URLSearchParams({ q })}` });
      expect(res.statusCode, `${q}: ${res.body}`).toBe(200);
      const page = await t.app.inject({ url: `/en/search?${new URLSearchParams({ q })}` });
      expect(page.statusCode, q).toBe(200);
    }
    expect(await api('the of and')).toEqual([]);
  });

  it('refuses an empty or over-long query with a message, not a 500', async () => {
    const empty = await t.app.inject({ url: '/api/v1/search?q=%20%20' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors.q).toBe('Enter the words to search for.');
    const long = await t.app.inject({ url: `/api/v1/search?q=${'a'.repeat(201)}`, headers: { 'accept-language': 'fr' } });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors.q).toBe('Recherchez au plus 200 caractères.');
    const page = await t.app.inject({ url: `/fr/search?q=${'a'.repeat(201)}` });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Recherchez au plus 200 caractères.');
    expect(page.body).toContain('class="error-summary"');
    const far = await t.app.inject({ url: '/api/v1/search?q=labels&page=51' });
    expect(far.statusCode).toBe(400);
    // The page without a query is the form alone.
    const form = await t.app.inject({ url: '/en/search' });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<label for="field-q">');
    expect(form.body).not.toContain('search-results-title');
  });
});

describe('filters', () => {
  it('by process, kind, document kind and language', async () => {
    expect(titles(await api('labels')).sort()).toEqual(['Labels in another process', 'Security labels for connected devices']);
    expect(titles(await api('labels', { process: 'other' }))).toEqual(['Labels in another process']);
    expect(titles(await api('security', { subkind: 'charter' }))).toEqual(['Update policy']);
    expect(titles(await api('security', { kind: 'meeting' }))).toEqual([]);
    expect(titles(await api('securite', { lang: 'fr' }))).toEqual(['La sécurité de l’appareil']);
    expect(titles(await api('security', { lang: 'en', process: 'iot' })).sort()).toEqual(['Security labels for connected devices', 'Update policy']);
    expect((await t.app.inject({ url: '/api/v1/search?q=x&kind=spaceship' })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/v1/search?q=x&process=no-such-process' })).statusCode).toBe(404);
  });

  it('pages through results twenty at a time', async () => {
    for (let i = 0; i < 23; i++) await doc(other.id, 'en', `Pagination probe ${i}`, 'zebracorn');
    const first = await t.app.inject({ url: '/api/v1/search?q=zebracorn' });
    expect(first.json().items).toHaveLength(20);
    expect(first.json().next).toBe(2);
    const second = await t.app.inject({ url: '/api/v1/search?q=zebracorn&page=2' });
    expect(second.json().items).toHaveLength(3);
    expect(second.json().next).toBeNull();
    const ids = new Set([...first.json().items, ...second.json().items].map((h: Hit) => h.id));
    expect(ids.size).toBe(23);
    const page = await t.app.inject({ url: '/en/search?q=zebracorn' });
    expect(page.body).toContain('Results 1 to 20');
    expect(page.body).toContain('href="/en/search?q=zebracorn&amp;page=2"');
  });
});

describe('meetings', () => {
  it('finds a meeting in either language, once, in the reader’s language, and after an edit not by its old title', async () => {
    const m = await admin.json('POST', '/api/v1/processes/iot/meetings', meetingBody());
    expect(m.statusCode, m.body).toBe(201);
    const id = m.json().id as string;

    // "Ottawa" is in both entries (the venue): the meeting appears once, in the reader's language.
    const en = (await api('Ottawa', { kind: 'meeting' })).filter((h) => h.id === id);
    expect(en).toHaveLength(1);
    expect(en[0]).toMatchObject({ title: 'Device labelling, session 3', lang: 'en', path: `/en/processes/iot/meetings/${id}` });
    const fr = (await api('Ottawa', { kind: 'meeting' }, undefined, 'fr')).filter((h) => h.id === id);
    expect(fr).toHaveLength(1);
    expect(fr[0]).toMatchObject({ title: 'Étiquetage des appareils, séance 3', lang: 'fr', path: `/fr/processes/iot/meetings/${id}` });
    // A French word finds it for an English reader too, through its French entry.
    expect((await api('etiquetage')).map((h) => h.id)).toContain(id);

    // The agenda is searchable once saved.
    await admin.json('PUT', `/api/v1/processes/iot/meetings/${id}/agenda`, { items: [{ title: 'Vulnerability disclosure timelines', presenter: 'Ama Mensah', durationMinutes: 30, documentUrl: null }] });
    expect((await api('disclosure')).map((h) => h.id)).toContain(id);
    expect((await api('mensah')).map((h) => h.id)).toContain(id);

    const upd = await admin.json('PUT', `/api/v1/processes/iot/meetings/${id}`, meetingBody({ titleEn: 'Firmware resilience workshop', titleFr: 'Atelier sur la résilience du micrologiciel', descriptionEn: '', descriptionFr: '' }));
    expect(upd.statusCode, upd.body).toBe(200);
    expect((await api('firmware')).map((h) => h.id)).toContain(id);
    expect((await api('résilience', {}, undefined, 'fr')).map((h) => h.id)).toContain(id);
    expect((await api('labelling', { kind: 'meeting' })).map((h) => h.id)).not.toContain(id);
    expect((await api('étiquetage', { kind: 'meeting' })).map((h) => h.id)).not.toContain(id);
    // The agenda stayed with it.
    expect((await api('disclosure')).map((h) => h.id)).toContain(id);

    // Cancelled: still found, marked.
    expect((await admin.json('POST', `/api/v1/processes/iot/meetings/${id}/cancel`)).statusCode).toBe(200);
    const cancelled = (await api('firmware')).find((h) => h.id === id)!;
    expect(cancelled.status).toBe('cancelled');
    const page = await t.app.inject({ url: '/fr/search?q=micrologiciel' });
    expect(page.body).toContain('annulée');
  });

  it('shows members-only meetings to the process’s members and admins, never to outsiders', async () => {
    const m = await admin.json('POST', '/api/v1/processes/iot/meetings', meetingBody({ titleEn: 'Closed quokka briefing', titleFr: 'Séance quokka à huis clos', visibility: 'members' }));
    expect(m.statusCode).toBe(201);
    const id = m.json().id as string;
    expect(await api('quokka')).toEqual([]);
    const outsider = await person('Olive Outsider');
    expect(await api('quokka', {}, outsider)).toEqual([]);
    expect((await outsider.get('/en/search?q=quokka')).body).not.toContain('quokka briefing');
    const member = await person('Mona Member');
    await join(member, 'Quokka University');
    const seen = await api('quokka', { kind: 'meeting' }, member);
    expect(seen.map((h) => h.id)).toEqual([id]);
    expect(seen[0]!.membersOnly).toBe(true);
    const page = await member.get('/en/search?q=quokka');
    expect(page.body).toContain('Closed <mark>quokka</mark> briefing');
    expect(page.body).toContain('members only');
    expect((await api('quokka', { kind: 'meeting' }, admin)).map((h) => h.id)).toEqual([id]);
    // Members of another process are outsiders here.
    const elsewhere = (await signedInClient(t, { processRoles: [{ role: 'member', processId: other.id }] })).client;
    expect(await api('quokka', { kind: 'meeting' }, elsewhere)).toEqual([]);
  });
});

describe('participants', () => {
  it('are found by name (accents ignored), organisation or stakeholder group once they join, and gone when they leave', async () => {
    const c = await person('Hélène Tremblay-Okafor');
    await join(c, 'Wombat Labs');
    const hits = await api('helene tremblay', { kind: 'participant' });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ title: 'Hélène Tremblay-Okafor', lang: null, process: { slug: 'iot' } });
    expect(hits[0]!.path).toMatch(/^\/en\/processes\/iot\/participants\?organisation=/);
    expect((await api('wombat', { kind: 'participant' })).map((h) => h.title)).toEqual(['Hélène Tremblay-Okafor']);
    expect((await api('Okafor universitaire', { kind: 'participant' }, undefined, 'fr')).map((h) => h.title)).toEqual(['Hélène Tremblay-Okafor']);
    // A language filter leaves names out: they are in no language.
    expect(await api('helene', { lang: 'fr' })).toEqual([]);

    await c.get('/en/processes/iot');
    const left = await c.post('/en/processes/iot/leave');
    expect(left.statusCode).toBe(303);
    expect(await api('helene tremblay', { kind: 'participant' })).toEqual([]);
  });
});

describe('comment campaigns', () => {
  it('shows a campaign once, with how many copies matched, and a different comment on its own', async () => {
    const admin = await adminActor(t.db);
    const { process } = await makeProcess(t.db, admin, 'campaign', { titleEn: 'Campaigns', titleFr: 'Campagnes' });
    await makeDocument(t.db, admin, process.id, { slug: 'draft', title: 'Draft', markdown: 'Devices get updates.' });
    const period = await makeCommentPeriod(t.db, admin, process.id, { document: 'draft', version: 1 });
    // Exact duplicates as the comments module groups them: case and punctuation do not count.
    for (const text of ['Ban default bootloader passwords now!', 'ban default bootloader passwords now', 'Ban default bootloader passwords, now.']) await makeComment(t.db, period.id, { text });
    await makeComment(t.db, period.id, { text: 'Bootloader should be signed.' });
    const hits = await api('bootloader', { process: 'campaign' });
    expect(hits.map((h) => h.copies).sort()).toEqual([1, 3]);
    const page = await t.app.inject({ url: '/en/search?q=bootloader&process=campaign' });
    expect(page.body.match(/class="search-result"/g)).toHaveLength(2);
    expect(page.body).toContain('Sent 3 times: one text, from a campaign');
    const fr = await t.app.inject({ url: '/fr/search?q=bootloader&process=campaign' });
    expect(fr.body).toContain('Envoyé 3 fois');
  });
});

describe('the page', () => {
  it('escapes indexed text: markup in a title or body shows as text, only the highlights are <mark>', async () => {
    await doc(iot.id, 'en', '<img src=x onerror=alert(1)> Narwhal safety', 'Before <script>alert("narwhal")</script> the narwhal & <b>bold</b> claims 5 < 6 > 4.');
    const res = await t.app.inject({ url: '/en/search?q=narwhal' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<img src=x');
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).not.toContain('<b>bold');
    expect(res.body).toContain('&lt;img src=x onerror=alert(1)> <mark>Narwhal</mark> safety');
    expect(res.body).toMatch(/<mark>narwhal<\/mark>/);
    const json = await api('narwhal');
    expect(json[0]!.title).toBe('<img src=x onerror=alert(1)> Narwhal safety');
  });

  it('cannot be tricked into a highlight by the marker characters themselves', async () => {
    await doc(iot.id, 'en', 'Ocelot \u0002fake\u0003 report', 'The ocelot \u0002pretends\u0003 here.');
    const [hit] = await api('ocelot');
    expect(hit!.title).toBe('Ocelot fake report');
    expect(hit!.excerpt.filter((p) => p.match).map((p) => p.text)).toEqual(['ocelot']);
  });

  it('lists results with title links in the reader’s language, kind and process, in both languages', async () => {
    const en = await t.app.inject({ url: '/en/search?q=labels&process=iot' });
    expect(en.body).toMatch(/<a href="\/en\/processes\/iot\/documents\/[0-9a-f-]+">Security <mark>labels<\/mark> for connected devices<\/a>/);
    expect(en.body).toContain('<span class="badge">Document</span>');
    expect(en.body).toContain('IoT security');
    const fr = await t.app.inject({ url: '/fr/search?q=appareil' });
    expect(fr.body).toContain('href="/fr/processes/iot/documents/');
    expect(fr.body).toContain('Sécurité de l’IdO');
    expect(fr.body).toContain('Résultats 1 à');
    const none = await t.app.inject({ url: '/fr/search?q=introuvablissime' });
    expect(none.body).toContain('Rien trouvé pour «\u00a0introuvablissime\u00a0»');
  });

  it('has a labelled search box in the header of every page, in both languages', async () => {
    const en = await t.app.inject({ url: '/en/' });
    expect(en.body).toMatch(/<form role="search" method="get" action="\/en\/search"/);
    expect(en.body).toContain('<label for="site-search-q" class="visually-hidden">Search the site</label>');
    const fr = await t.app.inject({ url: '/fr/processes' });
    expect(fr.body).toContain('action="/fr/search"');
    expect(fr.body).toContain('Rechercher dans le site');
  });
});

describe('reindex', () => {
  it('rebuilds meetings and participants from the records, dropping stale entries and leaving other kinds alone', async () => {
    const c = await person('Zanele Reindexed');
    await join(c, 'Backfill Co');
    await t.db.deleteFrom('search_entries').where('kind', 'in', ['meeting', 'participant']).execute();
    const stale = newId();
    await indexForSearch(t.db, { kind: 'participant', refId: stale, processId: iot.id, lang: null, title: 'Ghost Person', body: '', path: '/processes/iot/participants' });
    expect(await api('zanele')).toEqual([]);
    expect(await api('firmware')).toEqual([]);

    const report = await reindexSearch(t.db, { processSlug: 'iot' });
    expect(report.processes).toHaveLength(1);
    expect(report.processes[0]!.counts.meeting).toBeGreaterThanOrEqual(2);
    expect(report.processes[0]!.counts.participant).toBeGreaterThanOrEqual(2);
    expect(titles(await api('zanele'))).toEqual(['Zanele Reindexed']);
    expect((await api('firmware')).map((h) => h.status)).toEqual(['cancelled']);
    expect(await api('ghost')).toEqual([]);
    // Documents have no reindexer yet: theirs were kept.
    expect(titles(await api('labelling'))).toContain('Security labels for connected devices');
    // Members-only meetings come back members-only.
    expect(await api('quokka', { kind: 'meeting' })).toEqual([]);
  });

  it('removes every language of a record', async () => {
    const id = newId();
    await indexForSearch(t.db, { kind: 'document', refId: id, processId: iot.id, lang: 'en', title: 'Platypus notes', body: '', path: '/x' });
    // A document whose language changes keeps one entry.
    await indexForSearch(t.db, { kind: 'document', refId: id, processId: iot.id, lang: 'fr', title: 'Notes sur l’ornithorynque platypus', body: '', path: '/x' });
    expect(await t.db.selectFrom('search_entries').select('lang').where('ref_id', '=', id).execute()).toEqual([{ lang: 'fr' }]);
    await removeFromSearch(t.db, 'document', id);
    expect(await api('platypus')).toEqual([]);
  });
});
