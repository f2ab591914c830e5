/**
 * `npm run bench:campaign-page -- [--size N]` (issue 11, benchmark 4): a campaign of N members
 * (default 1,000,000), and how long its review page and the period's public listing take, in
 * server time through `app.inject`, beside a bare Fastify route answering from one indexed
 * read in the same run.
 *
 * The comments are real rows: 60 distinct texts are submitted as comments (20 variants of a
 * letter on each of 3 paragraphs), then copied set-based in SQL until the campaign holds N
 * members (copies join their text's group, as exact copies do; stakeholder groups, channels and
 * days spread), the counters set to a recount, and campaign detection run as the job runs it.
 * PGlite in memory, or PostgreSQL when DATABASE_URL is set (a throwaway schema).
 */
import os from 'node:os';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { signedInClient, testApp } from '../test/helpers/app.js';
import { ENGINE } from '../test/helpers/db.js';
import { makeComment, makeCommentPeriod, makeDocument, makeProcess } from '../test/helpers/factories.js';
import { blocksOf } from '../src/modules/documents/documents.service.js';
import { detectPeriodCampaigns } from '../src/modules/campaigns/index.js';

const flag = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const N = Number(flag('size') ?? 1_000_000);
const RUNS = 15;
const LETTER = (v: number) => `Ban default passwords on every device sold in Canada. Require security updates for ${v + 2} years. Publish a contact for vulnerability reports.`;

/** Median and worst of RUNS timings of one request (after one warm-up). */
async function time(fire: () => Promise<number>): Promise<{ p50: number; max: number; status: number }> {
  let status = await fire();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    status = await fire();
    ms.push(performance.now() - s);
  }
  ms.sort((a, b) => a - b);
  return { p50: ms[Math.floor(RUNS / 2)]!, max: ms.at(-1)!, status };
}

const t = await testApp();
try {
  const admin = await signedInClient(t, { admin: true });
  const adminActor = { userId: admin.userId, name: 'Admin', email: admin.email, lang: 'en' as const, emailConfirmed: true, isAdmin: true, processRoles: new Map(), groupRoles: new Map(), organisationRoles: new Map(), installationRoles: new Set<never>() };
  const d = await makeProcess(t.db, adminActor, 'bench-campaign');
  const doc = await makeDocument(t.db, adminActor, d.process.id, { slug: 'draft', markdown: '# Draft\n\nOne.\n\nTwo.\n\nThree.\n' });
  const anchors = (await blocksOf(t.db, doc.current_version_id!)).map((b) => b.anchor).slice(1, 4);
  const periodId = (await makeCommentPeriod(t.db, adminActor, d.process.id, { document: 'draft', opensAt: new Date(Date.now() - 30 * 86_400_000).toISOString() })).id;
  const groups = d.stakeholderGroups.map((g) => g.id);
  for (let v = 0; v < 20; v++) for (const anchor of anchors) await makeComment(t.db, periodId, { text: LETTER(v), anchor, stakeholderGroupId: groups[v % groups.length] });

  const built = performance.now();
  // Copies of the 60 comments until N: each joins its text's group (same hash, same paragraph).
  await sql`
    insert into comments (id, period_id, document_id, version_id, anchor, author_id, display_name, organisation, stakeholder_group_id, lang, body, body_hash,
                          group_id, listed, file_id, receipt, idempotency_key, channel, received_at, created_at)
    select gen_random_uuid(), s.period_id, s.document_id, s.version_id, s.anchor, null, 'Copier ' || n, null,
           (array[${sql.join(groups.map((g) => sql`${g}::uuid`))}])[1 + n % ${groups.length}], s.lang, s.body, s.body_hash,
           s.group_id, false, null, 'X-' || n, null, (array['web', 'api', 'bulk'])[1 + n % 3], now() - (n % 30) * interval '1 day', now() - (n % 30) * interval '1 day'
    from generate_series(1, ${N - 60}) n
    join (select c.*, (row_number() over (order by c.id) - 1)::int as k from comments c where c.period_id = ${periodId}) s on s.k = n % 60`.execute(t.db);
  await sql`update comment_groups g set size = c.n from (select group_id, count(*)::int as n from comments where period_id = ${periodId} group by 1) c where c.group_id = g.id`.execute(t.db);
  await sql`update comment_periods set comment_count = (select count(*) from comments where period_id = ${periodId}) where id = ${periodId}`.execute(t.db);
  await sql`update comment_anchor_counts a set count = c.n from (select document_id, coalesce(anchor, '') as anchor, count(*)::int as n from comments where period_id = ${periodId} group by 1, 2) c
            where a.period_id = ${periodId} and a.document_id = c.document_id and a.anchor = c.anchor`.execute(t.db);
  await sql`analyze`.execute(t.db);
  const builtMs = performance.now() - built;

  const detected = performance.now();
  const found = await detectPeriodCampaigns(t.db, periodId);
  const detectMs = performance.now() - detected;
  const campaign = await t.db.selectFrom('campaigns').select(['id', 'member_count']).where('period_id', '=', periodId).orderBy('member_count', 'desc').executeTakeFirstOrThrow();

  const page = `/en/processes/bench-campaign/comment-periods/${periodId}/campaigns/${campaign.id}`;
  const listing = `/en/processes/bench-campaign/comment-periods/${periodId}/comments`;
  const campaignPage = await time(async () => (await admin.client.get(page)).statusCode);
  const publicListing = await time(async () => (await t.app.inject({ url: listing })).statusCode);
  const campaignListing = await time(async () => (await t.app.inject({ url: `${listing}?campaign=${campaign.id}` })).statusCode);

  // The floor: a bare route reading the campaign's stored row by its key.
  const bare = Fastify();
  bare.get('/bare', async () => (await t.db.selectFrom('campaigns').selectAll().where('id', '=', campaign.id).executeTakeFirstOrThrow()).member_count);
  await bare.ready();
  const floor = await time(async () => (await bare.inject({ url: '/bare' })).statusCode);
  await bare.close();

  const f = (x: number) => x.toFixed(1);
  console.log(`engine: ${ENGINE}; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}; load ${os.loadavg()[0]!.toFixed(1)}`);
  console.log(`built ${N} comments in ${(builtMs / 1000).toFixed(1)} s; detection over ${found.texts} texts: ${(detectMs / 1000).toFixed(1)} s; largest campaign ${campaign.member_count} members`);
  console.log(`campaign page (moderator):  p50 ${f(campaignPage.p50)} ms, max ${f(campaignPage.max)} ms (status ${campaignPage.status})`);
  console.log(`public listing:             p50 ${f(publicListing.p50)} ms, max ${f(publicListing.max)} ms (status ${publicListing.status})`);
  console.log(`listing ?campaign=:         p50 ${f(campaignListing.p50)} ms, max ${f(campaignListing.max)} ms (status ${campaignListing.status})`);
  console.log(`bare route, one row read:   p50 ${f(floor.p50)} ms; campaign page / bare: ${(campaignPage.p50 / floor.p50).toFixed(0)}×`);
} finally {
  await t.close();
}
