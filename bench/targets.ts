/**
 * What `npm run bench` measures. Add a benchmark by adding an entry to TARGETS (and, if it
 * needs a server the harness does not start yet, a case in servers/serve.ts and ServerName),
 * and a line to COMPARISONS when it has a goal relative to another target.
 */

/** The servers the harness can start, each in its own child process. */
export type ServerName = 'bare' | 'concord';

/** One measured URL. */
export interface Target {
  /** Short unique name, shown in the table and used in comparisons and BENCH_ONLY. */
  name: string;
  /** Path requested on the server. */
  path: string;
  server: ServerName;
  /** Extra request headers (e.g. a session cookie for signed-in pages later). */
  headers?: Record<string, string>;
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
];

export const COMPARISONS: Comparison[] = [{ name: 'Concord home / bare route', numerator: 'concord /en/', denominator: 'bare route', goal: 0.3 }];
