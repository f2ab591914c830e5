import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDatabase } from '../../src/app/cli/with-db.js';
import { jobsSchemaFor } from '../../src/platform/jobs/queue.js';
import { CliSandbox } from '../helpers/cli.js';
import { makeComment, makeCommentPeriod, makeDocument, makeProcess, makeUser } from '../helpers/factories.js';

/** `concord comments campaigns --period ID`: detection run at once, the campaigns printed largest first. */
const cli = new CliSandbox('comments-campaigns');
let periodId = '';
let convenerEmail = '';

beforeAll(async () => {
  await cli.setUp();
  await withDatabase(async ({ db }) => {
    const admin = (await makeUser(db, { admin: true })).actor;
    const d = await makeProcess(db, admin, 'cli-campaigns');
    await makeDocument(db, admin, d.process.id, { slug: 'draft', markdown: '# Scope\n\nAll devices.\n' });
    periodId = (await makeCommentPeriod(db, admin, d.process.id, { document: 'draft' })).id;
    convenerEmail = (await makeUser(db, { roles: [{ role: 'convener', processId: d.process.id }] })).user.email;
    for (let i = 0; i < 3; i++) await makeComment(db, periodId, { text: 'Ban default passwords now.' });
    for (let i = 0; i < 2; i++) await makeComment(db, periodId, { text: 'Label the support period.' });
    await makeComment(db, periodId, { text: 'A comment of my own.' });
  });
});
afterAll(() => cli.tearDown());

describe('concord comments campaigns', () => {
  it('detects and prints the period’s campaigns, and stores them', async () => {
    const r = await cli.run('comments', 'campaigns', '--period', periodId);
    expect(r).toEqual({
      code: 0,
      out: ['2 campaigns found over 3 distinct texts.', '3 comments, Identical copies, distinct texts: 1 — Ban default passwords now.', '2 comments, Identical copies, distinct texts: 1 — Label the support period.'].join('\n'),
    });
    const stored = await withDatabase(({ db }) => db.selectFrom('campaigns').select(['member_count']).where('period_id', '=', periodId).orderBy('member_count', 'desc').execute());
    expect(stored.map((s) => Number(s.member_count))).toEqual([3, 2]);
  });

  it('asks for a detection at the end of a bulk import that added comments, and not after one that added none', async () => {
    const jobs = () =>
      withDatabase(async ({ db }) => (await sql<{ data: { periodId: string } }>`select data from ${sql.id(jobsSchemaFor(process.env.DATABASE_SCHEMA))}.job where name = 'campaigns.detect'`.execute(db)).rows);
    const csv = path.join(cli.dir, 'more.csv');
    fs.writeFileSync(csv, 'text,name,key\nBan default passwords now.,Ana,k-1\n');
    expect((await cli.run('comments', 'import', csv, '--period', periodId, '--as', convenerEmail)).code).toBe(0);
    expect((await jobs()).map((j) => j.data)).toEqual([{ periodId }]);
    expect((await cli.run('comments', 'import', csv, '--period', periodId, '--as', convenerEmail)).code).toBe(0);
    expect(await jobs()).toHaveLength(1);
  });

  it('says plainly when the period does not exist, in French too', async () => {
    const r = await cli.run('comments', 'campaigns', '--period', 'nope', '--lang', 'fr');
    expect(r).toEqual({ code: 1, out: 'concord: Aucune période de commentaires ne porte l’identifiant nope. Vérifiez l’identifiant sur la page du processus.' });
  });
});
