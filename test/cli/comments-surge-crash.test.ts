import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDatabase } from '../../src/app/cli/with-db.js';
import { verifyAudit } from '../../src/platform/audit/audit-verify.service.js';
import { CliSandbox } from '../helpers/cli.js';
import { makeCommentPeriod, makeDocument, makeProcess, makeUser } from '../helpers/factories.js';

/**
 * Issue 11: "kill the server with SIGKILL in the middle of a surge: after a restart and a
 * re-run, nothing acknowledged is lost and nothing is doubled". `concord serve` runs as a
 * child process; submitters post comments through the API with an Idempotency-Key each (a
 * third of them copies of one text, so a duplicate group is joined all the time); once enough
 * are acknowledged the server is killed with requests in flight. A restarted server gets
 * every request again, as a client that saw no answer would send it: each key then holds
 * exactly one comment, every acknowledged comment is the same one, and the counts (counters
 * plus the deltas not folded yet) equal a recount. The audit chain verifies.
 */
const cli = new CliSandbox('comments-surge-crash');
const SLUG = 'crash-surge';
const PASSWORD = 'track every action';
const SUBMITTERS = 8;
const KILL_AFTER = 120;
let periodId = '';
let email = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  await cli.setUp();
  await withDatabase(async ({ db }) => {
    const admin = (await makeUser(db, { admin: true })).actor;
    const d = await makeProcess(db, admin, SLUG);
    await makeDocument(db, admin, d.process.id, { slug: 'draft', markdown: '# Scope\n\nAll devices.\n' });
    periodId = (await makeCommentPeriod(db, admin, d.process.id, { document: 'draft' })).id;
    email = (await makeUser(db, { roles: [{ role: 'member', processId: d.process.id }] })).user.email;
  });
});
afterAll(() => cli.tearDown());

/** `concord serve` as a child process on the sandbox's database; resolves once it answers. */
async function serve(): Promise<{ child: ChildProcess; url: string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['bin/concord.js', 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', BASE_URL: url, CONCORD_DEMO: '0', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const err: string[] = [];
  child.stderr.on('data', (b: Buffer) => err.push(b.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`concord serve ended (${child.exitCode}): ${err.join('')}`);
    const ok = await fetch(`${url}/api/v1/processes`).then((r) => r.status === 200, () => false);
    if (ok) return { child, url, exited };
    if (Date.now() > until) throw new Error(`concord serve did not answer: ${err.join('')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function signIn(url: string): Promise<string> {
  const r = await fetch(`${url}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  expect(r.status).toBe(200);
  return (r.headers.getSetCookie().find((c) => c.startsWith('concord_session=')) ?? '').split(';')[0]!;
}

const textOf = (key: string, n: number) => (n % 3 === 0 ? 'Every device must ship with a unique password.' : `Comment ${key}: updates for five years, please.`);

/** Post one comment with its key; the comment's id when the server acknowledged it (201 or a 200 replay), else null. */
async function post(url: string, cookie: string, key: string, n: number): Promise<string | null> {
  try {
    const r = await fetch(`${url}/api/v1/processes/${SLUG}/comment-periods/${periodId}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'idempotency-key': key },
      body: JSON.stringify({ document: 'draft', text: textOf(key, n), displayName: 'Surge Sender', lang: 'en' }),
    });
    if (r.status !== 201 && r.status !== 200) return null;
    return ((await r.json()) as { id: string }).id;
  } catch {
    return null; // the connection died with the server: not acknowledged
  }
}

describe('concord serve killed with SIGKILL during a surge, then restarted', () => {
  it('loses no acknowledged comment and doubles none when every request is sent again', { timeout: 300_000 }, async () => {
    const first = await serve();
    const cookie = await signIn(first.url);
    const acked = new Map<string, string>();
    const sent: { key: string; n: number }[] = [];
    let killed = false;
    await Promise.all(
      Array.from({ length: SUBMITTERS }, async (_, w) => {
        for (let n = 0; !killed; n++) {
          const key = `w${w}-${n}`;
          sent.push({ key, n });
          const id = await post(first.url, cookie, key, n);
          if (id) acked.set(key, id);
          if (acked.size >= KILL_AFTER && !killed) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        }
      }),
    );
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER);
    // Requests were in flight when it died: some were sent and never answered.
    expect(sent.length).toBeGreaterThan(acked.size);

    const second = await serve();
    try {
      const again = await signIn(second.url);
      const answers = new Map<string, string | null>();
      for (let i = 0; i < sent.length; i += SUBMITTERS) {
        await Promise.all(sent.slice(i, i + SUBMITTERS).map(async ({ key, n }) => answers.set(key, await post(second.url, again, key, n))));
      }
      // Every request is acknowledged now, and an acknowledged one is the very comment first acknowledged.
      for (const { key } of sent) expect(answers.get(key), key).not.toBeNull();
      for (const [key, id] of acked) expect(answers.get(key), key).toBe(id);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }

    await withDatabase(async ({ db }) => {
      const rows = await db.selectFrom('comments').select(['id', 'idempotency_key']).where('period_id', '=', periodId).execute();
      // One comment per key sent, nothing else.
      expect(rows).toHaveLength(sent.length);
      expect(new Set(rows.map((r) => r.idempotency_key))).toEqual(new Set(sent.map((s) => s.key)));
      const byKey = new Map(rows.map((r) => [r.idempotency_key, r.id]));
      for (const [key, id] of acked) expect(byKey.get(key), key).toBe(id);
      // Counters plus the deltas not folded yet equal a recount; so do the duplicate groups' sizes.
      const counts = (
        await sql<{ stored: number; counted: number; texts: number; distinct: number }>`
          select p.comment_count + (select count(*)::int from comment_count_deltas d where d.period_id = p.id) as stored,
                 (select count(*)::int from comments c where c.period_id = p.id) as counted,
                 p.text_count + (select count(*)::int from comment_count_deltas d where d.period_id = p.id and d.new_text) as texts,
                 (select count(distinct group_id)::int from comments c where c.period_id = p.id) as distinct
          from comment_periods p where p.id = ${periodId}`.execute(db)
      ).rows[0]!;
      expect(counts.stored).toBe(counts.counted);
      expect(counts.texts).toBe(counts.distinct);
      const groups = (
        await sql<{ size: number; counted: number }>`
          select g.size + (select count(*)::int from comment_count_deltas d where d.group_id = g.id and not d.new_text) as size,
                 (select count(*)::int from comments c where c.group_id = g.id) as counted
          from comment_groups g where g.period_id = ${periodId}`.execute(db)
      ).rows;
      for (const g of groups) expect(g.size).toBe(g.counted);
      expect(await verifyAudit(db)).toMatchObject({ ok: true });
    });
  });
});
