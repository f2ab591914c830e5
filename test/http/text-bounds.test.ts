import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { adminActor, makeProcess } from '../helpers/factories.js';
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
