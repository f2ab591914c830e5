/**
 * `npm run bench:copy`: bulk writes of comment-like rows, three ways, on the engine the
 * environment names (PGlite in memory, or PostgreSQL when DATABASE_URL is set, in a throwaway
 * schema dropped afterwards):
 *
 * - **copyInto** (src/platform/db/copy.ts), rows generated and encoded as they stream, in text
 *   and in CSV format;
 * - **INSERT batches through Kysely**, multi-row, BENCH_COPY_INSERT_BATCH rows per statement;
 * - **raw COPY of a pre-encoded buffer**, the ceiling: the same COPY data, encoded before the
 *   clock starts, sent with pg-copy-streams on PostgreSQL, or as one blob on PGlite.
 *
 * Each method writes BENCH_COPY_ROWS rows in one transaction into an emptied table, BENCH_COPY_RUNS
 * times (in rotating rounds, after a warm-up); the median run is reported, and every run's count
 * is checked. See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openDatabase, type Database } from '../src/platform/db/client.js';
import { copyInto, type CopyFormat } from '../src/platform/db/copy.js';
import { copyStatement, encodeRow } from '../src/platform/db/copy-format.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return n;
}

const settings = {
  rows: positiveInt('BENCH_COPY_ROWS', 200_000),
  runs: positiveInt('BENCH_COPY_RUNS', 3),
  insertBatch: positiveInt('BENCH_COPY_INSERT_BATCH', 1_000),
  /** PGlite only: copyInto's blob size (its default, 4 MiB, unless set). */
  blobBytes: process.env.BENCH_COPY_BLOB_BYTES ? positiveInt('BENCH_COPY_BLOB_BYTES', 1) : undefined,
};

/** The table: the columns of `comments` a bulk import writes, with its primary key and a listing index. */
interface BenchComment {
  id: string;
  period_id: string;
  document_id: string;
  anchor: string | null;
  author_id: string | null;
  display_name: string;
  organisation: string | null;
  lang: 'en' | 'fr';
  body: string;
  body_hash: string;
  listed: boolean;
  receipt: string;
  created_at: Date;
}
interface BenchDB {
  bench_copy_comments: BenchComment;
}
const TABLE = 'bench_copy_comments';
const COLUMNS = [
  'id',
  'period_id',
  'document_id',
  'anchor',
  'author_id',
  'display_name',
  'organisation',
  'lang',
  'body',
  'body_hash',
  'listed',
  'receipt',
  'created_at',
] as const;

const TEXTS = [
  'I support a mandatory security label for connected devices. Buyers deserve to know how long a device will get security updates before they pay for it.',
  'Le paragraphe devrait préciser la durée minimale du soutien : « cinq ans » est trop court pour un réfrigérateur connecté, qui dure quinze ans.',
  'Two points:\n1. the label should show the end-of-support date, not a duration;\n2. vendors must publish a "security.txt" contact.',
  'We, the "Home Devices Alliance", disagree with section 3.2; a self-assessment is enough for low-risk devices (toys, lamps, plugs).',
  'Path C:\\firmware\\update is a Windows example; please use a neutral one. Tabs\tand backslashes \\ should survive.',
];

/**
 * A time-ordered id for row n, shaped as a UUIDv7 (48-bit milliseconds, version 7, variant, then
 * n). Cheaper than newId(), whose two randomBytes calls per row took most of the time it took
 * to make a row, which every method but the raw one would pay.
 */
function rowId(ms: number, n: number): string {
  const t = ms.toString(16).padStart(12, '0');
  return `${t.slice(0, 8)}-${t.slice(8)}-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** Row n (deterministic), in COLUMNS order. */
function row(n: number, period: string, document: string, author: string, start: number): unknown[] {
  const text = TEXTS[n % TEXTS.length]!;
  return [
    rowId(start + n * 20, n),
    period,
    document,
    n % 20 === 0 ? null : `p-${n % 50}`,
    n % 3 === 0 ? null : author,
    `Commenter ${n}`,
    n % 4 === 0 ? 'Organisation « Exemple » inc.' : null,
    n % 2 ? 'fr' : 'en',
    `${text} (#${n})`,
    (n * 2654435761).toString(16).padStart(16, '0'),
    n % 10 !== 0,
    `R${n.toString(36).toUpperCase().padStart(8, '0')}`,
    new Date(start + n * 20),
  ];
}

function* rows(count: number): Generator<unknown[]> {
  const period = '01900000-0000-7000-8000-00000000000a';
  const document = '01900000-0000-7000-8000-00000000000b';
  const author = '01900000-0000-7000-8000-00000000000c';
  const start = Date.UTC(2026, 0, 1);
  for (let n = 0; n < count; n++) yield row(n, period, document, author, start);
}

function asObject(values: unknown[]): BenchComment {
  return Object.fromEntries(COLUMNS.map((c, i) => [c, values[i]])) as unknown as BenchComment;
}

/** One way of writing the rows: runs inside its own transaction. */
interface Method {
  name: string;
  /** Work done before the clock starts (the raw baseline encodes its data there). */
  prepare?: () => Promise<void> | void;
  run: (database: Database) => Promise<number>;
}

function adapter(format: CopyFormat): Method {
  return {
    name: `copyInto (${format})`,
    run: (database) => copyInto(database, TABLE, COLUMNS, rows(settings.rows), { format, ...(settings.blobBytes ? { blobBytes: settings.blobBytes } : {}) }),
  };
}

const insertBatches: Method = {
  name: `INSERT via Kysely (${settings.insertBatch.toLocaleString('en-US')} rows/statement)`,
  run: (database) =>
    (database.db as unknown as Kysely<BenchDB>).transaction().execute(async (trx) => {
      let batch: BenchComment[] = [];
      let written = 0;
      for (const values of rows(settings.rows)) {
        batch.push(asObject(values));
        if (batch.length === settings.insertBatch) {
          await trx.insertInto(TABLE).values(batch).execute();
          written += batch.length;
          batch = [];
        }
      }
      if (batch.length) {
        await trx.insertInto(TABLE).values(batch).execute();
        written += batch.length;
      }
      return written;
    }),
};

function rawBaseline(): Method {
  let encoded: Uint8Array<ArrayBuffer>[] = [];
  return {
    name: 'raw COPY, pre-encoded',
    prepare: () => {
      // The same COPY data as copyInto (text format), in 64 KiB pieces, encoded before the clock starts.
      const lines: string[] = [];
      let size = 0;
      encoded = [];
      for (const values of rows(settings.rows)) {
        const line = encodeRow(values, COLUMNS, 'text');
        lines.push(line);
        size += line.length;
        if (size >= 64 * 1024) {
          encoded.push(new TextEncoder().encode(lines.join('')));
          lines.length = 0;
          size = 0;
        }
      }
      if (lines.length) encoded.push(new TextEncoder().encode(lines.join('')));
    },
    run: (database) =>
      database.transaction(async (_trx, raw) => {
        if (raw.engine === 'postgres') {
          const stream = raw.client.query(copyFrom(copyStatement(TABLE, COLUMNS, 'text', 'STDIN')));
          await pipeline(Readable.from(encoded), stream);
          return stream.rowCount;
        }
        const result = await raw.lite.query(copyStatement(TABLE, COLUMNS, 'text', "'/dev/blob'"), [], { blob: new Blob(encoded) });
        return result.affectedRows ?? 0;
      }),
  };
}

/** Time to produce the rows alone, without writing them: part of every method but the raw one. */
function generationMs(): number {
  const t0 = performance.now();
  let n = 0;
  for (const values of rows(settings.rows)) n += values.length;
  if (n !== settings.rows * COLUMNS.length) throw new Error('generator lost rows');
  return performance.now() - t0;
}

async function createTable(db: Kysely<BenchDB>): Promise<void> {
  await sql`drop table if exists ${sql.table(TABLE)}`.execute(db);
  await sql`
    create table ${sql.table(TABLE)} (
      id uuid primary key,
      period_id uuid not null,
      document_id uuid not null,
      anchor text,
      author_id uuid,
      display_name text not null,
      organisation text,
      lang text not null check (lang in ('en', 'fr')),
      body text not null,
      body_hash text not null,
      listed boolean not null,
      receipt text not null,
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index on ${sql.table(TABLE)} (period_id, anchor, id)`.execute(db);
}

interface Measured {
  name: string;
  runsMs: number[];
  medianMs: number;
  rowsPerSec: number;
  /** The highest resident set size sampled during the method's runs. */
  peakRssMb: number;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function table(lines: string[][]): string {
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((r) => r[i]!.length)));
  return lines.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

/** One timed run of a method into the emptied table, its count checked; the clock excludes `prepare`. */
async function runOnce(database: Database, method: Method): Promise<number> {
  await sql`truncate ${sql.table(TABLE)}`.execute(database.db);
  await method.prepare?.();
  const t0 = performance.now();
  const written = await method.run(database);
  const ms = performance.now() - t0;
  const counted = Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(TABLE)}`.execute(database.db)).rows[0]!.n);
  if (written !== settings.rows || counted !== settings.rows)
    throw new Error(`${method.name}: wrote ${written}, table holds ${counted}, expected ${settings.rows}`);
  return ms;
}

/**
 * Every method BENCH_COPY_RUNS times, in rounds, each round starting one method later, after
 * one unmeasured warm-up run. Measured one method after the other, the first paid for growing
 * PGlite's memory (WebAssembly memory only grows) and later ones ran faster for it.
 */
async function measureAll(database: Database, methods: Method[]): Promise<Measured[]> {
  const runs = new Map<Method, number[]>(methods.map((m) => [m, []]));
  const peak = new Map<Method, number>(methods.map((m) => [m, 0]));
  let current: Method | undefined;
  // PGlite runs on this thread and blocks it during a COPY, so the interval rarely fires there:
  // each run's end is sampled too. The RSS is the process's: PGlite's database is in it.
  const sample = () => current && peak.set(current, Math.max(peak.get(current)!, process.memoryUsage.rss()));
  const sampler = setInterval(sample, 50);
  try {
    process.stdout.write(`warm-up (${methods[0]!.name})… `);
    console.log(`${fmt((await runOnce(database, methods[0]!)) / 1000, 2)} s, not counted`);
    for (let r = 0; r < settings.runs; r++) {
      const order = [...methods.slice(r % methods.length), ...methods.slice(0, r % methods.length)];
      for (const method of order) {
        current = method;
        const ms = await runOnce(database, method);
        sample();
        current = undefined;
        runs.get(method)!.push(ms);
        console.log(`round ${r + 1}: ${method.name}: ${fmt(ms / 1000, 2)} s`);
      }
    }
  } finally {
    clearInterval(sampler);
  }
  return methods.map((method) => {
    const runsMs = runs.get(method)!;
    const medianMs = [...runsMs].sort((a, b) => a - b)[Math.floor(runsMs.length / 2)]!;
    return { name: method.name, runsMs, medianMs, rowsPerSec: settings.rows / (medianMs / 1000), peakRssMb: peak.get(method)! / 1024 / 1024 };
  });
}

async function open(): Promise<{ database: Database; engine: string; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ databaseUrl: undefined, dataDir: 'memory://', databaseSchema: undefined, pgliteImage: undefined });
    return { database, engine: 'pglite (in memory)', drop: () => database.close() };
  }
  const schema = `bench_copy_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const version = (await admin.query<{ v: string }>(`select current_setting('server_version') as v`)).rows[0]!.v;
  await admin.end();
  const database = await openDatabase({ databaseUrl: url, dataDir: 'memory://', databaseSchema: schema, pgliteImage: undefined });
  return {
    database,
    engine: `postgres ${version}`,
    drop: async () => {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(database.db);
      await database.close();
    },
  };
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: here, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const { database, engine, drop } = await open();
  const cpus = os.cpus();
  console.log(
    `Concord COPY bench: ${fmt(settings.rows)} comment-like rows, ${settings.runs} rounds (median shown), ` +
      `Node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, database ${engine}, load average ${os.loadavg()[0]!.toFixed(1)}\n`,
  );
  try {
    await createTable(database.db as unknown as Kysely<BenchDB>);
    const genMs = generationMs();
    const methods = [adapter('text'), adapter('csv'), insertBatches, rawBaseline()];
    const results = await measureAll(database, methods);
    const bytes =
      Buffer.byteLength([...rows(Math.min(settings.rows, 1000))].map((v) => encodeRow(v, COLUMNS, 'text')).join('')) / Math.min(settings.rows, 1000);
    const by = (name: string) => results.find((r) => r.name.startsWith(name))!;
    const insert = by('INSERT');
    const raw = by('raw');
    console.log();
    console.log(
      table([
        ['method', 'median s', 'rows/s', '× INSERT', 'of raw COPY', 'peak RSS MB'],
        ...results.map((r) => [
          r.name,
          fmt(r.medianMs / 1000, 2),
          fmt(r.rowsPerSec),
          fmt(r.rowsPerSec / insert.rowsPerSec, 1),
          `${fmt((100 * r.rowsPerSec) / raw.rowsPerSec)} %`,
          fmt(r.peakRssMb),
        ]),
      ]),
    );
    const load = os.loadavg()[0]!;
    console.log(
      `\ngenerating the rows alone: ${fmt(genMs / 1000, 2)} s (${fmt(settings.rows / (genMs / 1000))} rows/s); COPY text ≈ ${fmt(bytes)} bytes per row; load average at the end ${load.toFixed(1)}`,
    );
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const dir = path.join(here, 'results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `copy-${stamp}.json`);
    writeFileSync(
      file,
      `${JSON.stringify({ date: new Date().toISOString(), commit: gitCommit(), node: process.version, cpus: { count: cpus.length, model: cpus[0]?.model }, database: engine, loadAverage: load, settings, generationMs: genMs, bytesPerRow: bytes, results }, null, 2)}\n`,
    );
    console.log(`results written to ${path.relative(process.cwd(), file)}`);
  } finally {
    await drop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
