import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, testApp, type TestApp } from '../helpers/app.js';
import type { Client } from '../helpers/client.js';
import { adminActor, makeComment, makeCommentPeriod, makeDocument, makeGroup, makeProcess } from '../helpers/factories.js';
import type { Actor } from '../../src/platform/auth/roles.js';
import { newId } from '../../src/platform/lib/ids.js';
import { groupsRepository } from '../../src/modules/groups/groups.repository.js';
import { blocksOf, saveVersion, versionByNumber } from '../../src/modules/documents/documents.service.js';
import { hideComment } from '../../src/modules/comments/moderation.service.js';
import { recordDisposition, recountDispositions } from '../../src/modules/comments/dispositions.service.js';
import { listComments } from '../../src/modules/comments/listing.service.js';
import { commentsRepository, type Cursor } from '../../src/modules/comments/comments.repository.js';
import { foldCounters } from '../../src/modules/comments/comments.counters.js';

/**
 * Responses to comments: recording and changing them (API and the editors' queue page), the
 * exact progress count when a group response and a member's own response overlap, who may
 * respond, and the public report as a page, CSV and JSON.
 */
let t: TestApp;
let admin: Actor;
const SLUG = 'disp-process';
const f = { processId: '', groupA: '', groupB: '', docId: '', periodId: '', scope: '', labels: '', labelsV2: '', labelsV2Label: '' };
let convener: Client;
const api = (path = '') => `/api/v1/processes/${SLUG}/comment-periods/${f.periodId}${path}`;
const page = (lang: 'en' | 'fr', path: string) => `/${lang}/processes/${SLUG}/comment-periods/${f.periodId}${path}`;

const MARKDOWN = '# Outcomes report\n\n## 1. Scope\n\nConnected devices sold in Canada.\n\n## 2. Labels\n\nLabels should be clear.\n';

/** A comment sent through the comments feature's own service, as the demo data does. */
async function comment(text: string, anchor: string | null, name = 'A. Person'): Promise<string> {
  return (await makeComment(t.db, f.periodId, { text, anchor, displayName: name })).id;
}

async function period() {
  await foldCounters(t.db); // the kept columns, with the deltas of single comments folded in (0031)
  return t.db.selectFrom('comment_periods').selectAll().where('id', '=', f.periodId).executeTakeFirstOrThrow();
}

/** The kept counts equal a full recount, per paragraph and outcome and in total. */
async function expectCountsExact(): Promise<number> {
  const recount = await recountDispositions(t.db, f.periodId);
  await foldCounters(t.db); // the kept counts, with the answered arrivals not folded yet (0031)
  const kept = await t.db.selectFrom('comment_outcome_counts').selectAll().where('period_id', '=', f.periodId).where('count', '<>', 0).execute();
  const key = (r: { document_id: string; anchor: string; outcome: string }) => `${r.document_id}|${r.anchor}|${r.outcome}`;
  expect(new Map(kept.map((r) => [key(r), r.count]))).toEqual(new Map(recount.byOutcome.map((r) => [key(r), r.n])));
  expect((await period()).disposed_count).toBe(recount.disposed);
  return recount.disposed;
}

beforeAll(async () => {
  t = await testApp();
  admin = await adminActor(t.db);
  const { process } = await makeProcess(t.db, admin, SLUG, { titleEn: 'Dispositions', titleFr: 'Réponses' });
  f.processId = process.id;
  f.groupA = (await makeGroup(t.db, admin, process.id, 'labels', { nameEn: 'Labels', nameFr: 'Étiquettes' })).id;
  f.groupB = (await makeGroup(t.db, admin, process.id, 'other', { nameEn: 'Other', nameFr: 'Autre' })).id;
  const doc = await makeDocument(t.db, admin, process.id, { groupId: f.groupA, slug: 'outcomes', title: 'Outcomes report', markdown: MARKDOWN });
  f.docId = doc.id;
  await saveVersion(t.db, admin, doc.id, { title: 'Outcomes report', markdown: MARKDOWN.replace('Labels should be clear.', 'Labels should be clear and bilingual.'), message: 'Bilingual labels' });
  const p = await makeCommentPeriod(t.db, admin, process.id, { document: 'outcomes', version: 1 });
  f.periodId = p.id;
  const v1 = (await versionByNumber(t.db, doc.id, 1))!;
  const v2 = (await versionByNumber(t.db, doc.id, 2))!;
  f.scope = (await blocksOf(t.db, v1.id)).find((b) => b.plain.startsWith('Connected'))!.anchor;
  f.labels = (await blocksOf(t.db, v1.id)).find((b) => b.plain.startsWith('Labels should'))!.anchor;
  const changed = (await blocksOf(t.db, v2.id)).find((b) => b.plain.startsWith('Labels should'))!;
  f.labelsV2 = changed.anchor;
  f.labelsV2Label = changed.label;
  convener = (await signedInClient(t, { processRoles: [{ role: 'convener', processId: process.id }] })).client;
});
afterAll(async () => t?.close());

describe('recording a response', () => {
  it('records a response to a comment, then changes it, counting the comment once', async () => {
    const id = await comment('The scope should include medical devices.', f.scope);
    const first = await convener.json('POST', api('/dispositions'), { commentId: id, outcome: 'noted', rationale: 'Out of this text, noted for the next one.' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ commentId: id, groupId: null, outcome: 'noted', lang: 'en', changed: null });
    expect((await period()).disposed_count).toBe(1);

    const second = await convener.json('POST', api('/dispositions'), { commentId: id, outcome: 'accepted', rationale: 'Done.', versionNumber: 2, anchor: f.labelsV2Label });
    expect(second.statusCode).toBe(200);
    const body = second.json();
    expect(body.id).toBe(first.json().id);
    expect(body).toMatchObject({ outcome: 'accepted', rationale: 'Done.', changed: { documentId: f.docId, versionNumber: 2, anchor: f.labelsV2 } });
    expect(body.changed.url).toContain(`/en/processes/${SLUG}/documents/outcomes/versions/2#${f.labelsV2}`);
    expect(await expectCountsExact()).toBe(1);
  });

  it('refuses a paragraph that is not in the version, and a version of another document', async () => {
    const id = await comment('Another thought on scope.', f.scope);
    const res = await convener.json('POST', api('/dispositions'), { commentId: id, outcome: 'accepted', rationale: 'Done.', versionNumber: 2, anchor: 'no-such-paragraph' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toHaveProperty('anchor');
    const noVersion = await convener.json('POST', api('/dispositions'), { commentId: id, outcome: 'accepted', rationale: 'Done.', versionNumber: 9 });
    expect(noVersion.statusCode).toBe(422);
    const wrongLang = await convener.json('POST', api('/dispositions'), { commentId: id, outcome: 'noted', rationale: 'Noté.', lang: 'fr' });
    expect(wrongLang.statusCode).toBe(422);
    expect((await t.db.selectFrom('comment_dispositions').select('id').where('comment_id', '=', id).execute()).length).toBe(0);
  });

  it('requires a rationale for every outcome, and says so in the caller’s language', async () => {
    const id = await comment('Rationale please.', null);
    const en = await convener.json('POST', api('/dispositions'), { commentId: id, outcome: 'accepted', rationale: '   ' });
    expect(en.statusCode).toBe(400);
    expect(en.json().errors.rationale).toBe('Write the rationale for this response: every outcome needs one.');
    const fr = await convener.json('POST', api('/dispositions'), { commentId: id, outcome: 'noted', rationale: '' }, { 'accept-language': 'fr' });
    expect(fr.statusCode).toBe(400);
    expect(fr.json().errors.rationale).toBe('Rédigez la justification de cette réponse\u00a0: chaque décision en demande une.');
    // The service refuses it too, for callers that skip the schema (demo data).
    await expect(recordDisposition(t.db, admin, f.periodId, { commentId: id, outcome: 'noted', rationale: ' ' })).rejects.toMatchObject({ status: 422 });
  });
});

describe('groups of duplicates', () => {
  it('covers every copy with one response, counts a member with its own response once, and stays exact on changes', async () => {
    const before = (await period()).disposed_count;
    const text = 'Please require bilingual labels.';
    const ids = [await comment(text, f.labels, 'Ann'), await comment(text, f.labels, 'Bob'), await comment('please REQUIRE bilingual labels', f.labels, 'Cy')];
    const group = await t.db.selectFrom('comments').select('group_id').where('id', '=', ids[0]!).executeTakeFirstOrThrow();
    expect(new Set((await t.db.selectFrom('comments').select('group_id').where('id', 'in', ids).execute()).map((r) => r.group_id)).size).toBe(1);

    // Bob's copy is answered on its own first: one more comment covered.
    const own = await convener.json('POST', api('/dispositions'), { commentId: ids[1], outcome: 'not_accepted', rationale: 'Bob asked for more than this.' });
    expect(own.statusCode).toBe(200);
    expect((await period()).disposed_count).toBe(before + 1);

    // The group's response covers the two others; Bob's keeps its own outcome.
    const grp = await convener.json('POST', api('/dispositions'), { groupId: group.group_id, outcome: 'accepted', rationale: 'Labels are now bilingual.', versionNumber: 2, anchor: f.labelsV2 });
    expect(grp.statusCode).toBe(200);
    expect((await period()).disposed_count).toBe(before + 3);
    await expectCountsExact();
    const counts = await t.db.selectFrom('comment_outcome_counts').select(['outcome', 'count']).where('period_id', '=', f.periodId).where('anchor', '=', f.labels).execute();
    expect(Object.fromEntries(counts.filter((c) => c.count > 0).map((c) => [c.outcome, c.count]))).toEqual({ accepted: 2, not_accepted: 1 });

    // Changing the group's outcome moves its two comments; the total stays.
    await convener.json('POST', api('/dispositions'), { groupId: group.group_id, outcome: 'partly_accepted', rationale: 'Partly: French and English only.' });
    expect((await period()).disposed_count).toBe(before + 3);
    // A member's own response after the group's moves that member, without counting it twice.
    await convener.json('POST', api('/dispositions'), { commentId: ids[0], outcome: 'noted', rationale: 'Noted separately.' });
    expect((await period()).disposed_count).toBe(before + 3);
    await expectCountsExact();

    // A copy that arrives after the group was answered is covered by that answer at once.
    await comment(text, f.labels, 'Late Lee');
    expect((await period()).disposed_count).toBe(before + 4);
    // The same text on another paragraph is another group, waiting for its own answer.
    await comment(text, f.scope, 'Elsewhere Eve');
    expect((await period()).disposed_count).toBe(before + 4);
    await expectCountsExact();

    const list = await convener.json('GET', api('/dispositions'));
    expect(list.statusCode).toBe(200);
    expect(list.json().items.some((d: { groupId: string | null }) => d.groupId === group.group_id)).toBe(true);
  });
});

describe('who may respond', () => {
  it('lets the owning working group’s members respond and refuses a member of another group', async () => {
    const id = await comment('Who answers this?', f.scope);
    const a = await signedInClient(t);
    const b = await signedInClient(t);
    await groupsRepository.addMember(t.db, { id: newId(), group_id: f.groupA, user_id: a.userId });
    await groupsRepository.addMember(t.db, { id: newId(), group_id: f.groupB, user_id: b.userId });
    const refused = await b.client.json('POST', api('/dispositions'), { commentId: id, outcome: 'noted', rationale: 'Not mine to answer.' });
    expect(refused.statusCode).toBe(403);
    expect((await b.client.get(page('en', '/responses'))).statusCode).toBe(403);
    const allowed = await a.client.json('POST', api('/dispositions'), { commentId: id, outcome: 'noted', rationale: 'Our group answers.' });
    expect(allowed.statusCode).toBe(200);
    const responses = await a.client.get(page('en', '/responses'));
    expect(responses.statusCode).toBe(200);
    // The response queue itself, with its progress, not an empty or error page.
    expect(responses.body).toContain('<h1>Responses to comments');
    expect(responses.body).toMatch(/\d+ of \d+ comments have a response/);
    const anonymous = await t.app.inject({ method: 'POST', url: api('/dispositions'), payload: { commentId: id, outcome: 'noted', rationale: 'x' } });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('the editors’ queue page', () => {
  it('answers a comment through the form (no JavaScript) and returns to the same place with a notice', async () => {
    const id = await comment('A comment for the queue page.', f.scope, 'Dee');
    const res = await convener.get(page('en', '/responses'));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('A comment for the queue page.');
    expect(res.body).toMatch(/<progress[^>]*max="\d+"/);
    const group = await t.db.selectFrom('comments').select('group_id').where('id', '=', id).executeTakeFirstOrThrow();
    const saved = await convener.post(page('en', '/responses'), { groupId: group.group_id, entry: id, status: 'awaiting', outcome: 'accepted', rationale: 'Accepted from the queue.', versionNumber: '', anchor: '' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${page('en', '/responses')}?status=awaiting`);
    const after = await convener.get(String(saved.headers.location));
    expect(after.body).toContain('The response was saved.');
    expect(after.body).not.toContain('A comment for the queue page.');
    const answered = await convener.get(`${page('en', '/responses')}?status=answered`);
    expect(answered.body).toContain('A comment for the queue page.');
    await expectCountsExact();
  });

  it('shows the form again with the error in French when the rationale is missing', async () => {
    const id = await comment('Une remarque sans réponse.', null);
    await convener.get(page('fr', '/responses'));
    const group = await t.db.selectFrom('comments').select('group_id').where('id', '=', id).executeTakeFirstOrThrow();
    const res = await convener.post(page('fr', '/responses'), { groupId: group.group_id, entry: id, status: 'awaiting', outcome: 'noted', rationale: '' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Rédigez la justification de cette réponse\u00a0: chaque décision en demande une.');
    expect(res.body).toContain(`href="#field-rationale-${id}"`);
  });

  it('pages 25 entries at a time with next and previous links', async () => {
    for (let i = 0; i < 27; i++) await comment(`Paged comment number ${i}.`, f.scope);
    const first = await convener.get(`${page('en', '/responses')}?status=all`);
    expect(first.body.match(/<section[^>]*class="card"/g)?.length).toBe(25);
    const next = /href="([^"]+)" rel="next"/.exec(first.body)?.[1]?.replace(/&amp;/g, '&');
    expect(next).toBeDefined();
    const second = await convener.get(next!);
    expect(second.statusCode).toBe(200);
    expect(second.body).toMatch(/rel="prev"/);
    const prev = /href="([^"]+)" rel="prev"/.exec(second.body)![1]!.replace(/&amp;/g, '&');
    const back = await convener.get(prev);
    expect(back.body.match(/<section[^>]*class="card"/g)?.length).toBe(25);
  });
});

describe('the disposition-of-comments report', () => {
  let hiddenId = '';
  beforeAll(async () => {
    hiddenId = await comment('Buy cheap watches at example.com', null, 'Spammer');
    await hideComment(t.db, admin, f.processId, hiddenId, { reason: 'spam', note: '' });
    await comment('=HYPERLINK("http://evil.example","click")', null, '@attacker');
  });

  it('lists each answer under its paragraph with a link to the changed version and paragraph', async () => {
    const res = await t.app.inject({ url: page('en', '/report') });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<h1>Disposition of comments</h1>');
    const labelsAt = html.indexOf('Labels should be clear.');
    const answerAt = html.indexOf('Please require bilingual labels.', labelsAt);
    expect(labelsAt).toBeGreaterThan(-1);
    expect(answerAt).toBeGreaterThan(labelsAt);
    expect(html).toContain(`href="/en/processes/${SLUG}/documents/outcomes/versions/2#${f.labelsV2}"`);
    expect(html).toContain('Hidden by a moderator: spam');
    expect(html).not.toContain('Buy cheap watches');
    expect(html).toContain(`/en/processes/${SLUG}/comment-periods/${f.periodId}/comments?document=outcomes&amp;anchor=${f.labels}`);
    expect(html).toMatch(/<progress/);
    const fr = await t.app.inject({ url: page('fr', '/report') });
    expect(fr.body).toContain('Traitement des commentaires');
  });

  it('opens with a table of contents: a plain link to each document and paragraph section, every one landing on an id', async () => {
    for (const lang of ['en', 'fr'] as const) {
      const html = (await t.app.inject({ url: page(lang, '/report') })).body;
      const nav = /<nav class="toc"[^>]*>.*?<\/nav>/s.exec(html)?.[0];
      expect(nav, 'the report has a table of contents').toBeDefined();
      expect(nav).toContain(lang === 'en' ? 'Contents' : 'Sommaire');
      const targets = [...nav!.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
      expect(targets).toEqual(expect.arrayContaining([`d-${f.docId}`, `p-${f.docId}-${f.scope}`, `p-${f.docId}-${f.labels}`, `p-${f.docId}-general`]));
      for (const id of targets) expect(html, `#${id} leads somewhere`).toContain(`id="${id}"`);
      // Sections in the order the contents list them: the reader finds what the link says.
      const at = targets.map((id) => html.indexOf(`id="${id}"`));
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect(html.indexOf('<nav class="toc"')).toBeLessThan(at[0]!);
    }
  });

  it('exports every comment with its response as JSON, hidden ones as tombstones', async () => {
    const { comment_count } = await period();
    for (const url of [page('en', '/report.json'), api('/report')]) {
      const res = await t.app.inject({ url });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.comments).toHaveLength(comment_count);
      const hidden = body.comments.find((c: { id: string }) => c.id === hiddenId);
      expect(hidden).toMatchObject({ status: 'hidden', hiddenReason: 'spam', text: null, displayName: null });
      const answered = body.comments.filter((c: { response: unknown }) => c.response !== null);
      expect(answered.length).toBe((await period()).disposed_count);
    }
  });

  it('exports every comment as CSV, guarded against formulas', async () => {
    const res = await t.app.inject({ url: page('en', '/report.csv') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.replace(/^\ufeff/, '').trimEnd().split('\r\n');
    expect(lines.length).toBe(1 + (await period()).comment_count);
    expect(lines[0]).toMatch(/^"id","receipt"/);
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(res.body).toContain(`"'@attacker"`);
    expect(res.body).not.toMatch(/(^|,)"=/m);
    const hiddenLine = lines.find((l) => l.startsWith(`"${hiddenId}"`))!;
    expect(hiddenLine).toContain('"hidden","spam"');
    expect(hiddenLine).not.toContain('watches');
  });

  it('answers 404 for a period that does not exist', async () => {
    const res = await t.app.inject({ url: `/en/processes/${SLUG}/comment-periods/${newId()}/report` });
    expect(res.statusCode).toBe(404);
  });
});

describe('the comment list', () => {
  it('gives each row as the row-per-row read does, responses and hidden ones included, whatever the filter and end', async () => {
    const base = { periodId: f.periodId, documentIds: [f.docId] };
    const all = await t.db.selectFrom('comments').select(['id', 'group_id', 'status', 'listed']).where('period_id', '=', f.periodId).execute();
    const responses = await t.db.selectFrom('comment_dispositions').select(['comment_id', 'group_id']).where('period_id', '=', f.periodId).execute();
    const answered = (c: (typeof all)[number]) => responses.some((r) => r.comment_id === c.id || r.group_id === c.group_id);
    const expected = {
      none: all.filter((c) => c.listed),
      answered: all.filter((c) => c.listed && answered(c)),
      awaiting: all.filter((c) => c.listed && c.status === 'visible' && !answered(c)),
      hidden: all.filter((c) => c.status === 'hidden'),
    };
    expect(expected.answered.length).toBeGreaterThan(0);
    expect(expected.awaiting.length).toBeGreaterThan(0);
    for (const status of ['none', 'answered', 'awaiting', 'hidden'] as const) {
      const filter = status === 'none' ? base : { ...base, status };
      const ids = expected[status].map((c) => c.id).sort();
      // Every page, read forwards three at a time, then the last page.
      const seen: string[] = [];
      for (let cursor: Cursor = { first: true }; ; ) {
        const page = await listComments(t.db, filter, cursor, 3);
        for (const row of page.rows) expect(row).toEqual(await commentsRepository.commentRow(t.db, row.id));
        seen.push(...page.rows.map((r) => r.id));
        if (!page.next) break;
        cursor = { after: page.next };
      }
      expect(seen, status).toEqual(ids);
      const last = await listComments(t.db, filter, { last: true }, 3);
      expect(last.rows.map((r) => r.id)).toEqual(ids.slice(-3));
      if (ids.length > 3) expect(last.previous).toBe(ids.at(-3));
    }
  });
});
