import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox } from '../helpers/cli.js';
import { loadConfig } from '../../src/platform/config.js';
import { openDatabase } from '../../src/platform/db/client.js';

/** `concord audit verify [--process <slug>]`, run in-process against a database of its own. */
const cli = new CliSandbox('audit-view');
const concord = (...args: string[]) => cli.run(...args);

beforeAll(() => cli.setUp());
afterAll(() => cli.tearDown());

/** Edit an event of a process's chain as someone with direct database access would. */
async function tamper(slug: string, pick: 'first' | 'last', how: 'edit' | 'delete'): Promise<string> {
  const database = await openDatabase(loadConfig());
  try {
    const db = database.db;
    const p = await db.selectFrom('processes').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    const chain = `process:${p.id}`;
    const victim = String(
      (await db.selectFrom('audit_events').select('seq').where('chain', '=', chain).orderBy('seq', pick === 'first' ? 'asc' : 'desc').limit(1).executeTakeFirstOrThrow()).seq,
    );
    await sql`alter table audit_events disable trigger audit_events_no_change`.execute(db);
    if (how === 'edit') await sql`update audit_events set entity_id = 'forged' where chain = ${chain} and seq = ${victim}`.execute(db);
    else await sql`delete from audit_events where chain = ${chain} and seq = ${victim}`.execute(db);
    await sql`alter table audit_events enable trigger audit_events_no_change`.execute(db);
    return victim;
  } finally {
    await database.close();
  }
}

describe('concord audit verify', { timeout: 180_000 }, () => {
  it('verifies every chain, or one process’s', async () => {
    await concord('migrate');
    await concord('user', 'create', '--email', 'chair@example.org', '--name', 'Chair', '--admin', '--password', 'a long enough passphrase');
    expect(
      (await concord('process', 'create', '--slug', 'audited', '--title-en', 'Audited', '--title-fr', 'Audité', '--convener', 'chair@example.org')).code,
    ).toBe(0);
    await concord('process', 'create', '--slug', 'other', '--title-en', 'Other', '--title-fr', 'Autre', '--convener', 'chair@example.org');
    const r = await concord('audit', 'verify', '--process', 'audited');
    expect(r.code).toBe(0);
    const m = /^Audit chain of process audited intact: (\d+) events, head seq (\d+) [0-9a-f]{64}$/.exec(r.out);
    expect(m).not.toBeNull();
    expect(m![1]).toBe(m![2]);
    const all = await concord('audit', 'verify');
    expect(all.code).toBe(0);
    expect(all.out.split('\n')[0]).toMatch(/^Audit chains intact: \d+ events in 3 chains$/);
    expect(all.out).toContain(`  process audited: intact, ${m![1]} events verified`);
    expect(all.out).toContain('  process other: intact,');
    expect(await concord('audit', 'verify', '--process', 'nope')).toEqual({ out: expect.stringMatching(/^concord: /), code: 1 });
  });

  it('exits 1 naming the first broken link (chain and seq) once an event is edited, with --process and without', async () => {
    const victim = await tamper('audited', 'first', 'edit');
    const one = await concord('audit', 'verify', '--process', 'audited');
    expect(one.code).toBe(1);
    expect(one.out).toBe(`Audit chain of process audited BROKEN at seq ${victim} (hash mismatch); 0 events before it verify.`);
    // The plain command, which was reported to exit 0 on a broken chain.
    const plain = await concord('audit', 'verify');
    expect(plain.code).toBe(1);
    expect(plain.out.split('\n')[0]).toBe(`Audit chain process audited BROKEN at seq ${victim} (hash mismatch); 0 events before it verify.`);
    expect(plain.out).toContain('  process other: intact,');
    // The other process's chain is unaffected.
    expect((await concord('audit', 'verify', '--process', 'other')).code).toBe(0);
  });

  it('exits non-zero as a real process too (bin/concord.js), not only in-process', () => {
    const run = spawnSync(process.execPath, ['bin/concord.js', 'audit', 'verify'], { env: process.env, encoding: 'utf8', timeout: 120_000 });
    expect(run.stdout.split('\n')[0]).toMatch(/^Audit chain process audited BROKEN at seq \d+ \(hash mismatch\)/);
    expect(run.status).toBe(1);
  });
});
