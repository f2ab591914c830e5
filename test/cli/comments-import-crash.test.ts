import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDatabase } from '../../src/app/cli/with-db.js';
import { blocksOf } from '../../src/modules/documents/documents.service.js';
import { verifyAudit } from '../../src/platform/audit/audit-verify.service.js';
import { CliSandbox } from '../helpers/cli.js';
import { makeCommentPeriod, makeDocument, makeProcess, makeUser } from '../helpers/factories.js';

/**
 * Issue 11: `concord comments import`, a real child process on a PGlite data folder, killed
 * with SIGKILL in the middle of an import, then run again: nothing a chunk acknowledged is
 * lost, nothing is doubled, the counters equal a recount and the audit chain verifies.
 * Chunks of 40 rows (CONCORD_IMPORT_CHUNK) keep it quick; the kill waits for the CLI's
 * progress line of a committed chunk (and, in the first case, for the process to say it is
 * stopped inside the next chunk's transaction), never for a fixed time.
 */
const cli = new CliSandbox('comments-import-crash');
const CHUNK = 40;
const ROWS = 400;
let convenerEmail = '';
let anchor = '';
const periods: string[] = [];

/** Line n+1 of the file holds row n; every 37th row has no text (refused); texts repeat (groups span chunks). */
const refusedRow = (i: number) => i % 37 === 0;
function csv(tag: string): string {
  const lines = ['text,name,paragraph,key'];
  for (let i = 1; i <= ROWS; i++) lines.push(`${refusedRow(i) ? '' : `Comment number ${i % 150} on devices.`},Person ${i},${i % 3 === 0 ? anchor : ''},${tag}-${i}`);
  return `${lines.join('\n')}\n`;
}
const goodRows = (upToRow: number) => Array.from({ length: upToRow }, (_, k) => k + 1).filter((i) => !refusedRow(i)).length;

beforeAll(async () => {
  await cli.setUp();
  await withDatabase(async ({ db }) => {
    const admin = (await makeUser(db, { admin: true })).actor;
    const d = await makeProcess(db, admin, 'crash-import');
    const doc = await makeDocument(db, admin, d.process.id, { slug: 'draft', markdown: '# Scope\n\nAll devices.\n\nNo default passwords.\n' });
    anchor = (await blocksOf(db, doc.current_version_id!))[1]!.anchor;
    for (let i = 0; i < 2; i++) periods.push((await makeCommentPeriod(db, admin, d.process.id, { document: 'draft' })).id);
    convenerEmail = (await makeUser(db, { roles: [{ role: 'convener', processId: d.process.id }] })).user.email;
  });
});
afterAll(() => cli.tearDown());

/** `concord comments import` as a child process; its stdout and stderr lines as they come. */
function importChild(file: string, periodId: string, env: Record<string, string> = {}) {
  const child: ChildProcess = spawn(process.execPath, ['bin/concord.js', 'comments', 'import', file, '--period', periodId, '--as', convenerEmail], {
    env: { ...process.env, CONCORD_IMPORT_CHUNK: String(CHUNK), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: string[] = [];
  const err: string[] = [];
  child.stdout!.on('data', (b: Buffer) => out.push(...b.toString().split('\n').filter(Boolean)));
  child.stderr!.on('data', (b: Buffer) => err.push(...b.toString().split('\n').filter(Boolean)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  /** Wait until a stderr line matches (polling the output), or the process ends. */
  const waitFor = async (re: RegExp, ms = 90_000) => {
    const until = Date.now() + ms;
    while (Date.now() < until && child.exitCode === null && child.signalCode === null) {
      const line = err.find((l) => re.test(l));
      if (line) return line;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no line matching ${re} (exit ${child.exitCode}); stdout: ${out.join(' | ')}; stderr: ${err.join(' | ')}`);
  };
  return { child, out, err, exited, waitFor };
}

/** The rows read by the last chunk the CLI said had committed. */
const acknowledged = (err: string[]) => Math.max(0, ...err.map((l) => /^(\d+) of \d+ rows/.exec(l)).filter((m) => m !== null).map((m) => Number(m[1])));

/** The period's stored state, and the same figures counted afresh from its comments. */
async function state(periodId: string) {
  return withDatabase(async ({ db }) => {
    const keys = await db.selectFrom('comments').select(['import_key', 'import_line']).where('period_id', '=', periodId).execute();
    const period = await db.selectFrom('comment_periods').select(['comment_count', 'text_count']).where('id', '=', periodId).executeTakeFirstOrThrow();
    const recount = (
      await sql<{ comments: number; texts: number }>`select (select count(*)::int from comments where period_id = ${periodId}) as comments,
        (select count(distinct group_id)::int from comments where period_id = ${periodId}) as texts`.execute(db)
    ).rows[0]!;
    const anchors = (
      await sql<{ anchor: string; stored: number | null; counted: number | null }>`
        select coalesce(a.anchor, c.anchor) as anchor, a.count as stored, c.n as counted
        from (select anchor, count from comment_anchor_counts where period_id = ${periodId} and count <> 0) a
        full join (select coalesce(anchor, '') as anchor, count(*)::int as n from comments where period_id = ${periodId} group by 1) c on c.anchor = a.anchor
        order by 1`.execute(db)
    ).rows;
    const groups = (
      await sql<{ size: number; counted: number }>`select g.size, (select count(*)::int from comments c where c.group_id = g.id) as counted
        from comment_groups g where g.period_id = ${periodId}`.execute(db)
    ).rows;
    const staged = (await sql<{ n: number }>`select count(*)::int as n from comment_import_rows`.execute(db)).rows[0]!.n;
    return { keys, period, recount, anchors, groups, staged, audit: await verifyAudit(db) };
  });
}

/** Every row there exactly once, every counter equal to its recount, the chain intact. */
function expectConsistent(s: Awaited<ReturnType<typeof state>>, expectedRows: number) {
  expect(s.keys.length).toBe(expectedRows);
  expect(new Set(s.keys.map((k) => k.import_key)).size).toBe(expectedRows);
  expect(s.period).toEqual({ comment_count: s.recount.comments, text_count: s.recount.texts });
  for (const a of s.anchors) expect(a, `paragraph count of “${a.anchor}”`).toMatchObject({ stored: a.counted });
  for (const g of s.groups) expect(g.size).toBe(g.counted);
  expect(s.staged).toBe(0);
  expect(s.audit).toMatchObject({ ok: true });
}

describe('concord comments import killed with SIGKILL, then run again', () => {
  it('killed inside a chunk’s transaction (after its comments were written): the chunks acknowledged stay, that chunk leaves nothing, a re-run completes without doubles', async () => {
    const file = path.join(cli.dir, 'stall.csv');
    fs.writeFileSync(file, csv('s'));
    const periodId = periods[0]!;
    const first = importChild(file, periodId, { CONCORD_IMPORT_STALL_AT: '3:comments' });
    await first.waitFor(/^stalled at chunk 3, after comments$/);
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    // Two chunks said they had committed; the summary was never printed.
    expect(acknowledged(first.err)).toBe(2 * CHUNK);
    expect(first.out.filter((l) => l.includes('rows read'))).toEqual([]);

    const killed = await state(periodId);
    expectConsistent(killed, goodRows(2 * CHUNK));
    expect(Math.max(...killed.keys.map((k) => k.import_line!))).toBeLessThanOrEqual(2 * CHUNK + 1);

    const again = importChild(file, periodId);
    const done = await again.exited;
    const refused = ROWS - goodRows(ROWS);
    expect(again.out.at(-1)).toMatch(new RegExp(`^stall\\.csv: ${ROWS} rows read, ${goodRows(ROWS) - goodRows(2 * CHUNK)} added, ${goodRows(2 * CHUNK)} already present, ${refused} refused \\(import [0-9a-f-]{36}\\)\\.$`));
    expect(done).toEqual({ code: 3, signal: null });
    const after = await state(periodId);
    expectConsistent(after, goodRows(ROWS));
    expect(new Set(after.keys.map((k) => k.import_key))).toEqual(new Set(Array.from({ length: ROWS }, (_, k) => k + 1).filter((i) => !refusedRow(i)).map((i) => `s-${i}`)));
  });

  it('killed as soon as its first chunk is acknowledged, wherever it is then: a re-run completes without loss or doubles', async () => {
    const file = path.join(cli.dir, 'plain.csv');
    fs.writeFileSync(file, csv('p'));
    const periodId = periods[1]!;
    const first = importChild(file, periodId);
    await first.waitFor(/^\d+ of \d+ rows/);
    first.child.kill('SIGKILL');
    const ended = await first.exited;
    const ack = acknowledged(first.err);
    expect(ack).toBeGreaterThanOrEqual(CHUNK);
    // Killed in the middle, not after the end.
    expect(ended).toEqual({ code: null, signal: 'SIGKILL' });
    expect(ack).toBeLessThan(ROWS);

    const killed = await state(periodId);
    // What was acknowledged is there; whatever chunk was landing when it died is all there or not at all.
    expect(killed.keys.length).toBeGreaterThanOrEqual(goodRows(ack));
    expect([...Array(ROWS / CHUNK + 1).keys()].map((c) => goodRows(c * CHUNK))).toContain(killed.keys.length);
    expectConsistent(killed, killed.keys.length);

    const again = importChild(file, periodId);
    expect(await again.exited).toEqual({ code: 3, signal: null });
    expect(again.out.at(-1)).toMatch(new RegExp(`^plain\\.csv: ${ROWS} rows read, ${goodRows(ROWS) - killed.keys.length} added, ${killed.keys.length} already present, ${ROWS - goodRows(ROWS)} refused`));
    expectConsistent(await state(periodId), goodRows(ROWS));
  });
});
