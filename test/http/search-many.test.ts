import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { testApp, type TestApp } from '../helpers/app.js';
import { adminActor, makeProcess } from '../helpers/factories.js';
import { indexForSearch, indexManyForSearch, type SearchEntryInput } from '../../src/modules/search/index.js';

/**
 * Bulk indexing (a comment import) stems each distinct text once and adds each entry's own
 * title: what it stores must be exactly what indexing the entries one by one stores, for
 * copies, for the same text in two languages, and for a text with control characters.
 */
let t: TestApp;
let processId = '';

beforeAll(async () => {
  t = await testApp();
  processId = (await makeProcess(t.db, await adminActor(t.db), 'search-many')).process.id;
});
afterAll(() => t?.close());

const LETTER = 'Routers must ship with unique passwords and receive security updates for five years.';
const entry = (n: number, body: string, lang: 'en' | 'fr' | null, groupKey: string | null): SearchEntryInput => ({
  kind: 'comment',
  refId: randomUUID(),
  processId,
  lang,
  title: `Comment C-000${n} on the draft report`,
  body,
  path: `/processes/search-many/comments/${n}`,
  groupKey,
});

describe('indexManyForSearch', () => {
  it('stores the same vectors and fields as indexing one at a time', async () => {
    const group = randomUUID();
    const shapes: [string, 'en' | 'fr' | null, string | null][] = [
      [LETTER, 'en', group],
      [LETTER, 'en', group],
      [LETTER, 'fr', null],
      ['Les étiquettes doivent indiquer la fin du soutien.', 'fr', null],
      ['A name\u0002 with a control character', null, null],
      [LETTER, 'en', group],
    ];
    const many = shapes.map(([body, lang, key], i) => entry(i, body, lang, key));
    const single = shapes.map(([body, lang, key], i) => entry(i, body, lang, key));
    await indexManyForSearch(t.db, many);
    for (const e of single) await indexForSearch(t.db, e, { fresh: true });
    const read = async (ids: string[]) =>
      (
        await sql<{ ref_id: string; tsv: string; title: string; body: string; lang: string | null; group_key: string | null; path: string }>`
          select ref_id, tsv::text as tsv, title, body, lang, group_key, path from search_entries where ref_id = any(${ids}::uuid[])`.execute(t.db)
      ).rows;
    const a = await read(many.map((e) => e.refId));
    const b = await read(single.map((e) => e.refId));
    expect(a).toHaveLength(6);
    for (const [i] of shapes.entries()) {
      const x = a.find((r) => r.ref_id === many[i]!.refId)!;
      const y = b.find((r) => r.ref_id === single[i]!.refId)!;
      expect({ ...x, ref_id: null }).toEqual({ ...y, ref_id: null });
    }
    // The stemmed body differs by language; the title's receipt is in each entry's own vector.
    const en = a.find((r) => r.ref_id === many[0]!.refId)!;
    expect(en.tsv).toContain("'comment':1A");
    expect(en.tsv).not.toBe(a.find((r) => r.ref_id === many[1]!.refId)!.tsv);
    expect(en.tsv).not.toBe(a.find((r) => r.ref_id === many[2]!.refId)!.tsv);
    expect(a.find((r) => r.ref_id === many[4]!.refId)!.body).toBe('A name with a control character');
  });
});
