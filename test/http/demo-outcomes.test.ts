import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { seedDemo, DEMO_ACCOUNTS } from '../../src/app/demo/demo.seed.js';
import { verifyAudit } from '../../src/platform/audit/audit-verify.service.js';
import { missingKeys } from '../../src/platform/i18n/i18n.js';
import { Client } from '../helpers/client.js';
import { sql } from 'kysely';
import { CONSENSUS } from '../../src/modules/consensus/consensus.demo.texts.js';
import { frenchSpacingFaults } from '../../src/platform/i18n/french-spacing.js';

/**
 * The demo's end of process, read back through the public API as a newcomer would meet it:
 * the consensus call on the final report with positions from all six stakeholder groups and
 * its one objection answered, the twelve recommendations tied to their paragraphs, the final
 * report, and the tracker with actions done and late, pledges and progress.
 */

const P = 'iot-security-2018';
/** The story's end: the last day of the action committee's phase, in Toronto. */
const STORY_END = new Date('2022-01-01T05:00:00Z');
/** The story's last day, for the date columns (a phase's last day, an action due). */
const STORY_LAST_DAY = '2021-12-31';
/** The live process, dated from the day the demo is loaded: its records are today's by design. */
const LIVE = 'iot-labels-live';

/**
 * Tables whose rows are of the moment the demo is loaded, whatever story they serve: the
 * installation's own working state, never part of the history the demo tells. (pg-boss's job
 * queue lives in its own schema and is not walked.)
 */
const NOW_TABLES: Record<string, string> = {
  sessions: 'sign-ins are made today',
  throttles: 'rate-limit windows are of the wall clock',
  outbox_messages: 'the mail log: messages were really queued on the day the demo was loaded',
  email_tokens: 'confirmation and reset links expire from today',
  signing_keys: 'the installation’s keys are made when it first signs',
  audit_signed_heads: 'a signed head attests the chain on the day it is signed',
};

/**
 * Tables a row can point to without belonging to that row's process: people, organisations and
 * files are the installation's, shared by both processes.
 */
const SHARED = new Set(['users', 'organisations', 'files']);

/**
 * Every timestamp and date column of every table, and every row in it dated after the story's
 * end, except rows of the live process and the tables of NOW_TABLES. A row's process is found
 * from the schema, not from a list: its own process_id, or else the process of any row it
 * points to by a foreign key (followed through as many tables as it takes), so that a table
 * reached only through another (a registration through its meeting) is walked like the rest.
 */
async function recordsAfterTheStory(db: TestApp['db'], liveSlug: string): Promise<string[]> {
  const { rows: cols } = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select c.table_name, c.column_name, c.data_type from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = current_schema() order by 1, 2`.execute(db);
  const { rows: fks } = await sql<{ t: string; c: string; rt: string; rc: string }>`
    select tc.table_name as t, kcu.column_name as c, ccu.table_name as rt, ccu.column_name as rc
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
    where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(db);
  const hasProcessId = new Set(cols.filter((c) => c.column_name === 'process_id').map((c) => c.table_name));
  let n = 0;
  /** An SQL expression for the process of the row `alias` of `table` (null when it has none). */
  const owner = (table: string, alias: string, path: Set<string>): string => {
    if (table === 'processes') return `${alias}.id`;
    const ways = hasProcessId.has(table) ? [`${alias}.process_id`] : [];
    for (const f of fks) {
      if (f.t !== table || SHARED.has(f.rt) || path.has(f.rt)) continue;
      const a = `o${n++}`;
      ways.push(`(select ${owner(f.rt, a, new Set([...path, f.rt]))} from "${f.rt}" ${a} where ${a}."${f.rc}" = ${alias}."${f.c}")`);
    }
    return ways.length === 0 ? 'null::uuid' : ways.length === 1 ? ways[0]! : `coalesce(${ways.join(', ')})`;
  };
  const live = (await db.selectFrom('processes').select('id').where('slug', '=', liveSlug).executeTakeFirstOrThrow()).id;
  const late: string[] = [];
  for (const c of cols) {
    if (!['timestamp with time zone', 'timestamp without time zone', 'date'].includes(c.data_type) || c.table_name in NOW_TABLES) continue;
    const after = c.data_type === 'date' ? sql`${STORY_LAST_DAY}::date` : sql`${STORY_END}::timestamptz`;
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(c.table_name)} x
      where ${sql.ref(`x.${c.column_name}`)} > ${after} and ${sql.raw(owner(c.table_name, 'x', new Set([c.table_name])))} is distinct from ${live}`.execute(db);
    if (rows[0]!.n > 0) late.push(`${c.table_name}.${c.column_name}: ${rows[0]!.n}`);
  }
  return late;
}
let t: TestApp;

/** Keys already asked for and missing when this file began (a worker runs several files). */
let missingBefore = new Set<string>();

beforeAll(async () => {
  missingBefore = new Set(missingKeys());
  t = await testApp();
  await seedDemo(t.db, { schema: t.config.databaseSchema });
}, 180_000);
afterAll(async () => t.close());

async function api<T>(path: string): Promise<T> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/processes/${P}${path}` });
  expect(res.statusCode, `${path}: ${res.body.slice(0, 300)}`).toBe(200);
  return res.json();
}

interface Counts {
  support: number;
  live_with: number;
  stand_aside: number;
  object: number;
  noResponse: number;
}
interface CallDetail {
  id: string;
  status: string;
  target: { kind: string; versionNumber: number | null };
  results: { groups: (Counts & { key: string })[]; totals: Counts }[];
  outcomes: { outcome: string; current: boolean; objectionAnswers: { answer: string; reason: string | null }[] }[];
}

describe('the demo consensus call', () => {
  it('is closed on version 2 of the report, with positions from all six stakeholder groups and a rough consensus answering its objection', async () => {
    const { items } = await api<{ items: { id: string }[] }>('/consensus-calls');
    expect(items).toHaveLength(1);
    const call = await api<CallDetail>(`/consensus-calls/${items[0]!.id}`);
    expect(call.status).toBe('closed');
    expect(call.target).toMatchObject({ kind: 'document', versionNumber: 2 });
    const groups = call.results[0]!.groups;
    expect(groups).toHaveLength(6);
    for (const g of groups) expect(g.support + g.live_with + g.stand_aside + g.object, g.key).toBeGreaterThan(0);
    const totals = call.results[0]!.totals;
    expect(totals.object).toBe(1);
    expect(totals.noResponse).toBeGreaterThan(0);
    // 110 representatives and the demo member: each either responded or is counted as not.
    expect(totals.support + totals.live_with + totals.stand_aside + totals.object + totals.noResponse).toBe(111);
    const current = call.outcomes.find((o) => o.current)!;
    expect(current.outcome).toBe('rough_consensus');
    expect(current.objectionAnswers).toHaveLength(1);
    expect(current.objectionAnswers[0]!.reason).toContain('4.2.2');
    expect(current.objectionAnswers[0]!.answer).toContain('two-year trigger');
    const history = await api<{ items: { supersededAt: string | null }[] }>(`/consensus-calls/${call.id}/positions`);
    expect(history.items.some((p) => p.supersededAt !== null)).toBe(true);
  });
});

describe('the demo consensus pages in French', () => {
  // The chair's English sentences, from the demo's own texts (data, not the code under test).
  const english = [CONSENSUS.rationaleEn, CONSENSUS.answer].flatMap((s) => s.split(/(?<=[.;])\s+/)).map((s) => s.replace(/[.;]$/, ''));

  it('give the rationale and the answer to the objection in French, and the English pages in English', async () => {
    expect(english.length).toBeGreaterThan(4);
    let calls = 0;
    for (const slug of [P, LIVE]) {
      const list = await t.app.inject({ url: `/api/v1/processes/${slug}/consensus-calls` });
      const pages = [`/fr/processes/${slug}/consensus`];
      for (const c of list.json<{ items: { id: string }[] }>().items) pages.push(`/fr/processes/${slug}/consensus/${c.id}`);
      calls += pages.length - 1;
      for (const url of pages) {
        const res = await t.app.inject({ url });
        expect(res.statusCode, url).toBe(200);
        for (const sentence of english) expect(res.body, `${url}: ${sentence}`).not.toContain(sentence);
      }
    }
    expect(calls).toBe(2);
    const { items } = await api<{ items: { id: string }[] }>('/consensus-calls');
    const fr = (await t.app.inject({ url: `/fr/processes/${P}/consensus/${items[0]!.id}` })).body;
    expect(fr).toContain('Consensus approximatif.</p>');
    expect(fr).toContain('La clause des deux ans ne s’applique que si');
    const en = (await t.app.inject({ url: `/en/processes/${P}/consensus/${items[0]!.id}` })).body;
    expect(en).toContain(`<p class="prose">${CONSENSUS.rationaleEn}</p>`);
    expect(en).toContain(CONSENSUS.answer);
  });

  it('store the French versions with French spacing', async () => {
    const rows = await t.db
      .selectFrom('consensus_outcomes as o')
      .innerJoin('consensus_objection_answers as a', 'a.outcome_id', 'o.id')
      .select(['o.rationale_translation', 'a.translation'])
      .where('o.lang', '=', 'en')
      .execute();
    expect(rows).toHaveLength(1);
    const texts = rows.flatMap((r) => [r.rationale_translation, r.translation]);
    for (const text of texts) expect(text).not.toBe('');
    expect(texts.flatMap((s) => frenchSpacingFaults(s))).toEqual([]);
  });
});

describe('the demo meetings', () => {
  it('shows the registrations of every held meeting', async () => {
    const { items } = await api<{ items: { id: string; endsAt: string }[] }>('/meetings?when=past');
    const held = items.filter((m) => new Date(m.endsAt).getTime() < Date.now());
    expect(held.length).toBeGreaterThan(5);
    for (const m of held) {
      const detail = await api<{ registered: number }>(`/meetings/${m.id}`);
      expect(detail.registered, m.id).toBeGreaterThan(0);
    }
  });

  it('gives the agenda in French on the French page, and in English on the English one', async () => {
    const { items } = await api<{ items: { id: string; title: { en: string } }[] }>('/meetings?when=past');
    const final = items.find((m) => m.title.en === 'Final meeting')!;
    const fr = await t.app.inject({ url: `/fr/processes/${P}/meetings/${final.id}` });
    expect(fr.statusCode).toBe(200);
    for (const en of ['What the public comment period told us', 'Final report and consensus', 'Launching the action committee']) expect(fr.body).not.toContain(en);
    expect(fr.body).toContain('<td>Ce que nous a appris la consultation publique</td>');
    expect(fr.body).toContain('<td>Lancement du comité d’action</td>');
    // The French minutes name the items in French too.
    expect(fr.body).toMatch(/<strong>Rapport final et consensus<\/strong>\u00a0: discuté/);
    const en = await t.app.inject({ url: `/en/processes/${P}/meetings/${final.id}` });
    expect(en.body).toContain('<td>What the public comment period told us</td>');
    expect(en.body).not.toContain('Ce que nous a appris');
  });
});

describe('the demo recommendations and final report', () => {
  it('has twelve recommendations, each from a paragraph of the report and behind the consensus call', async () => {
    const { items } = await api<{ items: { number: string; section: { anchor: string | null; label: string | null } | null; consensusCall: { id: string; outcome: string | null } | null }[] }>('/recommendations');
    expect(items.map((r) => r.number)).toEqual(['4.1.1', '4.1.2', '4.1.3', '4.2.1', '4.2.2', '4.2.3', '4.3.1', '4.3.2', '4.3.3', '4.3.4', '4.4.1', '4.4.2']);
    for (const r of items) {
      expect(r.section?.anchor, r.number).toMatch(/^p[a-z0-9]{7}$/);
      expect(r.section?.label, r.number).toMatch(/^4\.\d ¶ \d$|¶/);
      expect(r.consensusCall?.id, r.number).toMatch(/^[0-9a-f-]{36}$/);
    }
    const page = await t.app.inject({ url: `/fr/processes/${P}/recommendations/4.2.2` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Rendre l’étiquette obligatoire si peu d’appareils la portent');
  });

  it('publishes the final report with its recommendations', async () => {
    const page = await t.app.inject({ url: `/en/processes/${P}/final-report` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('A bilingual security label');
    const pdf = await t.app.inject({ url: `/en/processes/${P}/final-report.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

interface TrackedAction {
  status: string;
  overdue: boolean;
  reports: unknown[];
}
interface TrackerJson {
  figures: { recommendations: number; overall: Record<'withOwner' | 'done' | 'late', { count: number }>; byStakeholderGroup: { key: string }[] };
  recommendations: { number: string; actions: TrackedAction[]; pledges: { status: string }[] }[];
}

describe('the demo tracker', () => {
  it('shows actions with owners and dates in 2019–2021, some done and some late, pledges and their progress', async () => {
    const tracker = await api<TrackerJson>('/tracker');
    expect(tracker.figures.recommendations).toBe(12);
    const actions = tracker.recommendations.flatMap((r) => r.actions);
    expect(actions).toHaveLength(11);
    expect(actions.filter((a) => a.status === 'done').length).toBeGreaterThanOrEqual(5);
    expect(actions.some((a) => a.status === 'late')).toBe(true);
    expect(actions.some((a) => a.overdue)).toBe(true);
    expect(actions.every((a) => a.reports.length > 0)).toBe(true);
    expect(tracker.figures.overall.withOwner.count).toBe(10);
    expect(tracker.figures.overall.done.count).toBeGreaterThan(0);
    expect(tracker.figures.overall.late.count).toBeGreaterThan(0);
    expect(tracker.figures.byStakeholderGroup).toHaveLength(6);
    const pledges = tracker.recommendations.flatMap((r) => r.pledges);
    expect(pledges).toHaveLength(5);
    expect(pledges.map((p) => p.status)).toEqual(expect.arrayContaining(['done', 'late']));
    const fr = await t.app.inject({ url: `/fr/processes/${P}/tracker` });
    expect(fr.statusCode).toBe(200);
    expect(fr.body).toContain('Avertir les clients d’appareils infectés');
  });

  it('links each recommendation to its entry in the tracker, in both languages', async () => {
    for (const lang of ['en', 'fr'] as const) {
      const page = await t.app.inject({ url: `/${lang}/processes/${P}/recommendations/4.2.1` });
      expect(page.statusCode).toBe(200);
      const href = /<a href="([^"]*\/tracker#rec-4\.2\.1)">/.exec(page.body)?.[1];
      expect(href, `a link to the tracker on the ${lang} page`).toBe(`/${lang}/processes/${P}/tracker#rec-4.2.1`);
      const tracker = await t.app.inject({ url: href!.split('#')[0]! });
      expect(tracker.statusCode).toBe(200);
      expect(tracker.body).toContain('id="rec-4.2.1"');
    }
  });

  it('groups the process page\'s sections under three headings', async () => {
    const page = await t.app.inject({ url: `/fr/processes/${P}` });
    const nav = /<nav aria-label="Dans ce processus" class="process-nav">([\s\S]*?)<\/nav>/.exec(page.body)?.[1] ?? '';
    const groups = [...nav.matchAll(/<h2 class="process-nav__title">([^<]*)<\/h2>\s*<ul>([\s\S]*?)<\/ul>/g)].map((g) => [g[1], (g[2]!.match(/<li>/g) ?? []).length]);
    expect(groups).toEqual([
      ['Personnes', 2],
      ['Textes et contributions', 3],
      ['Décisions et suivi', 4],
    ]);
  });

  it('reads the finished process as of its end (31 December 2021), not years overdue as of today', async () => {
    const tracker = await api<TrackerJson & { asOf: string }>('/tracker');
    expect(tracker.asOf).toBe('2021-12-31');
    const actions = await api<{ items: { dueOn: string | null; overdue: boolean }[] }>('/actions');
    // Nothing due on or after the end counts as overdue, whatever today is.
    expect(actions.items.filter((a) => a.overdue && a.dueOn! >= '2021-12-31')).toEqual([]);
    const page = await t.app.inject({ url: `/en/processes/${P}/tracker` });
    expect(page.body).toMatch(/As of <time[^>]*datetime="2021-12-31"/);
  });

  it('dates every record of the demo in the 2018–21 story, none after its end, but for the live process and what is truly now', async () => {
    expect(await recordsAfterTheStory(t.db, LIVE)).toEqual([]);
  });

  it('leaves the audit chain intact after the whole demo', async () => {
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});

/**
 * Follow the links of the demo process's pages, as a reader and as the administrator, in both
 * languages: every page answers 200 (never a 500) and no message key is missing.
 */
async function crawl(client: Client, start: string[], limit: number): Promise<{ visited: number; failures: string[] }> {
  const queue = [...start];
  const seen = new Set(queue);
  const failures: string[] = [];
  let visited = 0;
  while (queue.length > 0 && visited < limit) {
    const url = queue.shift()!;
    const res = await client.get(url);
    visited++;
    // A link to a paragraph that is still there redirects to it: follow that.
    const location = String(res.headers.location ?? '').split('#')[0]!;
    if (res.statusCode === 303 && location.startsWith('/') && !seen.has(location)) {
      seen.add(location);
      queue.push(location);
      continue;
    }
    if (res.statusCode !== 200 && res.statusCode !== 303) {
      failures.push(`${res.statusCode} ${url}`);
      continue;
    }
    if (!String(res.headers['content-type']).startsWith('text/html')) continue;
    for (const m of res.body.matchAll(/href="(\/(?:en|fr)\/processes\/iot-security-2018[^"#]*)"/g)) {
      const next = m[1]!.replace(/&amp;/g, '&');
      // Stay on pages: downloads are fetched once each but not followed further.
      if (!seen.has(next) && !/\/(edit|new|publish)\b|\/sign-out/.test(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return { visited, failures };
}

describe('every page of the demo', () => {
  it('answers 200 with every message translated, for a reader and for the administrator, in both languages', { timeout: 300_000 }, async () => {
    const admin = new Client(t.app);
    await admin.get('/en/sign-in');
    const a = DEMO_ACCOUNTS[0]!;
    expect((await admin.post('/en/sign-in', { email: a.email, password: a.password })).statusCode).toBe(303);
    let visited = 0;
    const failures: string[] = [];
    for (const [client, lang] of [[new Client(t.app), 'en'], [new Client(t.app), 'fr'], [admin, 'en'], [admin, 'fr']] as const) {
      // Each feature's entry page first, so that a short crawl reaches all of them.
      const base = `/${lang}/processes/${P}`;
      const starts = ['', '/documents', '/comment-periods', '/consensus', '/recommendations', '/final-report', '/tracker', '/report', '/audit'].map((x) => `${base}${x}`);
      const r = await crawl(client, starts, 100);
      visited += r.visited;
      failures.push(...r.failures);
    }
    expect(failures).toEqual([]);
    expect(visited).toBe(400);
    expect(missingKeys().filter((k) => !missingBefore.has(k))).toEqual([]);
  });
});
