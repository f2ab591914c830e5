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
  /** Computed on write by search.index.ts; read only by the search repository. */
  tsv: string;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** The search module's tables, added to the database's type (see platform/db/schema.ts). */
declare module '../../platform/db/schema.js' {
  interface DB {
    search_entries: SearchEntriesTable;
  }
}
