import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Timestamp } from '../../platform/db/columns.js';


export type DocumentKind = 'report' | 'charter' | 'minutes' | 'input' | 'baseline' | 'guidance' | 'other';
export type DocumentStatus = 'draft' | 'public_comment' | 'final' | 'superseded';
export type BlockKind = 'heading' | 'paragraph' | 'list_item' | 'table' | 'quote' | 'code' | 'rule';
export type BlockChange = 'same' | 'edited' | 'new' | 'moved';

/** A document of a process (group_id null) or of one working group. */
export interface DocumentsTable {
  id: string;
  process_id: string;
  group_id: string | null;
  slug: string;
  kind: DocumentKind;
  lang: 'en' | 'fr';
  title: string;
  status: ColumnType<DocumentStatus, DocumentStatus | undefined, DocumentStatus>;
  members_only: ColumnType<boolean, boolean | undefined, boolean>;
  /** Shared by the translations of one text (the first one's id). */
  translation_key: string;
  current_version_id: string | null;
  version_count: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** One saved version; never changed once written. */
export interface DocumentVersionsTable {
  id: string;
  document_id: string;
  number: number;
  title: string;
  markdown: string;
  message: string;
  author_id: string | null;
  created_at: CreatedAt;
}

/** A paragraph, heading, list item, table… of one version, with its stable anchor. */
export interface DocumentBlocksTable {
  version_id: string;
  document_id: string;
  position: number;
  anchor: string;
  kind: BlockKind;
  level: number | null;
  label: string;
  source: string;
  html: string;
  plain: string;
  change: BlockChange;
}

/** Where an anchor went in the version that dropped it. */
export interface DocumentAnchorFatesTable {
  document_id: string;
  anchor: string;
  removed_in: number;
  successor_anchor: string | null;
}

/** The documents module's tables, added to the database's type (see platform/db/schema.ts). */
declare module '../../platform/db/schema.js' {
  interface DB {
    documents: DocumentsTable;
    document_versions: DocumentVersionsTable;
    document_blocks: DocumentBlocksTable;
    document_anchor_fates: DocumentAnchorFatesTable;
  }
}
