import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDatabase } from '../../src/app/cli/with-db.js';
import { CliSandbox } from '../helpers/cli.js';
import { makeCommentPeriod, makeDocument, makeProcess, makeUser } from '../helpers/factories.js';

/**
 * `concord comments import`, run in-process against a real database (PGlite in a temporary
 * data folder, or a private schema on PostgreSQL), as a convener would from a console.
 */
const cli = new CliSandbox('comments-import');
let periodId = '';
let convenerEmail = '';
let memberEmail = '';
const file = (name: string, content: string | Buffer) => {
  const p = path.join(cli.dir, name);
  fs.writeFileSync(p, content);
  return p;
};

beforeAll(async () => {
  await cli.setUp();
  await withDatabase(async ({ db }) => {
    const admin = (await makeUser(db, { admin: true })).actor;
    const d = await makeProcess(db, admin, 'cli-import');
    await makeDocument(db, admin, d.process.id, { slug: 'draft', markdown: '# Scope\n\nAll devices.\n' });
    periodId = (await makeCommentPeriod(db, admin, d.process.id, { document: 'draft' })).id;
    convenerEmail = (await makeUser(db, { roles: [{ role: 'convener', processId: d.process.id }] })).user.email;
    memberEmail = (await makeUser(db, { roles: [{ role: 'member', processId: d.process.id }] })).user.email;
  });
});
afterAll(() => cli.tearDown());

describe('concord comments import', () => {
  it('imports a file, prints refused rows with their line and writes them to the errors file, exiting with 3; a re-run adds nothing', async () => {
    const csv = file('partner.csv', 'text,name,key\nFirst comment.,Ana,a-1\n,Bo,a-2\n"Second, with a comma.",Cy,a-3\n');
    const errors = path.join(cli.dir, 'errors.csv');
    const first = await cli.run('comments', 'import', csv, '--period', periodId, '--as', convenerEmail, '--errors', errors);
    // Some rows refused: exit code 3, so a script can tell.
    expect(first.code).toBe(3);
    expect(first.out).toMatch(/^line 3: text: Write your comment\.\npartner\.csv: 3 rows read, 2 added, 0 already present, 1 refused \(import [0-9a-f-]{36}\)\.\nRefused rows written to .*errors\.csv\.$/);
    expect(fs.readFileSync(errors, 'utf8')).toBe('line,key,reason\n3,a-2,text: Write your comment.\n');
    const again = await cli.run('comments', 'import', csv, '--period', periodId, '--as', convenerEmail);
    expect(again.out).toMatch(/3 rows read, 0 added, 2 already present, 1 refused/);
    expect(again.code).toBe(3);
  });

  it('exits with 0, printing one summary line, when every row was added or already there', async () => {
    const csv = file('clean.csv', 'text,name,key\nClean one.,Di,c-1\nClean two.,Ed,c-2\n');
    const first = await cli.run('comments', 'import', csv, '--period', periodId, '--as', convenerEmail);
    expect(first).toEqual({ code: 0, out: expect.stringMatching(/^clean\.csv: 2 rows read, 2 added, 0 already present, 0 refused \(import [0-9a-f-]{36}\)\.$/) });
    const again = await cli.run('comments', 'import', csv, '--period', periodId, '--as', convenerEmail, '--lang', 'fr');
    expect(again).toEqual({ code: 0, out: expect.stringMatching(/^clean\.csv\s: 2 lignes lues, 0 ajoutées, 2 déjà présentes, 0 refusées \(import [0-9a-f-]{36}\)\.$/) });
  });

  it('takes its chunk size from CONCORD_IMPORT_CHUNK, and refuses one that is not a positive whole number', async () => {
    process.env.CONCORD_IMPORT_CHUNK = '1';
    try {
      const r = await cli.run('comments', 'import', file('one-by-one.csv', 'text,name,key\nOne.,Fi,o-1\nTwo.,Fi,o-2\n'), '--period', periodId, '--as', convenerEmail);
      expect(r.code).toBe(0);
      const id = /\(import ([0-9a-f-]{36})\)/.exec(r.out)![1]!;
      const chunks = await withDatabase(({ db }) => db.selectFrom('comment_import_batches').select('chunk').where('import_id', '=', id).execute());
      expect(chunks).toEqual([{ chunk: 1 }, { chunk: 2 }]);
      process.env.CONCORD_IMPORT_CHUNK = '0';
      expect(await cli.run('comments', 'import', file('any.csv', 'text,name\nx,y\n'), '--period', periodId, '--as', convenerEmail)).toEqual({
        code: 1,
        out: 'concord: CONCORD_IMPORT_CHUNK must be a positive whole number, not “0”',
      });
    } finally {
      delete process.env.CONCORD_IMPORT_CHUNK;
    }
  });

  it('refuses a Latin-1 file in the chosen language, saying how to convert it, and a participant who is not staff', async () => {
    const latin1 = file('latin1.csv', Buffer.from('text,name\nCommentaire d\xe9j\xe0 vu,Zo\xe9\n', 'latin1'));
    const r = await cli.run('comments', 'import', latin1, '--period', periodId, '--as', convenerEmail, '--lang', 'fr');
    expect(r.code).toBe(1);
    expect(r.out).toContain('La ligne 2 n’est pas en UTF-8 (octet 0xE9)');
    expect(r.out).toContain('iconv -f latin1 -t utf-8');
    const member = await cli.run('comments', 'import', file('ok.csv', 'text,name\nHi.,Mo\n'), '--period', periodId, '--as', memberEmail);
    expect(member).toEqual({ code: 1, out: 'concord: Only the process’s conveners and moderators may import comments.' });
    const noFormat = await cli.run('comments', 'import', file('c.txt', 'x'), '--period', periodId, '--as', convenerEmail);
    expect(noFormat.out).toMatch(/--format csv or --format jsonl/);
  });
});
