import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { seedDemo } from '../../src/app/demo/demo.seed.js';
import { normaliseForMatch, plainOf } from '../../src/modules/documents/documents.demo.texts.js';

/**
 * The demo's draft outcomes report, as a visitor and the API see it after `npm start` loads the
 * demo: three versions per language, the closed comment period with its few hundred comments,
 * duplicate groups, hidden spam, a response to every visible comment, anchors that survive.
 */
const P = 'iot-security-2018';
const EN = 'draft-outcomes-report';
const FR = 'rapport-provisoire';

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
  // How long seeding takes is measured by the quick-start figures in docs/performance.md, not here.
  await seedDemo(t.db, { schema: t.config.databaseSchema });
}, 180_000);
afterAll(async () => t.close());

async function api<T>(path: string): Promise<T> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/processes/${P}${path}` });
  expect(res.statusCode, `${path}: ${res.body.slice(0, 300)}`).toBe(200);
  return res.json();
}

interface Period {
  id: string;
  state: string;
  opensAt: string;
  closesAt: string;
  timeZone: string;
  commentCount: number;
  hiddenCount: number;
  disposedCount: number;
  documents: { slug: string; lang: string; version: number }[];
}
async function period(): Promise<Period> {
  const { items } = await api<{ items: Period[] }>('/comment-periods');
  const found = items.find((p) => p.documents.some((d) => d.slug === EN));
  expect(found).toBeDefined();
  return found!;
}

/** The fields of a document these tests read. */
interface Doc {
  status: string;
  kind: string;
  translations: { slug: string }[];
}
/** The fields of a version these tests read. */
interface Version {
  markdown: string;
  blocks: { anchor: string; text: string; change: string; position: number }[];
}

/** The fields of a listed comment these tests read. */
interface Listed {
  createdAt: string;
  lang: string;
  document: string;
  status: string;
  hiddenReason: string | null;
  text: string | null;
  displayName: string | null;
  duplicates: { size: number; groupId: string };
  campaign: { id: string; comments: number; texts: number } | null;
  response: { lang: string } | null;
}
/** The fields of a disposition these tests read. */
interface Disposition {
  outcome: string;
  rationale: string;
  groupId: string | null;
  changed: { versionNumber: number; anchor: string } | null;
}

/** Every listed comment of the period matching a query, page by page (200 a page). */
async function allListed(periodId: string, query = ''): Promise<Listed[]> {
  const out: Listed[] = [];
  let after = '';
  for (let pages = 0; pages < 20; pages++) {
    const page = await api<{ items: Listed[]; next: string | null }>(`/comment-periods/${periodId}/comments?limit=200${query}${after ? `&after=${after}` : ''}`);
    out.push(...page.items);
    if (!page.next) return out;
    after = page.next;
  }
  throw new Error('more than 20 pages');
}

describe('the demo outcomes report', () => {
  it('has three versions in each language, the French a translation of the English, ending final', async () => {
    for (const slug of [EN, FR]) {
      const { items } = await api<{ items: { number: number; message: string; createdAt: string }[] }>(`/documents/${slug}/versions`);
      expect(items.map((v) => v.number)).toEqual([3, 2, 1]);
      for (const v of items) expect(v.message.length).toBeGreaterThan(20);
      expect(items.map((v) => v.createdAt.slice(0, 10))).toEqual(['2019-06-10', '2019-04-30', '2019-02-20']);
      const doc = await api<Doc>(`/documents/${slug}`);
      expect(doc.status).toBe('final');
      expect(doc.kind).toBe('report');
      expect(doc.translations.map((x: { slug: string }) => x.slug)).toEqual([slug === EN ? FR : EN]);
    }
  });

  it('writes French with no-break spaces before colons and inside guillemets', async () => {
    const v1 = await api<Version>(`/documents/${FR}/versions/1`);
    expect(v1.markdown).toContain('\u00a0:');
    expect(v1.markdown).toContain('«\u00a0devrait\u00a0»');
    expect(v1.markdown).not.toMatch(/ [:;?!»]/);
    expect(v1.blocks.length).toBeGreaterThanOrEqual(35);
    expect(v1.blocks.length).toBeLessThanOrEqual(60);
  });

  it('has a closed period on version 1 of both, 25 February to 5 April 2019 in Toronto, with a few hundred comments', async () => {
    const p = await period();
    expect(p.state).toBe('closed');
    expect(p.opensAt).toBe('2019-02-25T14:00:00.000Z'); // 09:00 EST
    expect(p.closesAt).toBe('2019-04-06T03:59:59.000Z'); // 23:59:59 EDT
    expect(p.timeZone).toBe('America/Toronto');
    expect(p.documents.map((d) => [d.slug, d.version]).sort()).toEqual([
      [EN, 1],
      [FR, 1],
    ]);
    expect(p.commentCount).toBeGreaterThanOrEqual(200);
    expect(p.commentCount).toBeLessThanOrEqual(500);
    const listed = await allListed(p.id);
    for (const c of listed) {
      expect(c.createdAt >= p.opensAt && c.createdAt < p.closesAt, c.createdAt).toBe(true);
    }
    expect(new Set(listed.map((c) => c.lang))).toEqual(new Set(['en', 'fr']));
  });

  it('groups exact duplicates and shows each group once, each detected campaign once with all its texts behind it', async () => {
    const p = await period();
    const listed = await allListed(p.id);
    const groups = listed.filter((c) => c.duplicates.size > 1);
    expect(groups.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...groups.map((c) => c.duplicates.size))).toBeGreaterThanOrEqual(20);
    // Each group appears once.
    expect(new Set(listed.map((c) => c.duplicates.groupId)).size).toBe(listed.length);
    // Each campaign appears once, by its representative; its other texts are behind ?campaign=.
    const campaigns = listed.flatMap((c) => (c.campaign ? [c.campaign.id] : []));
    expect(campaigns.length).toBeGreaterThanOrEqual(1);
    expect(new Set(campaigns).size).toBe(campaigns.length);
    const all = new Map(listed.map((c) => [c.duplicates.groupId, c.duplicates.size]));
    let folded = 0;
    for (const id of campaigns) {
      for (const c of await allListed(p.id, `&campaign=${id}`)) {
        if (!all.has(c.duplicates.groupId)) folded++;
        all.set(c.duplicates.groupId, c.duplicates.size);
      }
    }
    expect(folded, 'the demo’s campaigns fold some texts').toBeGreaterThan(0);
    // Counted with their duplicates, the listed texts and those folded under campaigns are all the comments.
    expect([...all.values()].reduce((n, size) => n + size, 0)).toBe(p.commentCount);
  });

  it('answers every visible comment: nothing awaits a response, and the count is complete', async () => {
    const p = await period();
    const hidden = await allListed(p.id, '&status=hidden');
    // Hidden spam awaits no response: the count of answered comments is every visible one, so
    // the progress bar is at 100 %, and the period says how many are hidden.
    expect(p.hiddenCount).toBe(hidden.length);
    expect(p.disposedCount).toBe(p.commentCount - p.hiddenCount);
    const report = await t.app.inject({ method: 'GET', url: `/en/processes/${P}/comment-periods/${p.id}/report` });
    expect(report.body).toContain('(100%).');
    expect(report.body).not.toContain('Awaiting a response');
    expect(await allListed(p.id, '&status=awaiting')).toEqual([]);
    const answered = await allListed(p.id, '&status=answered');
    for (const c of answered) {
      expect(c.response).not.toBeNull();
      // The rationale is in the language of the document commented on.
      expect(c.response!.lang).toBe(c.document === FR ? 'fr' : 'en');
    }
  });

  it('links accepted responses to the paragraph that changed in a later version', async () => {
    const p = await period();
    const items: Disposition[] = [];
    for (let after = ''; ; ) {
      const page = await api<{ items: Disposition[]; next: string | null }>(`/comment-periods/${p.id}/dispositions${after ? `?after=${after}` : ''}`);
      items.push(...page.items);
      if (!page.next) break;
      after = page.next;
    }
    const accepted = items.filter((d) => d.outcome === 'accepted');
    expect(accepted.length).toBeGreaterThan(10);
    for (const d of accepted) {
      expect(d.changed, d.rationale).not.toBeNull();
      expect(d.changed!.versionNumber).toBeGreaterThanOrEqual(2);
      expect(d.changed!.anchor).toBeTruthy();
    }
    // One response per campaign: some responses answer a whole duplicate group.
    expect(items.some((d) => d.groupId !== null)).toBe(true);
  });

  it('shows the hidden spam as tombstones with their reason, never their text', async () => {
    const p = await period();
    const hidden = await allListed(p.id, '&status=hidden');
    expect(hidden).toHaveLength(3);
    for (const c of hidden) {
      expect(c.status).toBe('hidden');
      expect(c.hiddenReason).toBe('spam');
      expect(c.text).toBeNull();
      expect(c.displayName).toBeNull();
      expect(c.response).toBeNull();
    }
    const page = await t.app.inject({ method: 'GET', url: `/en/processes/${P}/comment-periods/${p.id}/comments?status=hidden` });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('CHEAP SMART CAMERAS');
  });

  it('keeps the anchor of a paragraph unchanged since version 1 on version 3, and comments on it', async () => {
    const [v1, v3] = await Promise.all([api<Version>(`/documents/${EN}/versions/1`), api<Version>(`/documents/${EN}/versions/3`)]);
    const wanted = plainOf('en', 'p-3-3-1');
    const before = v1.blocks.find((b: { text: string }) => normaliseForMatch(b.text) === wanted);
    expect(before).toBeDefined();
    const after = v3.blocks.find((b: { anchor: string }) => b.anchor === before!.anchor);
    expect(after?.text).toBe(before!.text);
    const res = await t.app.inject({ method: 'GET', url: `/en/processes/${P}/documents/${EN}/anchors/${before!.anchor}` });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain(`#${before!.anchor}`);

    // The paragraph removed in version 2 (software bill of materials) says so instead.
    const removed = v1.blocks.find((b: { text: string }) => normaliseForMatch(b.text) === plainOf('en', 'p-3-2-3'));
    expect(v3.blocks.some((b: { anchor: string }) => b.anchor === removed!.anchor)).toBe(false);
    const gone = await t.app.inject({ method: 'GET', url: `/en/processes/${P}/documents/${EN}/anchors/${removed!.anchor}` });
    expect(gone.statusCode).toBe(200);
  });

  it('keeps the anchor of a paragraph that moved (disclosure policy, 3.1 → 3.4)', async () => {
    const [v1, v2] = await Promise.all([api<Version>(`/documents/${EN}/versions/1`), api<Version>(`/documents/${EN}/versions/2`)]);
    const wanted = plainOf('en', 'p-3-1-4');
    const before = v1.blocks.find((b: { text: string }) => normaliseForMatch(b.text) === wanted);
    const after = v2.blocks.find((b: { anchor: string }) => b.anchor === before!.anchor);
    expect(after!.change).toBe('moved');
    expect(after!.position).toBeGreaterThan(before!.position);
  });
});
