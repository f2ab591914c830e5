/**
 * What `npm run bench` measures. Add a benchmark by adding an entry to TARGETS (and, if it
 * needs a server the harness does not start yet, a case in servers/serve.ts and ServerName),
 * and a line to COMPARISONS when it has a goal relative to another target.
 */

/** The servers the harness can start, each in its own child process. */
export type ServerName = 'bare' | 'concord' | 'comments';

/** One measured URL. */
export interface Target {
  /** Short unique name, shown in the table and used in comparisons and BENCH_ONLY. */
  name: string;
  /** Path requested on the server. */
  path: string;
  server: ServerName;
  /** Extra request headers; a value may name a fact its server reported, in braces (`{cookie}`). */
  headers?: Record<string, string>;
  /** Concurrent connections for this target (default BENCH_CONNECTIONS). */
  connections?: number;
  /**
   * For a bare target: the target whose page it serves, byte for byte (default 'concord /en/').
   * A path may name a fact its server reported, in braces: `{first}` (see bench/servers/comments.ts).
   */
  sameBytesAs?: string;
}

/** A goal stated as a ratio of two targets' mean requests per second. */
export interface Comparison {
  name: string;
  numerator: string;
  denominator: string;
  /** The ratio must be at least this. */
  goal: number;
}

export const TARGETS: Target[] = [
  // The same bytes as Concord's home page, from a bare Fastify route: the ceiling for this
  // machine, Node and load generator.
  { name: 'bare route', path: '/', server: 'bare' },
  { name: 'concord /en/', path: '/en/', server: 'concord', headers: { 'accept-language': 'en' } },
  // A document with 100,000 comments in one period (BENCH_COMMENTS): its page with the margin
  // counts, and the first and last pages of its comment list, each against a bare route
  // serving the same bytes.
  { name: 'bare: document page', path: '/document', server: 'bare', sameBytesAs: 'comments: document page' },
  { name: 'comments: document page', path: '{document}', server: 'comments' },
  { name: 'bare: first page', path: '/first', server: 'bare', sameBytesAs: 'comments: first page' },
  { name: 'comments: first page', path: '{first}', server: 'comments' },
  { name: 'bare: last page', path: '/last', server: 'bare', sameBytesAs: 'comments: last page' },
  { name: 'comments: last page', path: '{last}', server: 'comments' },
  // The same two pages for a signed-in member, who is never served from the page cache: every
  // request renders. Ten members at once, each waiting for their page, as people do.
  { name: 'comments: document page, signed in', path: '{document}', server: 'comments', headers: { cookie: '{cookie}' }, connections: 10 },
  { name: 'comments: first page, signed in', path: '{first}', server: 'comments', headers: { cookie: '{cookie}' }, connections: 10 },
];

export const COMPARISONS: Comparison[] = [
  { name: 'Concord home / bare route', numerator: 'concord /en/', denominator: 'bare route', goal: 0.3 },
  { name: 'document page, 100k comments / bare', numerator: 'comments: document page', denominator: 'bare: document page', goal: 0.3 },
  { name: 'first comments page / bare', numerator: 'comments: first page', denominator: 'bare: first page', goal: 0.3 },
  { name: 'last comments page / bare', numerator: 'comments: last page', denominator: 'bare: last page', goal: 0.3 },
  // A signed-in page renders on every request (no page cache), so its goal is the frame issue's
  // 0.05 rather than the cached pages' 0.3 (docs/performance.md, "Signed-in pages").
  { name: 'document page, signed in / bare', numerator: 'comments: document page, signed in', denominator: 'bare: document page', goal: 0.05 },
  { name: 'first comments page, signed in / bare', numerator: 'comments: first page, signed in', denominator: 'bare: first page', goal: 0.05 },
];
