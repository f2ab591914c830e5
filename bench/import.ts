/**
 * `npm run bench:import [-- N]`: the bulk comment import (src/modules/comments/comments.import.ts)
 * end to end on N generated rows (default 100,000; or BENCH_IMPORT_ROWS), from a CSV file on
 * disk: read twice as a stream, each row checked, staged with COPY, landed set-based in chunks
 * of 5,000 with one audit batch event each. Beside it, in the same run and on the same engine,
 * a raw COPY of the same rows (pre-built arrays) into a bare table with the same columns: the
 * ceiling. Prints rows/s for both and their ratio. PGlite in memory, or PostgreSQL when
 * DATABASE_URL is set (in a throwaway schema, dropped afterwards).
 *
 * The rows: 60% copies of 20 campaign texts (so duplicate groups are joined), 40% unique;
 * a third on a paragraph; every row with its own key.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database } from '../src/platform/db/client.js';
import { copyInto } from '../src/platform/db/copy.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { useKeySecret } from '../src/platform/signing/index.js';
import { loadConfig } from '../src/platform/config.js';
import '../src/app/modules.js';
import { importComments } from '../src/modules/comments/comments.import.js';
import { blocksOf } from '../src/modules/documents/documents.service.js';
import { adminActor, makeCommentPeriod, makeDocument, makeProcess } from '../test/helpers/factories.js';

const arg = process.argv.slice(2).find((a) => /^\d+$/.test(a));
const N = Number(arg ?? process.env.BENCH_IMPORT_ROWS ?? 100_000);

const CAMPAIGN = Array.from({ length: 20 }, (_, i) => `Campaign text ${i}: every connected device must ship with a unique password and five years of security updates.`);
const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Row n: text, name, email, paragraph, submitted_at, key. */
function row(n: number, anchors: string[], start: number): string[] {
  const text = n % 5 < 3 ? CAMPAIGN[n % CAMPAIGN.length]! : `A personal comment, number ${n}, on "labels" — with a comma and an accent: é.`;
  return [text, `Commenter ${n}`, `person${n}@example.org`, n % 3 === 0 ? anchors[n % anchors.length]! : '', new Date(start + n).toISOString(), `bench-${n}`];
}

async function open(): Promise<{ database: Database; engine: string; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ databaseUrl: undefined, dataDir: 'memory://', databaseSchema: undefined, pgliteImage: undefined });
    return { database, engine: 'pglite (in memory)', drop: () => database.close() };
  }
  const schema = `bench_import_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = await openDatabase({ databaseUrl: url, dataDir: 'memory://', databaseSchema: schema, pgliteImage: undefined });
  return {
    database,
    engine: 'postgres',
    drop: async () => {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(database.db);
      await database.close();
    },
  };
}

const { database, engine, drop } = await open();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-bench-import-'));
try {
  useKeySecret(loadConfig({ CONCORD_DATA_DIR: dir }));
  await migrateToLatest(database.db, process.env.DATABASE_URL ? (await sql<{ s: string }>`select current_schema() as s`.execute(database.db)).rows[0]!.s : undefined);
  const db = database.db;
  const admin = await adminActor(db);
  const d = await makeProcess(db, admin, 'bench-import');
  const doc = await makeDocument(db, admin, d.process.id, { slug: 'draft', markdown: Array.from({ length: 30 }, (_, i) => `Paragraph ${i} of the draft.`).join('\n\n') });
  const anchors = (await blocksOf(db, doc.current_version_id!)).map((b) => b.anchor);
  const period = await makeCommentPeriod(db, admin, d.process.id, { document: 'draft', opensAt: new Date(Date.now() - 86_400_000).toISOString() });
  const start = Date.now() - 3_600_000;

  const file = path.join(dir, 'comments.csv');
  const out = fs.createWriteStream(file);
  out.write('text,name,email,paragraph,submitted_at,key\n');
  for (let n = 0; n < N; n++) out.write(`${row(n, anchors, start).map(csvField).join(',')}\n`);
  await new Promise<void>((resolve) => out.end(resolve));
  console.log(`engine: ${engine}; ${N.toLocaleString('en')} rows, ${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MiB of CSV; node ${process.version}, ${os.cpus().length} cores`);

  // Where the landing time goes: the time from one step of a chunk to the next, summed over chunks.
  const steps = new Map<string, number>();
  let lastStep = 0;
  let t0 = performance.now();
  const r = await importComments(database, admin, period.id, () => fs.createReadStream(file, { highWaterMark: 256 * 1024 }), {
    fileName: 'comments.csv',
    format: 'csv',
    lang: 'en',
    onStep: (step) => {
      const now = performance.now();
      if (step !== 'staged' && lastStep) steps.set(step, (steps.get(step) ?? 0) + now - lastStep);
      lastStep = now;
    },
  });
  const importMs = performance.now() - t0;
  if (r.added !== N) throw new Error(`the import added ${r.added} rows of ${N} (${r.refused} refused)`);

  // The ceiling: the same rows, already built, copied into a bare table of the same columns.
  await sql`create table bench_raw_comments (like comments including defaults)`.execute(db);
  const columns = ['id', 'period_id', 'document_id', 'version_id', 'anchor', 'display_name', 'lang', 'body', 'body_hash', 'group_id', 'listed', 'receipt', 'import_key', 'created_at'] as const;
  const stored = await db.selectFrom('comments').select(columns).where('import_id', '=', r.import.id).execute();
  const arrays = stored.map((c) => columns.map((k) => c[k]));
  t0 = performance.now();
  const copied = await copyInto(database, 'bench_raw_comments', columns, arrays);
  const rawMs = performance.now() - t0;
  if (copied !== N) throw new Error(`raw COPY wrote ${copied} rows of ${N}`);

  const rate = (ms: number) => Math.round(N / (ms / 1000));
  console.log(`import:   ${(importMs / 1000).toFixed(2)} s, ${rate(importMs).toLocaleString('en')} rows/s (read twice, checked, staged, landed, audited)`);
  console.log(`raw COPY: ${(rawMs / 1000).toFixed(2)} s, ${rate(rawMs).toLocaleString('en')} rows/s (same rows, bare table, no index)`);
  console.log(`ratio import / raw COPY: ${(rawMs / importMs).toFixed(2)}`);
  console.log(`landing steps, summed over chunks (from the COPY into staging on): ${[...steps].map(([k, ms]) => `${k} ${(ms / 1000).toFixed(2)} s`).join(', ')}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
  await drop();
}
