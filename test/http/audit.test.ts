import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, testApp, uniqueEmail, type TestApp } from '../helpers/app.js';
import { GENESIS_HASH, digestRecord, recordAudit } from '../../src/platform/audit/audit.service.js';
import { verifyAudit } from '../../src/platform/audit/audit-verify.service.js';
import { accountsRepository } from '../../src/modules/accounts/accounts.repository.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

describe('audit trail', () => {
  it('records each change with who, what, which record, and a digest of before and after', async () => {
    const email = uniqueEmail();
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { name: 'Audited', email, password: GOOD_PASSWORD } });
    const user = (await accountsRepository.findByEmail(t.db, email))!;
    const events = await t.db.selectFrom('audit_events').selectAll().where('entity_id', '=', user.id).orderBy('seq').execute();
    expect(events.map((e) => e.action)).toEqual(['user.register']);
    expect(events[0]).toMatchObject({ actor_id: user.id, entity_type: 'user', before_digest: null, after_digest: digestRecord({ ...user }) });
  });

  it('never puts a password hash into a digest', () => {
    expect(digestRecord({ id: 'a', password_hash: 'one' })).toBe(digestRecord({ id: 'a', password_hash: 'two' }));
  });

  it('chains events: the chain verifies, and an edited event is named as the first broken link', async () => {
    for (let i = 0; i < 3; i++) {
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { name: `Chain ${i}`, email: uniqueEmail(), password: GOOD_PASSWORD } });
    }
    const ok = await verifyAudit(t.db, 2); // small pages, to cross page boundaries
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(ok.count).toBeGreaterThanOrEqual(4);
    const first = await t.db.selectFrom('audit_events').selectAll().orderBy('seq').limit(1).executeTakeFirstOrThrow();
    expect(first.prev_hash).toBe(GENESIS_HASH);

    // Tamper as someone with direct database access would: lift the guard, edit, restore it.
    const victim = await t.db.selectFrom('audit_events').select('seq').orderBy('seq').offset(2).limit(1).executeTakeFirstOrThrow();
    await sql`alter table audit_events disable trigger audit_events_no_change`.execute(t.db);
    await sql`update audit_events set action = 'user.nothingToSeeHere' where seq = ${victim.seq}`.execute(t.db);
    await sql`alter table audit_events enable trigger audit_events_no_change`.execute(t.db);
    const broken = await verifyAudit(t.db);
    expect(broken).toMatchObject({ ok: false, brokenAt: String(victim.seq), reason: 'hash_mismatch' });
    expect(broken.count).toBe(Number(victim.seq) - 1);
  });

  it('names a broken link and a missing event, not only an edited one', async () => {
    const fresh = await testApp();
    try {
      for (let i = 0; i < 4; i++) await fresh.db.transaction().execute((trx) => recordAudit(trx, { actorId: null, action: 'step', entityType: 'test', entityId: String(i) }));
      await sql`alter table audit_events disable trigger audit_events_no_change`.execute(fresh.db);
      await sql`delete from audit_events where seq = 2`.execute(fresh.db);
      expect(await verifyAudit(fresh.db)).toMatchObject({ ok: false, brokenAt: '3', reason: 'gap' });
      await sql`update audit_events set seq = 2 where seq = 3`.execute(fresh.db);
      expect(await verifyAudit(fresh.db)).toMatchObject({ ok: false, brokenAt: '2', reason: 'broken_link' });
      await sql`alter table audit_events enable trigger audit_events_no_change`.execute(fresh.db);
    } finally {
      await fresh.close();
    }
  });

  it('is append-only in the database: updates and deletes fail', async () => {
    await expect(sql`update audit_events set action = 'x'`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('refuses to record outside a transaction, where the chain lock would not hold', async () => {
    await expect(recordAudit(t.db, { actorId: null, action: 'x', entityType: 'x', entityId: 'x' })).rejects.toThrow(/inside the transaction/);
  });

  it('keeps the chain linear when many changes race', async () => {
    const fresh = await testApp();
    try {
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          fresh.db.transaction().execute((trx) => recordAudit(trx, { actorId: null, action: 'race', entityType: 'test', entityId: String(i) })),
        ),
      );
      const r = await verifyAudit(fresh.db);
      expect(r).toMatchObject({ ok: true, count: 8 });
    } finally {
      await fresh.close();
    }
  });
});
