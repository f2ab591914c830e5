import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { newId } from '../../src/platform/lib/ids.js';
import { verifyAudit } from '../../src/platform/audit/audit-verify.service.js';
import { batchProof, batchRoot, recordAuditBatch, rowDigest, rowInBatch } from '../../src/platform/audit/audit-batch.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

const processId = newId();
const rows = Array.from({ length: 10_000 }, (_, i) => ({ id: `c-${i}`, body: `Comment ${i} — é ✓`, anchor: `p${i % 37}` }));

describe('batch events', () => {
  it('records one event for 10,000 rows, whose Merkle root proves any row belongs to the batch', async () => {
    const count = async () => Number((await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const r = await t.db.transaction().execute((trx) =>
      recordAuditBatch(trx, { actorId: null, action: 'comment.import', entityType: 'comment_period', entityId: 'period-1', processId, rows }),
    );
    expect(await count()).toBe(before + 1);
    expect(r).toMatchObject({ chain: `process:${processId}`, seq: '1', count: 10_000 });
    const event = await t.db.selectFrom('audit_events').selectAll().where('chain', '=', r.chain).where('seq', '=', r.seq).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ batch_root: r.root, batch_count: 10_000, action: 'comment.import' });
    expect(await verifyAudit(t.db)).toMatchObject({ ok: true });

    // The digests read back in another order give the same root and proofs.
    const digests = rows.map(rowDigest).reverse();
    expect(batchRoot(digests)).toBe(r.root);
    for (const i of [0, 1, 4_999, 9_998, 9_999]) {
      const proof = batchProof(digests, rows[i]!)!;
      // Logarithmic: at most ceil(log2 10,000) = 14 siblings. Row digests are keyed per
      // installation, so where a row sorts changes from run to run, and a row left unpaired at
      // an odd-sized level (625, 313, 157, 79, 5, 3 nodes) skips that level's sibling: at least 8.
      expect(proof.siblings.length).toBeLessThanOrEqual(14);
      expect(proof.siblings.length).toBeGreaterThanOrEqual(8);
      expect(rowInBatch(event.batch_root!, rows[i]!, proof)).toBe(true);
      // An edited row, or the proof of another row, does not fit.
      expect(rowInBatch(event.batch_root!, { ...rows[i]!, body: 'edited' }, proof)).toBe(false);
      expect(rowInBatch(event.batch_root!, rows[(i + 1) % rows.length]!, proof)).toBe(false);
    }
    expect(batchProof(digests, { id: 'never-imported' })).toBeUndefined();
  });

  it('covers the root and count with the event’s hash: editing them breaks the chain', async () => {
    await sql`alter table audit_events disable trigger audit_events_no_change`.execute(t.db);
    try {
      await sql`update audit_events set batch_count = 9999 where chain = ${`process:${processId}`} and seq = 1`.execute(t.db);
    } finally {
      await sql`alter table audit_events enable trigger audit_events_no_change`.execute(t.db);
    }
    expect(await verifyAudit(t.db)).toMatchObject({ ok: false, chain: `process:${processId}`, brokenAt: '1', reason: 'hash_mismatch' });
  });

  it('handles batches of one, two and three rows (an odd node moves up unchanged)', () => {
    for (const n of [1, 2, 3, 5]) {
      const some = rows.slice(0, n);
      const d = some.map(rowDigest);
      const root = batchRoot(d);
      for (const row of some) expect(rowInBatch(root, row, batchProof(d, row)!)).toBe(true);
      expect(rowInBatch(root, rows[n]!, batchProof(d, some[0]!)!)).toBe(false);
    }
    expect(() => batchRoot([])).toThrow(/at least one row/);
  });
});
