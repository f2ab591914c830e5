import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, testApp, type TestApp } from '../helpers/app.js';
import type { Client } from '../helpers/client.js';
import { adminActor, makeComment, makeCommentPeriod, makeDocument, makeGroup, makeMember, makeOrganisation, makeProcess } from '../helpers/factories.js';
import { openCall } from '../../src/modules/consensus/consensus.service.js';
import { DOCUMENT_FORM_BODY_LIMIT, MAX_MARKDOWN } from '../../src/modules/documents/documents.schema.js';

/**
 * Long texts in the forms issue 10 found without a stated limit: a document's text (create and
 * edit), a comment, a consensus position's reason, a response's rationale and a working group's
 * announcement. Each form states its limit (hint and maxlength, the schema's number), and a text
 * over it comes back in its form with a 422, kept, and an error beside the field that says the
 * limit — never a bare 413. A document near its limit in a script of three UTF-8 bytes a
 * character fits the body limit, URL-encoded or as escaped JSON.
 */
let t: TestApp;
let admin: Client;
let member: Client;
const SLUG = 'long';
const f = { processId: '', periodId: '', callId: '', optionId: '', commentId: '' };
const page = (lang: 'en' | 'fr', path: string) => `/${lang}/processes/${SLUG}${path}`;
const documentCount = async (slug: string) => (await t.db.selectFrom('documents').select('version_count').where('slug', '=', slug).executeTakeFirst())?.version_count ?? 0;

/** The error shown beside a field (FieldShell's `field-<name>-error`), or null. */
function fieldError(html: string, field: string): string | null {
  return new RegExp(`id="field-${field}-error"[^>]*>([^<]*)<`).exec(html)?.[1] ?? null;
}

beforeAll(async () => {
  t = await testApp();
  const actor = await adminActor(t.db);
  const { process } = await makeProcess(t.db, actor, SLUG, { titleEn: 'Long texts', titleFr: 'Textes longs' });
  f.processId = process.id;
  await makeGroup(t.db, actor, process.id, 'labels', { nameEn: 'Labels', nameFr: 'Étiquettes' });
  await makeDocument(t.db, actor, process.id, { slug: 'report', title: 'Report', markdown: '# Report\n\nLabels should be clear.\n' });
  f.periodId = (await makeCommentPeriod(t.db, actor, process.id, { document: 'report' })).id;
  f.commentId = (await makeComment(t.db, f.periodId, { text: 'A comment to answer.' })).id;
  const call = await openCall(t.db, actor, process.id, {
    target: 'document',
    document: 'report',
    anchor: null,
    questionEn: 'Can you accept the report?',
    questionFr: 'Pouvez-vous accepter le rapport ?',
    options: [{ labelEn: 'As written', labelFr: 'Tel quel' }],
    deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    timeZone: 'America/Toronto',
    appealDays: 10,
  });
  f.callId = call.call.id;
  f.optionId = call.options[0]!.id;
  admin = (await signedInClient(t, { admin: true })).client;
  member = (await makeMember(t, SLUG, await makeOrganisation(t.db, actor, 'Acme'), 'private_sector')).client;
});
afterAll(async () => t?.close());

describe('a document’s text', () => {
  it('the create and edit forms state 400,000 characters; over it the form comes back with the text kept and the limit beside the field (EN and FR)', async () => {
    const form = await admin.get(page('en', '/documents/new'));
    expect(form.body).toContain('Up to 400,000 characters.');
    expect(form.body).toContain(`maxlength="${MAX_MARKDOWN}"`);
    const long = `${'a'.repeat(MAX_MARKDOWN)}z`;
    const created = await admin.post(page('en', '/documents/new'), { group: '', title: 'Too long', slug: 'too-long', kind: 'report', lang: 'en', translationOf: '', markdown: long, message: '' });
    expect(created.statusCode).toBe(422);
    expect(fieldError(created.body, 'markdown')).toBe('This text is too long: it may have up to 400,000 characters.');
    expect(created.body).toContain(long);
    expect(created.body).toContain('value="too-long"');
    expect(await documentCount('too-long')).toBe(0);

    const edit = await admin.get(page('fr', '/documents/report/edit'));
    expect(edit.body).toMatch(/Jusqu’à 400\s000 caractères\./u);
    expect(edit.body).toContain(`maxlength="${MAX_MARKDOWN}"`);
    const saved = await admin.post(page('fr', '/documents/report/edit'), { title: 'Report', markdown: long, message: 'Longer' });
    expect(saved.statusCode).toBe(422);
    expect(fieldError(saved.body, 'markdown')).toMatch(/^Ce texte est trop long\s: il peut compter au plus 400\s000 caractères\.$/u);
    expect(saved.body).toContain(long);
    expect(await documentCount('report')).toBe(1);
  });

  it('a document of 400,000 Chinese characters fits the body limit (3.6 MB URL-encoded, over the 3 MiB limit before); one more character gets the field’s answer, not a 413', async () => {
    // 中 is three UTF-8 bytes, %E4%B8%AD in a form: 9 bytes a character, the most any character takes.
    const text = `# 报告\n\n${'中'.repeat(MAX_MARKDOWN - 7)}\n`;
    expect(text.length).toBe(MAX_MARKDOWN);
    const encoded = new URLSearchParams({ markdown: text }).toString().length;
    expect(encoded).toBeGreaterThan(3 * 1024 * 1024);
    expect(encoded).toBeLessThan(DOCUMENT_FORM_BODY_LIMIT);
    await admin.get(page('en', '/documents/new'));
    const ok = await admin.post(page('en', '/documents/new'), { group: '', title: '长报告', slug: 'cjk', kind: 'report', lang: 'en', translationOf: '', markdown: text, message: '' });
    expect(ok.statusCode, ok.body.slice(0, 500)).toBe(303);
    expect(await documentCount('cjk')).toBe(1);

    await admin.get(page('en', '/documents/cjk/edit'));
    const over = `${text}中`;
    const refused = await admin.post(page('en', '/documents/cjk/edit'), { title: '长报告', markdown: over, message: '' });
    expect(refused.statusCode).toBe(422);
    expect(fieldError(refused.body, 'markdown')).toBe('This text is too long: it may have up to 400,000 characters.');
    expect(refused.body).toContain(over);

    // The API too, from a client that escapes every non-ASCII character (\u4e2d: 6 bytes each, 2.4 MB).
    const escaped = JSON.stringify({ title: 'Long report', markdown: `${text.slice(0, -2)}文\n`, message: '' }).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expect(escaped.length).toBeGreaterThan(2 * 1024 * 1024);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/processes/${SLUG}/documents/cjk/versions`, payload: escaped, headers: { 'content-type': 'application/json', cookie: admin.cookieHeader() } });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    expect(await documentCount('cjk')).toBe(2);
  });
});

describe('other long texts', () => {
  it('a comment: the form states 5,000 characters and sets maxlength; over it the form comes back with the text kept (EN and FR)', async () => {
    const path = `/comment-periods/${f.periodId}/comments/new`;
    const form = await admin.get(page('en', `${path}?document=report`));
    expect(form.body).toContain('Up to 5,000 characters.');
    expect(form.body).toContain('maxlength="5000"');
    const long = `${'c'.repeat(5000)}z`;
    const res = await admin.post(page('en', path), { document: 'report', anchor: '', text: long, lang: 'en', idempotencyKey: 'long-1' });
    expect(res.statusCode).toBe(422);
    expect(fieldError(res.body, 'text')).toBe('Your comment must be 5,000 characters or fewer.');
    expect(res.body).toContain(long);
    await admin.get(page('fr', `${path}?document=report`));
    const fr = await admin.post(page('fr', path), { document: 'report', anchor: '', text: long, lang: 'fr', idempotencyKey: 'long-2' });
    expect(fr.statusCode).toBe(422);
    expect(fieldError(fr.body, 'text')).toMatch(/^Votre commentaire doit compter au plus 5\s000 caractères\.$/u);
    expect(await t.db.selectFrom('comments').select('id').where('period_id', '=', f.periodId).execute()).toHaveLength(1);
  });

  it('a position’s reason: 5,000 characters stated; over it the call page comes back with the reason kept beside its option', async () => {
    const call = await member.get(page('en', `/consensus/${f.callId}`));
    expect(call.body).toContain('Up to 5,000 characters.');
    expect(call.body).toContain('maxlength="5000"');
    const long = `${'r'.repeat(5000)}z`;
    const res = await member.post(page('en', `/consensus/${f.callId}/position`), { optionId: f.optionId, stance: 'object', reason: long });
    expect(res.statusCode).toBe(422);
    expect(fieldError(res.body, `reason-${f.optionId}`)).toBe('This text is too long: it may have up to 5,000 characters.');
    expect(res.body).toContain(long);
    expect(await t.db.selectFrom('consensus_positions').select('id').execute()).toEqual([]);
  });

  it('a response’s rationale: 10,000 characters stated; over it the queue comes back with the rationale kept', async () => {
    const queue = await admin.get(page('en', `/comment-periods/${f.periodId}/responses`));
    expect(queue.body).toContain('Up to 10,000 characters.');
    expect(queue.body).toContain('maxlength="10000"');
    const group = await t.db.selectFrom('comments').select('group_id').where('id', '=', f.commentId).executeTakeFirstOrThrow();
    const long = `${'w'.repeat(10_000)}z`;
    const res = await admin.post(page('en', `/comment-periods/${f.periodId}/responses`), { groupId: group.group_id, entry: f.commentId, status: 'awaiting', outcome: 'noted', rationale: long, versionNumber: '', anchor: '' });
    expect(res.statusCode).toBe(422);
    expect(fieldError(res.body, `rationale-${f.commentId}`)).toBe('This text is too long: it may have up to 10,000 characters.');
    expect(res.body).toContain(long);
    expect(await t.db.selectFrom('comment_dispositions').select('id').execute()).toEqual([]);
  });

  it('a group announcement: 10,000 characters stated; over it the group page comes back with title and body kept (EN and FR)', async () => {
    const group = await admin.get(page('en', '/groups/labels'));
    expect(group.body).toContain('Up to 10,000 characters.');
    expect(group.body).toContain('maxlength="10000"');
    const long = `${'b'.repeat(10_000)}z`;
    const res = await admin.post(page('en', '/groups/labels/announcements'), { title: 'Next call', body: long, lang: 'fr' });
    expect(res.statusCode).toBe(422);
    expect(fieldError(res.body, 'body')).toBe('This text is too long: it may have up to 10,000 characters.');
    expect(res.body).toContain(long);
    expect(res.body).toContain('value="Next call"');
    expect(res.body).toMatch(/<option value="fr" selected/);
    await admin.get(page('fr', '/groups/labels'));
    const fr = await admin.post(page('fr', '/groups/labels/announcements'), { title: '', body: 'Court.', lang: 'fr' });
    expect(fr.statusCode).toBe(422);
    expect(fieldError(fr.body, 'title')).toBe('Ce champ ne peut pas être vide.');
    expect(fr.body).toContain('Court.');
    expect(await t.db.selectFrom('announcements').select('id').execute()).toEqual([]);
  });
});

describe('line breaks count as the browser counts them', () => {
  // A browser counts a line break as one character toward maxlength and sends it as CRLF (two):
  // 49 lines of 99 letters, each ended by a line break, then 100 letters, are 5,000 characters
  // in the textarea and 5,049 on the wire.
  const lines = (n: number, width: number) => Array.from({ length: n }, (_, i) => `${String.fromCharCode(97 + (i % 26)).repeat(width)}\r\n`).join('');

  it('a comment of exactly 5,000 characters with CRLF line breaks is accepted through the form, stored with LF', async () => {
    const path = `/comment-periods/${f.periodId}/comments/new`;
    await member.get(page('en', `${path}?document=report`));
    const text = `${lines(49, 99)}${'z'.repeat(100)}`;
    expect(text).toHaveLength(5049);
    const res = await member.post(page('en', path), { document: 'report', anchor: '', text, lang: 'en', idempotencyKey: 'crlf-1' });
    expect(res.statusCode, fieldError(res.body, 'text') ?? '').toBe(303);
    const stored = await t.db.selectFrom('comments').select('body').where('body', 'like', 'aaa%').executeTakeFirstOrThrow();
    expect(stored.body).toBe(text.replaceAll('\r\n', '\n'));
    expect(stored.body).toHaveLength(5000);
  });

  it('one character more is still refused with a 422, the text kept, in French too', async () => {
    const path = `/comment-periods/${f.periodId}/comments/new`;
    await member.get(page('fr', `${path}?document=report`));
    const text = `${lines(49, 99)}${'z'.repeat(101)}`;
    const res = await member.post(page('fr', path), { document: 'report', anchor: '', text, lang: 'fr', idempotencyKey: 'crlf-2' });
    expect(res.statusCode).toBe(422);
    expect(fieldError(res.body, 'text')).toMatch(/^Votre commentaire doit compter au plus 5\s000 caractères\.$/u);
    expect(res.body).toContain(text.replaceAll('\r\n', '\n'));
  });
});
