import type { ColumnType } from 'kysely';

/** What a search entry stands for; the page and the API filter on it. */
export const SEARCH_KINDS = ['document', 'comment', 'meeting', 'participant'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** One searchable record; written by the module that owns the record. */
export interface SearchEntriesTable {
  id: string;
  kind: SearchKind;
  ref_id: string;
  process_id: string;
  lang: 'en' | 'fr' | null;
  subkind: string | null;
  /** A state shown beside the result ('cancelled' for a meeting); null for none. */
  status: string | null;
  title: string;
  body: string;
  path: string;
  members_only: ColumnType<boolean, boolean | undefined, boolean>;
  /** Entries sharing a key are copies of one text (a comment campaign): found once (0022). */
  group_key: ColumnType<string | null, string | null | undefined, string | null>;
  /** Computed on write by search.index.ts; read only by the search repository. */
  tsv: string;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** What a module tells the search index about one of its public records. */
export interface SearchEntryInput {
  kind: SearchKind;
  refId: string;
  processId: string;
  /** The text's language; null for names and other text in no particular language. */
  lang: 'en' | 'fr' | null;
  /** A document's kind, to filter by. */
  subkind?: string | null;
  /** A state shown beside the result: 'cancelled' (meeting), a document's status…; null for none. */
  status?: string | null;
  /** Plain text (no Markdown or HTML: the excerpt shows it as it is). */
  title: string;
  /** Plain text; Markdown can go through `plainText()` from search.text.ts first. */
  body: string;
  /** The page, without the language prefix. */
  path: string;
  membersOnly?: boolean;
  /** Records that are copies of one text (a comment's duplicate group) share a key, so a search shows them once. */
  groupKey?: string | null;
}

/** The search module's tables, added to the database's type (see platform/db/schema.ts). */
declare module '../../platform/db/schema.js' {
  interface DB {
    search_entries: SearchEntriesTable;
  }
}
