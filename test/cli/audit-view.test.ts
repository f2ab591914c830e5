import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox } from '../helpers/cli.js';
import { loadConfig } from '../../src/platform/config.js';
import { openDatabase } from '../../src/platform/db/client.js';

/** `concord audit verify --process <slug>`, run in-process against a database of its own. */
const cli = new CliSandbox('audit-view');
const concord = (...args: string[]) => cli.run(...args);

beforeAll(() => cli.setUp());
afterAll(() => cli.tearDown());

describe('concord audit verify --process', { timeout: 180_000 }, () => {
  it('prints the chain head and the process’s event count, and keeps the plain command as it was', async () => {
    await concord('migrate');
    await concord('user', 'create', '--email', 'chair@example.org', '--name', 'Chair', '--admin', '--password', 'a long enough passphrase');
    expect(
      (await concord('process', 'create', '--slug', 'audited', '--title-en', 'Audited', '--title-fr', 'Audité', '--convener', 'chair@example.org')).code,
    ).toBe(0);
    await concord('process', 'create', '--slug', 'other', '--title-en', 'Other', '--title-fr', 'Autre', '--convener', 'chair@example.org');
    const r = await concord('audit', 'verify', '--process', 'audited');
    expect(r.code).toBe(0);
    const m = /^Audit chain intact: (\d+) events, head ([0-9a-f]{64})\nProcess audited: (\d+) events, latest [0-9a-f]{64}$/.exec(r.out);
    expect(m).not.toBeNull();
    const [, total, head, mine] = m!;
    expect(Number(mine)).toBeGreaterThan(0);
    expect(Number(mine)).toBeLessThan(Number(total));
    expect((await concord('audit', 'verify')).out).toBe(`Audit chain intact: ${total} events, head ${head}`);
    expect(await concord('audit', 'verify', '--process', 'nope')).toEqual({ out: expect.stringMatching(/^concord: /), code: 1 });
  });

  it('exits 1 naming the first broken link once an event is edited', async () => {
    const database = await openDatabase(loadConfig());
    let victim: string;
    try {
      const db = database.db;
      const p = await db.selectFrom('processes').select('id').where('slug', '=', 'audited').executeTakeFirstOrThrow();
      victim = String((await db.selectFrom('audit_events').select('seq').where('process_id', '=', p.id).orderBy('seq').limit(1).executeTakeFirstOrThrow()).seq);
      await sql`alter table audit_events disable trigger audit_events_no_change`.execute(db);
      await sql`update audit_events set entity_id = 'forged' where seq = ${victim}`.execute(db);
      await sql`alter table audit_events enable trigger audit_events_no_change`.execute(db);
    } finally {
      await database.close();
    }
    const r = await concord('audit', 'verify', '--process', 'audited');
    expect(r.code).toBe(1);
    expect(r.out).toContain(`Audit chain BROKEN at event ${victim} (hash mismatch)`);
    expect(r.out).toContain('Process audited: 0 events before the break verify');
  });
});
