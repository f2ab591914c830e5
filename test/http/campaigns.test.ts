import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signedInClient, testApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { adminActor, makeComment, makeCommentPeriod, makeDocument, makeProcess } from '../helpers/factories.js';
import type { Actor } from '../../src/platform/auth/roles.js';
import { jobsSchemaFor } from '../../src/platform/jobs/queue.js';
import { blocksOf } from '../../src/modules/documents/documents.service.js';
import { importComments } from '../../src/modules/comments/comments.import.js';
import { campaignsDetectJob } from '../../src/modules/campaigns/campaigns.jobs.js';

/**
 * Issue 11's stored campaigns, end to end over HTTP: a period with one known campaign (copies
 * on a paragraph, a copy in other case as a general comment, the letter with a personal note,
 * a copy from a bulk file) and one unique comment; the Detect button enqueues the job, the job
 * stores the campaign, the review pages show it, and one response answers every member.
 * Every expected figure below is counted by hand from the comments written here.
 */
type Person = Awaited<ReturnType<typeof signedInClient>>;
let t: TestApp;
let admin: Actor;
let moderator: Person;
let convener: Person;
let member: Person;
let periodId = '';
const SLUG = 'campaign-review';
const DAY = 86_400_000;
const LETTER = 'Ban default passwords on every device sold in Canada. Require security updates for five years. Publish a contact for vulnerability reports.';
const NOTE = 'My router was hacked last year and I lost every photo of my children.';
const UNIQUE = 'The scope section is too broad for medical devices, which have their own regulator.';
const ids: Record<string, string> = {};
const days = { one: new Date(Date.now() - 3 * DAY), two: new Date(Date.now() - 2 * DAY), three: new Date(Date.now() - DAY) };
const base = (lang = 'en') => `/${lang}/processes/${SLUG}/comment-periods/${periodId}/campaigns`;
/** A day as the table shows it: its date in the period's zone, in the reader's words. */
const dayLabel = (d: Date, lang: 'en' | 'fr') => {
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));
};
const rowOf = (html: string, label: string) => new RegExp(`<th scope="row">${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</th><td>([^<]*)</td>`).exec(html)?.[1];

beforeAll(async () => {
  t = await testApp();
  admin = await adminActor(t.db);
  const d = await makeProcess(t.db, admin, SLUG);
  const [g1, g2] = d.stakeholderGroups;
  ids.g1 = g1!.id;
  ids.g2 = g2!.id;
  const doc = await makeDocument(t.db, admin, d.process.id, { slug: 'draft', markdown: '# Scope\n\nDevices that talk to a network.\n\nPasswords must be unique.\n' });
  const p1 = (await blocksOf(t.db, doc.current_version_id!))[1]!.anchor;
  periodId = (await makeCommentPeriod(t.db, admin, d.process.id, { document: 'draft', opensAt: new Date(Date.now() - 5 * DAY).toISOString() })).id;
  moderator = await signedInClient(t, { processRoles: [{ role: 'moderator', processId: d.process.id }] });
  convener = await signedInClient(t, { processRoles: [{ role: 'convener', processId: d.process.id }] });
  member = await signedInClient(t, { processRoles: [{ role: 'member', processId: d.process.id }] });

  ids.c1 = (await makeComment(t.db, periodId, { text: LETTER, anchor: p1, stakeholderGroupId: ids.g1 }, { at: days.one })).id;
  ids.c2 = (await makeComment(t.db, periodId, { text: LETTER, anchor: p1, stakeholderGroupId: ids.g1 }, { at: days.one })).id;
  ids.c3 = (await makeComment(t.db, periodId, { text: LETTER, anchor: p1, stakeholderGroupId: ids.g2 }, { at: days.two })).id;
  ids.c4 = (await makeComment(t.db, periodId, { text: LETTER.toLowerCase() }, { at: days.two })).id;
  ids.c5 = (await makeComment(t.db, periodId, { text: `${NOTE} ${LETTER}`, anchor: p1, stakeholderGroupId: ids.g2 }, { at: days.two })).id;
  ids.u = (await makeComment(t.db, periodId, { text: UNIQUE }, { at: days.two })).id;
  const csv = `text,name,paragraph,submitted_at,key\n"${LETTER}",Bulk Sender,${p1},${days.three.toISOString()},b-1\n`;
  const imported = await importComments(t.database, admin, periodId, async function* () { yield Buffer.from(csv); }, { fileName: 'bulk.csv', format: 'csv', lang: 'en' });
  expect(imported.added).toBe(1);
});
afterAll(() => t?.close());

/** The jobs of the campaigns.detect queue waiting in pg-boss, oldest first. */
async function waitingJobs(): Promise<{ id: string; data: { periodId: string } }[]> {
  const schema = jobsSchemaFor(t.config.databaseSchema);
  const r = await sql<{ id: string; data: { periodId: string } }>`select id, data from ${sql.id(schema)}.job where name = 'campaigns.detect' and state = 'created' order by created_on`.execute(t.db);
  return r.rows;
}

describe('campaigns: detection, review and one response', () => {
  it('refuses the review pages and the Detect button to a participant (403) and sends a visitor to sign in', async () => {
    expect((await member.client.get(base())).statusCode).toBe(403);
    expect((await member.client.post(`${base()}/detect`, {})).statusCode).toBe(403);
    const anon = await new Client(t.app).get(base());
    expect([302, 303]).toContain(anon.statusCode);
    expect(await waitingJobs()).toEqual([]);
  });

  it('enqueues campaigns.detect from the Detect button (with its CSRF token), and the job stores the campaign', async () => {
    const page = await moderator.client.get(base());
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Campaigns have not been detected in this period yet.');
    const pressed = await moderator.client.post(`${base()}/detect`, {});
    expect(pressed.statusCode).toBe(303);
    const jobs = await waitingJobs();
    expect(jobs.map((j) => j.data)).toEqual([{ periodId }]);
    // What the worker does with that job.
    const result = await campaignsDetectJob.handle({ db: t.db, database: t.database, jobsSchema: jobsSchemaFor(t.config.databaseSchema), baseUrl: '', log: t.app.log }, jobs[0]!.data);
    expect(result).toEqual({ periodId, texts: 4, campaigns: 1 });
    // Run twice (a retry): the period's campaigns are replaced, not added to; each run is kept.
    await campaignsDetectJob.handle({ db: t.db, database: t.database, jobsSchema: jobsSchemaFor(t.config.databaseSchema), baseUrl: '', log: t.app.log }, jobs[0]!.data);
    const stored = await t.db.selectFrom('campaigns').select(['member_count', 'group_count']).where('period_id', '=', periodId).execute();
    expect(stored.map((c) => [Number(c.member_count), c.group_count])).toEqual([[6, 3]]);
    expect(await t.db.selectFrom('campaign_groups').select('group_id').execute()).toHaveLength(3);
    expect(await t.db.selectFrom('campaign_runs').select('id').where('period_id', '=', periodId).execute()).toHaveLength(2);
  });

  it('lists the campaign once with its exact count and distinct texts, and its page shows variants, the personal note first, counts by group and channel, and the timeline', async () => {
    const list = await moderator.client.get(base());
    expect(list.statusCode).toBe(200);
    // 4 copies on the paragraph (one from the file) + the general copy + the personalised letter = 6; two normalised texts.
    expect(list.body).toMatch(/<td>(Identical copies|Near-duplicates|Mail-merge letter)<\/td><td>6<\/td><td>2<\/td>/);
    expect(list.body).not.toContain('The scope section is too broad');
    const path = /href="(\/en\/processes\/campaign-review\/comment-periods\/[^"]+\/campaigns\/[0-9a-f-]{36})"/.exec(list.body)![1]!;
    ids.campaignPath = path;

    const page = await moderator.client.get(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<dd data-testid="campaign-count">6</dd>');
    expect(page.body).toContain(LETTER);
    // Variants, largest first: 4 copies, then the two of one comment each; the personal note is shown before its letter.
    expect([...page.body.matchAll(/<strong>(\d+) ×<\/strong>/g)].map((m) => m[1])).toEqual(['4', '1', '1']);
    const note = page.body.indexOf(`<strong>Personal note:</strong> ${NOTE}`);
    expect(note).toBeGreaterThan(0);
    expect(page.body.indexOf(`<p>${LETTER}</p>`, note)).toBeGreaterThan(note);
    // By stakeholder group: c1, c2 → g1; c3, c5 → g2; the general copy and the file's row → none.
    const groups = await t.db.selectFrom('stakeholder_groups').select(['id', 'name_en']).where('id', 'in', [ids.g1!, ids.g2!]).execute();
    for (const g of groups) expect(rowOf(page.body, g.name_en)).toBe('2');
    expect(rowOf(page.body, 'No stakeholder group given')).toBe('2');
    // By channel, as each comment arrived: the five written here came by the web form, one from the file.
    expect(rowOf(page.body, 'web form')).toBe('5');
    expect(rowOf(page.body, 'bulk import')).toBe('1');
    // The Signals section counts this campaign's comments only: the period's unique comment (web) is not among them.
    const signals = page.body.slice(page.body.indexOf('id="signals-heading"'));
    expect(signals).toContain('they never hide a comment by themselves');
    expect(/<td>web form<\/td><td>(\d+)<\/td>/.exec(signals)?.[1]).toBe('5');
    expect(/<td>bulk import<\/td><td>(\d+)<\/td>/.exec(signals)?.[1]).toBe('1');
    // Timeline: 2 on day one, 3 on day two, 1 on day three; the chart is an image with a name.
    expect(rowOf(page.body, dayLabel(days.one, 'en'))).toBe('2');
    expect(rowOf(page.body, dayLabel(days.two, 'en'))).toBe('3');
    expect(rowOf(page.body, dayLabel(days.three, 'en'))).toBe('1');
    expect([...page.body.matchAll(/<rect /g)]).toHaveLength(3);

    const fr = await moderator.client.get(path.replace('/en/', '/fr/'));
    expect(fr.statusCode).toBe(200);
    expect(fr.body).toContain('Note personnelle');
    expect(rowOf(fr.body, 'import en masse')).toBe('1');
    expect(rowOf(fr.body, dayLabel(days.two, 'fr'))).toBe('3');
    expect((await member.client.get(path)).statusCode).toBe(403);
  });

  it('keeps the count as comments join the campaign’s groups, without detecting again', async () => {
    await makeComment(t.db, periodId, { text: LETTER.toUpperCase() }, { at: days.three });
    const page = await moderator.client.get(ids.campaignPath!);
    expect(page.body).toContain('<dd data-testid="campaign-count">7</dd>');
  });

  it('answers every member with one response from the campaign page, counted once each; a moderator (no dispose right) is refused', async () => {
    expect((await moderator.client.post(`${ids.campaignPath}/response`, { outcome: 'noted', rationale: 'x' })).statusCode).toBe(403);
    const empty = await convener.client.post(`${ids.campaignPath}/response`, { outcome: 'noted', rationale: ' ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Write the rationale for this response');
    const before = await t.db.selectFrom('comment_periods').select('disposed_count').where('id', '=', periodId).executeTakeFirstOrThrow();
    expect(before.disposed_count).toBe(0);
    const r = await convener.client.post(`${ids.campaignPath}/response`, { outcome: 'noted', rationale: 'Thank you: section 4 now bans default passwords.' });
    expect(r.statusCode).toBe(303);
    // The 7 members are answered; the unique comment is not.
    const after = await t.db.selectFrom('comment_periods').select('disposed_count').where('id', '=', periodId).executeTakeFirstOrThrow();
    expect(after.disposed_count).toBe(7);
    for (const id of [ids.c1, ids.c3, ids.c4, ids.c5]) {
      const c = await new Client(t.app).get(`/en/processes/${SLUG}/comments/${id}`);
      expect(c.body, id).toContain('Thank you: section 4 now bans default passwords.');
    }
    const u = await new Client(t.app).get(`/en/processes/${SLUG}/comments/${ids.u}`);
    expect(u.body).not.toContain('Thank you: section 4');
    // Answering again with another outcome moves the counts, it does not add to them.
    await convener.client.post(`${ids.campaignPath}/response`, { outcome: 'accepted', rationale: 'Accepted after all.' });
    const counts = await t.db.selectFrom('comment_outcome_counts').select(['outcome', 'count']).where('period_id', '=', periodId).where('count', '>', 0).execute();
    expect(counts.reduce((n, c) => n + c.count, 0)).toBe(7);
    expect(counts.every((c) => c.outcome === 'accepted')).toBe(true);
  });

  it('answers 404 with a message for a campaign that is not there', async () => {
    const r = await moderator.client.get(`${base()}/0190a0b0-0000-7000-8000-000000000000`);
    expect(r.statusCode).toBe(404);
    expect(r.body).toContain('This campaign is no longer there');
  });
});
