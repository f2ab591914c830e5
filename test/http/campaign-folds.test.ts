import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { adminActor, makeComment, makeCommentPeriod, makeDocument, makeProcess } from '../helpers/factories.js';
import { blocksOf } from '../../src/modules/documents/documents.service.js';
import { detectPeriodCampaigns } from '../../src/modules/campaigns/index.js';
import { hideComment } from '../../src/modules/comments/moderation.service.js';
import { foldCampaigns } from '../../src/modules/comments/index.js';
import { inTransaction } from '../../src/platform/db/tx.js';

/**
 * Issue 11: "public listings show each campaign once with its count; the disposition report
 * and the process report count it once". One campaign of three texts (the letter copied on a
 * paragraph, the letter in other case as a general comment, the letter with a personal note)
 * and one unique comment; every expected figure below is counted by hand from these comments.
 */
let t: TestApp;
let periodId = '';
let processId = '';
let campaignId = '';
let p1 = '';
const SLUG = 'campaign-folds';
const LETTER = 'Ban default passwords on every device sold in Canada. Require security updates for five years. Publish a contact for vulnerability reports.';
const NOTE = 'My router was hacked last year and I lost every photo of my children.';
const UNIQUE = 'The scope section is too broad for medical devices, which have their own regulator.';
const c: Record<string, { id: string; receipt: string }> = {};
const anon = () => new Client(t.app);
const listing = (q = '', lang = 'en') => `/${lang}/processes/${SLUG}/comment-periods/${periodId}/comments${q}`;
const api = (q = '') => `/api/v1/processes/${SLUG}/comment-periods/${periodId}/comments${q}`;
/** The comment ids a listing page shows, in order. */
const shown = (html: string) => [...html.matchAll(/<article class="card comment" id="comment-([0-9a-f-]{36})"/g)].map((m) => m[1]);
const distinct = async () => (await t.app.inject({ url: `/api/v1/processes/${SLUG}/report` })).json().comments.periods[0].distinct.value as number;

beforeAll(async () => {
  t = await testApp();
  const admin = await adminActor(t.db);
  const d = await makeProcess(t.db, admin, SLUG);
  processId = d.process.id;
  const doc = await makeDocument(t.db, admin, d.process.id, { slug: 'draft', markdown: '# Scope\n\nDevices that talk to a network.\n\nPasswords must be unique.\n' });
  p1 = (await blocksOf(t.db, doc.current_version_id!))[1]!.anchor;
  periodId = (await makeCommentPeriod(t.db, admin, d.process.id, { document: 'draft', opensAt: new Date(Date.now() - 5 * 86_400_000).toISOString() })).id;
  c.rep = await makeComment(t.db, periodId, { text: LETTER, anchor: p1 });
  c.copy = await makeComment(t.db, periodId, { text: LETTER, anchor: p1 });
  c.copy2 = await makeComment(t.db, periodId, { text: LETTER, anchor: p1 });
  c.general = await makeComment(t.db, periodId, { text: LETTER.toLowerCase() });
  c.personal = await makeComment(t.db, periodId, { text: `${NOTE} ${LETTER}`, anchor: p1 });
  c.unique = await makeComment(t.db, periodId, { text: UNIQUE });
});
afterAll(() => t?.close());

describe('a campaign shown once', () => {
  it('lists every text before detection, and counts four distinct texts', async () => {
    const r = await anon().get(listing());
    expect(r.statusCode).toBe(200);
    expect(shown(r.body)).toEqual([c.rep!.id, c.general!.id, c.personal!.id, c.unique!.id]);
    expect(r.body).not.toContain('One campaign');
    expect(await distinct()).toBe(4);
  });

  it('after detection lists the campaign once, by its representative with its counts, and the unique comment', async () => {
    const found = await detectPeriodCampaigns(t.db, periodId);
    expect(found.campaigns).toHaveLength(1);
    campaignId = (await t.db.selectFrom('campaigns').select('id').where('period_id', '=', periodId).executeTakeFirstOrThrow()).id;
    const r = await anon().get(listing());
    expect(shown(r.body)).toEqual([c.rep!.id, c.unique!.id]);
    // 3 copies + the general one + the personalised letter = 5 comments; two normalised texts.
    expect(r.body).toContain(`<a href="${listing(`?campaign=${campaignId}`)}">One campaign: 5 comments in 2 different texts — see every text</a>`);
    expect(r.body).toContain('Each campaign found among the comments is listed once');
    const fr = await anon().get(listing('', 'fr'));
    expect(shown(fr.body)).toEqual([c.rep!.id, c.unique!.id]);
    expect(fr.body).toContain('Une campagne\u00a0: 5 commentaires en 2 textes différents');
  });

  it('shows every text of the campaign behind its link, and keeps the campaign when the filters change', async () => {
    const r = await anon().get(listing(`?campaign=${campaignId}`));
    expect(r.statusCode).toBe(200);
    expect(shown(r.body)).toEqual([c.rep!.id, c.general!.id, c.personal!.id]);
    expect(r.body).toContain('Every text of one campaign: 5 comments in 2 different texts.');
    expect(r.body).toContain(`<input type="hidden" name="campaign" value="${campaignId}"/>`);
    // A campaign id that names nothing lists nothing; it is not an error.
    const none = await anon().get(listing('?campaign=0190a0b0-0000-7000-8000-000000000000'));
    expect(none.statusCode).toBe(200);
    expect(shown(none.body)).toEqual([]);
  });

  it('does the same through the API: each campaign once with its counts and the URL of all its texts', async () => {
    const r = await t.app.inject({ url: api() });
    expect(r.statusCode).toBe(200);
    const items = r.json().items as { id: string; campaign: { id: string; comments: number; texts: number; url: string } | null }[];
    expect(items.map((i) => i.id)).toEqual([c.rep!.id, c.unique!.id]);
    expect(items[0]!.campaign).toEqual({ id: campaignId, comments: 5, texts: 2, url: expect.stringMatching(new RegExp(`/api/v1/processes/${SLUG}/comment-periods/${periodId}/comments\\?campaign=${campaignId}$`)) });
    expect(items[1]!.campaign).toBeNull();
    const all = (await t.app.inject({ url: api(`?campaign=${campaignId}`) })).json().items as { id: string }[];
    expect(all.map((i) => i.id)).toEqual([c.rep!.id, c.general!.id, c.personal!.id]);
    const one = (await t.app.inject({ url: `/api/v1/processes/${SLUG}/comments/${c.personal!.id}` })).json();
    expect(one.campaign).toMatchObject({ id: campaignId, comments: 5, texts: 2 });
  });

  it('names each comment’s campaign in the CSV and JSON exports, copies included', async () => {
    const csv = (await anon().get(`/en/processes/${SLUG}/comment-periods/${periodId}/comments.csv`)).body;
    const [head, ...lines] = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(head!.split(',').at(-1)).toBe('campaign');
    const byId = Object.fromEntries(lines.map((l) => [l.split(',')[0], l.split(',').at(-1)]));
    for (const k of ['rep', 'copy', 'copy2', 'general', 'personal']) expect(byId[c[k]!.id], k).toBe(campaignId);
    expect(byId[c.unique!.id]).toBe('');
    const json = (await anon().get(`/en/processes/${SLUG}/comment-periods/${periodId}/comments.json`)).json<{ comments: { id: string; campaign: string }[] }>();
    expect(json.comments.find((x) => x.id === c.copy2!.id)!.campaign).toBe(campaignId);
  });

  it('shows the campaign once in the disposition report, and the process report counts it once', async () => {
    const r = await anon().get(`/en/processes/${SLUG}/comment-periods/${periodId}/report`);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain(c.rep!.receipt);
    expect(r.body).toContain(c.unique!.receipt);
    expect(r.body).not.toContain(c.general!.receipt);
    expect(r.body).not.toContain(c.personal!.receipt);
    expect(r.body).toContain('One campaign: 5 comments in 2 different texts — see every text');
    // Four groups less the two folded under the representative: the campaign and the unique comment.
    expect(await distinct()).toBe(2);
  });

  it('gives the same listing when detection runs again (the fold is replaced, not added to)', async () => {
    await detectPeriodCampaigns(t.db, periodId);
    campaignId = (await t.db.selectFrom('campaigns').select('id').where('period_id', '=', periodId).executeTakeFirstOrThrow()).id;
    expect(shown((await anon().get(listing())).body)).toEqual([c.rep!.id, c.unique!.id]);
    expect(shown((await anon().get(listing(`?campaign=${campaignId}`))).body)).toEqual([c.rep!.id, c.general!.id, c.personal!.id]);
    expect(await distinct()).toBe(2);
  });

  it('unfolds every text when a run finds no campaign (the previous fold is replaced whole)', async () => {
    await inTransaction(t.db, (trx) => foldCampaigns(trx, periodId, []));
    expect(shown((await anon().get(listing())).body)).toEqual([c.rep!.id, c.general!.id, c.personal!.id, c.unique!.id]);
    expect(await distinct()).toBe(4);
    await detectPeriodCampaigns(t.db, periodId);
    campaignId = (await t.db.selectFrom('campaigns').select('id').where('period_id', '=', periodId).executeTakeFirstOrThrow()).id;
    expect(shown((await anon().get(listing())).body)).toEqual([c.rep!.id, c.unique!.id]);
  });

  it('keeps the fold through moderation: the representative’s next copy is listed in its place, a folded text stays folded', async () => {
    const admin = await adminActor(t.db);
    // A later copy of a folded text joins its group unlisted; when its first is hidden it is listed, folded.
    c.general2 = await makeComment(t.db, periodId, { text: LETTER.toLowerCase() });
    await hideComment(t.db, admin, processId, c.rep!.id, { reason: 'spam', note: '' });
    await hideComment(t.db, admin, processId, c.general!.id, { reason: 'spam', note: '' });
    const r = await anon().get(listing());
    // The hidden representative stays as its tombstone, its next copy is listed; the folded text's tombstone and its next copy are not shown.
    expect(shown(r.body)).toEqual([c.rep!.id, c.copy!.id, c.unique!.id]);
    expect(shown((await anon().get(listing(`?campaign=${campaignId}`))).body)).toEqual([c.rep!.id, c.copy!.id, c.general!.id, c.personal!.id, c.general2.id]);
  });

  it('counts a copy sent after detection beside the campaign at once, before the counters are folded', async () => {
    const count = async () => (await t.app.inject({ url: `/api/v1/processes/${SLUG}/comments/${c.personal!.id}` })).json().campaign.comments as number;
    const before = await count();
    await makeComment(t.db, periodId, { text: LETTER, anchor: p1 });
    expect(await count()).toBe(before + 1);
  });
});
