/**
 * `npm run bench:surge [-- --concurrency C --seconds T]`: a surge on the single-comment API
 * (issue 11). C submitters post comments through `app.inject` for T seconds (default 16 and
 * 10; or BENCH_SURGE_CONCURRENCY, BENCH_SURGE_SECONDS), 60% copies of five campaign texts (so
 * the same duplicate groups are joined all the time) and 40% unique texts, each a signed-in
 * member with the whole request path: session, CSRF-free JSON API, checks, the comment, its
 * counter delta, search entry, audit event and receipt email. Beside it, in the same run, on
 * the same engine and with the same C, a bare Fastify route that does one INSERT of a row of
 * the same fields into a bare table: the ceiling. Prints accepted comments/s, errors, p50/p99
 * and the ratio; then checks that every acknowledged receipt is stored (lost: 0) and times the
 * fold that catches the counters up. PGlite in memory, or PostgreSQL when DATABASE_URL is set
 * (a throwaway schema).
 */
import os from 'node:os';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { signedInClient, testApp } from '../test/helpers/app.js';
import { ENGINE } from '../test/helpers/db.js';
import { blocksOf, createDocument } from '../src/modules/documents/documents.service.js';
import { newId } from '../src/platform/lib/ids.js';
import type { Actor } from '../src/platform/auth/roles.js';

const flag = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const C = Number(flag('concurrency') ?? process.env.BENCH_SURGE_CONCURRENCY ?? 16);
const T = Number(flag('seconds') ?? process.env.BENCH_SURGE_SECONDS ?? 10);
const CAMPAIGN = Array.from({ length: 5 }, (_, i) => `Campaign text ${i}: every connected device must ship with a unique password and five years of security updates.`);
const HOUR = 3_600_000;

/** Drive `fire` with C workers for T seconds; latencies in ms. */
async function drive(fire: (worker: number, n: number) => Promise<boolean>) {
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  const started = performance.now();
  const end = started + T * 1000;
  await Promise.all(
    Array.from({ length: C }, async (_, w) => {
      for (let n = 0; performance.now() < end; n++) {
        const s = performance.now();
        const good = await fire(w, n).catch(() => false);
        latencies.push(performance.now() - s);
        if (good) ok++;
        else errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return { perSecond: ok / seconds, ok, errors, p50: pct(50), p99: pct(99) };
}

const t = await testApp();
// Folded when the schema has counter deltas (0031): the same bench runs on a checkout from before them, for a before/after figure.
const deltas = (await sql<{ x: boolean }>`select to_regclass('comment_count_deltas') is not null as x`.execute(t.db)).rows[0]?.x;
const foldCounters = deltas ? (await import('../src/modules/comments/comments.counters.js')).foldCounters : undefined;
try {
  const admin = await signedInClient(t, { admin: true });
  const slug = 'bench-surge';
  const p = await admin.client.json('POST', '/api/v1/processes', { slug, titleEn: 'Surge', titleFr: 'Afflux', phases: [] });
  const processId = p.json<{ id: string }>().id;
  const actor: Actor = { userId: admin.userId, name: 'Admin', email: admin.email, lang: 'en', emailConfirmed: true, isAdmin: true, processRoles: new Map(), groupRoles: new Map(), organisationRoles: new Map(), installationRoles: new Set() };
  const doc = await createDocument(t.db, actor, processId, { groupId: null, slug: 'draft', kind: 'report', lang: 'en', title: 'Draft', membersOnly: false, markdown: '# Draft\n\nDefault passwords must be unique.\n', message: 'First' });
  const anchor = (await blocksOf(t.db, doc.current_version_id!)).map((b) => b.anchor)[1]!;
  const period = await admin.client.json('POST', `/api/v1/processes/${slug}/comment-periods`, { document: 'draft', opensAt: new Date(Date.now() - HOUR).toISOString(), closesAt: new Date(Date.now() + 24 * HOUR).toISOString(), timeZone: 'UTC' });
  const periodId = period.json<{ id: string }>().id;
  const members = await Promise.all(Array.from({ length: C }, () => signedInClient(t)));
  const url = `/api/v1/processes/${slug}/comment-periods/${periodId}/comments`;
  const textOf = (w: number, n: number) => (n % 5 < 3 ? CAMPAIGN[(w + n) % CAMPAIGN.length]! : `A comment of my own, number ${n} from submitter ${w}.`);

  // The ceiling: one INSERT of the same fields into a bare table, behind a bare route.
  await sql`create table bench_surge_bare (id uuid primary key, period_id uuid not null, document_id uuid not null, anchor text, author_id uuid, display_name text not null, lang text not null, body text not null, receipt text not null, created_at timestamptz not null)`.execute(t.db);
  const bare = Fastify();
  bare.post('/bare', async (req, reply) => {
    const b = req.body as { text: string; lang: string; anchor: string; user: string };
    await sql`insert into bench_surge_bare values (${newId()}, ${periodId}, ${doc.id}, ${b.anchor}, ${b.user}, 'Test Person', ${b.lang}, ${b.text}, ${newId()}, now())`.execute(t.db);
    return reply.status(201).send({ ok: true });
  });
  await bare.ready();

  const receipts: string[] = [];
  const surge = await drive(async (w, n) => {
    const res = await members[w]!.client.json('POST', url, { document: 'draft', anchor, text: textOf(w, n), lang: 'en' });
    if (res.statusCode !== 201) return false;
    receipts.push(res.json<{ receipt: string }>().receipt);
    return true;
  });
  const ceiling = await drive(async (w, n) => (await bare.inject({ method: 'POST', url: '/bare', payload: { text: textOf(w, n), lang: 'en', anchor, user: members[w]!.userId } })).statusCode === 201);

  const stored = new Set((await t.db.selectFrom('comments').select('receipt').where('period_id', '=', periodId).execute()).map((r) => r.receipt));
  const lost = receipts.filter((r) => !stored.has(r)).length;
  const foldStarted = performance.now();
  const pendingBefore = foldCounters ? (await foldCounters(t.db)).folded : 0;
  const foldMs = performance.now() - foldStarted;
  const kept = await t.db.selectFrom('comment_periods').select('comment_count').where('id', '=', periodId).executeTakeFirstOrThrow();

  const f = (x: number) => x.toFixed(1);
  console.log(`engine: ${ENGINE}; ${C} concurrent submitters for ${T} s; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}; load ${os.loadavg()[0]!.toFixed(1)}`);
  console.log(`comments API (app.inject): ${f(surge.perSecond)} accepted/s, ${surge.errors} errors, p50 ${f(surge.p50)} ms, p99 ${f(surge.p99)} ms`);
  console.log(`bare INSERT route:         ${f(ceiling.perSecond)} /s, ${ceiling.errors} errors, p50 ${f(ceiling.p50)} ms, p99 ${f(ceiling.p99)} ms`);
  console.log(`ratio: ${(surge.perSecond / ceiling.perSecond).toFixed(2)}`);
  const fold = foldCounters ? `fold of ${pendingBefore} deltas: ${f(foldMs)} ms` : 'no counter deltas in this checkout';
  console.log(`acknowledged ${receipts.length}, lost ${lost}; ${fold}; period counter ${kept.comment_count} (stored ${stored.size})`);
  await bare.close();
} finally {
  await t.close();
}
