import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, testApp, type TestApp } from '../helpers/app.js';
import type { Client } from '../helpers/client.js';
import { adminActor, makeCommentPeriod, makeDocument, makeProcess } from '../helpers/factories.js';
import { runCommentImport, importsDir } from '../../src/modules/comments/comments.upload.js';
import { importComments } from '../../src/modules/comments/comments.import.js';
import { commentImportRepository } from '../../src/modules/comments/comments.import.repository.js';
import { jobsSchemaFor } from '../../src/platform/jobs/queue.js';

/**
 * Bulk import through the web page and the bulk API (issue 11): the file is streamed to disk
 * and queued, a job imports it, the progress page and the API show the figures and the
 * refused rows (kept, in the reader's language, downloadable as CSV); only those who may
 * import can; a file over the limit is refused with a message; a re-upload adds nothing twice.
 * Expected figures are counted from the files by hand.
 */
let t: TestApp;
let moderator: Client;
let member: Client;
let periodId = '';
const SLUG = 'upload-process';
const LIMIT = 1024 * 1024;
const PAGE = () => `/en/processes/${SLUG}/comment-periods/${periodId}/imports`;
const API = () => `/api/v1/processes/${SLUG}/comment-periods/${periodId}/comment-imports`;

beforeAll(async () => {
  t = await testApp({ importMaxBytes: LIMIT });
  const admin = await adminActor(t.db);
  const { process } = await makeProcess(t.db, admin, SLUG);
  await makeDocument(t.db, admin, process.id, { slug: 'draft', markdown: '# Scope\n\nDevices that talk to a network.\n' });
  periodId = (await makeCommentPeriod(t.db, admin, process.id, { document: 'draft' })).id;
  moderator = (await signedInClient(t, { processRoles: [{ role: 'moderator', processId: process.id }] })).client;
  member = (await signedInClient(t, { processRoles: [{ role: 'member', processId: process.id }] })).client;
});
afterAll(() => t?.close());

// Line 3 has no name (refused); line 5 gives k-1's key to another text (refused, naming line 2).
const FILE = ['text,name,key', 'Default passwords must go.,Ana,k-1', 'No name here.,,k-2', 'Updates for five years.,Bo,k-3', 'Another text.,Cy,k-1'].join('\n');

/** Post the upload form as a browser does (the CSRF token first, the file last). */
async function upload(client: Client, file: { name: string; data: string | Buffer }, token: string | null = client.csrf(), lang = 'en') {
  const fd = new FormData();
  if (token !== null) fd.append('_csrf', token);
  fd.append('file', new Blob([new Uint8Array(Buffer.from(file.data))], { type: 'text/csv' }), file.name);
  const body = new Response(fd);
  return t.app.inject({
    method: 'POST',
    url: PAGE().replace('/en/', `/${lang}/`),
    payload: Buffer.from(await body.arrayBuffer()),
    headers: { cookie: client.cookieHeader(), 'content-type': body.headers.get('content-type')! },
  });
}

/** The import the URL names, as the job leaves it once it ran. */
async function runJobOf(location: string) {
  const id = location.split('/').at(-1)!;
  const jobs = await sql<{
    data: { importId: string };
  }>`select data from ${sql.table(`${jobsSchemaFor(t.config.databaseSchema)}.job`)} where name = 'comments.import'`.execute(t.db);
  // The request enqueued exactly one job for this import.
  expect(jobs.rows.filter((j) => j.data.importId === id)).toHaveLength(1);
  return { id, result: await runCommentImport(t.database, { importId: id }) };
}

const commentCount = async () =>
  Number(
    (
      await t.db
        .selectFrom('comments')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('period_id', '=', periodId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('upload through the web page', () => {
  it('queues the file, the job imports it, and the progress page shows the figures and the refused rows in the reader’s language', async () => {
    await moderator.get(PAGE());
    const res = await upload(moderator, { name: 'partner.csv', data: FILE });
    expect(res.statusCode).toBe(303);
    const location = String(res.headers.location);
    expect(location).toMatch(new RegExp(`^/en/processes/${SLUG}/comment-periods/${periodId}/imports/[0-9a-f-]{36}$`));

    // Queued: the page refreshes itself, and the file waits on disk.
    const queued = await moderator.get(location);
    expect(queued.statusCode).toBe(200);
    expect(queued.body).toContain('<meta http-equiv="refresh" content="2"/>');
    expect(queued.body).toContain('Waiting to start');
    // The reader can stop the refreshing (WCAG 2.2.2) and look again when they choose.
    expect(queued.body).toContain(`<a href="${location}?refresh=off">Stop refreshing</a>`);
    const stopped = await moderator.get(`${location}?refresh=off`);
    expect(stopped.body).not.toContain('http-equiv="refresh"');
    expect(stopped.body).toContain(`<a href="${location}">Refresh it automatically</a>`);
    const record = await t.db.selectFrom('comment_imports').selectAll().where('id', '=', location.split('/').at(-1)!).executeTakeFirstOrThrow();
    expect(record).toMatchObject({ status: 'queued', channel: 'web', format: 'csv', bytes_total: String(Buffer.byteLength(FILE)) });
    expect(fs.readFileSync(record.file_path!, 'utf8')).toBe(FILE);

    const { result } = await runJobOf(location);
    expect(result).toEqual({ status: 'done', added: 2, refused: 2 });
    expect(fs.existsSync(record.file_path!)).toBe(false);
    expect(await commentCount()).toBe(2);

    const done = await moderator.get(location);
    expect(done.body).not.toContain('http-equiv="refresh"');
    expect(done.body).toContain('<progress id="import-progress" value="4" max="4">');
    expect(done.body).toContain('4 of 4 rows read');
    expect(done.body).toMatch(/Comments added<\/dt><dd>2<\/dd>/);
    expect(done.body).toMatch(/Rows refused<\/dt><dd>2<\/dd>/);
    expect(done.body).toContain('<td>3</td><td>k-2</td><td>name: ');
    expect(done.body).toContain('<td>5</td><td>k-1</td><td>key: “k-1” was already used on line 2 for a different comment</td>');

    // The same import read in French: the reasons are kept as keys, not as English text.
    const fr = await moderator.get(location.replace('/en/', '/fr/'));
    // French typography puts no-break spaces before : and inside « »; compared here as plain spaces.
    expect(fr.body.replace(/[\u00a0\u202f]/g, ' ')).toContain(
      '<td>5</td><td>k-1</td><td>key : « k-1 » a déjà servi à la ligne 2 pour un autre commentaire</td>',
    );

    const csv = await moderator.get(`${location}/refused.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\n')[0]).toBe('line,key,reason');
    expect(csv.body).toContain('5,k-1,key: “k-1” was already used on line 2 for a different comment\n');
    expect(csv.body.trim().split('\n')).toHaveLength(3);

    // The upload page lists it.
    const list = await moderator.get(PAGE());
    expect(list.body).toContain('partner.csv');
    expect(list.body).toContain('2 added, 0 already present, 2 refused');
  });

  it('adds nothing twice when the same file is uploaded again', async () => {
    await moderator.get(PAGE());
    const res = await upload(moderator, { name: 'partner-again.csv', data: FILE });
    expect(res.statusCode).toBe(303);
    const { result } = await runJobOf(String(res.headers.location));
    expect(result).toEqual({ status: 'done', added: 0, refused: 2 });
    expect(await commentCount()).toBe(2);
    const record = await t.db.selectFrom('comment_imports').selectAll().where('file_name', '=', 'partner-again.csv').executeTakeFirstOrThrow();
    expect(record).toMatchObject({ rows_added: 0, rows_skipped: 2, rows_refused: 2 });
  });

  it('refuses a file over the size limit with a message on the form, and keeps nothing of it', async () => {
    await moderator.get(PAGE());
    const before = fs.existsSync(importsDir(t.config)) ? fs.readdirSync(importsDir(t.config)).length : 0;
    const big = `text,name\n${'A long comment about passwords.,Ana\n'.repeat(32_000)}`;
    expect(big.length).toBeGreaterThan(LIMIT);
    const res = await upload(moderator, { name: 'big.csv', data: big });
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('The file is larger than 1 MiB');
    const fr = await upload(moderator, { name: 'big.csv', data: big }, moderator.csrf(), 'fr');
    expect(fr.statusCode).toBe(413);
    expect(fr.body).toContain('Le fichier dépasse');
    expect(fs.readdirSync(importsDir(t.config)).length).toBe(before);
  });

  it('refuses a file of another format and an empty one with a message', async () => {
    await moderator.get(PAGE());
    const odd = await upload(moderator, { name: 'comments.xlsx', data: 'PK' });
    expect(odd.statusCode).toBe(422);
    expect(odd.body).toContain('Choose a CSV file');
    const empty = await upload(moderator, { name: 'empty.csv', data: '' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('The file is empty');
    // No file chosen: a browser still sends the part, with no name and no bytes.
    const none = await upload(moderator, { name: '', data: '' });
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Choose a file to import.');
  });

  it('refuses the upload without a valid CSRF token, and to a member (403), storing nothing', async () => {
    const imports = async () => (await t.db.selectFrom('comment_imports').select('id').execute()).length;
    const before = await imports();
    await moderator.get(PAGE());
    const noToken = await upload(moderator, { name: 'x.csv', data: FILE }, null);
    expect(noToken.statusCode).toBe(403);
    await member.get('/en/processes');
    expect((await member.get(PAGE())).statusCode).toBe(403);
    const byMember = await upload(member, { name: 'x.csv', data: FILE }, member.csrf());
    expect(byMember.statusCode).toBe(403);
    expect(await imports()).toBe(before);
  });
});

describe('a queued import stopped midway', () => {
  it('resumes after the chunks that landed when its job runs again: every row once, each refusal once', async () => {
    const rows = ['text,name,key', 'Resume one.,Ana,r-1', 'Resume two.,Bo,r-2', 'Resume bad.,,r-3', 'Resume four.,Cy,r-4', 'Resume five.,Di,r-5'].join('\n');
    await moderator.get(PAGE());
    const res = await upload(moderator, { name: 'resume.csv', data: rows });
    const id = String(res.headers.location).split('/').at(-1)!;
    const record = await commentImportRepository.importById(t.db, id);
    const before = await commentCount();
    // The first run lands chunk 1 (lines 2–3), then dies inside chunk 2 (lines 4–5), as a killed worker would.
    const actor = (await t.db.selectFrom('comment_imports').select('actor_id').where('id', '=', id).executeTakeFirstOrThrow()).actor_id!;
    const { actorForUser } = await import('../../src/platform/auth/sessions.js');
    await expect(
      importComments(
        t.database,
        (await actorForUser(t.db, actor))!,
        periodId,
        async function* () {
          yield Buffer.from(rows);
        },
        {
          fileName: 'resume.csv',
          format: 'csv',
          lang: 'en',
          importId: id,
          chunkRows: 2,
          onStep: (step, chunk) => {
            if (chunk === 2 && step === 'comments') throw new Error('killed');
          },
        },
      ),
    ).rejects.toThrow('killed');
    expect(await commentCount()).toBe(before + 2);
    // The job runs it again (chunks of 5,000 now: the landed lines are passed over by line).
    const again = await runCommentImport(t.database, { importId: id });
    expect(again).toEqual({ status: 'done', added: 4, refused: 1 });
    expect(await commentCount()).toBe(before + 4);
    const batches = await commentImportRepository.batchesOf(t.db, id);
    expect(batches.map((b) => [b.chunk, b.first_line, b.last_line, b.rows_added, b.rows_refused])).toEqual([
      [1, 2, 3, 2, 0],
      [2, 4, 6, 2, 1],
    ]);
    expect((await commentImportRepository.refusalsOf(t.db, id, 0, 10)).map((r) => r.line)).toEqual([4]);
    expect(fs.existsSync(record!.file_path!)).toBe(false);
  });
});

describe('the bulk API', () => {
  const FILE2 = ['{"text":"Labels on the box.","name":"Di","key":"j-1"}', '{"text":"","name":"Ed","key":"j-2"}', 'not json'].join('\n');

  it('takes the file as the body, answers 202 with the import and its Location, and reports it once the job ran', async () => {
    const res = await moderator.json('POST', API(), undefined, { 'content-type': 'application/x-ndjson' });
    expect(res.statusCode).toBe(422); // no body: an empty file
    const posted = await t.app.inject({
      method: 'POST',
      url: API(),
      payload: FILE2,
      headers: { cookie: moderator.cookieHeader(), 'content-type': 'application/x-ndjson' },
    });
    expect(posted.statusCode).toBe(202);
    const body = posted.json();
    expect(body).toMatchObject({ status: 'queued', format: 'jsonl', channel: 'api', bytes: Buffer.byteLength(FILE2), rowsRead: 0 });
    expect(posted.headers.location).toBe(body.url);
    const path = new URL(body.url).pathname;

    await runJobOf(path);
    const status = await t.app.inject({ url: path, headers: { cookie: moderator.cookieHeader(), 'accept-language': 'fr' } });
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ status: 'done', rowsTotal: 3, rowsRead: 3, rowsAdded: 1, rowsSkipped: 0, rowsRefused: 2, error: null });

    const csv = await t.app.inject({ url: `${path}/refused.csv`, headers: { cookie: moderator.cookieHeader() } });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toBe('line,key,reason\n2,j-2,text: Write your comment.\n3,,the line is not valid JSON\n');
  });

  it('is described in the OpenAPI document with its file body and its 202 answer', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const op = doc.paths['/api/v1/processes/{processSlug}/comment-periods/{periodId}/comment-imports'].post;
    expect(Object.keys(op.requestBody.content).sort()).toEqual(['application/x-ndjson', 'text/csv']);
    expect(op.requestBody.content['text/csv'].schema).toMatchObject({ type: 'string', format: 'binary' });
    expect(Object.keys(op.responses)).toContain('202');
  });

  it('refuses a member (403), a file over the limit (413) and another content type (415)', async () => {
    const member403 = await t.app.inject({ method: 'POST', url: API(), payload: FILE, headers: { cookie: member.cookieHeader(), 'content-type': 'text/csv' } });
    expect(member403.statusCode).toBe(403);
    const big = await t.app.inject({
      method: 'POST',
      url: API(),
      payload: 'x'.repeat(LIMIT + 1),
      headers: { cookie: moderator.cookieHeader(), 'content-type': 'text/csv' },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().detail).toContain('The file is larger than');
    const xml = await t.app.inject({ method: 'POST', url: API(), payload: '<a/>', headers: { cookie: moderator.cookieHeader(), 'content-type': 'text/xml' } });
    expect(xml.statusCode).toBe(415);
  });

  it('answers 413 with its message over a real connection too, and keeps nothing of the file', async () => {
    // inject() is not a socket: this sends 3 MB in 64 KB writes to a listening server, as a
    // client would, and reads the answer it gets while still sending.
    const files = () => (fs.existsSync(importsDir(t.config)) ? fs.readdirSync(importsDir(t.config)).length : 0);
    const before = files();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        { port, host: '127.0.0.1', method: 'POST', path: API(), headers: { cookie: moderator.cookieHeader(), 'content-type': 'text/csv' } },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      const chunk = Buffer.alloc(64 * 1024, 'x');
      for (let sent = 0; sent <= 3 * LIMIT; sent += chunk.length) req.write(chunk);
      req.end();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).detail).toContain('The file is larger than');
    expect(files()).toBe(before);
  });
});
