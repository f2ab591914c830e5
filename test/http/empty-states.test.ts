import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { makeMember, makeOrganisation, makeProcess, makeRecommendation, makeUser } from '../helpers/factories.js';

/**
 * Issue 10, "empty states for a new process": a page of a process with nothing in it yet says
 * so in words, in both languages, instead of an empty table or a table of zeros; and it says
 * "no match" only when a filter is what emptied it.
 */
let t: TestApp;
const SLUG = 'empty-states';
let processId = '';

beforeAll(async () => {
  t = await testApp();
  const admin = await makeUser(t.db, { admin: true, name: 'Admin' });
  processId = (await makeProcess(t.db, admin.actor, SLUG)).process.id;
});
afterAll(async () => t?.close());

const page = async (lang: 'en' | 'fr', path: string) => {
  const res = await t.app.inject({ url: `/${lang}/processes/${SLUG}${path}` });
  expect(res.statusCode).toBe(200);
  return /<main[\s\S]*<\/main>/.exec(res.body)![0];
};

describe('a new process', () => {
  it.each([
    ['en', 'No organisation takes part yet', 'No one has joined this process yet.', 'No recommendations yet.'],
    ['fr', 'Aucune organisation ne participe encore', 'Personne n’a encore rejoint ce processus.', 'Aucune recommandation pour l’instant.'],
  ] as const)('says it has no organisations, members or recommendations yet, without empty tables (%s)', async (lang, noOrgs, noMembers, noRecs) => {
    const orgs = await page(lang, '/organisations');
    expect(orgs).toContain(noOrgs);
    expect(orgs).not.toContain('<table');
    const members = await page(lang, '/participants');
    expect(members).toContain(noMembers);
    expect(members).not.toContain('<table');
    const tracker = await page(lang, '/tracker');
    expect(tracker).toContain(noRecs);
    expect(tracker).not.toContain('id="figures-title"');
  });

  it('says "no match" when a filter empties the directory, and shows tables and figures once there is something', async () => {
    const admin = await makeUser(t.db, { admin: true, name: 'Second Admin' });
    const org = await makeOrganisation(t.db, admin.actor, 'Empty States Org');
    await makeMember(t, SLUG, org, 'government');
    await makeRecommendation(t.db, processId, '1.1');
    const filtered = await page('en', '/participants?stakeholderGroup=academia');
    expect(filtered).toContain('No participants match.');
    expect(filtered).not.toContain('No one has joined');
    expect(await page('en', '/participants')).toContain('<table');
    const orgs = await page('en', '/organisations');
    expect(orgs).toContain('Empty States Org');
    expect(orgs).not.toContain('No organisation takes part yet');
    expect(await page('en', '/tracker')).toContain('id="figures-title"');
  });
});
