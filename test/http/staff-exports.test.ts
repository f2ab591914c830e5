import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { makeComment, makeCommentPeriod, makeDocument, makeMember, makeOrganisation, makeProcess, makeUser } from '../helpers/factories.js';
import { hideComment } from '../../src/modules/comments/moderation.service.js';
import { newId } from '../../src/platform/lib/ids.js';

/**
 * Issue 10: the exports and API answers that carry person names say whether each is staff, as
 * the pages' badge does, from role facts and never from the name: the participants CSV (a last
 * column), Popolo JSON, the members and organisation people APIs, the comments CSV/JSON and API,
 * and the disposition report as CSV and JSON. Three accounts take part, all named "Site Admin":
 * the administrator, a convener of the process, and an ordinary account; a hidden comment of the
 * administrator's says nothing of its sender.
 */
let t: TestApp;
const SLUG = 'staff-exports';
type Who = 'admin' | 'convener' | 'imitator';
const WHO: Who[] = ['admin', 'convener', 'imitator'];
const EXPECTED: Record<Who, 'administrator' | 'convener' | null> = { admin: 'administrator', convener: 'convener', imitator: null };
const user = {} as Record<Who, string>;
const comment = {} as Record<Who, string>;
const ids = { period: '', org: '', hidden: '' };

beforeAll(async () => {
  t = await testApp();
  const root = await makeUser(t.db, { admin: true, name: 'Root' });
  const { process } = await makeProcess(t.db, root.actor, SLUG);
  ids.org = await makeOrganisation(t.db, root.actor, 'Export Works');
  const joined = {
    admin: await makeMember(t, SLUG, ids.org, 'government'),
    convener: await makeMember(t, SLUG, ids.org, 'government', { role: 'convener' }),
    imitator: await makeMember(t, SLUG, ids.org, 'government'),
  };
  await t.db.insertInto('role_assignments').values({ id: newId(), user_id: joined.admin.userId, role: 'admin', process_id: null, group_id: null, granted_by: null }).execute();
  for (const w of WHO) {
    user[w] = joined[w].userId;
    await t.db.updateTable('users').set({ name: 'Site Admin' }).where('id', '=', user[w]).execute();
  }
  await makeDocument(t.db, root.actor, process.id, { slug: 'draft', markdown: '# Draft\n\nText.\n' });
  ids.period = (await makeCommentPeriod(t.db, root.actor, process.id, { document: 'draft', version: 1 })).id;
  for (const w of WHO) comment[w] = (await makeComment(t.db, ids.period, { text: `Words of ${w}.`, displayName: 'Site Admin' }, { actor: joined[w].actor })).id;
  ids.hidden = (await makeComment(t.db, ids.period, { text: 'Hidden words.', displayName: 'Site Admin' }, { actor: joined.admin.actor })).id;
  await hideComment(t.db, root.actor, process.id, ids.hidden, { reason: 'off_topic', note: '' });
});
afterAll(async () => t?.close());

/** One CSV line's cells (RFC 4180 quoting; no line breaks inside cells in these fixtures). */
function cellsOf(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cell);
      cell = '';
    } else cell += c;
  }
  out.push(cell);
  return out;
}

/** A CSV body's rows as cells (a byte-order mark dropped). */
const csvRows = (body: string) => body.replace(/^\ufeff/, '').replace(/\r\n$/, '').split('\r\n').map(cellsOf);

describe('staff roles in exports of participants', () => {
  it('the participants CSV appends staff_role, keeping the columns before it', async () => {
    const res = await t.app.inject(`/api/v1/processes/${SLUG}/participants.csv`);
    expect(res.statusCode).toBe(200);
    const [head, ...rows] = csvRows(res.body);
    expect(head).toEqual(['name', 'organisation', 'stakeholder_group', 'stakeholder_group_fr', 'working_groups', 'joined_on', 'staff_role']);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r[0] === 'Site Admin' && r.length === 7)).toBe(true);
    expect(rows.map((r) => r[6]).sort()).toEqual(['', 'administrator', 'convener']);
  });

  it('Popolo JSON flags each person’s staff role as an added property', async () => {
    const popolo = (await t.app.inject(`/api/v1/processes/${SLUG}/popolo.json`)).json<{ persons: { id: string; name: string; '+staff_role': string | null }[] }>();
    for (const w of WHO) expect(popolo.persons.find((p) => p.id === user[w])).toEqual({ id: user[w], name: 'Site Admin', '+staff_role': EXPECTED[w] });
  });

  it('the members API and the organisation’s people say staffRole, by account', async () => {
    const members = (await t.app.inject(`/api/v1/processes/${SLUG}/members`)).json().items as { userId: string; staffRole: unknown }[];
    const people = (await t.app.inject(`/api/v1/organisations/${ids.org}/roles`)).json().items as { userId: string; staffRole: unknown }[];
    for (const w of WHO) {
      expect(members.find((m) => m.userId === user[w])!.staffRole, `member ${w}`).toBe(EXPECTED[w]);
      expect(people.find((m) => m.userId === user[w])!.staffRole, `organisation person ${w}`).toBe(EXPECTED[w]);
    }
  });
});

describe('staff roles in exports of comments', () => {
  const base = `/en/processes/${SLUG}/comment-periods`;

  it('the comments CSV and JSON append staffRole; a hidden comment’s is empty', async () => {
    const csv = await t.app.inject(`${base}/${ids.period}/comments.csv`);
    expect(csv.statusCode).toBe(200);
    const [head, ...rows] = csvRows(csv.body);
    // Appended after response; issue 11's channel and receivedAt were appended after it in turn.
    expect(head!.slice(head!.indexOf('response'))).toEqual(['response', 'staffRole', 'channel', 'receivedAt', 'campaign']);
    const col = head!.indexOf('staffRole');
    const byId = new Map(rows.map((r) => [r[0], r[col]]));
    for (const w of WHO) expect(byId.get(comment[w]), `comment of ${w}`).toBe(EXPECTED[w] ?? '');
    expect(byId.get(ids.hidden)).toBe('');

    const json = (await t.app.inject(`${base}/${ids.period}/comments.json`)).json<{ comments: { id: string; staffRole: unknown }[] }>();
    for (const w of WHO) expect(json.comments.find((c) => c.id === comment[w])!.staffRole).toBe(EXPECTED[w]);
    expect(json.comments.find((c) => c.id === ids.hidden)!.staffRole).toBeNull();
  });

  it('the disposition report as CSV (staff_role, last) and JSON, the page’s and the API’s', async () => {
    const csv = await t.app.inject(`${base}/${ids.period}/report.csv`);
    expect(csv.statusCode).toBe(200);
    const [head, ...rows] = csvRows(csv.body);
    expect(head!.at(-1)).toBe('staff_role');
    expect(head!.at(-2)).toBe('changed_url');
    const byId = new Map(rows.map((r) => [r[0], r.at(-1)]));
    for (const w of WHO) expect(byId.get(comment[w]), `comment of ${w}`).toBe(EXPECTED[w] ?? '');
    expect(byId.get(ids.hidden)).toBe('');
    for (const url of [`${base}/${ids.period}/report.json`, `/api/v1/processes/${SLUG}/comment-periods/${ids.period}/report`]) {
      const json = (await t.app.inject(url)).json<{ comments: { id: string; staffRole: unknown }[] }>();
      for (const w of WHO) expect(json.comments.find((c) => c.id === comment[w])!.staffRole, `${url}: ${w}`).toBe(EXPECTED[w]);
      expect(json.comments.find((c) => c.id === ids.hidden)!.staffRole).toBeNull();
    }
  });

  it('the comments API says staffRole too, and the OpenAPI document describes it', async () => {
    const page = (await t.app.inject(`/api/v1/processes/${SLUG}/comment-periods/${ids.period}/comments`)).json<{ items: { id: string; staffRole: unknown }[] }>();
    for (const w of WHO) expect(page.items.find((c) => c.id === comment[w])!.staffRole).toBe(EXPECTED[w]);
    const doc = JSON.stringify((await t.app.inject('/api/openapi.json')).json());
    expect(doc.match(/never from the name/g)!.length).toBeGreaterThanOrEqual(5);
    expect(doc).toContain('`staff_role`');
    expect(doc).toContain('`+staff_role`');
  });
});
