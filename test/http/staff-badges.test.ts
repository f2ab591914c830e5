import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { makeComment, makeCommentPeriod, makeDocument, makeMember, makeOrganisation, makeProcess, makeRecommendation, makeUser } from '../helpers/factories.js';
import { openCall, statePosition } from '../../src/modules/consensus/consensus.service.js';
import { reportOnPledge, signPledge } from '../../src/modules/accountability/accountability.service.js';
import { newId } from '../../src/platform/lib/ids.js';

/**
 * Issue 10: staff are marked where their names appear, from role facts and never from the name.
 * An ordinary account named exactly like the administrator gets no badge; the administrator and
 * the process's convener get theirs, in English and in French.
 */
let t: TestApp;
const SLUG = 'staff-badges';
const ids = { period: '', admin: '', imitator: '', convener: '', process: '' };

beforeAll(async () => {
  t = await testApp();
  const admin = await makeUser(t.db, { admin: true, name: 'Site Admin' });
  const { process } = await makeProcess(t.db, admin.actor, SLUG);
  ids.process = process.id;
  await makeDocument(t.db, admin.actor, process.id, { slug: 'draft', markdown: '# Draft\n\nText.\n' });
  ids.period = (await makeCommentPeriod(t.db, admin.actor, process.id, { document: 'draft', version: 1 })).id;
  const imitator = await makeUser(t.db, { name: 'Site Admin' });
  const convener = await makeUser(t.db, { name: 'Connie Vener', roles: [{ role: 'convener', processId: process.id }] });
  ids.admin = (await makeComment(t.db, ids.period, { text: 'From the administrator.', displayName: 'Site Admin' }, { actor: admin.actor })).id;
  ids.imitator = (await makeComment(t.db, ids.period, { text: 'From someone else.', displayName: 'Site Admin' }, { actor: imitator.actor })).id;
  ids.convener = (await makeComment(t.db, ids.period, { text: 'From the convener.', displayName: 'Connie Vener' }, { actor: convener.actor })).id;
});
afterAll(async () => t?.close());

/** The heading of one comment's card in a listing, badge included. */
function heading(html: string, commentId: string): string {
  const m = new RegExp(`<h[23] id="comment-${commentId}-title"[^>]*>([\\s\\S]*?)</h[23]>`).exec(html);
  expect(m, `comment ${commentId} listed`).not.toBeNull();
  return m![1]!;
}

describe('staff badges on comments', () => {
  it.each([
    ['en', 'Administrator', 'Convener'],
    ['fr', 'Administrateur', 'Organisateur'],
  ] as const)('marks the administrator and the convener, not their namesake (%s)', async (lang, adminLabel, convenerLabel) => {
    const res = await t.app.inject({ url: `/${lang}/processes/${SLUG}/comment-periods/${ids.period}/comments` });
    expect(res.statusCode).toBe(200);
    expect(heading(res.body, ids.admin)).toContain(`<span class="staff-badge staff-badge--admin">${adminLabel}</span>`);
    expect(heading(res.body, ids.convener)).toContain(`<span class="staff-badge staff-badge--convener">${convenerLabel}</span>`);
    expect(heading(res.body, ids.imitator)).not.toContain('class="staff-badge');
    expect(heading(res.body, ids.imitator)).toContain('Site Admin');
  });
});

describe('staff badges where members act: the directory, consensus positions, progress reports', () => {
  const rows = { admin: '', imitator: '', convener: '' };
  type Key = keyof typeof rows;
  let joined: Record<Key, Awaited<ReturnType<typeof makeMember>>>;
  const call = { id: '' };
  const reports: Record<Key, string> = { admin: '', imitator: '', convener: '' };
  beforeAll(async () => {
    const admin = await makeUser(t.db, { admin: true, name: 'Directory Admin' });
    const org = await makeOrganisation(t.db, admin.actor, 'Badge Org');
    joined = {
      admin: await makeMember(t, SLUG, org, 'government'),
      imitator: await makeMember(t, SLUG, org, 'government'),
      convener: await makeMember(t, SLUG, org, 'government', { role: 'convener' }),
    };
    // Three members named the same way (the last word tells the rows apart); one of them is made administrator.
    await t.db
      .insertInto('role_assignments')
      .values({ id: newId(), user_id: joined.admin.userId, role: 'admin', process_id: null, group_id: null, granted_by: null })
      .execute();
    for (const [k, m] of Object.entries(joined)) {
      const name = `Root Admin ${k}`;
      await t.db.updateTable('users').set({ name }).where('id', '=', m.userId).execute();
      rows[k as Key] = name;
    }
    // Each of the three states a position on one call, and signs and reports on a pledge.
    const d = await openCall(t.db, admin.actor, ids.process, {
      target: 'document',
      document: 'draft',
      questionEn: 'Can you accept the draft?',
      questionFr: 'Pouvez-vous accepter le projet ?',
      options: [{ labelEn: 'As written', labelFr: 'Tel quel' }],
      deadline: new Date(Date.now() + 86_400_000).toISOString(),
      timeZone: 'America/Toronto',
      appealDays: 10,
    } as never);
    call.id = d.call.id;
    const recommendation = await makeRecommendation(t.db, ids.process, '1.1');
    for (const k of Object.keys(rows) as Key[]) {
      await statePosition(t.db, joined[k].actor, call.id, { optionId: d.options[0]!.id, stance: 'support', reason: null });
      const pledge = await signPledge(t.db, joined[k].actor, ids.process, {
        recommendationId: recommendation,
        organisationId: org,
        text: `Pledge of ${k}`,
        lang: 'en',
        dueOn: undefined,
      });
      reports[k] = (
        await reportOnPledge(t.db, joined[k].actor, ids.process, pledge.id, {
          status: 'on_track',
          body: `Report of ${k}`,
          reason: undefined,
          lang: 'en',
          evidenceUrls: [],
        })
      ).id;
    }
  });
  const badges = (lang: 'en' | 'fr') =>
    lang === 'en' ? { admin: 'Administrator', convener: 'Convener' } : { admin: 'Administrateur', convener: 'Organisateur' };

  /** The directory's table cell holding a name. */
  const cell = (html: string, name: string) => {
    const m = new RegExp(`<td><span class="person-name">${name}</span>(.*?)</td>`).exec(html);
    expect(m, `${name} listed`).not.toBeNull();
    return m![1]!;
  };

  it.each([
    ['en', 'Administrator', 'Convener'],
    ['fr', 'Administrateur', 'Organisateur'],
  ] as const)('marks the administrator and the convener among members (%s)', async (lang, adminLabel, convenerLabel) => {
    const res = await t.app.inject({ url: `/${lang}/processes/${SLUG}/participants` });
    expect(res.statusCode).toBe(200);
    expect(cell(res.body, rows.admin)).toContain(`<span class="staff-badge staff-badge--admin">${adminLabel}</span>`);
    expect(cell(res.body, rows.convener)).toContain(`<span class="staff-badge staff-badge--convener">${convenerLabel}</span>`);
    expect(cell(res.body, rows.imitator)).not.toContain('class="staff-badge');
  });

  it.each(['en', 'fr'] as const)('marks the administrator and the convener in a call’s position history (%s)', async (lang) => {
    const res = await t.app.inject({ url: `/${lang}/processes/${SLUG}/consensus/${call.id}` });
    expect(res.statusCode).toBe(200);
    const row = (name: string) => {
      const m = new RegExp(`<th scope="row"><span class="person-name">${name}</span>(.*?)</th>`).exec(res.body);
      expect(m, `${name}'s position listed`).not.toBeNull();
      return m![1]!;
    };
    expect(row(rows.admin)).toContain(`<span class="staff-badge staff-badge--admin">${badges(lang).admin}</span>`);
    expect(row(rows.convener)).toContain(`<span class="staff-badge staff-badge--convener">${badges(lang).convener}</span>`);
    expect(row(rows.imitator)).not.toContain('class="staff-badge');
  });

  it.each(['en', 'fr'] as const)('marks the administrator and the convener on progress reports in the tracker (%s)', async (lang) => {
    const res = await t.app.inject({ url: `/${lang}/processes/${SLUG}/tracker` });
    expect(res.statusCode).toBe(200);
    const line = (k: Key) => {
      const m = new RegExp(`<li id="report-${reports[k]}"><p>(.*?)</p>`).exec(res.body);
      expect(m, `report of ${k} shown`).not.toBeNull();
      expect(m![1]).toContain(`<span class="person-name">${rows[k]}</span>`);
      return m![1]!;
    };
    expect(line('admin')).toContain(`<span class="staff-badge staff-badge--admin">${badges(lang).admin}</span>`);
    expect(line('convener')).toContain(`<span class="staff-badge staff-badge--convener">${badges(lang).convener}</span>`);
    expect(line('imitator')).not.toContain('class="staff-badge');
  });
});
