import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { adminActor, makeComment, makeCommentPeriod, makeDocument, makeProcess } from '../helpers/factories.js';
import type { Actor } from '../../src/platform/auth/roles.js';
import { importComments } from '../../src/modules/comments/comments.import.js';
import { newReceipt } from '../../src/modules/comments/comments.text.js';

/**
 * Receipt numbers are 40 random bits: among a million comments two are likely to be drawn
 * alike (a benchmark import of a million rows failed on one). The import's receipt source is
 * made to repeat itself here, so every clash is certain: with a stored comment, and inside the chunk.
 */
const draws = { forced: 0 };
const repeating = () => (draws.forced-- > 0 ? 'C-AAAA-AAAA' : newReceipt());

let t: TestApp;
let admin: Actor;
let periodId = '';

beforeAll(async () => {
  t = await testApp();
  admin = await adminActor(t.db);
  const d = await makeProcess(t.db, admin, 'import-receipts');
  await makeDocument(t.db, admin, d.process.id, { slug: 'draft', markdown: '# Scope\n\nDevices.\n' });
  periodId = (await makeCommentPeriod(t.db, admin, d.process.id, { document: 'draft' })).id;
});
afterAll(() => t?.close());

describe('receipt numbers in a bulk import', () => {
  it('draws again for a receipt already taken by a stored comment or by an earlier line, and keeps every row', async () => {
    const stored = await makeComment(t.db, periodId, { text: 'Sent by the web form.' });
    await t.db.updateTable('comments').set({ receipt: 'C-AAAA-AAAA' }).where('id', '=', stored.id).execute();
    // All four rows are checked with the same receipt; three then clash with a redraw that clashes again.
    draws.forced = 7;
    const file = ['text,name,key', ...[1, 2, 3, 4].map((i) => `Imported text ${i}.,Row ${i},r-${i}`)].join('\n');
    const r = await importComments(t.database, admin, periodId, async function* () { yield Buffer.from(file); }, { fileName: 'r.csv', format: 'csv', lang: 'en', receipts: repeating });
    expect(r).toMatchObject({ added: 4, refused: 0 });
    const receipts = (await t.db.selectFrom('comments').select('receipt').where('period_id', '=', periodId).execute()).map((c) => c.receipt);
    expect(receipts).toHaveLength(5);
    expect(new Set(receipts).size).toBe(5);
    expect(receipts.filter((x) => x === 'C-AAAA-AAAA')).toEqual(['C-AAAA-AAAA']);
  });
});
