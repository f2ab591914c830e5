import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signedInClient, testApp, type TestApp } from '../helpers/app.js';
import { adminActor, makeComment, makeCommentPeriod, makeDocument, makeProcess } from '../helpers/factories.js';
import { detectPeriodCampaigns } from '../../src/modules/campaigns/index.js';
import { floodSignals, setsFloodSignals } from '../../src/modules/comments/index.js';
import { signalsRepository } from '../../src/modules/comments/signals.repository.js';

/**
 * Issue 11, benchmark 4: a campaign's flood signals are counted when detection stores it, so
 * its review page reads one row instead of its comments. Two campaigns whose comments are
 * given their arrival second, channel, sender domain, sender hash and display name by hand;
 * every expected figure below is counted from those rows, not by the code under test.
 */
type Person = Awaited<ReturnType<typeof signedInClient>>;
let t: TestApp;
let moderator: Person;
let periodId = '';
const SLUG = 'campaign-signals';
const LETTER_A = 'Every camera sold here must ship without a default password and get updates for five years.';
const LETTER_B = 'Labels should name the day security support ends, in plain words, on the box.';
const UNIQUE = 'The definitions section should cite the ETSI baseline.';
const S1 = new Date('2026-11-20T15:00:07Z');
const S2 = new Date('2026-11-20T15:00:09Z');
const groupOf: Record<string, string> = {};

/** Give comments their arrival, channel and sender as the ingestion paths would have. */
async function shape(ids: string[], f: { at: Date; channel: 'web' | 'api' | 'bulk'; domain?: string; hash?: string; name?: string }) {
  await sql`update comments set received_at = ${f.at}, channel = ${f.channel}, sender_domain = ${f.domain ?? null},
    sender_hash = ${f.hash ?? null}, display_name = ${f.name ?? 'Commenter'} where id = any(${ids}::uuid[])`.execute(t.db);
}

beforeAll(async () => {
  t = await testApp();
  const admin = await adminActor(t.db);
  const d = await makeProcess(t.db, admin, SLUG);
  await makeDocument(t.db, admin, d.process.id, { slug: 'draft', markdown: '# Scope\n\nDevices that talk to a network.\n' });
  periodId = (await makeCommentPeriod(t.db, admin, d.process.id, { document: 'draft', opensAt: new Date(Date.now() - 86_400_000).toISOString() })).id;
  moderator = await signedInClient(t, { processRoles: [{ role: 'moderator', processId: d.process.id }] });
  const many = async (text: string, n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await makeComment(t.db, periodId, { text })).id);
    return ids;
  };
  const a = await many(LETTER_A, 12);
  const b = await many(LETTER_B, 3);
  const u = await many(UNIQUE, 1);
  // Campaign A: 11 comments in second S1 (10 of them from a bulk file), one by the web form in S2.
  // Senders: h1 at mailinator.com three times under "Ann", "ann " (the same name) and "Bob";
  // h2 at example.org twice under one name; the other seven without a known email.
  await shape(a.slice(0, 10), { at: S1, channel: 'bulk' });
  await shape(a.slice(10, 11), { at: S1, channel: 'web' });
  await shape(a.slice(11), { at: S2, channel: 'web' });
  await shape([a[0]!], { at: S1, channel: 'bulk', domain: 'mailinator.com', hash: 'h1', name: 'Ann' });
  await shape([a[1]!], { at: S1, channel: 'bulk', domain: 'mailinator.com', hash: 'h1', name: 'ann ' });
  await shape([a[2]!], { at: S1, channel: 'bulk', domain: 'mailinator.com', hash: 'h1', name: 'Bob' });
  await shape([a[3]!, a[4]!], { at: S1, channel: 'bulk', domain: 'example.org', hash: 'h2', name: 'Cy' });
  // Campaign B: three API comments in three seconds from one sender under three names.
  for (const [i, id] of b.entries()) await shape([id], { at: new Date(S2.getTime() + (i + 1) * 1000), channel: 'api', domain: 'example.org', hash: 'h3', name: `Dee ${i}` });
  // The unique comment shares S1 and a sender: it belongs to no campaign and counts in neither.
  await shape(u, { at: S1, channel: 'web', domain: 'mailinator.com', hash: 'h1', name: 'Eve' });
  for (const [k, id] of [['a', a[0]!], ['b', b[0]!]] as const) {
    groupOf[k] = (await t.db.selectFrom('comments').select('group_id').where('id', '=', id).executeTakeFirstOrThrow()).group_id!;
  }
});
afterAll(() => t?.close());

const expectedA = {
  total: 12,
  bursts: [{ second: S1, count: 11, share: 11 / 12 }],
  channels: [
    { channel: 'web', count: 2, share: 2 / 12 },
    { channel: 'api', count: 0, share: 0 },
    { channel: 'bulk', count: 10, share: 10 / 12 },
  ],
  domains: [
    { domain: 'mailinator.com', count: 3, senders: 1, share: 3 / 5, disposable: true },
    { domain: 'example.org', count: 2, senders: 1, share: 2 / 5, disposable: false },
  ],
  withSender: 5,
  disposable: { count: 3, share: 3 / 5 },
  senders: { withManyNames: 1, largest: [{ names: 2, comments: 3 }] },
};
const expectedB = {
  total: 3,
  bursts: [],
  channels: [
    { channel: 'web', count: 0, share: 0 },
    { channel: 'api', count: 3, share: 1 },
    { channel: 'bulk', count: 0, share: 0 },
  ],
  domains: [{ domain: 'example.org', count: 3, senders: 1, share: 1, disposable: false }],
  withSender: 3,
  disposable: { count: 0, share: 0 },
  senders: { withManyNames: 1, largest: [{ names: 3, comments: 3 }] },
};

describe('campaign signals counted at detection', () => {
  it('counts each set of groups apart in one pass, as the per-campaign count does', async () => {
    const sets = await setsFloodSignals(t.db, periodId, [groupOf.a!, groupOf.b!], [0, 1]);
    expect(sets.get(0)).toEqual(expectedA);
    expect(sets.get(1)).toEqual(expectedB);
    expect(await floodSignals(t.db, { periodId, groupIds: [groupOf.a!] })).toEqual(expectedA);
    // Two groups in one set are counted together.
    const both = (await setsFloodSignals(t.db, periodId, [groupOf.a!, groupOf.b!], [4, 4])).get(4)!;
    expect(both.total).toBe(15);
    expect(both.domains.map((x) => [x.domain, x.count, x.senders])).toEqual([
      ['example.org', 5, 2],
      ['mailinator.com', 3, 1],
    ]);
    expect(both.senders).toEqual({ withManyNames: 2, largest: [{ names: 3, comments: 3 }, { names: 2, comments: 3 }] });
    // The largest few are kept per set, not overall: with room for one row, each set keeps its own.
    const one = await signalsRepository.setCounts(t.db, periodId, [groupOf.a!, groupOf.b!], [0, 1], { burstMin: 1, limit: 1, disposable: [] });
    expect(one.get(0)).toMatchObject({ seconds: [{ second: S1, count: 11 }], domains: [{ domain: 'mailinator.com', count: 3 }], senders: [{ names: 2, comments: 3 }] });
    expect(one.get(1)).toMatchObject({ seconds: [{ count: 1 }], domains: [{ domain: 'example.org', count: 3 }], senders: [{ names: 3, comments: 3 }] });
  });

  it('stores them with each campaign, and the campaign page shows the stored ones with when they were counted', async () => {
    const found = await detectPeriodCampaigns(t.db, periodId);
    expect(found.campaigns.map((c) => c.memberCount).sort((x, y) => x - y)).toEqual([3, 12]);
    const rows = await sql<{ id: string; rep: string; signals: { total: number } }>`
      select c.id, c.representative_group_id as rep, s.signals from campaigns c join campaign_signals s on s.campaign_id = c.id where c.period_id = ${periodId}`.execute(t.db);
    expect(rows.rows.map((r) => [r.rep === groupOf.a ? 'a' : 'b', r.signals.total]).sort()).toEqual([
      ['a', 12],
      ['b', 3],
    ]);
    const a = rows.rows.find((r) => r.rep === groupOf.a)!;
    const path = `/en/processes/${SLUG}/comment-periods/${periodId}/campaigns/${a.id}`;
    const page = await moderator.client.get(path);
    expect(page.statusCode).toBe(200);
    const section = /<section aria-labelledby="signals-heading">([\s\S]*?)<\/section>/.exec(page.body)![1]!;
    expect(section).toContain('counted at the last detection');
    expect(section).toMatch(/<td>mailinator\.com<\/td><td>3<\/td><td>1<\/td>/);
    expect(section).toMatch(/<td>11<\/td><td>91\.7(&nbsp;| )?%<\/td>/);

    // The page reads the stored row, not the comments: change the row and the page follows.
    await sql`update campaign_signals set signals = jsonb_set(signals, '{domains,0,count}', '777') where campaign_id = ${a.id}`.execute(t.db);
    const changed = /<section aria-labelledby="signals-heading">([\s\S]*?)<\/section>/.exec((await moderator.client.get(path)).body)![1]!;
    expect(changed).toMatch(/<td>mailinator\.com<\/td><td>777<\/td>/);

    // A campaign stored before signals were kept counts its comments for the view, and says nothing of a detection.
    await sql`delete from campaign_signals where campaign_id = ${a.id}`.execute(t.db);
    const live = /<section aria-labelledby="signals-heading">([\s\S]*?)<\/section>/.exec((await moderator.client.get(path)).body)![1]!;
    expect(live).toMatch(/<td>mailinator\.com<\/td><td>3<\/td><td>1<\/td>/);
    expect(live).not.toContain('counted at the last detection');

    const fr = await moderator.client.get(path.replace('/en/', '/fr/').replace(a.id, rows.rows.find((r) => r.rep === groupOf.b)!.id));
    expect(fr.body).toContain('comptés à la dernière détection');
  });
});
