import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, ENGINE } from '../helpers/db.js';
import { preparable } from '../../src/platform/db/pglite-connection.js';

/**
 * node-postgres over PGlite through our connection (src/platform/db/pglite-connection.ts):
 * answers read with pg-protocol's parser, and statements kept prepared from their second run.
 * What a query returns must never depend on either.
 */
describe.skipIf(ENGINE !== 'pglite')('the PGlite connection', () => {
  let db: Kysely<never>;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const { database, drop } = await freshDatabase();
    db = database.db as unknown as Kysely<never>;
    close = drop;
    await sql`create table t (id int primary key, name text not null, at timestamptz not null default now())`.execute(db);
    await sql`insert into t (id, name) select n, 'name ' || n from generate_series(1, 200) n`.execute(db);
  });
  afterAll(async () => close?.());

  /** Our prepared statements, as the engine lists them. */
  const prepared = async () =>
    (await sql<{ statement: string }>`select statement from pg_prepared_statements where name like 'concord\_%' order by prepare_time`.execute(db)).rows.map((r) => r.statement);
  const byId = (id: number) => sql<{ id: number; name: string; at: Date }>`select * from t where id = ${id}`.execute(db).then((r) => r.rows);

  it('prepares a statement on its second run and gives the same rows from it', async () => {
    const first = await byId(7);
    expect(await prepared()).not.toContain('select * from t where id = $1');
    const second = await byId(7);
    expect(await prepared()).toContain('select * from t where id = $1');
    const third = await byId(8);
    expect(second).toEqual(first);
    expect(third).toEqual([{ id: 8, name: 'name 8', at: expect.any(Date) }]);
    expect(await byId(9999)).toEqual([]);
  });

  it('keeps statements with LIMIT or OFFSET unprepared (their plans depend on the values)', async () => {
    expect(preparable('select * from t order by id limit $1')).toBe(false);
    expect(preparable('select * from t offset $1')).toBe(false);
    expect(preparable('select * from t where name = $1')).toBe(true);
    for (let i = 0; i < 3; i++) expect((await sql`select id from t order by id limit ${2}`.execute(db)).rows).toEqual([{ id: 1 }, { id: 2 }]);
    expect(await prepared()).not.toContain('select id from t order by id limit $1');
  });

  it('does not keep a statement the engine refused, and an error running a prepared one leaves it usable', async () => {
    for (let i = 0; i < 2; i++) await expect(sql`select no_such_column from t where id = ${1}`.execute(db)).rejects.toThrow(/no_such_column/);
    expect((await prepared()).some((s) => s.includes('no_such_column'))).toBe(false);
    const divide = (n: number) => sql<{ q: number }>`select 10 / ${n}::int as q`.execute(db).then((r) => r.rows[0]!.q);
    expect(await divide(2)).toBe(5);
    expect(await divide(5)).toBe(2);
    await expect(divide(0)).rejects.toThrow(/division by zero/);
    expect(await divide(10)).toBe(1);
  });

  it('keeps prepared statements across a transaction that rolls back', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        expect((await sql<{ id: number }>`select * from t where id = ${3}`.execute(trx)).rows[0]!.id).toBe(3);
        await sql`update t set name = ${'changed'} where id = ${3}`.execute(trx);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await byId(3))[0]!.name).toBe('name 3');
    expect(await prepared()).toContain('select * from t where id = $1');
  });

  it('drops prepared statements when the schema changes, so a select * sees the new column', async () => {
    await byId(1);
    await byId(1);
    await sql`alter table t add column extra text not null default 'x'`.execute(db);
    expect(await prepared()).toEqual([]);
    expect(await byId(1)).toEqual([{ id: 1, name: 'name 1', at: expect.any(Date), extra: 'x' }]);
    expect(await byId(2)).toEqual([{ id: 2, name: 'name 2', at: expect.any(Date), extra: 'x' }]);
  });

  it('answers many queries at once, each with its own rows', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => 1 + ((i * 7) % 200));
    const rows = await Promise.all(ids.map((id) => byId(id)));
    expect(rows.map((r) => r[0]!.id)).toEqual(ids);
  });

  it('hands a query\'s messages to the engine in one call (one round trip to a worker thread)', async () => {
    const { database, drop } = await freshDatabase();
    try {
      const lite = database.lite!;
      let calls = 0;
      const run = lite.execProtocolRawStream.bind(lite);
      lite.execProtocolRawStream = (message, options) => {
        calls++;
        return run(message, options);
      };
      const query = () => sql<{ x: number }>`select ${7}::int as x`.execute(database.db);
      await query();
      calls = 0;
      expect((await query()).rows).toEqual([{ x: 7 }]);
      expect(calls).toBe(1);
    } finally {
      await drop();
    }
  });
});
