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
  it('imports a file, prints refused rows with their line and writes them to the errors file; a re-run adds nothing', async () => {
    const csv = file('partner.csv', 'text,name,key\nFirst comment.,Ana,a-1\n,Bo,a-2\n"Second, with a comma.",Cy,a-3\n');
    const errors = path.join(cli.dir, 'errors.csv');
    const first = await cli.run('comments', 'import', csv, '--period', periodId, '--as', convenerEmail, '--errors', errors);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^line 3: text: Write your comment\.\npartner\.csv: 3 rows read, 2 added, 0 already present, 1 refused \(import [0-9a-f-]{36}\)\.\nRefused rows written to .*errors\.csv\.$/);
    expect(fs.readFileSync(errors, 'utf8')).toBe('line,key,reason\n3,a-2,text: Write your comment.\n');
    const again = await cli.run('comments', 'import', csv, '--period', periodId, '--as', convenerEmail);
    expect(again.out).toMatch(/3 rows read, 0 added, 2 already present, 1 refused/);
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
