import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { adminActor, makeCommentPeriod, makeDocument, makeProcess, makeUser } from '../helpers/factories.js';
import type { Actor } from '../../src/platform/auth/roles.js';
import { blocksOf } from '../../src/modules/documents/documents.service.js';
import { submitComment } from '../../src/modules/comments/comments.service.js';
import { CommentFields } from '../../src/modules/comments/comments.schema.js';
import { importComments, type ImportStep, type RefusedRow } from '../../src/modules/comments/comments.import.js';
import { commentImportRepository } from '../../src/modules/comments/comments.import.repository.js';
import { verifyAudit } from '../../src/platform/audit/audit-verify.service.js';
import { batchProof, rowDigest, rowInBatch } from '../../src/platform/audit/audit-batch.js';
import { HttpProblem } from '../../src/platform/http/problem.js';
import { foldCounters } from '../../src/modules/comments/comments.counters.js';
import { recordDisposition } from '../../src/modules/comments/dispositions.service.js';

/**
 * The bulk import of comments (issue 11), on a real engine: rows land with the counts, the
 * duplicate groups and one audit batch event per chunk; a re-run or an overlapping file adds
 * nothing twice; bad rows are refused by line and the good ones kept; the policy and the
 * period's window are enforced. Expected figures are counted from the files by hand.
 */
let t: TestApp;
let admin: Actor;
let convener: Actor;
let moderator: Actor;
let participant: Actor;
let processId = '';
let periodId = '';
let anchors: string[] = [];
const SLUG = 'import-process';

beforeAll(async () => {
  t = await testApp();
  admin = await adminActor(t.db);
  const d = await makeProcess(t.db, admin, SLUG);
  processId = d.process.id;
  const doc = await makeDocument(t.db, admin, processId, { slug: 'draft', markdown: '# Scope\n\nDevices that talk to a network.\n\nPasswords must be unique.\n' });
  anchors = (await blocksOf(t.db, doc.current_version_id!)).map((b) => b.anchor);
  periodId = (await makeCommentPeriod(t.db, admin, processId, { document: 'draft' })).id;
  convener = (await makeUser(t.db, { roles: [{ role: 'convener', processId }] })).actor;
  moderator = (await makeUser(t.db, { roles: [{ role: 'moderator', processId }] })).actor;
  participant = (await makeUser(t.db, { roles: [{ role: 'member', processId }] })).actor;
});
afterAll(() => t?.close());

async function* bytes(text: string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(text);
}

/** Import a file's text into a period; the refused rows alongside the result. */
async function run(text: string, o: { actor?: Actor; period?: string; format?: 'csv' | 'jsonl'; chunkRows?: number; lang?: 'en' | 'fr' } = {}) {
  const refused: Omit<RefusedRow, 'why'>[] = [];
  const r = await importComments(t.database, o.actor ?? convener, o.period ?? periodId, () => bytes(text), {
    fileName: 'comments.csv',
    format: o.format ?? 'csv',
    lang: o.lang ?? 'en',
    onRefused: ({ line, key, reason }) => refused.push({ line, key, reason }),
    ...(o.chunkRows ? { chunkRows: o.chunkRows } : {}),
  });
  return { ...r, refusedRows: refused };
}

// The kept columns, once the deltas of comments sent one at a time are folded in (0031).
const period = async () => (await foldCounters(t.db), t.db.selectFrom('comment_periods').selectAll().where('id', '=', periodId).executeTakeFirstOrThrow());
const comments = () => t.db.selectFrom('comments').selectAll().where('period_id', '=', periodId).orderBy('id').execute();
const anchorCounts = async () =>
  Object.fromEntries((await t.db.selectFrom('comment_anchor_counts').select(['anchor', 'count']).where('period_id', '=', periodId).execute()).map((r) => [r.anchor, r.count]));

const FIRST = [
  'text,name,email,organisation,paragraph,submitted_at,key',
  `Default passwords must go.,Ana,ana@example.org,Acme,${'P1'},,k-1`,
  `"Default  PASSWORDS must go!",Bo,bo@example.org,,${'P1'},,k-2`,
  `"A comment over
two lines, with ""quotes"".",Cy,cy@example.org,,,,k-3`,
  'Updates for five years.,Di,,,,,',
].join('\r\n');

describe('comments import', () => {
  it('adds the rows as comments, grouped, counted and listed, with one audit batch event that proves each row', async () => {
    const file = FIRST.replaceAll('P1', anchors[1]!);
    const before = await period();
    const r = await run(file);
    expect(r.refusedRows).toEqual([]);
    expect(r).toMatchObject({ read: 4, added: 4, skipped: 0, refused: 0 });
    const rows = await comments();
    expect(rows.map((c) => [c.display_name, c.body, c.anchor, c.organisation, c.import_line, c.listed])).toEqual([
      ['Ana', 'Default passwords must go.', anchors[1], 'Acme', 2, true],
      ['Bo', 'Default  PASSWORDS must go!', anchors[1], null, 3, false],
      ['Cy', 'A comment over\ntwo lines, with "quotes".', null, null, 4, true],
      ['Di', 'Updates for five years.', null, null, 6, true],
    ]);
    // Ana's and Bo's texts differ only in case, spaces and punctuation: one group of two.
    expect(rows[0]!.group_id).toBe(rows[1]!.group_id);
    expect(rows.map((c) => c.import_key).slice(0, 3)).toEqual(['k-1', 'k-2', 'k-3']);
    expect(rows[3]!.import_key).toMatch(/^sha256:[0-9a-f]{64}$/);
    const after = await period();
    expect(after.comment_count - before.comment_count).toBe(4);
    expect(after.text_count - before.text_count).toBe(3);
    expect(await anchorCounts()).toEqual({ [anchors[1]!]: 2, '': 2 });

    // The listing page shows them (one per group).
    const page = await t.app.inject({ method: 'GET', url: `/en/processes/${SLUG}/comment-periods/${periodId}/comments` });
    expect(page.statusCode).toBe(200);
    for (const text of ['Default passwords must go.', 'two lines, with', 'Updates for five years.']) expect(page.body).toContain(text);
    expect(page.body).not.toContain('Default  PASSWORDS must go!');

    // Search finds them, each copy of a text once (its group).
    const search = await t.app.inject({ url: `/api/v1/search?${new URLSearchParams({ q: 'years updates' })}` });
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain(`/comments/${rows[3]!.id}`);
    const campaign = await t.app.inject({ url: `/api/v1/search?${new URLSearchParams({ q: 'default passwords' })}` });
    expect(campaign.body).toContain(`/comments/${rows[0]!.id}`);
    expect(campaign.body).not.toContain(`/comments/${rows[1]!.id}`);

    // One batch event for the chunk; each comment, read back, is proved to belong to it.
    const [batch] = await commentImportRepository.batchesOf(t.db, r.import.id);
    expect(batch).toMatchObject({ chunk: 1, first_line: 2, last_line: 6, rows_added: 4, rows_skipped: 0, rows_refused: 0 });
    const event = await t.db.selectFrom('audit_events').selectAll().where('chain', '=', batch!.audit_chain!).where('seq', '=', batch!.audit_seq!).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: 'comment.import', entity_id: r.import.id, batch_count: 4, actor_id: convener.userId });
    const stored = await commentImportRepository.chunkComments(t.db, r.import.id, batch!.first_line, batch!.last_line);
    const digests = stored.map((c) => rowDigest({ ...c }));
    for (const c of stored) expect(rowInBatch(event.batch_root!, { ...c }, batchProof(digests, { ...c })!)).toBe(true);
    expect(rowInBatch(event.batch_root!, { ...stored[0]!, body: 'edited' }, batchProof(digests, { ...stored[0]! })!)).toBe(false);
    expect(await verifyAudit(t.db)).toMatchObject({ ok: true });
    expect(await commentImportRepository.importById(t.db, r.import.id)).toMatchObject({ rows_read: 4, rows_added: 4, rows_skipped: 0, rows_refused: 0, file_name: 'comments.csv', actor_id: convener.userId });
    expect(r.import.finished_at).toBeInstanceOf(Date);
  });

  it('groups a text the same way as a single submission of it (the same rules)', async () => {
    // Through the schema a submission's route parses with, then the service, as a person's comment goes.
    const fields = CommentFields.parse({ text: '  default passwords — MUST go ', lang: 'en', displayName: 'Single', anchor: anchors[1]! });
    const submitted = (await submitComment(t.db, null, periodId, fields, {}, { skipMail: true })).comment;
    const imported = (await comments()).find((c) => c.display_name === 'Ana')!;
    expect(submitted.body_hash).toBe(imported.body_hash);
    expect(submitted.group_id).toBe(imported.group_id);
    // The schema trims both the same way.
    expect(submitted.body).toBe('default passwords — MUST go');
    await foldCounters(t.db);
    const group = await t.db.selectFrom('comment_groups').selectAll().where('id', '=', imported.group_id).executeTakeFirstOrThrow();
    expect(group).toMatchObject({ size: 3, primary_comment_id: imported.id });
  });

  it('adds nothing when the same file is imported again, and only the new rows of a file that overlaps it', async () => {
    const file = FIRST.replaceAll('P1', anchors[1]!);
    const before = await period();
    const count = (await comments()).length;
    const again = await run(file);
    expect(again).toMatchObject({ read: 4, added: 0, skipped: 4, refused: 0 });
    expect((await comments()).length).toBe(count);
    expect(await period()).toMatchObject({ comment_count: before.comment_count, text_count: before.text_count });

    const overlap = [FIRST.split('\r\n')[0], ...FIRST.replaceAll('P1', anchors[1]!).split('\r\n').slice(4), 'Labels on the box.,Ed,ed@example.org,,,,k-4'].join('\n');
    const r = await run(overlap);
    expect(r).toMatchObject({ read: 2, added: 1, skipped: 1, refused: 0 });
    expect((await comments()).length).toBe(count + 1);
    expect((await period()).comment_count).toBe(before.comment_count + 1);
    expect(await verifyAudit(t.db)).toMatchObject({ ok: true });
  });

  it('refuses bad rows by line with the reason, in the chosen language, and keeps the good rows', async () => {
    const file = [
      'text,name,paragraph,submitted_at,key',
      'Good one.,Fay,,,g-1',
      ',Gil,,,g-2',
      `${'x'.repeat(5001)},Hal,,,g-3`,
      'On no paragraph.,Ivy,p-missing,,g-4',
      'When?,Jo,,not a date,g-5',
      'Too many,fields,,,,g-6',
      'Long ago.,Kim,,2001-01-01T00:00:00Z,g-7',
      'Good two.,Lu,,,g-8',
    ].join('\n');
    const before = (await period()).comment_count;
    const r = await run(file);
    expect(r).toMatchObject({ read: 8, added: 2, refused: 6 });
    expect(r.refusedRows.map((x) => [x.line, x.key, x.reason])).toEqual([
      [3, 'g-2', 'text: Write your comment.'],
      [4, 'g-3', 'text: Your comment must be 5,000 characters or fewer.'],
      [5, 'g-4', 'paragraph: This paragraph is not in the version open for comment. Go back to the document and choose a paragraph again.'],
      [6, 'g-5', 'submitted_at: “not a date” is not a date and time (write it as 2019-03-01T10:00:00-05:00)'],
      [7, '', 'the row has 6 fields where the header has 5'],
      [8, 'g-7', expect.stringMatching(/^This comment period opens on .*; comments are not taken before then\.$/)],
    ]);
    expect((await period()).comment_count).toBe(before + 2);
    const fr = await run('text,name\n,Zoé\n', { lang: 'fr' });
    expect(fr.refusedRows).toEqual([{ line: 2, key: '', reason: 'text\u00a0: Rédigez votre commentaire.' }]);
  });

  it('refuses a key used twice in a file for different texts, naming the key and the first line, in one chunk or across chunks', async () => {
    const file = ['text,name,key', 'First text.,Mo,dup-1', 'First text!,Mo,dup-1', 'Another text.,Mo,dup-1', 'Second.,Ny,dup-2', 'x,y,dup-3', 'Different.,Ny,dup-2'].join('\n');
    for (const chunkRows of [100, 2]) {
      await t.db.deleteFrom('comment_anchor_counts').execute(); // counts are not under test here
      const r = await run(file.replaceAll('dup-', `c${chunkRows}-`), { chunkRows });
      expect(r.refusedRows.map((x) => [x.line, x.reason])).toEqual([
        [4, `key: “c${chunkRows}-1” was already used on line 2 for a different comment`],
        [7, `key: “c${chunkRows}-2” was already used on line 5 for a different comment`],
      ]);
      // "First text!" is the same text as line 2 once normalised: the same comment, skipped.
      expect(r).toMatchObject({ read: 6, added: 3, skipped: 1, refused: 2 });
    }
    // And a key an earlier import used for another text.
    const later = await run('text,name,key\nNot the first text.,Mo,c100-1\n');
    expect(later.refusedRows.map((x) => x.reason)).toEqual(['key: “c100-1” was already imported into this period for a different comment']);
  });

  it('lands a chunk all or nothing: a statement failing midway in chunk 2 leaves none of it (comments, counts, index, audit event, batch row), chunk 1 stays, and a re-run completes it', async () => {
    // Rows 1–3 are chunk 1, rows 4–6 chunk 2, row 7 chunk 3; texts repeat across chunks, some on a paragraph.
    const file = ['text,name,paragraph,key', ...[1, 2, 3, 4, 5, 6, 7].map((i) => `Chunked text ${i % 4}.,Row ${i},${i % 2 ? anchors[1]! : ''},ch-${i}`)].join('\n');
    const steps: ImportStep[] = ['staged', 'comments', 'counted', 'indexed', 'audited', 'recorded'];
    for (const step of steps) {
      const pid = (await makeCommentPeriod(t.db, admin, processId, { document: 'draft' })).id;
      const of = (table: 'comments' | 'comment_groups' | 'comment_anchor_counts') => t.db.selectFrom(table).selectAll().where('period_id', '=', pid).execute();
      const snapshot = async () => ({
        period: await t.db.selectFrom('comment_periods').select(['comment_count', 'text_count']).where('id', '=', pid).executeTakeFirstOrThrow(),
        keys: (await of('comments')).map((c) => c.import_key).sort(),
        groups: (await of('comment_groups')).map((g) => [g.body_hash, g.size]).sort(),
        anchors: (await of('comment_anchor_counts')).filter((a) => a.count).map((a) => [a.anchor, a.count]).sort(),
        search: (await t.db.selectFrom('search_entries').select('ref_id').execute()).length,
        events: (await t.db.selectFrom('audit_events').select('seq').where('action', '=', 'comment.import').execute()).length,
        staged: (await t.db.selectFrom('comment_import_rows').select('line').execute()).length,
      });
      const importOf = (onStep?: (s: ImportStep, chunk: number) => void) =>
        importComments(t.database, convener, pid, () => bytes(file), { fileName: 'chunks.csv', format: 'csv', lang: 'en', chunkRows: 3, ...(onStep ? { onStep } : {}) });

      const before = await snapshot();
      const calls: string[] = [];
      const failing = importOf((s, chunk) => {
        calls.push(`${chunk}:${s}`);
        if (chunk === 2 && s === step) throw new Error(`injected failure after ${s}`);
      });
      await expect(failing, step).rejects.toThrow(`injected failure after ${step}`);
      expect(calls.at(-1)).toBe(`2:${step}`);
      const broken = await snapshot();
      expect(broken.keys, step).toEqual(['ch-1', 'ch-2', 'ch-3']);
      // Chunk 1's texts: "Chunked text 1." (rows 1) , "2." (row 2), "3." (row 3); rows 1 and 3 on the paragraph.
      expect(broken.period, step).toEqual({ comment_count: 3, text_count: 3 });
      expect(broken.groups.map((g) => g[1]), step).toEqual([1, 1, 1]);
      expect(broken.anchors, step).toEqual([['', 1], [anchors[1]!, 2]].sort());
      // Chunk 1's three texts are indexed, nothing of chunk 2's.
      expect(broken.search - before.search, step).toBe(3);
      expect(broken.staged, step).toBe(0);
      const [record] = await t.db.selectFrom('comment_imports').selectAll().where('period_id', '=', pid).execute();
      expect(await commentImportRepository.batchesOf(t.db, record!.id), step).toMatchObject([{ chunk: 1, first_line: 2, last_line: 4, rows_added: 3 }]);
      expect(record, step).toMatchObject({ rows_added: 3, finished_at: null });
      expect(await t.db.selectFrom('audit_events').select('seq').where('action', '=', 'comment.import').where('entity_id', '=', record!.id).execute(), step).toHaveLength(1);

      const again = await importOf();
      expect(again, step).toMatchObject({ read: 7, added: 4, skipped: 3, refused: 0 });
      const done = await snapshot();
      expect(done.keys, step).toEqual(['ch-1', 'ch-2', 'ch-3', 'ch-4', 'ch-5', 'ch-6', 'ch-7']);
      // Texts 1, 2, 3, 0 (row 4), 1 (row 5), 2 (row 6), 3 (row 7): four groups, of 2, 2, 2, 1.
      expect(done.period, step).toEqual({ comment_count: 7, text_count: 4 });
      expect(done.groups.map((g) => g[1]).sort(), step).toEqual([1, 2, 2, 2]);
      // Rows 1, 3, 5, 7 on the paragraph; 2, 4, 6 general.
      expect(done.anchors, step).toEqual([['', 3], [anchors[1]!, 4]].sort());
      expect(broken.events - before.events, step).toBe(1);
      expect(done.events - broken.events, step).toBe(2);
      expect(await verifyAudit(t.db), step).toMatchObject({ ok: true });
    }
  });

  it('covers every imported copy of an answered text by its answer at once, however many arrive in one statement', async () => {
    const pid = (await makeCommentPeriod(t.db, admin, processId, { document: 'draft' })).id;
    const letter = 'Answered letter: ban default passwords.';
    const first = await run(`text,name,key\n${letter},Ann,ans-0\n`, { period: pid });
    expect(first.added).toBe(1);
    const [c] = await t.db.selectFrom('comments').select('group_id').where('period_id', '=', pid).execute();
    await recordDisposition(t.db, admin, pid, { groupId: c!.group_id, outcome: 'accepted', rationale: 'Adopted in section 2.' });
    // Five copies and one other text in one chunk: the five are covered, the other is not.
    const rows = [1, 2, 3, 4, 5].map((i) => `${letter},Copy ${i},ans-${i}`);
    const second = await run(['text,name,key', ...rows, 'A text nobody answered.,Zed,ans-9'].join('\n'), { period: pid });
    expect(second.added).toBe(6);
    await foldCounters(t.db);
    const p = await t.db.selectFrom('comment_periods').select(['comment_count', 'disposed_count']).where('id', '=', pid).executeTakeFirstOrThrow();
    expect(p).toEqual({ comment_count: 7, disposed_count: 6 });
    const outcome = await t.db.selectFrom('comment_outcome_counts').select(['outcome', 'count']).where('period_id', '=', pid).execute();
    expect(outcome).toEqual([{ outcome: 'accepted', count: 6 }]);
  });

  it('refuses a whole file it cannot read before writing anything', async () => {
    const count = (await comments()).length;
    const imports = (await t.db.selectFrom('comment_imports').select('id').execute()).length;
    // Chunks of one row: without the first reading, "Fine." would land before the bad quote is met.
    await expect(run('text,name\nFine.,Oz\n"never closed,Pia\n', { chunkRows: 1 })).rejects.toMatchObject({ status: 422, key: 'commentImport.errors.unclosedQuote', params: { line: 3 } });
    await expect(run('')).rejects.toMatchObject({ key: 'commentImport.errors.empty' });
    await expect(run('body,author\nx,y\n')).rejects.toMatchObject({ key: 'commentImport.errors.missingColumns' });
    expect((await comments()).length).toBe(count);
    expect((await t.db.selectFrom('comment_imports').select('id').execute()).length).toBe(imports);
  });

  it('reads JSON Lines, refusing a bad line by number', async () => {
    const r = await run('{"text":"From JSON.","name":"Quinn","key":"j-1"}\n{"text":\n', { format: 'jsonl' });
    expect(r).toMatchObject({ read: 2, added: 1, refused: 1 });
    expect(r.refusedRows).toEqual([{ line: 2, key: '', reason: 'the line is not valid JSON' }]);
  });

  it('lets conveners and moderators import, and no one else but administrators', async () => {
    await expect(run('text,name\nFrom a member.,Rae\n', { actor: participant })).rejects.toMatchObject({ status: 403, key: 'commentImport.errors.forbidden' });
    const r = await run('text,name,key\nFrom the moderator.,Sol,m-1\n', { actor: moderator });
    expect(r.added).toBe(1);
  });

  it('refuses a period that is closed, or that does not exist', async () => {
    const closed = (await makeCommentPeriod(t.db, admin, processId, { document: 'draft', opensAt: new Date(Date.now() - 7_200_000).toISOString(), closesAt: new Date(Date.now() + 60_000).toISOString() })).id;
    // Closed since a second ago (set in the table: the service refuses a closing time in the past).
    await t.db.updateTable('comment_periods').set({ closes_at: new Date(Date.now() - 1000) }).where('id', '=', closed).execute();
    const err = await run('text,name\nToo late.,Tam\n', { period: closed }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpProblem);
    expect(err).toMatchObject({ status: 409, key: 'comments.errors.closed' });
    expect(await t.db.selectFrom('comments').select('id').where('period_id', '=', closed).execute()).toEqual([]);
    await expect(run('text,name\nx,y\n', { period: '00000000-0000-7000-8000-000000000000' })).rejects.toMatchObject({ status: 404 });
  });
});
