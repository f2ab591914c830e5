import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogEvent } from 'kysely';
import { signedInClient, testApp, type TestApp } from '../helpers/app.js';
import { ENGINE } from '../helpers/db.js';
import type { Client } from '../helpers/client.js';
import { blocksOf, createDocument } from '../../src/modules/documents/documents.service.js';
import { submitComment } from '../../src/modules/comments/comments.service.js';
import { commentMargin } from '../../src/modules/comments/comments.margin.js';
import { foldCounters } from '../../src/modules/comments/comments.counters.js';
import { recordDisposition, recountDispositions } from '../../src/modules/comments/dispositions.service.js';
import { allJobs } from '../../src/app/worker.js';
import type { Actor } from '../../src/platform/auth/roles.js';

/**
 * Issue 11, "the web form and single-comment API stay fast under a surge": a comment sent one
 * at a time updates neither its period's counter row nor its group's row (it inserts a delta,
 * 0031), the counts shown stay exact before and after the fold, the fold can run twice or
 * concurrently, and copies of one text sent together make one group of the right size.
 */
const statements: string[] = [];
let counting = false;
const log = (e: LogEvent) => {
  if (counting) statements.push(e.query.sql);
};
async function counted<T>(fn: () => Promise<T>): Promise<{ res: T; sql: string[] }> {
  statements.length = 0;
  counting = true;
  try {
    return { res: await fn(), sql: [...statements] };
  } finally {
    counting = false;
  }
}

let t: TestApp;
let member: Client;
let actor: Actor;
const SLUG = 'iot-surge';
const API = `/api/v1/processes/${SLUG}`;
let periodId = '';
let anchor = '';
let documentId = '';
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await testApp({}, { logger: false }, { log });
  const admin = await signedInClient(t, { admin: true });
  const p = await admin.client.json('POST', '/api/v1/processes', { slug: SLUG, titleEn: 'Enhancing IoT Security', titleFr: 'Améliorer la sécurité de l’IdO', phases: [] });
  expect(p.statusCode, p.body).toBe(201);
  const processId = p.json<{ id: string }>().id;
  actor = { userId: admin.userId, name: 'Admin', email: admin.email, lang: 'en', emailConfirmed: true, isAdmin: true, processRoles: new Map(), groupRoles: new Map(), organisationRoles: new Map(), installationRoles: new Set() };
  const doc = await createDocument(t.db, actor, processId, {
    groupId: null,
    slug: 'draft-report',
    kind: 'report',
    lang: 'en',
    title: 'Draft outcomes report',
    membersOnly: false,
    markdown: '# Definitions\n\nA connected device is any device that talks to a network.\n\nDefault passwords must be unique per device.\n',
    message: 'First draft',
  });
  documentId = doc.id;
  anchor = (await blocksOf(t.db, doc.current_version_id!)).map((b) => b.anchor)[2]!;
  const period = await admin.client.json('POST', `${API}/comment-periods`, {
    document: 'draft-report',
    opensAt: new Date(Date.now() - HOUR).toISOString(),
    closesAt: new Date(Date.now() + 24 * HOUR).toISOString(),
    timeZone: 'America/Toronto',
  });
  expect(period.statusCode, period.body).toBe(201);
  periodId = period.json<{ id: string }>().id;
  member = (await signedInClient(t)).client;
}, 120_000);
afterAll(async () => t?.close());

/** The counts as the API shows them: the period's, the paragraph's on the document page, and one text's copies. */
async function shown(text: string) {
  const p = await member.json('GET', `${API}/comment-periods/${periodId}`);
  expect(p.statusCode, p.body).toBe(200);
  const list = await member.json('GET', `${API}/comment-periods/${periodId}/comments?limit=100`);
  expect(list.statusCode, list.body).toBe(200);
  const item = list.json<{ items: { text: string; duplicates: { size: number } }[] }>().items.find((i) => i.text === text);
  const page = await member.get(`/en/processes/${SLUG}/comment-periods/${periodId}`);
  expect(page.statusCode).toBe(200);
  const period = p.json<{ commentCount: number }>();
  // The document page's margin: comments per paragraph, general ones apart.
  const margin = await commentMargin(t.db, documentId);
  return { comments: period.commentCount, copies: item?.duplicates.size ?? 0, pageSays: /(\d[\d,]*)\s+comments?/.exec(page.body)?.[1] ?? null, margin: (margin?.counts[anchor] ?? 0) + (margin?.general ?? 0) };
}

const pending = async () => Number((await t.db.selectFrom('comment_count_deltas').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('comments under a surge', () => {
  it('posting through the form and the API updates neither the period row nor the group row', async () => {
    const text = 'Unique default passwords, please.';
    const first = await member.json('POST', `${API}/comment-periods/${periodId}/comments`, { document: 'draft-report', anchor, text, lang: 'en' });
    expect(first.statusCode, first.body).toBe(201);
    const form = await member.get(`/en/processes/${SLUG}/comment-periods/${periodId}/comments/new?document=draft-report&anchor=${anchor}`);
    expect(form.statusCode).toBe(200);
    const viaForm = await counted(() => member.post(`/en/processes/${SLUG}/comment-periods/${periodId}/comments/new`, { document: 'draft-report', anchor, text, lang: 'en', idempotencyKey: 'surge-1' }));
    expect(viaForm.res.statusCode, viaForm.res.body).toBe(303);
    const viaApi = await counted(() => member.json('POST', `${API}/comment-periods/${periodId}/comments`, { document: 'draft-report', anchor, text, lang: 'en' }));
    expect(viaApi.res.statusCode, viaApi.res.body).toBe(201);
    for (const { sql } of [viaForm, viaApi]) {
      // An update of either row, as a statement, in a CTE, or as an upsert's DO UPDATE.
      const updates = sql.filter((s) => /\bupdate\s+"?comment_(periods|groups)"?\s/i.test(s) || /insert into "?comment_groups"?[\s\S]*do update/i.test(s));
      expect(updates, sql.join('\n')).toEqual([]);
      expect(sql.some((s) => /insert into "comment_count_deltas"/i.test(s)), sql.join('\n')).toBe(true);
    }
  });

  it('shows exact counts before and after the fold, and folding twice or concurrently changes nothing', async () => {
    const text = 'Unique default passwords, please.';
    expect(await pending()).toBeGreaterThan(0);
    const before = await shown(text);
    expect(before).toEqual({ comments: 3, copies: 3, pageSays: '3', margin: 3 });
    const [a, b] = await Promise.all([foldCounters(t.db), foldCounters(t.db)]);
    expect(a.folded + b.folded).toBe(3);
    expect(await pending()).toBe(0);
    expect(await shown(text)).toEqual(before);
    expect((await foldCounters(t.db)).folded).toBe(0);
    expect(await shown(text)).toEqual(before);
    const row = await t.db.selectFrom('comment_periods').select(['comment_count', 'text_count']).where('id', '=', periodId).executeTakeFirstOrThrow();
    expect(row).toEqual({ comment_count: 3, text_count: 1 });
    const margin = await t.db.selectFrom('comment_anchor_counts').select('count').where('period_id', '=', periodId).where('anchor', '=', anchor).executeTakeFirstOrThrow();
    expect(margin.count).toBe(3);
  });

  it('copies of one text sent together make one group of the right size, counted exactly', async () => {
    const n = ENGINE === 'postgres' ? 100 : 20;
    const text = 'Labels should say how long updates last.';
    const sent = await Promise.all(
      Array.from({ length: n }, (_, i) => submitComment(t.db, null, periodId, { document: 'draft-report', text, lang: 'en', displayName: `Person ${i}`, anchor: null }, {}, { skipMail: true, skipAudit: true })),
    );
    const groupIds = new Set(sent.map((s) => s.comment.group_id));
    expect(groupIds.size).toBe(1);
    expect(sent.filter((s) => s.comment.listed)).toHaveLength(1);
    expect(await shown(text)).toEqual({ comments: 3 + n, copies: n, pageSays: String(3 + n), margin: 3 + n });
    await foldCounters(t.db);
    const group = await t.db.selectFrom('comment_groups').select('size').where('id', '=', [...groupIds][0]!).executeTakeFirstOrThrow();
    expect(group.size).toBe(n);
    expect(await shown(text)).toEqual({ comments: 3 + n, copies: n, pageSays: String(3 + n), margin: 3 + n });
    const row = await t.db.selectFrom('comment_periods').select(['comment_count', 'text_count']).where('id', '=', periodId).executeTakeFirstOrThrow();
    expect(row).toEqual({ comment_count: 3 + n, text_count: 2 });
  });

  it('a copy joining a group already answered is counted as answered without updating the period row', async () => {
    const text = 'Labels should say how long updates last.';
    const group = (await t.db.selectFrom('comments').select('group_id').where('body', '=', text).executeTakeFirstOrThrow()).group_id;
    await recordDisposition(t.db, actor, periodId, { groupId: group, outcome: 'accepted', rationale: 'Done in the next draft.' });
    await foldCounters(t.db);
    const answered = async () => (await member.json('GET', `${API}/comment-periods/${periodId}`)).json<{ disposedCount: number; commentCount: number }>();
    const before = await answered();
    const copy = await counted(() => member.json('POST', `${API}/comment-periods/${periodId}/comments`, { document: 'draft-report', text, lang: 'en' }));
    expect(copy.res.statusCode, copy.res.body).toBe(201);
    expect(copy.sql.filter((q) => /\bupdate\s+"?comment_(periods|groups|outcome_counts)"?\s/i.test(q)), copy.sql.join('\n')).toEqual([]);
    // Shown at once, before the fold; the same after it, in the kept columns too.
    expect(await answered()).toEqual({ ...before, disposedCount: before.disposedCount + 1, commentCount: before.commentCount + 1 });
    await foldCounters(t.db);
    expect(await answered()).toEqual({ ...before, disposedCount: before.disposedCount + 1, commentCount: before.commentCount + 1 });
    const kept = await t.db.selectFrom('comment_periods').select('disposed_count').where('id', '=', periodId).executeTakeFirstOrThrow();
    expect(kept.disposed_count).toBe(before.disposedCount + 1);
    expect((await recountDispositions(t.db, periodId)).disposed).toBe(before.disposedCount + 1);
  });

  it('the comments manifest schedules the fold every minute', () => {
    const job = allJobs().find((j) => j.queue === 'comments.fold-counters');
    expect(job?.schedule?.cron).toBe('* * * * *');
  });
});
