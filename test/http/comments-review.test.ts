import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, testApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import type { Actor } from '../../src/platform/auth/roles.js';
import { formatInstant } from '../../src/platform/time/zoned.js';
import { blocksOf, createDocument, updateDocument } from '../../src/modules/documents/documents.service.js';
import { openPeriod } from '../../src/modules/comments/periods.service.js';
import { submitComment } from '../../src/modules/comments/comments.service.js';
import { hideComment, restoreComment } from '../../src/modules/comments/moderation.service.js';
import { recordDisposition, recountDispositions } from '../../src/modules/comments/dispositions.service.js';
import { foldCounters } from '../../src/modules/comments/comments.counters.js';

/**
 * What a review of drafts and public comment found, each pinned by a test: comments on a
 * members-only translation never reach the public (pages, API, exports, responses, search);
 * hidden comments await no response; the period page links to the report and the queue; the
 * document page's period box speaks in the period's zone with the time left; opening a period
 * without a document offers a choice; a comment's file through the API and the form; the
 * UTF-8 mark on comments.csv.
 */
type Person = Awaited<ReturnType<typeof signedInClient>>;
let t: TestApp;
let admin: Person;
let adminActor: Actor;
let commenter: Person;
let processId = '';
const SLUG = 'review-comments';
const API = `/api/v1/processes/${SLUG}`;
const HOUR = 3_600_000;
const SECRET = 'Texte réservé aux membres, jamais public';
const PUBLIC = 'Labels should name the support period.';
const f = { periodId: '', enId: '', frId: '', secretId: '', publicId: '', closesAt: new Date(0), anchors: [] as string[] };

const anon = () => new Client(t.app);
const pagePath = (lang: 'en' | 'fr', path = '') => `/${lang}/processes/${SLUG}/comment-periods/${f.periodId}${path}`;

beforeAll(async () => {
  t = await testApp();
  admin = await signedInClient(t, { admin: true });
  const p = await admin.client.json('POST', '/api/v1/processes', { slug: SLUG, titleEn: 'Review', titleFr: 'Revue', timezone: 'America/Toronto', phases: [] });
  expect(p.statusCode, p.body).toBe(201);
  processId = p.json().id as string;
  commenter = await signedInClient(t);
  adminActor = {
    userId: admin.userId,
    name: 'Admin',
    email: admin.email,
    lang: 'en',
    emailConfirmed: true,
    isAdmin: true,
    processRoles: new Map(),
    groupRoles: new Map(),
    organisationRoles: new Map(),
    installationRoles: new Set(),
  };
  const en = await createDocument(t.db, adminActor, processId, {
    groupId: null,
    slug: 'public-report',
    kind: 'report',
    lang: 'en',
    title: 'Public report',
    membersOnly: false,
    markdown: '# Labels\n\nLabels should be clear.\n\nUpdates should be signed.\n',
    message: 'First draft',
  });
  f.enId = en.id;
  f.anchors = (await blocksOf(t.db, en.current_version_id!)).map((b) => b.anchor);
  const fr = await createDocument(t.db, adminActor, processId, {
    groupId: null,
    slug: 'rapport-membres',
    kind: 'report',
    lang: 'fr',
    title: 'Rapport (membres)',
    membersOnly: true,
    translationOf: en.id,
    markdown: '# Étiquettes\n\nLes étiquettes doivent être claires.\n',
    message: 'Première ébauche',
  });
  f.frId = fr.id;
  // Closes three days from now (to the second), announced in Tokyo time while the process is in Toronto's.
  f.closesAt = new Date(Math.floor((Date.now() + 3 * 24 * HOUR) / 1000) * 1000);
  const period = await openPeriod(
    t.db,
    adminActor,
    processId,
    {
      document: 'public-report',
      version: 1,
      includeTranslations: true,
      opensAt: new Date(Date.now() - HOUR).toISOString(),
      closesAt: f.closesAt.toISOString(),
      timeZone: 'Asia/Tokyo',
      instructionsEn: '',
      instructionsFr: '',
      audience: 'confirmed',
    },
    '',
  );
  f.periodId = period.id;
  f.secretId = (
    await submitComment(
      t.db,
      adminActor,
      f.periodId,
      { document: 'rapport-membres', text: SECRET, lang: 'fr', displayName: 'Membre', anchor: null },
      {},
      { skipMail: true },
    )
  ).comment.id;
  f.publicId = (
    await submitComment(
      t.db,
      null,
      f.periodId,
      { document: 'public-report', text: PUBLIC, lang: 'en', displayName: 'Visitor', anchor: f.anchors[1]! },
      {},
      { skipMail: true },
    )
  ).comment.id;
  await recordDisposition(t.db, adminActor, f.periodId, { commentId: f.secretId, outcome: 'noted', rationale: 'Réponse réservée aux membres.' });
});
afterAll(async () => t?.close());

describe('comments on a members-only translation stay with members', () => {
  it('leaves them out of the comment list page, whatever the filter, for a signed-out visitor', async () => {
    for (const q of ['', '?status=answered', '?status=awaiting', '?lang=fr', '?document=rapport-membres', '?anchor=general']) {
      const res = await anon().get(pagePath('en', `/comments${q}`));
      expect(res.statusCode, q).toBe(200);
      expect(res.body, q).not.toContain(SECRET);
    }
    expect((await anon().get(pagePath('en', '/comments'))).body).toContain(PUBLIC);
    // A member of the process (here an administrator) reads both.
    expect((await admin.client.get(pagePath('en', '/comments'))).body).toContain(SECRET);
  });

  it('leaves them out of the API list, the CSV and JSON exports and the list of responses', async () => {
    const list = (await anon().json('GET', `${API}/comment-periods/${f.periodId}/comments`)).json<{ items: { id: string }[] }>();
    expect(list.items.map((c) => c.id)).toEqual([f.publicId]);
    const csv = await anon().get(pagePath('en', '/comments.csv'));
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toContain(SECRET);
    expect(csv.body).not.toContain(f.secretId);
    const json = await anon().get(pagePath('en', '/comments.json'));
    expect(JSON.parse(json.body).comments.map((c: { id: string }) => c.id)).toEqual([f.publicId]);
    const responses = (await anon().json('GET', `${API}/comment-periods/${f.periodId}/dispositions`)).json<{ items: { commentId: string }[] }>();
    expect(responses.items.map((d) => d.commentId)).not.toContain(f.secretId);
    const asMember = (await admin.client.json('GET', `${API}/comment-periods/${f.periodId}/dispositions`)).json<{ items: { commentId: string }[] }>();
    expect(asMember.items.map((d) => d.commentId)).toContain(f.secretId);
    const memberCsv = await admin.client.get(pagePath('en', '/comments.csv'));
    expect(memberCsv.body).toContain(SECRET);
  });

  it('hides a document’s comments from public search when the document becomes members-only, and shows them again after', async () => {
    const search = async () =>
      (await anon().json('GET', `/api/v1/search?q=${encodeURIComponent('support period')}&kind=comment`))
        .json<{ items: { id: string }[] }>()
        .items.map((i) => i.id);
    expect(await search()).toContain(f.publicId);
    await updateDocument(t.db, adminActor, f.enId, { membersOnly: true });
    expect(await search()).not.toContain(f.publicId);
    const asMember = (await admin.client.json('GET', `/api/v1/search?q=${encodeURIComponent('support period')}&kind=comment`)).json<{
      items: { id: string }[];
    }>();
    expect(asMember.items.map((i) => i.id)).toContain(f.publicId);
    await updateDocument(t.db, adminActor, f.enId, { membersOnly: false });
    expect(await search()).toContain(f.publicId);
  });
});

describe('hidden comments await no response', () => {
  const S = 'review-hidden';
  const g = { periodId: '', spam: '', answered: '', later: '', spamAnchor: '' };
  const url = (path: string) => `/en/processes/${S}/comment-periods/${g.periodId}${path}`;

  beforeAll(async () => {
    const p = await admin.client.json('POST', '/api/v1/processes', { slug: S, titleEn: 'Hidden', titleFr: 'Masqués', timezone: 'America/Toronto', phases: [] });
    const pid = p.json().id as string;
    const doc = await createDocument(t.db, adminActor, pid, {
      groupId: null,
      slug: 'draft',
      kind: 'report',
      lang: 'en',
      title: 'Draft',
      membersOnly: false,
      markdown: '# Draft\n\nFirst paragraph about scope.\n\nSecond paragraph about labels.\n',
      message: 'v1',
    });
    const blocks = await blocksOf(t.db, doc.current_version_id!);
    g.spamAnchor = blocks.find((b) => b.plain.startsWith('First'))!.anchor;
    const labels = blocks.find((b) => b.plain.startsWith('Second'))!.anchor;
    const period = await openPeriod(
      t.db,
      adminActor,
      pid,
      {
        document: 'draft',
        version: 1,
        includeTranslations: false,
        opensAt: new Date(Date.now() - HOUR).toISOString(),
        closesAt: new Date(Date.now() + 24 * HOUR).toISOString(),
        timeZone: 'America/Toronto',
        instructionsEn: '',
        instructionsFr: '',
        audience: 'confirmed',
      },
      '',
    );
    g.periodId = period.id;
    const send = async (text: string, anchor: string) =>
      (await submitComment(t.db, null, g.periodId, { text, anchor, lang: 'en', displayName: 'P' }, {}, { skipMail: true })).comment.id;
    g.spam = await send('CHEAP WATCHES click here', g.spamAnchor);
    g.answered = await send('Labels must be bilingual.', labels);
    await hideComment(t.db, adminActor, pid, g.spam, { reason: 'spam', note: '' });
    await recordDisposition(t.db, adminActor, g.periodId, { commentId: g.answered, outcome: 'accepted', rationale: 'Done.' });
  });

  it('reaches 100 % once every visible comment is answered, on the report, the period page and the API', async () => {
    const report = await anon().get(url('/report'));
    expect(report.body).toContain('1 of 1 comments have a response (100%).');
    expect(report.body).not.toContain('Awaiting a response');
    const pageRes = await anon().get(url(''));
    expect(pageRes.body).toContain('1 of 1 comments have a response');
    expect(pageRes.body).toContain('The 1 hidden comment needs no response and is not counted.');
    const fr = await anon().get(url('/report').replace('/en/', '/fr/'));
    expect(fr.body).not.toContain('En attente de réponse');
    const api = (await anon().json('GET', `/api/v1/processes/${S}/comment-periods/${g.periodId}`)).json();
    expect(api).toMatchObject({ commentCount: 2, hiddenCount: 1, disposedCount: 1 });
  });

  it('keeps hidden comments out of the editors’ queue of comments awaiting a response', async () => {
    const awaiting = await admin.client.get(url('/responses'));
    expect(awaiting.statusCode).toBe(200);
    expect(awaiting.body.match(/<section[^>]*class="card"/g) ?? []).toHaveLength(0);
    const all = await admin.client.get(url('/responses?status=all'));
    expect(all.body.match(/<section[^>]*class="card"/g)).toHaveLength(2);
  });

  it('takes an answered comment out of the counts when it is hidden and puts it back on restore, exactly', async () => {
    g.later = (
      await submitComment(
        t.db,
        null,
        g.periodId,
        { text: 'Another view on scope.', anchor: g.spamAnchor, lang: 'en', displayName: 'Q' },
        {},
        { skipMail: true },
      )
    ).comment.id;
    await recordDisposition(t.db, adminActor, g.periodId, { commentId: g.later, outcome: 'noted', rationale: 'Noted.' });
    // The kept counter, with the answered arrivals not folded yet (0031).
    const disposed = async () =>
      (await foldCounters(t.db), await t.db.selectFrom('comment_periods').select('disposed_count').where('id', '=', g.periodId).executeTakeFirstOrThrow()).disposed_count;
    expect(await disposed()).toBe(2);
    const pid = (await t.db.selectFrom('comment_periods').select('process_id').where('id', '=', g.periodId).executeTakeFirstOrThrow()).process_id;
    await hideComment(t.db, adminActor, pid, g.later, { reason: 'off_topic', note: '' });
    expect(await disposed()).toBe(1);
    expect((await recountDispositions(t.db, g.periodId)).disposed).toBe(1);
    expect((await anon().get(url('/report'))).body).toContain('1 of 1 comments have a response (100%).');
    await restoreComment(t.db, adminActor, pid, g.later);
    expect(await disposed()).toBe(2);
    expect((await recountDispositions(t.db, g.periodId)).disposed).toBe(2);
    expect((await anon().get(url('/report'))).body).toContain('2 of 2 comments have a response (100%).');
  });
});

describe('links to the responses', () => {
  it('links the report from the period page and the comment list for everyone, and the queue for those who may respond', async () => {
    const report = `href="${pagePath('en', '/report')}"`;
    const queue = `href="${pagePath('en', '/responses')}"`;
    const signedOut = await anon().get(pagePath('en'));
    expect(signedOut.body).toContain(report);
    expect(signedOut.body).toContain('Responses to comments');
    expect(signedOut.body).not.toContain(queue);
    const visitor = await commenter.client.get(pagePath('en'));
    expect(visitor.body).not.toContain(queue);
    const editor = await admin.client.get(pagePath('en'));
    expect(editor.body).toContain(queue);
    expect(editor.body).toContain('Respond to comments');
    expect((await anon().get(pagePath('fr'))).body).toContain('Réponses aux commentaires');
    expect((await anon().get(pagePath('en', '/comments'))).body).toContain(report);
  });
});

describe('the period box on the document page', () => {
  it('gives the closing time in the period’s zone, with the zone and the time left, without a double full stop', async () => {
    for (const lang of ['en', 'fr'] as const) {
      const res = await anon().get(`/${lang}/processes/${SLUG}/documents/public-report`);
      expect(res.statusCode).toBe(200);
      const box = /<aside class="period-box"[\s\S]*?<\/aside>/.exec(res.body)![0];
      expect(box).toContain(formatInstant(lang, f.closesAt, 'Asia/Tokyo'));
      expect(box).toMatch(lang === 'en' ? /\(closes in (3 days|2 days, 23 hours)\)\./ : /\(fermeture dans (3 jours|2 jours, 23 heures)\)\./);
      expect(box).not.toMatch(/\.\./);
    }
  });
});

describe('opening a period without naming a document', () => {
  it('offers the process’s documents at their latest version, in both languages', async () => {
    const en = await admin.client.get(`/en/processes/${SLUG}/comment-periods/new`);
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('Open a comment period: choose a document');
    expect(en.body).toContain(`href="/en/processes/${SLUG}/comment-periods/new?document=public-report"`);
    expect(en.body).toContain(`href="/en/processes/${SLUG}/comment-periods/new?document=rapport-membres"`);
    expect(en.body).toContain('latest version: 1');
    const fr = await admin.client.get(`/fr/processes/${SLUG}/comment-periods/new`);
    expect(fr.statusCode).toBe(200);
    expect(fr.body).toContain('Ouvrir une période de commentaires\u00a0: choisir un document');
    // The link leads to the form.
    const form = await admin.client.get(`/en/processes/${SLUG}/comment-periods/new?document=public-report`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`action="/en/processes/${SLUG}/comment-periods/new?document=public-report"`);
    expect(form.body).toContain('name="opensAt"');
    expect(form.body).toContain('value="public-report"');
    // Still only for those who may open one.
    expect((await commenter.client.get(`/en/processes/${SLUG}/comment-periods/new`)).statusCode).toBe(403);
  });
});

describe('a comment’s file', () => {
  const notes = Buffer.from('# Notes\n\nÉtiquettes bilingues, s’il vous plaît.\n');

  /** The comment form posted as a browser does: multipart, with the page's CSRF token unless told otherwise. */
  async function postForm(fields: Record<string, string>, file: { name: string; data: Buffer }) {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.append(k, v);
    fd.append('file', new Blob([new Uint8Array(file.data)], { type: 'text/markdown' }), file.name);
    const body = new Response(fd);
    return t.app.inject({
      method: 'POST',
      url: pagePath('en', '/comments/new'),
      payload: Buffer.from(await body.arrayBuffer()),
      headers: { cookie: commenter.client.cookieHeader(), 'content-type': body.headers.get('content-type')! },
    });
  }

  it('takes a file through the API (base64) and serves it until the comment is hidden', async () => {
    const res = await commenter.client.json('POST', `${API}/comment-periods/${f.periodId}/comments`, {
      document: 'public-report',
      text: 'See the attached notes.',
      lang: 'en',
      anchor: null,
      file: { name: 'notes.md', contentBase64: notes.toString('base64') },
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json<{ id: string; file: { url: string } | null }>();
    expect(c.file).not.toBeNull();
    const download = await anon().get(new URL(c.file!.url, 'http://x').pathname);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(notes)).toBe(true);
    expect(String(download.headers['content-disposition'])).toContain('notes.md');
    expect((await anon().get(`/en/processes/${SLUG}/comments/${c.id}/file`)).statusCode).toBe(200);

    const hidden = await admin.client.json('POST', `${API}/comments/${c.id}/hide`, { reason: 'personal_information' });
    expect(hidden.statusCode).toBe(200);
    expect(hidden.json().file).toBeNull();
    expect((await anon().get(`/en/processes/${SLUG}/comments/${c.id}/file`)).statusCode).toBe(404);
    expect((await anon().json('GET', `${API}/comments/${c.id}/file`)).statusCode).toBe(404);
    expect((await commenter.client.get(`/en/processes/${SLUG}/comments/${c.id}/file`)).statusCode).toBe(404);
    const stranger = await signedInClient(t);
    expect((await stranger.client.get(`/en/processes/${SLUG}/comments/${c.id}/file`)).statusCode).toBe(404);
    expect((await stranger.client.json('GET', `${API}/comments/${c.id}/file`)).statusCode).toBe(404);

    // The process's moderators still reach it (to review the decision), and no shared cache keeps it.
    const moderator = await signedInClient(t, { processRoles: [{ role: 'moderator', processId }] });
    for (const res of [await moderator.client.get(`/en/processes/${SLUG}/comments/${c.id}/file`), await moderator.client.json('GET', `${API}/comments/${c.id}/file`)]) {
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(notes)).toBe(true);
      expect(res.headers['cache-control']).toBe('private, no-store');
    }
  });

  it('takes a file through the page’s multipart form with its CSRF token, and refuses the form without one', async () => {
    await commenter.client.get(pagePath('en', '/comments/new?document=public-report'));
    const fields = {
      document: 'public-report',
      anchor: '',
      text: 'My notes are attached.',
      displayName: 'Form Person',
      lang: 'en',
      idempotencyKey: 'form-file-1',
    };
    const refused = await postForm(fields, { name: 'notes.md', data: notes });
    expect(refused.statusCode).toBe(403);
    const res = await postForm({ _csrf: commenter.client.csrf(), ...fields }, { name: 'notes.md', data: notes });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    const commentUrl = String(res.headers.location);
    const id = commentUrl.split('/').pop()!;
    const page = await anon().get(commentUrl);
    expect(page.body).toContain(`href="/en/processes/${SLUG}/comments/${id}/file"`);
    const download = await anon().get(`/en/processes/${SLUG}/comments/${id}/file`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(notes)).toBe(true);
  });
});

describe('comments.csv', () => {
  it('starts with a UTF-8 byte-order mark, so spreadsheets read the accents', async () => {
    const res = await admin.client.get(pagePath('fr', '/comments.csv'));
    expect(res.statusCode).toBe(200);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.body.replace(/^\ufeff/, '').startsWith('id,receipt,date,document')).toBe(true);
    expect(res.body).toContain(SECRET);
  });
});
