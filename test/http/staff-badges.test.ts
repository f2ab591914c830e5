import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { makeComment, makeCommentPeriod, makeDocument, makeMember, makeOrganisation, makeProcess, makeUser } from '../helpers/factories.js';
import { newId } from '../../src/platform/lib/ids.js';

/**
 * Issue 10: staff are marked where their names appear, from role facts and never from the name.
 * An ordinary account named exactly like the administrator gets no badge; the administrator and
 * the process's convener get theirs, in English and in French.
 */
let t: TestApp;
const SLUG = 'staff-badges';
const ids = { period: '', admin: '', imitator: '', convener: '' };

beforeAll(async () => {
  t = await testApp();
  const admin = await makeUser(t.db, { admin: true, name: 'Site Admin' });
  const { process } = await makeProcess(t.db, admin.actor, SLUG);
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

describe('staff badges in the participants directory', () => {
  const rows = { admin: '', imitator: '', convener: '' };
  beforeAll(async () => {
    const admin = await makeUser(t.db, { admin: true, name: 'Directory Admin' });
    const org = await makeOrganisation(t.db, admin.actor, 'Badge Org');
    const joined = {
      admin: await makeMember(t, SLUG, org, 'government'),
      imitator: await makeMember(t, SLUG, org, 'government'),
      convener: await makeMember(t, SLUG, org, 'government', { role: 'convener' }),
    };
    // Three members named the same way (the last word tells the rows apart); one of them is made administrator.
    await t.db.insertInto('role_assignments').values({ id: newId(), user_id: joined.admin.userId, role: 'admin', process_id: null, group_id: null, granted_by: null }).execute();
    for (const [k, m] of Object.entries(joined)) {
      const name = `Root Admin ${k}`;
      await t.db.updateTable('users').set({ name }).where('id', '=', m.userId).execute();
      rows[k as keyof typeof rows] = name;
    }
  });

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
});
