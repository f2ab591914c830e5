import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { adminActor, makeComment, makeCommentPeriod, makeDocument, makeProcess } from '../helpers/factories.js';
import { renderMarkdown } from '../../src/platform/web/markdown.js';
import { splitBlocks } from '../../src/modules/documents/documents.blocks.js';
import { matchAnchors, type OldBlock } from '../../src/modules/documents/documents.anchors.js';
import { diffWords } from '../../src/modules/documents/documents.diff.js';
import { MAX_MARKDOWN } from '../../src/modules/documents/documents.schema.js';
import { plainText } from '../../src/modules/search/search.text.js';
import { MAX_BODY, indexForSearch } from '../../src/modules/search/search.index.js';
import { MAX_QUERY } from '../../src/modules/search/search.schema.js';
import { MAX_TERMS } from '../../src/modules/search/search.query.js';
import { newId } from '../../src/platform/lib/ids.js';
import { MAX_COMMENT_CHARS } from '../../src/modules/comments/comments.text.js';
import { MAX_RATIONALE } from '../../src/modules/comments/dispositions.schema.js';
import { csvRow, type ExportRecord as CommentRecord } from '../../src/modules/comments/comments.export.js';
import { csvRecord, type ExportRecord as ReportRecord } from '../../src/modules/comments/dispositions.presenter.js';
import { trackerCsv } from '../../src/modules/accountability/accountability.presenter.js';
import { TEXT_LIMITS as REPORT_LIMITS } from '../../src/modules/accountability/accountability.schema.js';
import type { Tracker } from '../../src/modules/accountability/tracker.service.js';
import { participantsCsv } from '../../src/modules/participants/participants.presenter.js';
import type { MemberRow, Organisation } from '../../src/modules/participants/participants.repository.js';
import { toPopolo } from '../../src/modules/participants/popolo.js';
import { MAX_TEXT } from '../../src/modules/recommendations/recommendations.schema.js';
import { createPdf, pdfBuffer } from '../../src/modules/recommendations/report.pdf.js';
import { markdownToPdfBlocks } from '../../src/modules/recommendations/report.pdf-markdown.js';
import { renderPdfBlocks } from '../../src/modules/recommendations/report.pdf-render.js';
import type { PdfBlock } from '../../src/modules/recommendations/report.pdf.js';
import { tableBlock } from '../../src/modules/process-report/process-report.pdf.js';

/**
 * No single request may hold the server: every text path takes time in proportion to its
 * input, adversarial or not. Each path gets inputs built to hit a known worst case (20,000
 * headings alike made heading ids quadratic; a word repeated 90 times in a search over a text
 * dense in it took a minute), fed on a ladder of sizes up to the path's limit (1/64, 1/16, 1/4,
 * all of it). At each rung, measured in the same run so the checks hold on a slow or busy
 * machine:
 * - within FACTOR times an ordinary input of the full size, scaled to the rung (token-dense text
 *   such as 200,000 empty headings costs more per character than prose, but boundedly);
 * - within GROWTH times the rung below: linear work grows 4× a rung, quadratic 16×; and, where
 *   there is one, within GROWTH_TWO times the rung two below (16× the input: linear 16×,
 *   quadratic 256×). A rung must break both to count: one slow rung (a garbage collection at
 *   400,000 characters made one 11.7× the rung below in a full run, 4.6× alone) is not a trend.
 * The ladder stops at the first rung over either bound, so a quadratic path fails in about a
 * second at a small size instead of running for hours at the limit (a synchronous loop cannot
 * be interrupted by a test timeout).
 */

/**
 * How many times slower than ordinary text of the same size an adversarial input may be: a
 * bound on the constant, not the catch for superlinear work (GROWTH is). Token-dense text costs
 * markdown-it up to ~60× prose per character (200,000 empty headings against paragraphs), and
 * a busy machine adds its noise on top.
 */
const FACTOR = 250;
/** How much slower a rung may be than the one below it (4× the input): 4 if linear, 16 if quadratic. */
const GROWTH = 10;
/** How much slower a rung may be than the one two below it (16× the input): 16 if linear, 256 if quadratic. */
const GROWTH_TWO = 50;
/** Below this, timings are noise: budgets start from it. */
const FLOOR_MS = 50;
/** A rung below this fast is compared as if it took this long (a 10 ms rung is mostly noise). */
const GROWTH_FLOOR_MS = 25;
/** The sizes tried, as fractions of the limit, smallest first. */
const LADDER = [1 / 64, 1 / 16, 1 / 4, 1];

/** The fastest of two runs, in ms (the less disturbed by other work on the machine). */
async function fastest(run: () => unknown): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const start = performance.now();
    await run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** Check runs on inputs of one fixed size (the indexed texts) against the ordinary run only. */
async function expectWithin(ordinary: () => unknown, runs: Record<string, () => unknown>): Promise<void> {
  const base = Math.max(FLOOR_MS, await fastest(ordinary));
  const over: string[] = [];
  for (const [name, run] of Object.entries(runs)) {
    const ms = await fastest(run);
    if (ms > FACTOR * base) over.push(`${name}: ${ms.toFixed(0)} ms, budget ${(FACTOR * base).toFixed(0)} ms (ordinary ${base.toFixed(0)} ms)`);
  }
  expect(over).toEqual([]);
}

/** An attack: given a size, the run to time. */
type Attack = (size: number) => () => unknown;

/**
 * Whether a rung is over its bounds: its time against the budget, and against the rung below.
 * Returns the complaint, or null.
 */
function complaint(where: string, ms: number, below: number, twoBelow: number, budget: number, base: number, size: number): string | null {
  if (ms > budget) return `${where}: ${ms.toFixed(0)} ms, budget ${budget.toFixed(0)} ms (ordinary text of ${size}: ${base.toFixed(0)} ms)`;
  const step = ms / Math.max(GROWTH_FLOOR_MS, below);
  const twoSteps = twoBelow ? ms / Math.max(GROWTH_FLOOR_MS, twoBelow) : Infinity;
  if (below && step > GROWTH && twoSteps > GROWTH_TWO) return `${where}: ${ms.toFixed(0)} ms, ${step.toFixed(1)}× the rung below${twoBelow ? `, ${twoSteps.toFixed(1)}× the rung two below` : ''}`;
  return null;
}

/** Times a rung over its bounds is measured again (with the rung below and the ordinary text) before it counts. */
const CONFIRM = 3;

/**
 * Climb each attack's ladder against the ordinary input's time; report every figure on failure.
 * A rung over its bounds is measured again, with what it is compared to, up to CONFIRM times:
 * on a shared machine a burst of other work can triple one timing (seen at a load average of
 * 17 on two cores), while a quadratic path is over on every try.
 */
async function expectProportional(size: number, ordinary: () => unknown, attacks: Record<string, Attack>): Promise<void> {
  const base = await fastest(ordinary);
  const over: string[] = [];
  for (const [name, attack] of Object.entries(attacks)) {
    let below = 0;
    let twoBelow = 0;
    let previous = 0;
    for (const fraction of LADDER) {
      const rung = Math.floor(size * fraction);
      const where = `${name} at ${rung} characters`;
      let ms = await fastest(attack(rung));
      let said = complaint(where, ms, below, twoBelow, Math.max(FLOOR_MS, FACTOR * base * fraction), base, size);
      for (let i = 0; said && i < CONFIRM; i++) {
        const again = Math.min(base, await fastest(ordinary));
        const belowAgain = previous ? Math.min(below, await fastest(attack(previous))) : 0;
        ms = Math.min(ms, await fastest(attack(rung)));
        said = complaint(where, ms, belowAgain, twoBelow, Math.max(FLOOR_MS, FACTOR * again * fraction), again, size);
      }
      if (said) {
        over.push(said);
        break;
      }
      twoBelow = below;
      below = ms;
      previous = rung;
    }
  }
  expect(over).toEqual([]);
}

const VOCABULARY = 'device label security update network firmware consumer privacy baseline vendor support lifetime password encryption report comment group meeting standard profile access patch vulnerability disclosure manufacturer assessment registry'.split(' ');

/** Ordinary prose of about `size` characters: headings, paragraphs and lists of varied words. */
function prose(size: number, seed = 1): string {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648) % VOCABULARY.length;
  const out: string[] = [];
  let length = 0;
  for (let n = 1; length < size; n++) {
    const words = Array.from({ length: 12 + (n % 20) }, () => VOCABULARY[next()]).join(' ');
    const block = n % 10 === 1 ? `## ${n}. ${words.slice(0, 40)}` : n % 7 === 0 ? `- ${words}` : `${words}.`;
    out.push(block);
    length += block.length + 2;
  }
  return out.join('\n\n').slice(0, size);
}

/** `unit` repeated to `size` characters. */
const fill = (unit: string, size: number) => unit.repeat(Math.floor(size / unit.length));

/** Markdown built to hit the parser's and our rules' worst cases, for a size. */
const MARKDOWN_ATTACKS: Record<string, (size: number) => string> = {
  'empty headings': (size) => fill('#\n', size),
  'headings alike': (size) => fill('# a\n', size),
  'headings that collide with suffixes': (size) => fill('# a\n# a-2\n# a-3\n', size),
  'deep quotes': (size) => `${'>'.repeat(size - 2)} a`,
  'open brackets': (size) => '['.repeat(size),
  'open emphasis': (size) => fill('*a', size),
  'open backticks': (size) => fill('`a', size),
  'nested lists': (size) => fill(Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- a`).join('\n') + '\n\n', size),
  'link references': (size) => fill('[a]: http://a.example\n', size / 2) + fill('[a] ', size / 2),
  'table rows': (size) => `|a|b|\n|-|-|\n${fill('|a|b|\n', size - 12)}`,
  'one long word': (size) => 'a'.repeat(size),
  'lines alike': (size) => fill('same line\n\n', size),
};

// Pure functions: the database engine changes nothing, so the PostgreSQL pass skips them.
describe.skipIf(!!process.env.DATABASE_URL)('text paths take time in proportion to their input', () => {
  const size = MAX_MARKDOWN;
  const ordinary = prose(size);
  const each = (f: (s: string) => unknown): Record<string, Attack> =>
    Object.fromEntries(
      Object.entries(MARKDOWN_ATTACKS).map(([name, make]) => [
        name,
        (n: number) => {
          const text = make(n);
          return () => f(text);
        },
      ]),
    );

  it('renders Markdown (with heading ids)', async () => {
    await expectProportional(size, () => renderMarkdown(ordinary), each(renderMarkdown));
  }, 120_000);

  it('splits a document into blocks and labels them', async () => {
    await expectProportional(size, () => splitBlocks(ordinary), each(splitBlocks));
  }, 120_000);

  it('takes the plain text a search indexes', async () => {
    await expectProportional(size, () => plainText(ordinary), each(plainText));
  }, 120_000);

  it('matches anchors between two versions, even when every block changed', async () => {
    const asOld = (markdown: string): OldBlock[] => splitBlocks(markdown).map((b, i) => ({ anchor: `p${i}`, kind: b.kind, source: b.source, plain: b.plain }));
    const before = asOld(ordinary);
    const after = splitBlocks(prose(size, 7));
    // Blocks of about ten characters: as many blocks as the size allows.
    const numbered = (word: string, n: number) => Array.from({ length: Math.floor(n / 10) }, (_, i) => `${word} ${i}`).join('\n\n');
    const pair = (oldText: string, newText: string) => {
      const o = asOld(oldText);
      const n = splitBlocks(newText);
      return () => matchAnchors(o, n, new Set());
    };
    await expectProportional(size, () => matchAnchors(before, after, new Set()), {
      'every block rewritten': (n) => pair(numbered('old', n), numbered('new', n)),
      'identical lines reordered': (n) => pair(fill('same line\n\n', n), fill('same line\n\n', n).split('\n\n').reverse().join('\n\n')),
      'one word added to every block': (n) => pair(numbered('old', n), numbered('old changed', n)),
    });
  }, 120_000);

  it('diffs two versions word by word', async () => {
    const edited = ordinary.replace(/security/g, 'safety');
    await expectProportional(size, () => diffWords(ordinary, edited), {
      'alternating words swapped': (n) => () => diffWords(fill('a b ', n), fill('b a ', n)),
      'one word against another repeated': (n) => () => diffWords(fill('x ', n), fill('y x ', n)),
      'nothing in common': (n) => () => diffWords(fill('x ', n), fill('y ', n)),
    });
  }, 120_000);
});

/** The longest name a person or organisation may give. */
const MAX_NAME = 200;
/** The longest progress report on an action or pledge. */
const MAX_REPORT = REPORT_LIMITS.body;
/**
 * How many cells at their field's limit an export ladder climbs to. An export has no limit of
 * its own (a period may take 100,000 comments); its cells do. Cells grow to their limit across
 * the ladder, then their number grows: a writer that rescans all it wrote for every cell fails.
 * Quadratic work inside one cell stops at the cell's limit: a few milliseconds a cell at 10,000
 * characters, which only the budget against ordinary cells can weigh.
 */
const CELLS = 100;
/** The least cell text an export ladder climbs to, for fields with short limits (names). */
const EXPORT_SIZE = 100_000;

/** `size` characters of cells of `unit` repeated, each `size / CELLS` long up to `limit`, then more of them. */
const cellsOf = (unit: string, limit: number, size: number): string[] => {
  const length = Math.max(unit.length, Math.min(limit, Math.ceil(size / CELLS)));
  return Array<string>(Math.floor(size / length)).fill(fill(unit, length));
};

/** Cells that spreadsheets would run as formulas, each guarded by the writers. */
const FORMULAS = ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("x")'];

/**
 * Cell texts built to hit an export writer's worst cases, for a size, each cell within
 * `limit` characters (its field's): every character a quote to double or a line break to
 * quote, a formula guard on a long cell, cells as short as they come; for JSON, characters it
 * escapes.
 */
const cellAttacks = (limit: number, json = false): Record<string, (size: number) => string[]> => ({
  'quotes, commas and line breaks': (size) => cellsOf('",\r\n', limit, size),
  'one long run of one character': (size) => cellsOf('a', limit, size),
  'many short cells, each a formula': (size) => Array.from({ length: Math.floor(size / 5) }, (_, i) => FORMULAS[i % FORMULAS.length]!),
  ...(json
    ? { 'characters JSON escapes': (size: number) => cellsOf('\\"\u0001\u2028\ud800', limit, size) }
    : { 'a formula guard on long cells': (size: number) => cellsOf('=-"', limit, size) }),
});

/** Ordinary cells: prose in pieces of 50 characters (names, titles, short comments). */
const ordinaryCells = (size: number) => prose(size).match(/[^]{1,50}/g) ?? [];

/** Records made from cells, each taking as many as it has text fields, in turn. */
function pack<R>(cells: readonly string[], make: (next: () => string) => R): R[] {
  let i = 0;
  const next = () => cells[i++] ?? '';
  const out: R[] = [];
  while (i < cells.length) out.push(make(next));
  return out;
}

// Pure functions again: the exports' writers, and the PDF renderer.
describe.skipIf(!!process.env.DATABASE_URL)('exports take time in proportion to their input', () => {
  /** Ladder the writer over every cell attack, against ordinary cells of the full size. */
  const climb = (limit: number, writer: (cells: string[]) => () => unknown, json = false) => {
    const size = Math.max(EXPORT_SIZE, CELLS * limit);
    return expectProportional(
      size,
      writer(ordinaryCells(size)),
      Object.fromEntries(Object.entries(cellAttacks(limit, json)).map(([name, make]) => [name, (n: number) => writer(make(n))])),
    );
  };
  /** Run a writer over every record, adding up what it wrote (so nothing is skipped). */
  const everyRecord =
    <R,>(records: R[], write: (r: R) => string) =>
    () => {
      let n = 0;
      for (const r of records) n += write(r).length;
      return n;
    };

  it('writes the comments CSV (comments.csv)', async () => {
    await climb(MAX_COMMENT_CHARS, (cells) =>
      everyRecord(
        pack<CommentRecord>(cells, (next) => ({
          id: 'c',
          receipt: 'r',
          date: '2026-01-01T00:00:00.000Z',
          document: 'report',
          version: 1,
          paragraph: next(),
          anchor: 'p1',
          name: next(),
          organisation: next(),
          stakeholderGroup: 'industry',
          language: 'en',
          text: next(),
          status: 'visible',
          hiddenReason: next(),
          hiddenAt: '',
          duplicateGroup: 'g',
          duplicateGroupSize: 1,
          response: next(),
          staffRole: 'administrator',
          channel: 'bulk',
          receivedAt: '2026-01-02T00:00:00.000Z',
          campaign: '',
        })),
        csvRow,
      ),
    );
  }, 120_000);

  it('writes the report of responses as CSV (report.csv)', async () => {
    await climb(MAX_RATIONALE, (cells) =>
      everyRecord(
        pack<ReportRecord>(cells, (next) => ({
          id: 'c',
          receipt: 'r',
          document: 'report',
          documentLang: 'en',
          anchor: 'p1',
          paragraph: next(),
          groupId: 'g',
          groupSize: 1,
          displayName: next(),
          organisation: next(),
          lang: 'en',
          text: next(),
          status: 'visible',
          hiddenReason: next(),
          hiddenAt: null,
          createdAt: '2026-01-01T00:00:00.000Z',
          response: { scope: 'comment', outcome: 'accepted', rationale: next(), lang: 'en', decidedAt: '2026-01-02T00:00:00.000Z', changed: { version: 2, anchor: next(), url: 'https://example.org/x' } },
          staffRole: 'convener',
        })),
        csvRecord,
      ),
    );
  }, 120_000);

  it('writes the tracker CSV (tracker.csv)', async () => {
    const report = (next: () => string) => [{ reported_at: new Date(0), body: next(), reason: next(), evidence_urls: [next(), next()] }];
    await climb(MAX_REPORT, (cells) => {
      const actions = pack(cells, (next) => ({ id: 'a', title_en: next(), title_fr: next(), owner_name: next(), due_on: '2026-01-01', status: 'on_track', overdue: false, reports: report(next) }));
      const pledges = pack(cells, (next) => ({ id: 'p', lang: 'en', text: next(), organisation_name: next(), due_on: null, status: 'done', overdue: true, reports: report(next) }));
      // Only what trackerCsv reads: ten recommendations sharing the actions and pledges.
      const sections = Array.from({ length: 10 }, (_, i) => ({
        recommendation: { number: String(i + 1), title_en: cells[i] ?? '' },
        actions: actions.filter((_, j) => j % 10 === i),
        pledges: pledges.filter((_, j) => j % 10 === i),
      }));
      const tracker = { sections } as unknown as Tracker;
      return () => trackerCsv(tracker).length;
    });
  }, 120_000);

  it('writes the participants CSV (participants.csv)', async () => {
    await climb(MAX_NAME, (cells) => {
      const members = pack(cells, (next) => ({ user_id: next(), name: next(), organisation_name: next(), stakeholder_name_en: next(), stakeholder_name_fr: next(), joined_at: new Date(0) }) as MemberRow);
      const slugs = new Map(members.map((m) => [m.user_id, ['wg-1', 'wg-2']]));
      return () => participantsCsv(members, slugs).length;
    });
  }, 120_000);

  it('writes the Popolo JSON (popolo.json)', async () => {
    await climb(MAX_NAME, (cells) => {
      const members = pack(cells, (next) => ({ user_id: next(), name: next(), organisation_id: 'o', stakeholder_name_en: next(), joined_at: new Date(0) }) as MemberRow);
      const organisations = pack(cells, (next) => ({ id: next(), name: next(), sector: 'academia', website: null, country: 'CA', province: null }) as Organisation);
      const groups = [{ id: 'g', slug: 'wg', name_en: 'Group', name_fr: 'Groupe', memberIds: members.map((m) => m.user_id) }];
      const input = { process: { id: 'p', slug: 'p', title_en: 'P', title_fr: 'P' }, members, organisations, groups, baseUrl: 'https://example.org' };
      return () => JSON.stringify(toPopolo(input)).length;
    }, true);
  }, 120_000);
});

/**
 * Long words of every kind PDFKit must break, for a size: PDFKit breaks a word wider than its
 * line in time quadratic in the word (a 25,000-character word took 22 s). A word is what no
 * line may end inside, not only letters: 'a ,a ,a' (no line may start with a comma), or text
 * joined by no-break spaces.
 */
const LONG_WORD_ATTACKS: Record<string, (size: number) => string> = {
  'one long word': (size) => 'a'.repeat(size),
  'a long word in a heading': (size) => `# ${'a'.repeat(size - 2)}`,
  'a long word in a table cell': (size) => `|a|b|\n|-|-|\n|${'x'.repeat(size - 16)}|b|`,
  'a long text with no place to break': (size) => fill('a ,', size),
  'words joined by no-break spaces': (size) => fill('a\u00a0', size),
  'a long line of code': (size) => `\`\`\`\n${'a'.repeat(size - 8)}\n\`\`\``,
  'a long inline code': (size) => `\`${'a'.repeat(size - 2)}\``,
};

/** Markdown dense in what PDFKit lays out one by one: table cells, headings, list items, styled runs. */
const DENSE_PDF_ATTACKS: Record<string, (size: number) => string> = {
  'table rows': MARKDOWN_ATTACKS['table rows']!,
  'headings, list items and nested emphasis': (size) => fill('# a\n## b\n- ***a** _b_ `c`*\n- a\n\n***a** _b_ `c`* *a*a*a\n\n', size),
};

describe.skipIf(!!process.env.DATABASE_URL)('PDF reports take time in proportion to their text', () => {
  const pdf = (blocks: () => PdfBlock[]) => async () => {
    const doc = createPdf({ title: 'Bounds', lang: 'en' });
    renderPdfBlocks(doc, blocks());
    return (await pdfBuffer(doc)).length;
  };
  const fromMarkdown = (make: (size: number) => string) => (n: number) => {
    const text = make(n);
    return pdf(() => markdownToPdfBlocks(text));
  };

  it('breaks long words of every kind (final report)', async () => {
    // A recommendation's longest text; the final report renders each document block the same way.
    const ordinary = prose(MAX_TEXT);
    await expectProportional(
      MAX_TEXT,
      pdf(() => markdownToPdfBlocks(ordinary)),
      Object.fromEntries(Object.entries(LONG_WORD_ATTACKS).map(([name, make]) => [name, fromMarkdown(make)])),
    );
  }, 240_000);

  it('lays out tables, headings, lists and emphasis (final report, process report)', async () => {
    // A quarter of a recommendation's longest text: PDFKit lays a table out at about 0.5 ms a
    // row, linearly (measured to 16,000 rows), so 3,300 rows would cost seconds a run.
    const size = MAX_TEXT / 4;
    const ordinary = prose(size);
    await expectProportional(size, pdf(() => markdownToPdfBlocks(ordinary)), {
      ...Object.fromEntries(Object.entries(DENSE_PDF_ATTACKS).map(([name, make]) => [name, fromMarkdown(make)])),
      // The process report's tables: a meeting's title of 200 characters a row.
      'a process report table of long titles': (n: number) => {
        const rows = [['Date', 'State', 'Attendees', 'Meeting'], ...cellsOf('",\u00a0a', 200, n).map((title) => ['2026-01-01', 'held', '12', title])];
        return pdf(() => [tableBlock(rows)]);
      },
    });
  }, 240_000);
});

describe('exports through HTTP stay bounded at the limits of their cells', () => {
  let t: TestApp;
  const COMMENTS = 20;
  const periods = { ordinary: '', adversarial: '' };
  beforeAll(async () => {
    t = await testApp();
    const admin = await adminActor(t.db);
    const { process } = await makeProcess(t.db, admin, 'export-bounds');
    for (const kind of ['ordinary', 'adversarial'] as const) {
      await makeDocument(t.db, admin, process.id, { slug: kind, markdown: '# Labels\n\nLabels should be clear.\n' });
      periods[kind] = (await makeCommentPeriod(t.db, admin, process.id, { document: kind })).id;
      for (let i = 0; i < COMMENTS; i++) {
        const text = kind === 'ordinary' ? prose(MAX_COMMENT_CHARS, i + 1) : `=${i}${fill('",\r\n', MAX_COMMENT_CHARS - 8)}`;
        await makeComment(t.db, periods[kind], { text, displayName: kind === 'ordinary' ? `Commenter ${i}` : `@${fill('"', 100)}${i}`, organisation: kind === 'ordinary' ? 'Acme' : `+${fill(',', 150)}` });
      }
    }
  }, 240_000);
  afterAll(async () => t?.close());

  const get = (kind: keyof typeof periods, file: string) => async () => {
    const res = await t.app.inject({ url: `/en/processes/export-bounds/comment-periods/${periods[kind]}/${file}` });
    if (res.statusCode !== 200) throw new Error(`${file}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    return res.body.length;
  };

  it('sends comments at their length limit, full of quotes, commas and line breaks, as fast as ordinary ones within a budget', async () => {
    // The adversarial comments did reach the export whole, guarded and quoted.
    const csv = (await t.app.inject({ url: `/en/processes/export-bounds/comment-periods/${periods.adversarial}/comments.csv` })).body;
    expect(csv).toContain(`"'=0""`);
    await expectWithin(get('ordinary', 'comments.csv'), {
      'comments.csv': get('adversarial', 'comments.csv'),
      'comments.json': get('adversarial', 'comments.json'),
      'report.csv': get('adversarial', 'report.csv'),
      'report.json': get('adversarial', 'report.json'),
    });
  }, 120_000);
});

describe('search stays bounded whatever is indexed and asked', () => {
  let t: TestApp;
  let processId: string;
  beforeAll(async () => {
    t = await testApp();
    processId = (await makeProcess(t.db, await adminActor(t.db), 'bounds')).process.id;
    // A page of results on each side: ordinary prose, and texts dense in one short word.
    for (let i = 0; i < 20; i++) {
      await indexForSearch(t.db, { kind: 'document', refId: newId(), processId, lang: 'en', subkind: 'report', title: `Ordinary ${i}`, body: prose(MAX_BODY, i + 1), path: `/o/${i}` });
      await indexForSearch(t.db, { kind: 'document', refId: newId(), processId, lang: 'en', subkind: 'report', title: `Dense ${i}`, body: fill('zq ', MAX_BODY), path: `/d/${i}` });
    }
  }, 240_000);
  afterAll(async () => t?.close());

  const search = async (q: string) => {
    const res = await t.app.inject({ url: `/api/v1/search?${new URLSearchParams({ q })}` });
    if (res.statusCode !== 200 && res.statusCode !== 400) throw new Error(`${res.statusCode} ${res.body}`);
  };

  it('answers a query that repeats a dense word as fast, within a budget, as an ordinary one', async () => {
    const repeated = Array(Math.floor(MAX_QUERY / 3)).fill('zq').join(' ');
    await expectWithin(() => search('device label'), {
      'one dense word repeated to the length limit': () => search(repeated),
      'a phrase of the dense word at the word limit': () => search(`"${Array(MAX_TERMS).fill('zq').join(' ')}"`),
      'the dense word or itself': () => search(Array(30).fill('zq').join(' or ')),
      'the dense word with its prefixes': () => search('zq zq:* zq zq:*'),
    });
  }, 240_000);

  it('holds one client to SEARCH_PER_MINUTE searches a minute, page and API, then says when to come back', async () => {
    const limited = await testApp({ searchPerMinute: 3 });
    try {
      for (const url of ['/api/v1/search?q=label', '/en/search?q=label']) {
        for (let i = 0; i < 3; i++) expect((await limited.app.inject({ url })).statusCode).toBe(200);
        const res = await limited.app.inject({ url });
        expect(res.statusCode).toBe(429);
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        expect(res.body).toMatch(/Try again in \d+ seconds/);
      }
      // Another address is not held back by the first one's searches.
      expect((await limited.app.inject({ url: '/api/v1/search?q=label', remoteAddress: '192.0.2.7' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('refuses more words than a search may name, saying how many', async () => {
    const res = await t.app.inject({ url: `/api/v1/search?${new URLSearchParams({ q: Array.from({ length: MAX_TERMS + 1 }, (_, i) => `w${i}`).join(' ') })}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain(`at most ${MAX_TERMS} words`);
    const fr = await t.app.inject({ url: `/api/v1/search?${new URLSearchParams({ q: Array.from({ length: MAX_TERMS + 1 }, (_, i) => `w${i}`).join(' '), lang: 'fr' })}` });
    expect(fr.json().detail).toContain(`au plus ${MAX_TERMS} mots`);
  });
});
