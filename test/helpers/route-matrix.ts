import { fileURLToPath } from 'node:url';
import { PROCESS_ROLES } from '../../src/platform/auth/roles.js';

/**
 * The reviewed route-permission matrix: who may use each route, written independently of the
 * policy table so that a wrong table entry, or a route naming too weak a policy, shows up as a
 * difference between this file and what the routes answer.
 */
export const MATRIX_FILE = fileURLToPath(new URL('../http/route-permissions.txt', import.meta.url));

/**
 * The personas of the route walk, in the matrix's order: the process roles, then an owner of
 * the walk's organisation (`org_owner`) and a holder of an installation role (`registrar`).
 */
export const PERSONA_NAMES: readonly string[] = ['anonymous', 'account', ...PROCESS_ROLES, 'org_owner', 'registrar', 'admin'];

/** `METHOD url` (pages under /en and /fr folded into one /:lang line) → personas allowed, in persona order. */
export type Matrix = Map<string, string[]>;

/** Fold the two language prefixes of a page into one line: both must answer alike. */
export function foldLang(url: string): string {
  return url.replace(/^\/(en|fr)(?=\/|$)/, '/:lang');
}

/** Build the matrix from the walk's observations (`METHOD url` → persona names allowed). */
export function matrixOf(observed: Map<string, Set<string>>, personas: readonly string[]): Matrix {
  const byLine = new Map<string, Set<string>[]>();
  for (const [key, allowed] of observed) {
    const [method, url] = key.split(' ') as [string, string];
    const line = `${method} ${foldLang(url)}`;
    byLine.set(line, [...(byLine.get(line) ?? []), allowed]);
  }
  const m: Matrix = new Map();
  for (const [line, sets] of byLine) {
    const lists = sets.map((s) => personas.filter((p) => s.has(p)).join(' '));
    // /en and /fr answering differently is itself a finding: keep both on the line so it cannot match.
    m.set(line, new Set(lists).size === 1 ? personas.filter((p) => sets[0]!.has(p)) : [`en≠fr: ${lists.join(' | ')}`]);
  }
  return m;
}

/** The shorthand a reviewer reads: everyone, every account, or the names. */
function describeAllowed(allowed: string[], personas: readonly string[]): string {
  if (allowed.length === personas.length) return 'everyone';
  if (allowed.length === personas.length - 1 && !allowed.includes('anonymous')) return 'accounts';
  if (allowed.length === 0) return 'nobody';
  return allowed.join(' ');
}

function expandAllowed(words: string[], personas: readonly string[], lineNo: number): string[] {
  if (words.length === 1 && words[0] === 'everyone') return [...personas];
  if (words.length === 1 && words[0] === 'accounts') return personas.filter((p) => p !== 'anonymous');
  if (words.length === 1 && words[0] === 'nobody') return [];
  for (const w of words) if (!personas.includes(w)) throw new Error(`route-permissions.txt line ${lineNo}: unknown persona "${w}"`);
  return personas.filter((p) => words.includes(p));
}

const HEADER = `# Who may use each route: checked by test/http/route-policies.test.ts against the real answers
# (allowed = anything but 401, 403 or a redirect to sign in; a 404 or 400 still got past the policy).
# Written for review, independently of src/auth/policies.ts: a route added or a permission changed
# fails the test until this file changes in the same diff. Regenerate with
#   UPDATE_ROUTE_MATRIX=1 npx vitest run test/http/route-policies.test.ts
# and read the diff line by line.
#
# Personas: anonymous; account (signed in, confirmed, no role); a role in the route's process:
# ${PROCESS_ROLES.join(', ')} (chair also chairs the route's group when the URL names one);
# org_owner (owns the organisation a URL's :orgId names, no other role); registrar (an installation
# role, no other role); admin.
# Shorthands: everyone = all personas; accounts = everyone signed in; nobody.
# /:lang lines stand for the same page under /en and /fr.
`;

/** Write the matrix as the checked-in file: sorted by URL then method, columns aligned. */
export function formatMatrix(m: Matrix, personas: readonly string[]): string {
  const rows = [...m].map(([line, allowed]) => {
    const [method, url] = line.split(' ') as [string, string];
    return { method, url, who: allowed[0]?.startsWith('en≠fr') ? allowed[0] : describeAllowed(allowed, personas) };
  });
  rows.sort((a, b) => (a.url === b.url ? a.method.localeCompare(b.method) : a.url < b.url ? -1 : 1));
  const width = Math.max(...rows.map((r) => r.url.length));
  return HEADER + rows.map((r) => `${r.method.padEnd(7)}${r.url.padEnd(width)}  ${r.who}`).join('\n') + '\n';
}

/** Read the checked-in file back into a matrix; comments and blank lines are skipped. */
export function parseMatrix(text: string, personas: readonly string[]): Matrix {
  const m: Matrix = new Map();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [method, url, ...who] = line.split(/\s+/) as [string, string, ...string[]];
    if (!who.length) throw new Error(`route-permissions.txt line ${i + 1}: say who may use ${method} ${url} (or "nobody")`);
    m.set(`${method} ${url}`, expandAllowed(who, personas, i + 1));
  });
  return m;
}

/** Every line that differs, in words a reviewer can act on. */
export function diffMatrices(expected: Matrix, actual: Matrix): string[] {
  const out: string[] = [];
  for (const [line, allowed] of actual) {
    const want = expected.get(line);
    if (!want) out.push(`${line}: not in route-permissions.txt (answers: ${allowed.join(' ') || 'nobody'})`);
    else if (want.join(' ') !== allowed.join(' ')) {
      const gained = allowed.filter((p) => !want.includes(p));
      const lost = want.filter((p) => !allowed.includes(p));
      out.push(`${line}: ${gained.length ? `also lets in ${gained.join(' ')}` : ''}${gained.length && lost.length ? '; ' : ''}${lost.length ? `now refuses ${lost.join(' ')}` : ''}`);
    }
  }
  for (const line of expected.keys()) if (!actual.has(line)) out.push(`${line}: in route-permissions.txt but no longer registered`);
  return out;
}
