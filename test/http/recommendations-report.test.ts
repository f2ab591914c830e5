import { pdfInfo, pdfText, pdfXml } from '../helpers/tools.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, testApp, uniqueEmail, type TestApp } from '../helpers/app.js';
import type { Client } from '../helpers/client.js';
import type { Actor } from '../../src/platform/auth/roles.js';
import { createUser } from '../../src/modules/accounts/accounts.service.js';
import { createProcess, getProcess } from '../../src/modules/processes/processes.service.js';
import { createDocument } from '../../src/modules/documents/documents.service.js';
import { createRecommendation } from '../../src/modules/recommendations/recommendations.service.js';

/**
 * The final report: publishing a document as it (API and form, who may), and the report as
 * a page, a printable page and a PDF in English and French, assembled from the document's
 * current version (its translation for French readers) and the recommendations.
 */
let t: TestApp;
let admin: Actor;
const SLUG = 'report-process';
let oversight: Client;
let member: Client;
const page = (lang: 'en' | 'fr', suffix = '') => `/${lang}/processes/${SLUG}/final-report${suffix}`;
const API = `/api/v1/processes/${SLUG}/final-report`;

const EN =
  '# Final outcomes report\n\n## 1. Scope\n\nConnected devices sold in Canada.\n\n## 2. Who took part\n\n' +
  '| Stakeholder group | Members |\n|---|---:|\n| Academia | 2 |\n| Industry associations | 14 |\n\n' +
  'Labels **must** be *bilingual*.\n\n- printed on the **box**\n- online\n';
const FR = '# Rapport final sur les résultats\n\n## 1. Portée\n\nLes appareils connectés vendus au Canada, « é » et « à » compris.\n';

beforeAll(async () => {
  t = await testApp();
  const user = await createUser(t.db, {
    email: uniqueEmail('admin'),
    name: 'Admin',
    password: 'publish the final report',
    admin: true,
    skipStrengthCheck: true,
  });
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
    titleEn: 'IoT security',
    titleFr: 'Sécurité de l’IdO',
    summaryEn: '',
    summaryFr: '',
    descriptionEn: '',
    descriptionFr: '',
    registration: 'open',
    timezone: 'America/Toronto',
    phases: [],
  });
  const en = await createDocument(t.db, admin, process.id, {
    groupId: null,
    slug: 'final',
    kind: 'report',
    lang: 'en',
    title: 'Final outcomes report',
    membersOnly: false,
    markdown: EN,
    message: 'Final',
  });
  await createDocument(t.db, admin, process.id, {
    groupId: null,
    slug: 'final-fr',
    kind: 'report',
    lang: 'fr',
    title: 'Rapport final',
    membersOnly: false,
    translationOf: en.id,
    markdown: FR,
    message: 'Finale',
  });
  await createDocument(t.db, admin, process.id, {
    groupId: null,
    slug: 'private',
    kind: 'other',
    lang: 'en',
    title: 'Private notes',
    membersOnly: true,
    markdown: 'Notes.',
    message: 'x',
  });
  const sg = (await getProcess(t.db, SLUG)).stakeholderGroups[0]!;
  await createRecommendation(t.db, admin, process.id, {
    number: '4.2',
    titleEn: 'Bilingual labels',
    titleFr: 'Étiquettes bilingues',
    textEn: 'Labels should be bilingual.',
    textFr: 'Les étiquettes devraient être bilingues, « à » et « é » compris.',
    priority: 'high',
    stakeholderGroupIds: [sg.id],
    organisationIds: [],
  });
  oversight = (await signedInClient(t, { processRoles: [{ role: 'oversight', processId: process.id }] })).client;
  member = (await signedInClient(t, { processRoles: [{ role: 'member', processId: process.id }] })).client;
});
afterAll(async () => t?.close());

describe('publishing', () => {
  it('answers 404 before anything is published', async () => {
    expect((await t.app.inject({ url: page('en') })).statusCode).toBe(404);
    expect((await t.app.inject({ url: page('en', '.pdf') })).statusCode).toBe(404);
    expect((await t.app.inject({ url: API })).statusCode).toBe(404);
  });

  it('refuses members and members-only documents', async () => {
    expect((await member.json('PUT', API, { document: 'final' })).statusCode).toBe(403);
    const res = await oversight.json('PUT', API, { document: 'private' });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toContain('public document');
    expect((await oversight.json('PUT', API, { document: 'nope' })).statusCode).toBe(422);
  });

  it('publishes through the form, and the API shows the report in the reader’s language', async () => {
    const form = await oversight.get(page('en', '/publish'));
    expect(form.statusCode).toBe(200);
    expect(form.body).not.toContain('Private notes');
    const res = await oversight.post(page('en', '/publish'), { document: 'final' });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    expect(res.headers.location).toBe(page('en'));
    expect((await member.get(page('en', '/publish'))).statusCode).toBe(403);

    const fr = await t.app.inject({ url: API, headers: { 'accept-language': 'fr' } });
    expect(fr.statusCode).toBe(200);
    expect(fr.json()).toMatchObject({
      document: { slug: 'final-fr', lang: 'fr', versionNumber: 1 },
      pdfUrl: `${t.config.baseUrl}/fr/processes/${SLUG}/final-report.pdf`,
    });
    expect(fr.json().recommendations.map((r: { number: string }) => r.number)).toEqual(['4.2']);
  });
});

describe('reading the report', () => {
  it('shows the page with the document and the recommendations, in English and French', async () => {
    const en = await t.app.inject({ url: page('en') });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('Connected devices sold in Canada.');
    expect(en.body).toContain('Bilingual labels');
    expect(en.body).toContain(`href="/en/processes/${SLUG}/final-report.pdf"`);
    const fr = await t.app.inject({ url: page('fr') });
    expect(fr.body).toContain('« é » et « à » compris');
    expect(fr.body).toContain('Étiquettes bilingues');
    expect(fr.body).toContain(`${t.config.baseUrl}/fr/processes/${SLUG}/recommendations/4.2`);
  });

  it('has a printable page without the site navigation', async () => {
    const res = await t.app.inject({ url: page('fr', '/print') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('class="print-page"');
    expect(res.body).not.toContain('class="site-header"');
    expect(res.body).toContain('Rapport final sur les résultats');
    expect(res.body).toContain('Étiquettes bilingues');
  });

  it('makes a PDF with an embedded font, the French text, the recommendation number and its URL', async () => {
    const res = await t.app.inject({ url: page('fr', '.pdf') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2/);
    const text = pdfText(pdf);
    // Null only on a developer machine without pdftotext (tools.ts): under CI it fails.
    if (text === null) return;
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Rapport final sur les résultats');
    expect(flat).toContain('« é » et « à » compris');
    expect(flat).toContain('4.2 Étiquettes bilingues');
    expect(flat).toContain(`${t.config.baseUrl}/fr/processes/${SLUG}/recommendations/4.2`);
    expect(flat).toContain('Priorité');

    const en = pdfText((await t.app.inject({ url: page('en', '.pdf') })).rawPayload)!.replace(/\s+/g, ' ');
    expect(en).toContain('Connected devices sold in Canada.');
    expect(en).toContain(`${t.config.baseUrl}/en/processes/${SLUG}/recommendations/4.2`);
  });

  it('renders tables as tables, keeps bold and italic, and is tagged with its title and language', async () => {
    const pdf = (await t.app.inject({ url: page('en', '.pdf') })).rawPayload;
    const layout = pdfText(pdf, ['-layout', '-enc', 'UTF-8']);
    if (layout === null) return; // a developer machine without poppler-utils; under CI it fails
    const lines = layout.split('\n').map((l) => l.trim());
    // A row of the table is one line with its cells apart, in the header's order.
    expect(lines).toContainEqual(expect.stringMatching(/^Stakeholder group\s{2,}Members$/));
    expect(lines).toContainEqual(expect.stringMatching(/^Academia\s{2,}2$/));
    expect(lines).toContainEqual(expect.stringMatching(/^Industry associations\s{2,}14$/));
    const xml = pdfXml(pdf)!;
    expect(xml).toContain('<b>must</b>');
    expect(xml).toContain('<i>bilingual</i>');
    expect(xml).toContain('<b>box</b>');
    const info = pdfInfo(pdf)!;
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+Final outcomes report$/m);
  });
});
