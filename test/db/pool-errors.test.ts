import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase, ENGINE } from '../helpers/db.js';

/**
 * A PostgreSQL server that drops an idle connection (restart, failover, an administrator)
 * must not end the app: without a handler on the pool's 'error' event, Node treats it as an
 * unhandled error and vitest fails the run.
 */
describe.skipIf(ENGINE !== 'postgres')('an idle connection dropped by the server', () => {
  let close: (() => Promise<void>) | undefined;
  afterAll(async () => close?.());

  it('is discarded, and the next query connects anew', async () => {
    const { database, config, drop } = await freshDatabase();
    close = drop;
    const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db)).rows[0]!.pid;
    const admin = new pg.Client({ connectionString: config.databaseUrl });
    await admin.connect();
    await admin.query('select pg_terminate_backend($1)', [pid]);
    await admin.end();
    await new Promise((r) => setTimeout(r, 200));
    const again = await sql<{ one: number }>`select 1 as one`.execute(database.db);
    expect(again.rows[0]!.one).toBe(1);
  });
});
