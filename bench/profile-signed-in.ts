/**
 * Where a signed-in page's time goes: Concord in this process (as bench/servers/comments.ts
 * starts it: the demo plus a document with 100,000 comments), one member signed in, and the
 * document page and the first comments page requested N times one after another, then N times
 * C at once, then in rounds against a bare route serving the same bytes. Prints, per page, the
 * time from a request's arrival to its handler (session, scope, policy) and from the handler
 * to the response's end, each SQL statement's time as Kysely's log hook reports it, and the
 * CPU per request less the bare route's ("Concord's own work", the least of the rounds: on a
 * shared machine wall times measure the neighbours). See docs/performance.md, "Signed-in pages".
 *
 *   node --import tsx bench/profile-signed-in.ts                    # 200 sequential, 200 × 10 at once, 10 rounds of 50
 *   PROFILE_DATA_DIR=/tmp/concord-profile node --import tsx bench/profile-signed-in.ts   # keep the data for the next run
 *   PROFILE_CPU=/tmp/signed-in.cpuprofile …                          # V8 CPU profile of the measured requests only
 *   PROFILE_EXPLAIN=1 PROFILE_SQL=/tmp/statements.json …             # EXPLAIN ANALYZE each statement; save them to replay
 *   PROFILE_PAGES=comments PROFILE_N=100 PROFILE_CONCURRENCY=10 PROFILE_ROUNDS=12 PROFILE_ROUND_N=50 PROFILE_WARMUP=150 …
 *
 * The requests go over loopback to the listening server (as autocannon's do), from this
 * process, so the CPU figures and a profile hold the client too; the bare route's figure is
 * what the client and Fastify cost.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import inspector from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import diagnostics from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LogEvent } from 'kysely';
import Fastify from 'fastify';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/client.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { databaseIsEmpty, seedDemo } from '../src/app/demo/demo.seed.js';
import { buildApp } from '../src/app/app.js';
import { FIXTURE, seedCommentFixture } from './fixtures/comments.js';

const N = Number(process.env.PROFILE_N ?? 200);
const C = Number(process.env.PROFILE_CONCURRENCY ?? 10);
const keep = process.env.PROFILE_DATA_DIR;
const dataDir = keep ?? mkdtempSync(path.join(tmpdir(), 'concord-profile-'));
const fresh = !existsSync(path.join(dataDir, 'pg'));

/** Statements of the request being timed (only meaningful when requests run one at a time). */
let statements: { sql: string; ms: number }[] | null = null;
const allSql = new Map<string, { count: number; ms: number; parameters: readonly unknown[] }>();
const log = (e: LogEvent) => {
  if (e.level === 'error') return;
  const ms = e.queryDurationMillis;
  statements?.push({ sql: e.query.sql, ms });
  const s = allSql.get(e.query.sql) ?? { count: 0, ms: 0, parameters: e.query.parameters };
  s.count++;
  s.ms += ms;
  allSql.set(e.query.sql, s);
};

const config = loadConfig({
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  PORT: '0',
  BASE_URL: 'http://127.0.0.1:0',
  CONCORD_DEMO: '1',
  LOG_LEVEL: 'warn',
  CONCORD_DATA_DIR: dataDir,
});
const database = await openDatabase(config, { log });
const { db } = database;
await migrateToLatest(db, undefined);
if (await databaseIsEmpty(db)) await seedDemo(db, { baseUrl: config.baseUrl });
let fixture = await db.selectFrom('processes').select('id').where('slug', '=', FIXTURE.process).executeTakeFirst();
if (!fixture) {
  const t = performance.now();
  await seedCommentFixture(db, Number(process.env.BENCH_COMMENTS ?? 100_000));
  console.error(`fixture loaded in ${Math.round(performance.now() - t)} ms`);
  fixture = await db.selectFrom('processes').select('id').where('slug', '=', FIXTURE.process).executeTakeFirstOrThrow();
}
const period = await db.selectFrom('comment_periods').select('id').where('process_id', '=', fixture.id).executeTakeFirstOrThrow();
console.error(`data in ${dataDir}${fresh ? ' (fresh)' : ' (reused)'}`);

const app = await buildApp({ config, db, engine: 'pglite' }, { logger: false });

// Phase timing. The app is ready (no hooks can be added), so: the server's 'request' event
// (prepended, before Fastify's own listener), Fastify's handler tracing channel (start: every
// hook up to preHandler has run, i.e. session, scope and policy), and the response's 'finish'.
const samples: Record<string, number[]> = {};
const add = (k: string, v: number) => (samples[k] ??= []).push(v);
const arrived = new WeakMap<object, number>();
const handlerAt = new WeakMap<object, number>();
diagnostics.tracingChannel('fastify.request.handler').subscribe({
  start: (store) => void handlerAt.set((store as { request: { raw: object } }).request.raw, performance.now()),
  end: () => {},
  asyncStart: () => {},
  asyncEnd: () => {},
  error: () => {},
});
app.server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
  const t0 = performance.now();
  arrived.set(req, t0);
  res.once('finish', () => {
    const end = performance.now();
    const h = handlerAt.get(req);
    if (h === undefined) return;
    add('arrival…handler (hooks: session, scope, policy)', h - t0);
    add('handler…finish (reads, render, send)', end - h);
    add('total in server', end - t0);
  });
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (!address || typeof address === 'string') throw new Error('not listening');
const base = `http://127.0.0.1:${address.port}`;

const signIn = await fetch(`${base}/api/v1/auth/sign-in`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'membre@concord.example', password: 'demo-phrase-de-passe-concord' }),
});
const cookie = (signIn.headers.getSetCookie().find((c) => c.startsWith('concord_session=')) ?? '').split(';')[0]!;
if (!cookie) throw new Error(`sign-in answered ${signIn.status}`);

// PROFILE_PAGES=comments: only some of the pages (comma-separated names).
const only = process.env.PROFILE_PAGES?.split(',');
const pages = Object.fromEntries(
  Object.entries({
    document: `/en/processes/${FIXTURE.process}/documents/${FIXTURE.document}`,
    comments: `/en/processes/${FIXTURE.process}/comment-periods/${period.id}/comments`,
  }).filter(([name]) => !only || only.includes(name)),
);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const f = (n: number) => n.toFixed(2).padStart(7);

/** CPU time (user + system) of this process since `from`, in ms. */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};

async function get(url: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  const body = await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  void body;
  return performance.now() - t;
}

// Warm-up: V8 compiles PGlite's WebAssembly lazily and optimizes hot functions later; measure after.
for (let i = 0; i < Number(process.env.PROFILE_WARMUP ?? 150); i++) for (const p of Object.values(pages)) await get(base + p);

// PROFILE_CPU=file.cpuprofile: a V8 CPU profile of the measured requests only (not the start).
const profiler = process.env.PROFILE_CPU ? new inspector.Session() : undefined;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.setSamplingInterval', { interval: 200 });
  await profiler.post('Profiler.start');
}

for (const [name, p] of Object.entries(pages)) {
  const url = base + p;
  for (const k of Object.keys(samples)) delete samples[k];

  // One at a time, statements recorded per request.
  const perStatement = new Map<string, number[]>();
  const wall: number[] = [];
  let cpu0 = process.cpuUsage();
  for (let i = 0; i < N; i++) {
    statements = [];
    wall.push(await get(url));
    for (const s of statements) (perStatement.get(s.sql) ?? perStatement.set(s.sql, []).get(s.sql)!).push(s.ms);
    add('sql (sum per request)', statements.reduce((a, s) => a + s.ms, 0));
    statements = null;
  }
  const cpuSeq = cpuMs(cpu0) / N;
  console.log(`\n== ${name} (${p}), ${N} sequential requests`);
  console.log(`CPU of this process (server, PGlite and client): ${cpuSeq.toFixed(2)} ms per request → at most ${(1000 / cpuSeq).toFixed(0)} req/s on one core`);
  console.log(`client wall: p50 ${f(pct(wall, 50))} ms  p90 ${f(pct(wall, 90))} ms  → ${(1000 / pct(wall, 50)).toFixed(0)} req/s one at a time`);
  for (const [k, xs] of Object.entries(samples)) console.log(`  ${k.padEnd(48)} p50 ${f(pct(xs, 50))}  p90 ${f(pct(xs, 90))}`);
  console.log('  statements (p50 ms each, as Kysely times them):');
  for (const [s, xs] of perStatement) console.log(`   ${f(pct(xs, 50))} ×${(xs.length / N).toFixed(0)}  ${s.replace(/\s+/g, ' ').slice(0, 150)}`);

  // C at once.
  for (const k of Object.keys(samples)) delete samples[k];
  const t0 = performance.now();
  cpu0 = process.cpuUsage();
  let left = N;
  const lat: number[] = [];
  await Promise.all(
    Array.from({ length: C }, async () => {
      while (left-- > 0) lat.push(await get(url));
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  console.log(`== ${name}, ${N} requests, ${C} at once: ${(N / secs).toFixed(0)} req/s, p50 ${f(pct(lat, 50))} ms, CPU ${(cpuMs(cpu0) / N).toFixed(2)} ms per request`);
  for (const [k, xs] of Object.entries(samples)) console.log(`  ${k.padEnd(48)} p50 ${f(pct(xs, 50))}  p90 ${f(pct(xs, 90))}`);
}

// CPU per request, robust to a busy machine: ROUNDS rounds, each of ROUND_N requests C at once
// per page, the pages taking turns; the least CPU per request of any round is what the work
// costs when the cores are not contended (another process on the sibling core or a cache
// flushed by a neighbour only ever adds), the median what it cost in this run.
// Each page also gets a bare Fastify route in this process serving its bytes (as the bench's
// bare routes do): its CPU per request is the client's and Fastify's share, so the difference
// is what Concord's own work costs.
const bareApp = Fastify({ logger: false });
for (const [name, p] of Object.entries(pages)) {
  const html = await (await fetch(base + p, { headers: { cookie } })).text();
  bareApp.get(`/bare/${name}`, (_req, reply) => void reply.type('text/html; charset=utf-8').send(html));
}
const bareBase = await bareApp.listen({ host: '127.0.0.1', port: 0 });
const targets = Object.fromEntries(Object.entries(pages).flatMap(([name, p]) => [[name, base + p], [`bare ${name}`, `${bareBase}/bare/${name}`]]));
for (let i = 0; i < 200; i++) for (const name of Object.keys(pages)) await get(targets[`bare ${name}`]!);

const ROUNDS = Number(process.env.PROFILE_ROUNDS ?? 10);
const ROUND_N = Number(process.env.PROFILE_ROUND_N ?? 50);
const perRound: Record<string, number[]> = {};
for (let r = 0; r < ROUNDS; r++) {
  for (const [name, url] of Object.entries(targets)) {
    const cpu0 = process.cpuUsage();
    let left = ROUND_N;
    await Promise.all(
      Array.from({ length: C }, async () => {
        while (left-- > 0) await get(url);
      }),
    );
    (perRound[name] ??= []).push(cpuMs(cpu0) / ROUND_N);
  }
}
console.log(`\n== CPU of this process per request (server, PGlite and the fetch client), ${ROUNDS} rounds of ${ROUND_N} requests, ${C} at once`);
for (const [name, xs] of Object.entries(perRound)) {
  console.log(`  ${name.padEnd(15)} least ${Math.min(...xs).toFixed(2)} ms  median ${pct(xs, 50).toFixed(2)} ms  (rounds: ${xs.map((x) => x.toFixed(1)).join(' ')})`);
}
for (const name of Object.keys(pages)) {
  const own = (f: (xs: number[]) => number) => f(perRound[name]!) - f(perRound[`bare ${name}`]!);
  const least = (xs: number[]) => Math.min(...xs);
  console.log(
    `  ${name}: Concord's own work ${own(least).toFixed(2)} ms per request (least; median ${own((xs) => pct(xs, 50)).toFixed(2)}) → at most ${(1000 / own(least)).toFixed(0)} pages a second on one core`,
  );
}
await bareApp.close();

if (profiler) {
  const { profile } = await profiler.post('Profiler.stop');
  writeFileSync(process.env.PROFILE_CPU!, JSON.stringify(profile));
  profiler.disconnect();
  console.error(`CPU profile written to ${process.env.PROFILE_CPU}`);
}

// PROFILE_SQL=file.json: every distinct statement with the parameters it first ran with, for replaying.
if (process.env.PROFILE_SQL) writeFileSync(process.env.PROFILE_SQL, JSON.stringify([...allSql].map(([text, v]) => ({ sql: text, parameters: v.parameters, count: v.count }))));

if (process.env.PROFILE_EXPLAIN) {
  // Each distinct statement of the measured pages, with the parameters it was first run with.
  console.log('\n== EXPLAIN ANALYZE, each statement seen');
  for (const [text, v] of allSql) {
    if (!/^\s*select/i.test(text)) continue;
    const plan = await database.lite!.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${text}`, [...v.parameters]);
    console.log(`\n${v.count}× ${(v.ms / v.count).toFixed(2)} ms avg: ${text.replace(/\s+/g, ' ').slice(0, 200)}`);
    for (const r of plan.rows) console.log(`   ${r['QUERY PLAN']}`);
  }
}

await app.close();
await database.close();
if (!keep) rmSync(dataDir, { recursive: true, force: true });
