import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, testApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { mailRepository } from '../../src/modules/mail/mail.repository.js';
import { blocksOf, createDocument } from '../../src/modules/documents/documents.service.js';
import { getProcess } from '../../src/modules/processes/processes.service.js';
import { submitComment } from '../../src/modules/comments/comments.service.js';
import type { Actor } from '../../src/platform/auth/roles.js';
import { foldCounters } from '../../src/modules/comments/comments.counters.js';

/**
 * Duplicates, moderation, consent reports, exports and the keyset listing: hiding one comment
 * never hides another's, tombstones keep their place, exports carry every comment.
 */
type Person = Awaited<ReturnType<typeof signedInClient>>;
let t: TestApp;
let admin: Person;
let oversight: Person;
let moderator: Person;
let commenter: Person;
let reporter: Person;
let anchors: string[] = [];
let groups: { id: string; key: string }[] = [];
const SLUG = 'iot-moderation';
const API = `/api/v1/processes/${SLUG}`;
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await testApp();
  admin = await signedInClient(t, { admin: true });
  const p = await admin.client.json('POST', '/api/v1/processes', { slug: SLUG, titleEn: 'Enhancing IoT Security', titleFr: 'Améliorer la sécurité de l’IdO', phases: [] });
  const processId = p.json().id as string;
  oversight = await signedInClient(t, { processRoles: [{ role: 'oversight', processId }] });
  moderator = await signedInClient(t, { processRoles: [{ role: 'moderator', processId }] });
  commenter = await signedInClient(t);
  reporter = await signedInClient(t);
  const actor: Actor = { userId: admin.userId, name: 'Admin', email: admin.email, lang: 'en', emailConfirmed: true, isAdmin: true, processRoles: new Map(), groupRoles: new Map(), organisationRoles: new Map(), installationRoles: new Set() };
  const doc = await createDocument(t.db, actor, processId, {
    groupId: null,
    slug: 'draft',
    kind: 'report',
    lang: 'en',
    title: 'Draft outcomes report',
    membersOnly: false,
    markdown: '# Benchmarks\n\nDevices must receive security updates.\n\nUpdates must be signed.\n',
    message: 'First draft',
  });
  anchors = (await blocksOf(t.db, doc.current_version_id!)).map((b) => b.anchor);
  groups = (await getProcess(t.db, SLUG)).stakeholderGroups.map((g) => ({ id: g.id, key: g.key }));
});
afterAll(async () => t?.close());

async function openPeriod(): Promise<string> {
  const res = await oversight.client.json('POST', `${API}/comment-periods`, {
    document: 'draft',
    opensAt: new Date(Date.now() - HOUR).toISOString(),
    closesAt: new Date(Date.now() + 24 * HOUR).toISOString(),
    timeZone: 'America/Toronto',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function send(who: Person, periodId: string, body: Record<string, unknown> = {}) {
  const res = await who.client.json('POST', `${API}/comment-periods/${periodId}/comments`, { text: 'Updates must be signed.', lang: 'en', anchor: anchors[2], ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; receipt: string }>();
}

const list = async (periodId: string, query = '') =>
  (await new Client(t.app).json('GET', `${API}/comment-periods/${periodId}/comments${query}`)).json<{
    items: { id: string; status: string; text: string | null; duplicates: { size: number; primaryId: string | null }; hiddenReason: string | null }[];
    next: string | null;
    previous: string | null;
  }>();

describe('exact duplicates', () => {
  let periodId = '';
  let a = { id: '', receipt: '' };
  let b = { id: '', receipt: '' };
  let c = { id: '', receipt: '' };

  it('groups three texts that differ in case and punctuation: one listed, with a size of 3', async () => {
    periodId = await openPeriod();
    a = await send(commenter, periodId, { text: 'Ban default passwords!', displayName: 'Alice' });
    b = await send(reporter, periodId, { text: 'ban default passwords', displayName: 'Bob' });
    c = await send(moderator, periodId, { text: 'BAN — default, passwords.', displayName: 'Chloé' });
    await send(commenter, periodId, { text: 'Something else entirely.' });
    const page = await list(periodId);
    expect(page.items).toHaveLength(2);
    expect(page.items[0]!.id).toBe(a.id);
    expect(page.items[0]!.duplicates.size).toBe(3);
    const html = await new Client(t.app).get(`/en/processes/${SLUG}/comment-periods/${periodId}/comments`);
    expect(html.body).toContain('3 people sent this text');
    const names = await new Client(t.app).get(`/en/processes/${SLUG}/comments/${a.id}/duplicates`);
    for (const n of ['Alice', 'Bob', 'Chloé']) expect(names.body).toContain(n);
  });

  it('groups per paragraph: the same text on another paragraph is listed there too, so margin counts and lists agree', async () => {
    const other = await openPeriod();
    const first = await send(commenter, other, { text: 'Ban default passwords!', anchor: anchors[1] });
    const second = await send(reporter, other, { text: 'ban default passwords', anchor: anchors[2] });
    const onFirst = await list(other, `?document=draft&anchor=${anchors[1]}`);
    const onSecond = await list(other, `?document=draft&anchor=${anchors[2]}`);
    expect(onFirst.items.map((i) => [i.id, i.duplicates.size])).toEqual([[first.id, 1]]);
    expect(onSecond.items.map((i) => [i.id, i.duplicates.size])).toEqual([[second.id, 1]]);
  });

  it('keeps the period’s counts of distinct texts and hidden comments as comments arrive, hide and come back', async () => {
    const own = await openPeriod();
    // The kept columns, once the deltas of comments sent one at a time are folded in (0031).
    const counts = async () => (await foldCounters(t.db), t.db.selectFrom('comment_periods').select(['comment_count', 'text_count', 'hidden_count']).where('id', '=', own).executeTakeFirstOrThrow());
    await send(commenter, own, { text: 'Ban default passwords!' });
    await send(reporter, own, { text: 'ban default passwords' });
    const other = await send(reporter, own, { text: 'A second text altogether.' });
    expect(await counts()).toEqual({ comment_count: 3, text_count: 2, hidden_count: 0 });
    expect((await moderator.client.json('POST', `${API}/comments/${other.id}/hide`, { reason: 'off_topic' })).statusCode).toBe(200);
    expect(await counts()).toEqual({ comment_count: 3, text_count: 2, hidden_count: 1 });
    // Hiding it twice is refused and counts nothing more; restoring takes it off the count.
    expect((await moderator.client.json('POST', `${API}/comments/${other.id}/hide`, { reason: 'off_topic' })).statusCode).toBe(409);
    expect((await moderator.client.json('POST', `${API}/comments/${other.id}/restore`, {})).statusCode).toBe(200);
    expect(await counts()).toEqual({ comment_count: 3, text_count: 2, hidden_count: 0 });
  });

  it('hiding the primary keeps the others visible: its tombstone stays and the next one is listed', async () => {
    const hidden = await moderator.client.json('POST', `${API}/comments/${a.id}/hide`, { reason: 'spam', note: 'Copy-paste campaign' });
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect(hidden.json().text).toBeNull();
    expect(hidden.json().displayName).toBeNull();
    const page = await list(periodId);
    expect(page.items.map((i) => i.id)).toEqual([a.id, b.id, expect.any(String)]);
    expect(page.items[0]!.status).toBe('hidden');
    expect(page.items[1]!.text).toBe('ban default passwords');
    expect(page.items[1]!.duplicates.primaryId).toBe(b.id);
    const html = await new Client(t.app).get(`/en/processes/${SLUG}/comment-periods/${periodId}/comments`);
    expect(html.body).toMatch(/Hidden by a moderator on [^:]+: spam\./);
    expect(html.body).not.toContain('Ban default passwords!');
    const fr = await new Client(t.app).get(`/fr/processes/${SLUG}/comments/${a.id}`);
    expect(fr.body).toContain('Masqué par un modérateur le');
    // Hidden comments leave search; the visible duplicates stay in it.
    const entries = await t.db.selectFrom('search_entries').select('ref_id').where('kind', '=', 'comment').execute();
    expect(entries.map((e) => e.ref_id)).not.toContain(a.id);
    expect(entries.map((e) => e.ref_id)).toContain(b.id);
    // Hidden comments are listed under the "hidden" filter.
    expect((await list(periodId, '?status=hidden')).items.map((i) => i.id)).toEqual([a.id]);
    // Anyone else is refused; a comment is never deleted.
    expect((await commenter.client.json('POST', `${API}/comments/${b.id}/hide`, { reason: 'spam' })).statusCode).toBe(403);
    await expect(t.db.deleteFrom('comments').where('id', '=', a.id).execute()).rejects.toThrow(/never deleted/);
  });

  it('restoring gives the earlier comment its primary place back; the later one is counted on it again', async () => {
    const res = await moderator.client.json('POST', `${API}/comments/${a.id}/restore`, {});
    expect(res.statusCode, res.body).toBe(200);
    const page = await list(periodId);
    expect(page.items.map((i) => i.id)).toEqual([a.id, expect.any(String)]);
    expect(page.items[0]!.text).toBe('Ban default passwords!');
    expect(page.items[0]!.duplicates.primaryId).toBe(a.id);
    // Restoring a later duplicate after hiding it leaves it counted on the primary, not listed.
    await moderator.client.json('POST', `${API}/comments/${c.id}/hide`, { reason: 'abuse' });
    await moderator.client.json('POST', `${API}/comments/${c.id}/restore`, {});
    expect((await list(periodId)).items.map((i) => i.id)).not.toContain(c.id);
    expect((await moderator.client.json('POST', `${API}/comments/${c.id}/restore`, {})).statusCode).toBe(409);
  });

  it('hides through the comment page too, with a reason from the list, and records who and why', async () => {
    const page = await moderator.client.get(`/en/processes/${SLUG}/comments/${b.id}`);
    expect(page.body).toContain('Hide this comment');
    const res = await moderator.client.post(`/en/processes/${SLUG}/comments/${b.id}/hide`, { reason: 'off_topic', note: '' });
    expect(res.statusCode).toBe(303);
    const audit = await t.db.selectFrom('audit_events').select(['action', 'actor_id']).where('entity_id', '=', b.id).orderBy('seq').execute();
    expect(audit.map((e) => e.action)).toEqual(['comment.submit', 'comment.hide']);
    expect(audit[1]!.actor_id).toBe(moderator.userId);
    const moderation = await moderator.client.get(`/en/processes/${SLUG}/comment-periods/${periodId}/moderation`);
    expect(moderation.statusCode).toBe(200);
    expect(moderation.body).toContain(b.receipt);
    // The moderation page names who hid each comment (every test account is "Test Person").
    expect(moderation.body).toContain('<th scope="col">Hidden by</th>');
    expect(moderation.body).toMatch(new RegExp(`${b.receipt}</a></td><td>[^<]+</td><td>[^<]+</td><td>Test Person</td>`));
  });
});

describe('consent reports', () => {
  it('are sent from the comment page, reach the moderators, and upholding one hides the comment as not consented', async () => {
    const periodId = await openPeriod();
    const target = await send(commenter, periodId, { text: 'Sent in someone else’s name.', displayName: 'Reporter Person' });
    const anon = await new Client(t.app).get(`/en/processes/${SLUG}/comments/${target.id}/report`);
    expect(anon.statusCode).toBe(303);
    await reporter.client.get(`/en/processes/${SLUG}/comments/${target.id}/report`);
    const sent = await reporter.client.post(`/en/processes/${SLUG}/comments/${target.id}/report`, { statement: 'I never wrote this.' });
    expect(sent.statusCode).toBe(303);
    const mails = await mailRepository.list(t.db, { to: moderator.email, limit: 10 });
    expect(mails.some((m) => m.kind === 'commentReported' && m.body_text.includes(target.receipt))).toBe(true);
    const reports = await moderator.client.json('GET', `${API}/comment-periods/${periodId}/reports`);
    expect(reports.json().items).toHaveLength(1);
    const queue = await moderator.client.get(`/en/processes/${SLUG}/comment-periods/${periodId}/moderation`);
    expect(queue.body).toContain('I never wrote this.');
    const reportId = reports.json().items[0].id as string;
    const upheld = await moderator.client.post(`/en/processes/${SLUG}/comment-reports/${reportId}`, { decision: 'uphold', resolution: 'Confirmed by email' });
    expect(upheld.statusCode).toBe(303);
    const after = (await new Client(t.app).json('GET', `${API}/comments/${target.id}`)).json();
    expect(after.status).toBe('hidden');
    expect(after.hiddenReason).toBe('not_consented');
    expect((await moderator.client.json('GET', `${API}/comment-periods/${periodId}/reports`)).json().items).toHaveLength(0);
    expect((await moderator.client.json('POST', `${API}/comment-reports/${reportId}`, { decision: 'dismiss' })).statusCode).toBe(409);
  });
});

describe('exports', () => {
  it('carry every comment in order, hidden ones as tombstones, with formulas defused', async () => {
    const periodId = await openPeriod();
    const one = await send(commenter, periodId, { text: '=HYPERLINK("http://evil.example")', stakeholderGroupId: groups[0]!.id, organisation: 'ACME' });
    const two = await send(commenter, periodId, { text: 'Private phone number 555-0100', anchor: null });
    await moderator.client.json('POST', `${API}/comments/${two.id}/hide`, { reason: 'personal_information' });
    const csv = await new Client(t.app).get(`/en/processes/${SLUG}/comment-periods/${periodId}/comments.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toContain('id,receipt,date,document');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(one.receipt);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(lines[1]).toContain(groups[0]!.key);
    expect(lines[2]).toContain(two.receipt);
    expect(lines[2]).toContain('hidden,personal_information');
    expect(lines[2]).not.toContain('555-0100');
    const json = await new Client(t.app).get(`/en/processes/${SLUG}/comment-periods/${periodId}/comments.json`);
    const data = JSON.parse(json.body) as { period: { id: string }; comments: { receipt: string; text: string; status: string }[] };
    expect(data.period.id).toBe(periodId);
    expect(data.comments.map((c) => c.receipt)).toEqual([one.receipt, two.receipt]);
    expect(data.comments[1]!.text).toBe('');
    expect(data.comments[1]!.status).toBe('hidden');
  });
});

describe('the listing', () => {
  let periodId = '';
  const ids: string[] = [];

  beforeAll(async () => {
    periodId = await openPeriod();
    // 120 comments through the service other code seeds with: alternating paragraphs and languages.
    for (let i = 0; i < 120; i++) {
      const { comment } = await submitComment(
        t.db,
        null,
        periodId,
        { text: `Comment number ${i}`, lang: i % 3 === 0 ? 'fr' : 'en', anchor: i % 2 === 0 ? anchors[1]! : anchors[2]!, displayName: `Person ${i}`, stakeholderGroupId: groups[i % 2]!.id },
        {},
        { skipMail: true, skipAudit: true },
      );
      ids.push(comment.id);
    }
  });

  it('walks first, next, previous and last pages by id, 50 at a time', async () => {
    const first = await list(periodId);
    expect(first.items.map((i) => i.id)).toEqual(ids.slice(0, 50));
    expect(first.previous).toBeNull();
    const second = await list(periodId, `?after=${first.next}`);
    expect(second.items.map((i) => i.id)).toEqual(ids.slice(50, 100));
    expect(second.previous).toBe(ids[50]);
    const third = await list(periodId, `?after=${second.next}`);
    expect(third.items.map((i) => i.id)).toEqual(ids.slice(100));
    expect(third.next).toBeNull();
    const back = await list(periodId, `?before=${third.previous}`);
    expect(back.items.map((i) => i.id)).toEqual(ids.slice(50, 100));
    expect(back.next).toBe(ids[99]);
    const last = await list(periodId, '?last=1');
    expect(last.items.map((i) => i.id)).toEqual(ids.slice(70));
    expect(last.next).toBeNull();
    expect(last.previous).toBe(ids[70]);
  });

  it('filters by paragraph, stakeholder group and language, each with its own pages', async () => {
    const expected = ids.filter((_, i) => i % 2 === 0 && i % 3 === 0);
    const q = `?anchor=${anchors[1]}&lang=fr&stakeholderGroup=${groups[0]!.id}&limit=10`;
    const p1 = await list(periodId, q);
    expect(p1.items.map((i) => i.id)).toEqual(expected.slice(0, 10));
    const p2 = await list(periodId, `${q}&after=${p1.next}`);
    expect(p2.items.map((i) => i.id)).toEqual(expected.slice(10, 20));
    expect(p2.next).toBeNull();
    expect((await list(periodId, '?status=awaiting&limit=200')).items).toHaveLength(120);
    expect((await list(periodId, '?status=answered')).items).toHaveLength(0);
    expect((await list(periodId, '?anchor=general')).items).toHaveLength(0);
  });

  it('renders pages with ordinary links, keeping the filters', async () => {
    const first = await new Client(t.app).get(`/en/processes/${SLUG}/comment-periods/${periodId}/comments?lang=en`);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('rel="next"');
    expect(first.body).not.toContain('rel="prev"');
    expect(first.body).toContain('Last page');
    const next = /href="([^"]+)" rel="next"/.exec(first.body)![1]!.replace(/&amp;/g, '&');
    expect(next).toContain('lang=en');
    const second = await new Client(t.app).get(next);
    expect(second.body).toContain('rel="prev"');
    expect((second.body.match(/<article /g) ?? []).length).toBe(30);
    expect(first.body).toContain('120 comments received');
    const bad = await new Client(t.app).get(`/en/processes/${SLUG}/comment-periods/${periodId}/comments?after=nonsense`);
    expect(bad.statusCode).toBe(400);
  });
});
