import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordAuditBatch } from '../../src/platform/audit/audit-batch.js';
import { copyInto, CopyRowError, type CopyColumn } from '../../src/platform/db/copy.js';
import { ENGINE, freshDatabase } from '../helpers/db.js';

/**
 * copyInto on a real engine (PGlite, or PostgreSQL when DATABASE_URL is set): values written
 * with COPY read back as written, in both formats; a COPY and an audit batch event commit
 * together; and a bad row, a refused value or a failure after the COPY leaves nothing behind.
 * Expected values are written out literally, never derived from the encoder.
 */
let t: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  t = await freshDatabase();
  await sql`
    create table copy_probe (
      id int primary key,
      body text,
      n numeric,
      f float8,
      big bigint,
      ok boolean,
      at timestamptz,
      day date,
      bytes bytea,
      tags text[],
      ints int[],
      meta jsonb,
      check (body is distinct from 'forbidden')
    )`.execute(t.database.db);
});
afterAll(() => t.drop());
beforeEach(async () => {
  await sql`truncate copy_probe`.execute(t.database.db);
});

const COLUMNS: CopyColumn[] = ['id', 'body', 'n', 'f', 'big', 'ok', 'at', 'day', 'bytes', 'tags', 'ints', { name: 'meta', json: true }];

/** Rows of tricky values, and below each what PostgreSQL must hand back, spelled out. */
const TRICKY: { row: unknown[]; body: string | null }[] = [
  { row: [1, 'plain'], body: 'plain' },
  { row: [2, ''], body: '' },
  { row: [3, null], body: null },
  { row: [4, '\\N'], body: '\\N' },
  { row: [5, '\\.'], body: '\\.' },
  { row: [6, 'tab\there, newline\nthere, crlf\r\nend'], body: 'tab\there, newline\nthere, crlf\r\nend' },
  { row: [7, 'back\\slash, two \\\\, \\n is not a newline, \\x41 is not A'], body: 'back\\slash, two \\\\, \\n is not a newline, \\x41 is not A' },
  { row: [8, 'quote " double "" and \'single\', comma, semicolon;'], body: 'quote " double "" and \'single\', comma, semicolon;' },
  { row: [9, 'Émilie « été » — 中文 😀 \u2028 \u0001\u0007\u001b'], body: 'Émilie « été » — 中文 😀 \u2028 \u0001\u0007\u001b' },
  { row: [10, '"'], body: '"' },
  { row: [11, '\n'], body: '\n' },
];

async function readBodies(): Promise<{ id: number; body: string | null }[]> {
  return (await sql<{ id: number; body: string | null }>`select id, body from copy_probe order by id`.execute(t.database.db)).rows;
}

describe.each(['text', 'csv'] as const)('copyInto, %s format', (format) => {
  it('reads back every tricky string as written, and NULL as NULL', async () => {
    const copied = await copyInto(
      t.database,
      'copy_probe',
      ['id', 'body'],
      TRICKY.map((x) => x.row),
      { format },
    );
    expect(copied).toBe(11);
    expect(await readBodies()).toEqual(TRICKY.map((x) => ({ id: x.row[0], body: x.body })));
  });

  it('reads back numbers, booleans, timestamps, dates, bytes, arrays and JSON as written', async () => {
    await copyInto(
      t.database,
      'copy_probe',
      COLUMNS,
      [
        [
          1,
          'a',
          '12345678901234567890.000000000001',
          1.5,
          9007199254740993n,
          true,
          new Date('2024-02-29T23:59:59.999Z'),
          '2024-02-29',
          Buffer.from([0x00, 0x5c, 0x0a, 0xff]),
          ['a,b', 'c"d', null, 'e\\f', '', 'NULL', '{x}'],
          [1, null, -3],
          { s: 'tab\tquote"back\\slash', n: [1, 2.5, null], nested: { ok: true } },
        ],
        [
          2,
          'b',
          -0.5,
          -Infinity,
          '-9223372036854775808',
          false,
          new Date(Date.UTC(1969, 11, 31, 23, 59, 59)),
          '0001-01-01',
          Buffer.alloc(0),
          [],
          [],
          ['a', 'json', 'array'],
        ],
        [3, null, null, NaN, null, null, null, null, null, null, null, null],
      ],
      { format },
    );
    const rows = (await sql`select * from copy_probe order by id`.execute(t.database.db)).rows;
    expect(rows).toEqual([
      {
        id: 1,
        body: 'a',
        n: '12345678901234567890.000000000001',
        f: 1.5,
        big: '9007199254740993',
        ok: true,
        at: new Date('2024-02-29T23:59:59.999Z'),
        day: '2024-02-29',
        bytes: Buffer.from([0x00, 0x5c, 0x0a, 0xff]),
        tags: ['a,b', 'c"d', null, 'e\\f', '', 'NULL', '{x}'],
        ints: [1, null, -3],
        meta: { s: 'tab\tquote"back\\slash', n: [1, 2.5, null], nested: { ok: true } },
      },
      {
        id: 2,
        body: 'b',
        n: '-0.5',
        f: -Infinity,
        big: '-9223372036854775808',
        ok: false,
        at: new Date('1969-12-31T23:59:59.000Z'),
        day: '0001-01-01',
        bytes: Buffer.alloc(0),
        tags: [],
        ints: [],
        meta: ['a', 'json', 'array'],
      },
      { id: 3, body: null, n: null, f: NaN, big: null, ok: null, at: null, day: null, bytes: null, tags: null, ints: null, meta: null },
    ]);
  });

  it('copies a string longer than a chunk, and many rows over several blobs, from an async source', async () => {
    const long = `${'x'.repeat(100_000)}\n\\\t${'y'.repeat(100_000)}`;
    async function* rows() {
      yield [0, long];
      for (let i = 1; i <= 20_000; i++) yield [i, `row ${i}\tof many`];
    }
    // Blobs of 64 KiB: on PGlite the rows go in about 10 COPY statements.
    expect(await copyInto(t.database, 'copy_probe', ['id', 'body'], rows(), { format, blobBytes: 64 * 1024 })).toBe(20_001);
    const check = (
      await sql<{ n: string; ids: string; first: string; last: string; longLength: number; longMiddle: string }>`
        select count(*) as n, sum(id) as ids,
          (select body from copy_probe where id = 1) as first,
          (select body from copy_probe where id = 20000) as last,
          (select length(body) from copy_probe where id = 0) as "longLength",
          (select substr(body, 100000, 5) from copy_probe where id = 0) as "longMiddle"
        from copy_probe`.execute(t.database.db)
    ).rows[0]!;
    expect(check).toEqual({ n: '20001', ids: '200010000', first: 'row 1\tof many', last: 'row 20000\tof many', longLength: 200_003, longMiddle: 'x\n\\\ty' });
  });
});

describe('copyInto in a transaction with other work', () => {
  const auditCount = async (action: string) =>
    Number((await sql<{ n: string }>`select count(*) as n from audit_events where action = ${action}`.execute(t.database.db)).rows[0]!.n);
  const probeCount = async () => Number((await sql<{ n: string }>`select count(*) as n from copy_probe`.execute(t.database.db)).rows[0]!.n);
  const rows = (n: number, from = 1) => Array.from({ length: n }, (_, i) => [from + i, `comment ${from + i}`]);

  it('commits the rows and one audit batch event together', async () => {
    const result = await t.database.transaction(async (trx, raw) => {
      const copied = await copyInto(raw, 'copy_probe', ['id', 'body'], rows(1000));
      const stored = (await sql<{ id: number; body: string }>`select id, body from copy_probe order by id`.execute(trx)).rows;
      const event = await recordAuditBatch(trx, { actorId: null, action: 'copy.test.commit', entityType: 'copy_probe', entityId: 'import-1', rows: stored });
      return { copied, event };
    });
    expect(result.copied).toBe(1000);
    expect(result.event.count).toBe(1000);
    expect(await probeCount()).toBe(1000);
    const events = (
      await sql<{ batch_count: number; batch_root: string }>`select batch_count, batch_root from audit_events where action = 'copy.test.commit'`.execute(
        t.database.db,
      )
    ).rows;
    expect(events).toEqual([{ batch_count: 1000, batch_root: result.event.root }]);
  });

  it('rolls back the audit event and the rows already copied when a value breaks a constraint', async () => {
    const bad = [...rows(500), [501, 'forbidden'], ...rows(500, 502)];
    await expect(
      t.database.transaction(async (trx, raw) => {
        await recordAuditBatch(trx, { actorId: null, action: 'copy.test.constraint', entityType: 'copy_probe', entityId: 'import-2', rows: [{ id: 1 }] });
        await copyInto(raw, 'copy_probe', ['id', 'body'], rows(100, 10_000));
        await copyInto(raw, 'copy_probe', ['id', 'body'], bad);
      }),
    ).rejects.toThrow(/copy_probe_body_check|violates check constraint/);
    expect(await probeCount()).toBe(0);
    expect(await auditCount('copy.test.constraint')).toBe(0);
  });

  it('rolls back when a duplicate key arrives in a later blob than the first rows, naming its line in the input', async () => {
    // Blobs of 4 KiB hold about 290 of these rows: on PGlite the duplicate is line 143 of the eleventh.
    const dup = [...rows(3000), [1, 'again']];
    const failure = await copyInto(t.database, 'copy_probe', ['id', 'body'], dup, { blobBytes: 4096 }).catch((err: unknown) => err);
    expect(failure).toMatchObject({ message: expect.stringMatching(/duplicate key/), where: expect.stringMatching(/^COPY copy_probe, line 3001\b/) });
    expect(await probeCount()).toBe(0);
  });

  it('rolls back when a row has the wrong number of values, after earlier rows were sent', async () => {
    async function* source() {
      for (const r of rows(5000)) yield r;
      yield [5001];
    }
    await expect(
      t.database.transaction(async (trx, raw) => {
        await recordAuditBatch(trx, { actorId: null, action: 'copy.test.shape', entityType: 'copy_probe', entityId: 'import-3', rows: [{ id: 1 }] });
        await copyInto(raw, 'copy_probe', ['id', 'body'], source(), { blobBytes: 4096 });
      }),
    ).rejects.toThrow(new CopyRowError(5001, 'has 1 values for 2 columns'));
    expect(await probeCount()).toBe(0);
    expect(await auditCount('copy.test.shape')).toBe(0);
  });

  it('rolls back the copy when the work after it fails', async () => {
    await expect(
      t.database.transaction(async (_trx, raw) => {
        await copyInto(raw, 'copy_probe', ['id', 'body'], rows(100));
        throw new Error('the audit step failed');
      }),
    ).rejects.toThrow('the audit step failed');
    expect(await probeCount()).toBe(0);
  });

  it('refuses a value PostgreSQL text cannot hold, naming row and column, and writes nothing', async () => {
    await expect(copyInto(t.database, 'copy_probe', ['id', 'body'], [...rows(10), [11, 'nul \u0000 inside']])).rejects.toThrow(
      'COPY row 11: column "body": a string with a NUL character',
    );
    expect(await probeCount()).toBe(0);
  });

  it('streams: an endless source stops soon after the first refused row, so rows are never all held at once', async () => {
    let produced = 0;
    async function* endless() {
      // Capped so that a copy that read its whole input first would fail the test rather than hang.
      while (produced < 3_000_000) {
        produced++;
        yield [produced, produced === 50_000 ? 'forbidden' : 'ok'];
      }
    }
    await expect(copyInto(t.database, 'copy_probe', ['id', 'body'], endless())).rejects.toThrow(/check constraint/);
    // 50,000 rows plus what was in flight: one 4 MiB blob on PGlite (~500,000 short rows), the
    // socket's and the stream's buffers on PostgreSQL.
    expect(produced).toBeGreaterThanOrEqual(50_000);
    expect(produced).toBeLessThan(1_000_000);
    expect(await probeCount()).toBe(0);
  });

  it('fails on an unknown column even with no rows, on both engines', async () => {
    await expect(copyInto(t.database, 'copy_probe', ['id', 'nope'], [])).rejects.toThrow(/nope/);
    expect(await copyInto(t.database, 'copy_probe', ['id', 'body'], [])).toBe(0);
  });

  it('leaves the database usable after failures: the next transaction and plain queries run', async () => {
    for (let i = 0; i < 3; i++)
      await expect(
        copyInto(
          t.database,
          'copy_probe',
          ['id', 'body'],
          [
            [1, 'a'],
            [1, 'b'],
          ],
        ),
      ).rejects.toThrow();
    expect(await copyInto(t.database, 'copy_probe', ['id', 'body'], rows(3))).toBe(3);
    expect(await readBodies()).toEqual([
      { id: 1, body: 'comment 1' },
      { id: 2, body: 'comment 2' },
      { id: 3, body: 'comment 3' },
    ]);
  });

  it.runIf(ENGINE === 'postgres')('runs the COPY on the transaction’s own connection (PostgreSQL)', async () => {
    const pids = await t.database.transaction(async (trx, raw) => {
      const viaKysely = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0]!.pid;
      const viaRaw = raw.engine === 'postgres' ? (await raw.client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid : -1;
      return { viaKysely, viaRaw };
    });
    expect(pids.viaRaw).toBe(pids.viaKysely);
  });
});
