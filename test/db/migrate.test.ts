import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allMigrations, pendingMigrations } from '../../src/platform/db/migrate.js';
import { ENGINE, freshDatabase } from '../helpers/db.js';

/**
 * The migrator looks at its own schema only. Two ways it went wrong before: a migration
 * table in some other schema made an empty schema look migrated, and reading every table of
 * the database failed when another schema was dropped at the same moment (parallel test
 * files on one PostgreSQL server, or two Concord instances sharing one).
 */
let t: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(() => t.drop());

describe('migrations', { timeout: 120_000 }, () => {
  it('counts an empty schema as unmigrated even when another schema holds a migration table', async () => {
    const empty = `empty_${randomBytes(5).toString('hex')}`;
    await sql`create schema ${sql.id(empty)}`.execute(t.database.db);
    try {
      const pending = await t.database.db.connection().execute(async (conn) => {
        await sql`select set_config('search_path', ${empty}, false)`.execute(conn);
        try {
          return await pendingMigrations(conn);
        } finally {
          await sql`select set_config('search_path', ${t.config.databaseSchema ? `${t.config.databaseSchema},public` : 'public'}, false)`.execute(conn);
        }
      });
      // Every migration, the frame's and the installed modules' (participants brings 0018).
      expect(pending).toEqual(Object.keys(allMigrations()));
      expect(pending).toContain('0018_organisation_roles');
      // And the migrated schema itself is current.
      expect(await pendingMigrations(t.database.db, t.config.databaseSchema)).toEqual([]);
    } finally {
      await sql`drop schema ${sql.id(empty)} cascade`.execute(t.database.db);
    }
  });

  it.skipIf(ENGINE !== 'postgres')('keeps answering while other schemas are created and dropped around it', async () => {
    let stop = false;
    const churn = (async () => {
      for (let i = 0; !stop; i++) {
        const s = `churn_${randomBytes(5).toString('hex')}`;
        await sql.raw(`create schema ${s}; create table ${s}.a (id serial primary key, v text); create table ${s}.b (id serial primary key)`).execute(t.database.db);
        await sql.raw(`drop schema ${s} cascade`).execute(t.database.db);
      }
    })();
    const failures: string[] = [];
    try {
      for (let i = 0; i < 150; i++) {
        await pendingMigrations(t.database.db, t.config.databaseSchema).catch((e: Error) => failures.push(e.message));
      }
    } finally {
      stop = true;
      await churn;
    }
    expect(failures).toEqual([]);
  });
});
