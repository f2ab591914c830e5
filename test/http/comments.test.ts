import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { signedInClient, testApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { accountsRepository } from '../../src/modules/accounts/accounts.repository.js';
import { mailRepository } from '../../src/modules/mail/mail.repository.js';
import { verifyAudit } from '../../src/platform/audit/audit-verify.service.js';
import { blocksOf, createDocument, documentById } from '../../src/modules/documents/documents.service.js';
import type { Actor } from '../../src/platform/auth/roles.js';
import { foldCounters } from '../../src/modules/comments/comments.counters.js';

/**
 * Comment periods and comments through the API and the pages: opening a period, the window
 * enforced to the second, idempotent submission with one receipt and one email, anchors
 * checked, members-only periods, and the counts kept as comments arrive.
 */
type Person = Awaited<ReturnType<typeof signedInClient>>;
let t: TestApp;
let admin: Person;
let oversight: Person;
let commenter: Person;
let francophone: Person;
let processId = '';
let anchors: string[] = [];
const SLUG = 'iot-comments';
const API = `/api/v1/processes/${SLUG}/comment-periods`;
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await testApp();
  admin = await signedInClient(t, { admin: true });
  const p = await admin.client.json('POST', '/api/v1/processes', { slug: SLUG, titleEn: 'Enhancing IoT Security', titleFr: 'Améliorer la sécurité de l’IdO', phases: [] });
  expect(p.statusCode, p.body).toBe(201);
  processId = p.json().id as string;
  oversight = await signedInClient(t, { processRoles: [{ role: 'oversight', processId }] });
  commenter = await signedInClient(t);
  francophone = await signedInClient(t);
  await accountsRepository.update(t.db, francophone.userId, { preferred_lang: 'fr' });
  const actor: Actor = { userId: admin.userId, name: 'Admin', email: admin.email, lang: 'en', emailConfirmed: true, isAdmin: true, processRoles: new Map(), groupRoles: new Map(), organisationRoles: new Map(), installationRoles: new Set() };
  const en = await createDocument(t.db, actor, processId, {
    groupId: null,
    slug: 'draft-report',
    kind: 'report',
    lang: 'en',
    title: 'Draft outcomes report',
    membersOnly: false,
    markdown: '# Definitions\n\nA connected device is any device that talks to a network.\n\nDefault passwords must be unique per device.\n',
    message: 'First draft',
  });
  await createDocument(t.db, actor, processId, {
    groupId: null,
    slug: 'rapport-ebauche',
    kind: 'report',
    lang: 'fr',
    title: 'Ébauche du rapport',
    membersOnly: false,
    translationOf: en.id,
    markdown: '# Définitions\n\nUn appareil connecté communique avec un réseau.\n',
    message: 'Première ébauche',
  });
  anchors = (await blocksOf(t.db, en.current_version_id!)).map((b) => b.anchor);
});
afterAll(async () => t?.close());
afterEach(() => {
  vi.useRealTimers();
});

async function openPeriod(over: Record<string, unknown> = {}) {
  const res = await oversight.client.json('POST', API, {
    document: 'draft-report',
    opensAt: new Date(Date.now() - HOUR).toISOString(),
    closesAt: new Date(Date.now() + 24 * HOUR).toISOString(),
    timeZone: 'America/Toronto',
    instructionsEn: 'Tell us what you think of **each** paragraph.',
    instructionsFr: 'Dites-nous ce que vous pensez de **chaque** paragraphe.',
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; state: string; documents: { slug: string; version: number }[]; closesAt: string; commentCount: number }>();
}

const comment = (who: Person, periodId: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  who.client.json('POST', `${API}/${periodId}/comments`, { text: 'Unique passwords are a must.', lang: 'en', anchor: anchors[2], ...body }, headers);

const outboxFor = (email: string) => mailRepository.list(t.db, { to: email, limit: 50 });

describe('opening a period', () => {
  it('lets the oversight committee open one on a version and its translation; the documents move to public comment', async () => {
    const period = await openPeriod();
    expect(period.state).toBe('open');
    expect(period.documents.map((d) => d.slug).sort()).toEqual(['draft-report', 'rapport-ebauche']);
    const en = (await t.db.selectFrom('documents').select('id').where('slug', '=', 'draft-report').executeTakeFirstOrThrow()).id;
    expect((await documentById(t.db, en))!.status).toBe('public_comment');
    const page = await new Client(t.app).get(`/fr/processes/${SLUG}/comment-periods/${period.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Dites-nous ce que vous pensez');
    expect(page.body).toMatch(/ferme dans (23 heures, 59 minutes|1 jour)/);
    expect(page.body).toContain('America/Toronto');
    expect(page.body).toContain('<progress');
  });

  it('refuses people outside the committee, and a window that closes before it opens', async () => {
    expect((await commenter.client.json('POST', API, { document: 'draft-report' })).statusCode).toBe(403);
    const bad = await oversight.client.json('POST', API, { document: 'draft-report', opensAt: '2019-04-05T00:00:00Z', closesAt: '2019-02-25T00:00:00Z' }, { 'accept-language': 'fr' });
    expect(bad.statusCode).toBe(400);
  });

  it('opens one through the form, converting local times in the named zone', async () => {
    const form = await oversight.client.get(`/en/processes/${SLUG}/comment-periods/new?document=draft-report`);
    expect(form.statusCode).toBe(200);
    const res = await oversight.client.post(`/en/processes/${SLUG}/comment-periods/new?document=draft-report`, {
      document: 'draft-report',
      version: '1',
      includeTranslations: 'on',
      opensAt: '2019-02-25T09:00:00',
      closesAt: '2019-04-05T17:00:00',
      timeZone: 'America/Toronto',
      instructionsEn: '',
      instructionsFr: '',
      audience: 'confirmed',
    });
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
    const id = String(res.headers.location).split('/').pop()!;
    const period = (await new Client(t.app).json('GET', `${API}/${id}`)).json<{ opensAt: string; closesAt: string; state: string }>();
    expect(period.opensAt).toBe('2019-02-25T14:00:00.000Z');
    expect(period.closesAt).toBe('2019-04-05T21:00:00.000Z');
    expect(period.state).toBe('closed');
    const closed = await new Client(t.app).get(`/en/processes/${SLUG}/comment-periods/${id}`);
    expect(closed.body).toContain('This comment period closed on April 5, 2019');
  });
});

describe('instructions', () => {
  it('shows instructions written in one language to readers of the other, marked with their language', async () => {
    const period = await openPeriod({ instructionsEn: 'Comment on **each** recommendation.', instructionsFr: '' });
    const fr = await new Client(t.app).get(`/fr/processes/${SLUG}/comment-periods/${period.id}`);
    expect(fr.body).toContain('Ces instructions n’ont été rédigées qu’en anglais.');
    expect(fr.body).toContain('<div lang="en"><div><p>Comment on <strong>each</strong> recommendation.</p>');
    const en = await new Client(t.app).get(`/en/processes/${SLUG}/comment-periods/${period.id}`);
    expect(en.body).not.toContain('were written in French only');
    expect(en.body).toContain('<div lang="en"><div><p>Comment on <strong>each</strong>');
  });
});

describe('the window', () => {
  it('takes a comment at the second before closes_at and refuses it at closes_at, saying so in both languages', async () => {
    const period = await openPeriod();
    const closesAt = Date.parse(period.closesAt);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(closesAt - 1000);
    expect((await comment(commenter, period.id, { text: 'Just in time.' })).statusCode).toBe(201);
    vi.setSystemTime(closesAt);
    const late = await comment(commenter, period.id, { text: 'Right on the second.' });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toContain('closed on');
    const lateFr = await comment(commenter, period.id, { text: 'Trop tard.' }, { 'accept-language': 'fr' });
    expect(lateFr.json().detail).toContain('a pris fin le');
  });

  it('refuses a comment the second before opens_at and takes one at opens_at, saying when in both languages', async () => {
    const period = await openPeriod({ opensAt: new Date(Date.now() + HOUR).toISOString() });
    const opensAt = Date.parse((await new Client(t.app).json('GET', `${API}/${period.id}`)).json<{ opensAt: string }>().opensAt);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(opensAt - 1000);
    const early = await comment(commenter, period.id, { text: 'One second early.' });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('opens on');
    const earlyFr = await comment(commenter, period.id, { text: 'Une seconde trop tôt.' }, { 'accept-language': 'fr' });
    expect(earlyFr.statusCode).toBe(409);
    expect(earlyFr.json().detail).toContain('ouvre le');
    vi.setSystemTime(opensAt);
    const onTime = await comment(commenter, period.id, { text: 'Right at the opening second.' });
    expect(onTime.statusCode, onTime.body).toBe(201);
  });

  it('refuses a comment before the period opens', async () => {
    const period = await openPeriod({ opensAt: new Date(Date.now() + HOUR).toISOString() });
    const early = await comment(commenter, period.id);
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('opens on');
  });
});

describe('submitting', () => {
  it('is idempotent with a key: one comment, one receipt, one email; another text with the same key is a 409', async () => {
    const period = await openPeriod();
    const key = { 'idempotency-key': 'retry-me-123' };
    const first = await comment(francophone, period.id, { text: 'Les mots de passe par défaut doivent disparaître.', lang: 'fr' }, key);
    expect(first.statusCode, first.body).toBe(201);
    const again = await comment(francophone, period.id, { text: 'Les mots de passe par défaut doivent disparaître.', lang: 'fr' }, key);
    expect(again.statusCode).toBe(200);
    expect(again.json().receipt).toBe(first.json().receipt);
    expect(again.json().id).toBe(first.json().id);
    const other = await comment(francophone, period.id, { text: 'Un autre texte.', lang: 'fr' }, key);
    expect(other.statusCode).toBe(409);
    const receipt = first.json().receipt as string;
    expect(receipt).toMatch(/^C-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const mails = (await outboxFor(francophone.email)).filter((m) => m.kind === 'commentReceipt' && m.body_text.includes(receipt));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('Votre commentaire a été reçu');
    expect(mails[0]!.body_text).toContain(`/fr/processes/${SLUG}/comments/${first.json().id}`);
    const p = (await new Client(t.app).json('GET', `${API}/${period.id}`)).json();
    expect(p.commentCount).toBe(1);
    // The receipt leads to the comment.
    const byReceipt = await new Client(t.app).get(`/en/comments/receipt/${receipt.toLowerCase()}`);
    expect(byReceipt.statusCode).toBe(303);
    expect(byReceipt.headers.location).toBe(`/en/processes/${SLUG}/comments/${first.json().id}`);
  });

  it('refuses an unknown anchor (422), an over-long text, and a stakeholder group of another process, in the caller’s language', async () => {
    const period = await openPeriod();
    const bad = await comment(commenter, period.id, { anchor: 'no-such-paragraph' });
    expect(bad.statusCode).toBe(422);
    const badFr = await comment(commenter, period.id, { anchor: 'no-such-paragraph' }, { 'accept-language': 'fr' });
    expect(badFr.json().detail).toContain('Ce paragraphe ne figure pas');
    expect((await comment(commenter, period.id, { text: 'x'.repeat(5001) })).statusCode).toBe(400);
    expect((await comment(commenter, period.id, { stakeholderGroupId: '0190a0a0-0000-7000-8000-000000000000' })).statusCode).toBe(422);
    expect((await comment(commenter, period.id, { anchor: null, text: 'A general remark.' })).statusCode).toBe(201);
  });

  it('keeps members-only periods to members', async () => {
    const period = await openPeriod({ audience: 'members' });
    const refused = await comment(commenter, period.id);
    expect(refused.statusCode).toBe(403);
    const member = await signedInClient(t, { processRoles: [{ role: 'member', processId }] });
    expect((await comment(member, period.id)).statusCode).toBe(201);
    const form = await commenter.client.get(`/en/processes/${SLUG}/comment-periods/${period.id}/comments/new?document=draft-report&anchor=${anchors[1]}`);
    expect(form.body).toContain('Only members of this process may comment');
    expect(form.body).not.toContain('id="comment-form"');
  });

  it('counts comments per period and per paragraph as they arrive', async () => {
    const period = await openPeriod();
    await comment(commenter, period.id, { text: 'One', anchor: anchors[1] });
    await comment(commenter, period.id, { text: 'Two', anchor: anchors[1] });
    await comment(commenter, period.id, { text: 'Three', anchor: null });
    // Shown exact at once (the deltas not folded yet are added), and kept once folded (0031).
    expect((await new Client(t.app).json('GET', `${API}/${period.id}`)).json().commentCount).toBe(3);
    await foldCounters(t.db);
    const counts = await t.db.selectFrom('comment_anchor_counts').select(['anchor', 'count']).where('period_id', '=', period.id).orderBy('anchor').execute();
    expect(counts).toEqual([
      { anchor: '', count: 1 },
      { anchor: anchors[1], count: 2 },
    ]);
    expect((await new Client(t.app).json('GET', `${API}/${period.id}`)).json().commentCount).toBe(3);
  });
  it('shows the start of each commented paragraph’s text beside its count on the period page, escaped', async () => {
    const actor: Actor = { userId: admin.userId, name: 'Admin', email: admin.email, lang: 'en', emailConfirmed: true, isAdmin: true, processRoles: new Map(), groupRoles: new Map(), organisationRoles: new Map(), installationRoles: new Set() };
    const long = `Devices must <script>alert(1)</script> show a label & a date. ${'The label lists the support period in plain words. '.repeat(4)}TAIL-NOT-SHOWN`;
    const doc = await createDocument(t.db, actor, processId, { groupId: null, slug: 'label-rules', kind: 'report', lang: 'en', title: 'Label rules', membersOnly: false, markdown: `# Labels\n\n${long}\n`, message: 'First' });
    const anchor = (await blocksOf(t.db, doc.current_version_id!)).find((b) => b.plain.startsWith('Devices must'))!.anchor;
    const period = await openPeriod({ document: 'label-rules' });
    expect((await comment(commenter, period.id, { text: 'Yes.', anchor })).statusCode).toBe(201);
    const page = (await new Client(t.app).get(`/en/processes/${SLUG}/comment-periods/${period.id}`)).body;
    const row = /<tr>(?:(?!<\/tr>).)*label-rules&amp;anchor=[^"]*"[^>]*>(?:(?!<\/tr>).)*<\/tr>/s.exec(page)?.[0] ?? '';
    // Preact escapes < and & in text (a > alone opens nothing).
    expect(row).toContain('Devices must &lt;script>alert(1)&lt;/script> show a label &amp; a date.');
    expect(row).toMatch(/<td class="num">1<\/td>/);
    expect(row).toContain('…');
    expect(page).not.toContain('<script>alert(1)');
    expect(page).not.toContain('TAIL-NOT-SHOWN');
  });
});

describe('the comment form', () => {
  it('sends signed-out visitors to sign in, quotes the paragraph, and turns a double submit into one comment', async () => {
    const period = await openPeriod();
    const path = `/en/processes/${SLUG}/comment-periods/${period.id}/comments/new?document=draft-report&anchor=${anchors[2]}`;
    const anon = await new Client(t.app).get(path);
    expect(anon.statusCode).toBe(303);
    expect(String(anon.headers.location)).toContain('/en/sign-in?next=');
    const form = await commenter.client.get(path);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('id="comment-form"');
    expect(form.body).toContain('Default passwords must be unique per device.');
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(form.body)![1]!;
    const fields = { idempotencyKey: key, document: 'draft-report', anchor: anchors[2]!, text: 'Agreed: <b>unique</b> passwords.\n\nSecond line.', displayName: 'Ada Lovelace', organisation: '', stakeholderGroupId: '', lang: 'en' };
    const first = await commenter.client.post(`/en/processes/${SLUG}/comment-periods/${period.id}/comments/new`, fields);
    expect(first.statusCode, first.body.slice(0, 3000)).toBe(303);
    const second = await commenter.client.post(`/en/processes/${SLUG}/comment-periods/${period.id}/comments/new`, fields);
    expect(second.headers.location).toBe(first.headers.location);
    const page = await new Client(t.app).get(String(first.headers.location));
    expect(page.body).toContain('Ada Lovelace');
    expect(page.body).toContain('Agreed: &lt;b>unique&lt;/b> passwords.');
    expect(page.body).not.toContain('<b>unique');
    expect((await new Client(t.app).json('GET', `${API}/${period.id}`)).json().commentCount).toBe(1);
  });

  it('shows the form again with the message beside the field when the text is missing (in French too)', async () => {
    const period = await openPeriod();
    await commenter.client.get(`/fr/processes/${SLUG}/comment-periods/${period.id}/comments/new`);
    const res = await commenter.client.post(`/fr/processes/${SLUG}/comment-periods/${period.id}/comments/new`, { text: '  ', lang: 'fr', idempotencyKey: 'k1' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Rédigez votre commentaire.');
  });

  it('reads a field sent twice by a hand-made request as its first value, never answering 500', async () => {
    await oversight.client.get(`/en/processes/${SLUG}/comment-periods/new?document=draft-report`);
    const opened = await oversight.client.post(`/en/processes/${SLUG}/comment-periods/new?document=draft-report`, {
      document: 'draft-report',
      opensAt: ['2019-02-25T09:00:00', 'not a date'],
      closesAt: ['2019-04-05T17:00:00', '2019-04-06T17:00:00'],
      timeZone: ['America/Toronto', 'Europe/Paris'],
      audience: 'confirmed',
    });
    expect(opened.statusCode, opened.body.slice(0, 1000)).toBe(303);
    const id = String(opened.headers.location).split('/').pop()!;
    expect((await new Client(t.app).json('GET', `${API}/${id}`)).json<{ opensAt: string }>().opensAt).toBe('2019-02-25T14:00:00.000Z');

    const period = await openPeriod();
    const path = `/en/processes/${SLUG}/comment-periods/${period.id}/comments/new`;
    await commenter.client.get(path);
    const twice = await commenter.client.post(path, { idempotencyKey: ['same-key', 'other-key'], text: ['First text.', 'Second text.'], lang: 'en' });
    expect(twice.statusCode, twice.body.slice(0, 1000)).toBe(303);
    const page = await new Client(t.app).get(String(twice.headers.location));
    expect(page.body).toContain('First text.');
    expect(page.body).not.toContain('Second text.');
  });

  it('tells a bad filter from a stale page link in the comment list', async () => {
    const period = await openPeriod();
    const list = `/en/processes/${SLUG}/comment-periods/${period.id}/comments`;
    const filter = await new Client(t.app).get(`${list}?lang=de`);
    expect(filter.statusCode).toBe(400);
    expect(filter.body).toContain('cannot show comments with these filters');
    const stale = await new Client(t.app).get(`${list}?after=nonsense`);
    expect(stale.statusCode).toBe(400);
    expect(stale.body).toContain('This page link is not valid any more');
  });
});

describe('the audit trail', () => {
  it('stays verifiable after all of the above', async () => {
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});
