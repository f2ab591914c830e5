import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { ENGINE, testConfig } from '../helpers/db.js';
import { openDatabase } from '../../src/platform/db/client.js';
import { migrateTo, migrateToLatest } from '../../src/platform/db/migrate.js';
import { newId as uuidv7 } from '../../src/platform/lib/ids.js';
import { GENESIS_HASH, hashEvent, recordAudit } from '../../src/platform/audit/audit.service.js';
import { verifyAudit } from '../../src/platform/audit/audit-verify.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

const record = (processId: string | null, entityId: string) =>
  t.db.transaction().execute((trx) => recordAudit(trx, { actorId: null, action: 'step', entityType: 'test', entityId, processId }));

describe('one audit chain per process', () => {
  it('puts each process’s events in its own chain counting from 1, and installation-wide ones in the installation chain', async () => {
    const p1 = uuidv7();
    const p2 = uuidv7();
    await record(p1, 'a');
    await record(p2, 'b');
    await record(p1, 'c');
    await record(null, 'd');
    const rows = await t.db.selectFrom('audit_events').select(['chain', 'seq', 'entity_id', 'prev_hash']).orderBy('chain').orderBy('seq').execute();
    const of = (chain: string) => rows.filter((r) => r.chain === chain).map((r) => [String(r.seq), r.entity_id]);
    expect(of(`process:${p1}`)).toEqual([
      ['1', 'a'],
      ['2', 'c'],
    ]);
    expect(of(`process:${p2}`)).toEqual([['1', 'b']]);
    expect(of('installation')).toEqual([['1', 'd']]);
    expect(rows.filter((r) => r.seq === '1').every((r) => r.prev_hash === GENESIS_HASH)).toBe(true);
    const heads = await t.db.selectFrom('audit_chains').select(['id', 'head_seq', 'process_id']).where('id', '=', `process:${p1}`).execute();
    expect(heads).toEqual([{ id: `process:${p1}`, head_seq: '2', process_id: p1 }]);
    const r = await verifyAudit(t.db);
    expect(r).toMatchObject({ ok: true, count: 4 });
    expect(r.chains.map((c) => c.chain)).toEqual(['installation', ...[`process:${p1}`, `process:${p2}`].sort()]);
  });

  it('notices events deleted from the end of a chain, which link perfectly, through the chain’s head row', async () => {
    const p = uuidv7();
    for (const x of ['1', '2', '3']) await record(p, x);
    await sql`alter table audit_events disable trigger audit_events_no_change`.execute(t.db);
    try {
      await sql`delete from audit_events where chain = ${`process:${p}`} and seq = 3`.execute(t.db);
    } finally {
      await sql`alter table audit_events enable trigger audit_events_no_change`.execute(t.db);
    }
    expect(await verifyAudit(t.db)).toMatchObject({ ok: false, chain: `process:${p}`, brokenAt: '3', reason: 'missing' });
  });
});

describe.skipIf(ENGINE === 'pglite')('appends to two chains do not wait on each other (PostgreSQL)', () => {
  it('completes a write in process B while a transaction holds process A’s chain lock, and makes a second writer to A wait', async () => {
    const a = uuidv7();
    const b = uuidv7();
    await record(a, 'first');
    await record(b, 'first');
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    // Transaction 1 appends to A's chain and stays open, holding A's head row lock.
    const holder = t.db.transaction().execute(async (trx) => {
      await recordAudit(trx, { actorId: null, action: 'step', entityType: 'test', entityId: 'held', processId: a });
      locked();
      await held;
    });
    await isLocked;
    try {
      // A write in process B completes meanwhile; a lock_timeout turns waiting into an error.
      const started = performance.now();
      await t.db.transaction().execute(async (trx) => {
        await sql`set local lock_timeout = '2s'`.execute(trx);
        await recordAudit(trx, { actorId: null, action: 'step', entityType: 'test', entityId: 'free', processId: b });
      });
      const ms = performance.now() - started;
      expect(ms).toBeLessThan(1500);
      // A second writer to A does wait: the lock is real, and the test above could fail.
      await expect(
        t.db.transaction().execute(async (trx) => {
          await sql`set local lock_timeout = '300ms'`.execute(trx);
          await recordAudit(trx, { actorId: null, action: 'step', entityType: 'test', entityId: 'blocked', processId: a });
        }),
      ).rejects.toThrow(/lock timeout/);
    } finally {
      release();
      await holder;
    }
    expect(await verifyAudit(t.db, undefined, undefined, { only: [`process:${a}`, `process:${b}`] })).toMatchObject({ ok: true, count: 4 });
  });
});

describe('the chain written before 0016', () => {
  it('stays verifiable as the closed legacy chain, and the installation chain continues from its head', async () => {
    // A database at 0015 with events hashed the old way (one global chain).
    const config = testConfig();
    let schema: string | undefined;
    if (config.databaseUrl) {
      schema = `test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: config.databaseUrl });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
    }
    const database = await openDatabase({ ...config, databaseSchema: schema });
    const db = database.db;
    try {
      await migrateTo(db, '0015_signing_keys', schema);
      const p = uuidv7();
      let prev = GENESIS_HASH;
      for (let i = 1; i <= 4; i++) {
        const e = {
          seq: String(i),
          occurred_at: new Date(Date.UTC(2026, 0, i)),
          actor_id: null,
          action: 'old.step',
          entity_type: 'test',
          entity_id: `old-${i}`,
          process_id: i % 2 ? p : null,
          before_digest: null,
          after_digest: null,
          prev_hash: prev,
        };
        const hash = hashEvent(e); // no chain field: the old hash
        await sql`insert into audit_events (seq, occurred_at, actor_id, action, entity_type, entity_id, process_id, before_digest, after_digest, prev_hash, hash)
          values (${e.seq}, ${e.occurred_at}, null, ${e.action}, ${e.entity_type}, ${e.entity_id}, ${e.process_id}, null, null, ${e.prev_hash}, ${hash})`.execute(db);
        prev = hash;
      }
      const legacyHead = prev;
      await migrateToLatest(db, schema);

      const before = await verifyAudit(db);
      expect(before).toMatchObject({ ok: true, count: 4 });
      expect(before.chains[0]).toMatchObject({ chain: 'legacy', ok: true, count: 4, head: { seq: '4', hash: legacyHead } });
      // New events: the installation chain links to the legacy head; the process starts afresh.
      await db.transaction().execute((trx) => recordAudit(trx, { actorId: null, action: 'new', entityType: 'test', entityId: 'n1', processId: null }));
      await db.transaction().execute((trx) => recordAudit(trx, { actorId: null, action: 'new', entityType: 'test', entityId: 'n2', processId: p }));
      const first = await db.selectFrom('audit_events').select(['seq', 'prev_hash']).where('chain', '=', 'installation').executeTakeFirstOrThrow();
      expect(first).toEqual({ seq: '1', prev_hash: legacyHead });
      expect(await verifyAudit(db)).toMatchObject({ ok: true, count: 6 });
      // The legacy chain is closed to new events.
      await expect(db.selectFrom('audit_chains').select('closed_at').where('id', '=', 'legacy').executeTakeFirstOrThrow()).resolves.toMatchObject({
        closed_at: expect.any(Date),
      });

      // Tampering with a legacy event is still named, in its chain.
      await sql`alter table audit_events disable trigger audit_events_no_change`.execute(db);
      await sql`update audit_events set entity_id = 'forged' where chain = 'legacy' and seq = 2`.execute(db);
      await sql`alter table audit_events enable trigger audit_events_no_change`.execute(db);
      expect(await verifyAudit(db)).toMatchObject({ ok: false, chain: 'legacy', brokenAt: '2', reason: 'hash_mismatch' });
    } finally {
      if (schema) {
        await sql`drop schema ${sql.id(schema)} cascade`.execute(db);
        await sql`drop schema if exists ${sql.id(`${schema}_pgboss`)} cascade`.execute(db);
      }
      await database.close();
    }
  });
});
