import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/roles.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { listProcesses, processScope } from '../processes/index.js';
import type { Process } from '../processes/index.js';
import { canSee } from '../../platform/auth/policies.js';
import { searchRepository as repo } from './search.repository.js';
import { presentHit } from './search.presenter.js';
import { MAX_PAGE, MAX_QUERY, PAGE_SIZE, type SearchResultOut } from './search.schema.js';
import { MAX_TERMS, boundQuery } from './search.query.js';
import type { SearchKind } from './search.tables.js';

/** What a reader asks: words and filters. */
export interface SearchInput {
  q: string;
  process?: string | undefined;
  kind?: SearchKind | undefined;
  subkind?: string | undefined;
  lang?: 'en' | 'fr' | undefined;
  page: number;
}

/** A page of results and what the page needs around them. */
export interface SearchOutcome {
  items: SearchResultOut[];
  page: number;
  /** The next page's number; null on the last page and on page MAX_PAGE. */
  next: number | null;
  /** Every process, for the filter and for naming each result's process. */
  processes: Process[];
}

/**
 * The processes whose members-only entries a reader may see: those where they hold a role
 * (the policy's canSee), or all of them for an administrator.
 */
export function membersOnlyScope(actor: Actor | null): string[] | 'all' {
  if (!actor) return [];
  if (actor.isAdmin) return 'all';
  return [...actor.processRoles.keys()].filter((processId) => canSee(actor, { processId, membersOnly: true }));
}

/**
 * Search the site. The query is web search syntax (websearch_to_tsquery never fails on
 * syntax: quotes left open, a lone '-', emoji or stop words alone just find less). An empty
 * or over-long query is refused with a message; an unknown process filter is a 404.
 */
export async function searchSite(db: Kysely<DB>, actor: Actor | null, viewerLang: Lang, input: SearchInput): Promise<SearchOutcome> {
  // websearch_to_tsquery knows only straight quotes; French readers type « », others “ ”.
  const typed = input.q.trim().replace(/[«»“”„]/g, '"');
  if (!typed) throw new HttpProblem(400, 'search.errors.empty', {}, { q: 'search.errors.empty' });
  if (typed.length > MAX_QUERY) throw new HttpProblem(400, 'search.errors.tooLong', { max: MAX_QUERY }, { q: 'search.errors.tooLong' });
  const bounded = boundQuery(typed);
  if (!bounded.ok) throw new HttpProblem(400, 'search.errors.tooManyWords', { max: MAX_TERMS }, { q: 'search.errors.tooManyWords' });
  if (!Number.isInteger(input.page) || input.page < 1 || input.page > MAX_PAGE) throw new HttpProblem(400, 'search.errors.page', {}, { page: 'search.errors.page' });
  const processId = input.process ? (await processScope(db, input.process)).processId : undefined;
  const [rows, processes] = await Promise.all([
    repo.search(db, {
      q: bounded.q,
      highlight: bounded.highlight,
      processId,
      kind: input.kind,
      subkind: input.subkind,
      lang: input.lang,
      viewerLang,
      membersOf: membersOnlyScope(actor),
      limit: PAGE_SIZE + 1,
      offset: (input.page - 1) * PAGE_SIZE,
    }),
    listProcesses(db),
  ]);
  const byId = new Map(processes.map((p) => [p.id, p]));
  return {
    items: rows.slice(0, PAGE_SIZE).map((h) => presentHit(h, viewerLang, byId)),
    page: input.page,
    next: rows.length > PAGE_SIZE && input.page < MAX_PAGE ? input.page + 1 : null,
    processes,
  };
}
