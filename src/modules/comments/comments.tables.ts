import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Timestamp } from '../../platform/db/columns.js';


/** How a comment arrived (0028). */
export type CommentChannel = 'web' | 'api' | 'bulk';
export type CommentAudience = 'confirmed' | 'members';
export type HiddenReason = 'spam' | 'abuse' | 'off_topic' | 'personal_information' | 'not_consented';
export type DispositionOutcome = 'accepted' | 'partly_accepted' | 'not_accepted' | 'noted' | 'out_of_scope';

export interface CommentPeriodsTable {
  id: string;
  process_id: string;
  opens_at: Timestamp;
  closes_at: Timestamp;
  time_zone: string;
  instructions_en: string;
  instructions_fr: string;
  audience: CommentAudience;
  comment_count: Generated<number>;
  disposed_count: Generated<number>;
  /** Comments hidden by moderators now (kept by moderation). */
  hidden_count: Generated<number>;
  /** Distinct texts: duplicate groups holding at least one comment (kept by submission). */
  text_count: Generated<number>;
  /** Distinct texts the last campaign detection folded under a representative (0032). */
  folded_texts: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** The version of each document (one, or each translation) a period asks about. */
export interface CommentPeriodDocumentsTable {
  period_id: string;
  document_id: string;
  version_id: string;
}

/** Exact duplicates of one text within a period. */
export interface CommentGroupsTable {
  id: string;
  period_id: string;
  /** The group's key: `groupKey()` of the text's hash, the document and the paragraph. */
  body_hash: string;
  primary_comment_id: string | null;
  size: Generated<number>;
  /** The campaign the last detection put the group in (0032), or null. */
  campaign_id: Generated<string | null>;
  /** In a campaign and not its representative: its listed comment is folded (0032). */
  folded: Generated<boolean>;
}

export interface CommentsTable {
  id: string;
  period_id: string;
  document_id: string;
  version_id: string;
  anchor: string | null;
  author_id: string | null;
  display_name: string;
  organisation: string | null;
  stakeholder_group_id: string | null;
  lang: 'en' | 'fr';
  body: string;
  body_hash: string;
  group_id: string;
  listed: boolean;
  /** Listed, but shown under its campaign's representative instead of on its own (0032). */
  folded: Generated<boolean>;
  file_id: string | null;
  receipt: string;
  idempotency_key: string | null;
  /** Bulk imports (0027): the row's idempotency key, unique in its period; null for comments sent one at a time. */
  import_key: ColumnType<string | null, string | null | undefined, never>;
  /** The import and the file's line the comment came from (its channel); null when sent one at a time. */
  import_id: ColumnType<string | null, string | null | undefined, never>;
  import_line: ColumnType<number | null, number | null | undefined, never>;
  /** How it arrived (0028): the HTML form, the single-comment API or an import. */
  channel: ColumnType<CommentChannel, CommentChannel | undefined, never>;
  /** When Concord received it (0028); null for comments written before then (their created_at was their arrival). */
  received_at: ColumnType<Date | null, Date | string | null | undefined, never>;
  /** The sender's email domain, lower case (0028); null when unknown. Never shown to the public. */
  sender_domain: ColumnType<string | null, string | null | undefined, never>;
  /** A keyed hash (HMAC) of the sender's normalised email (0028), never the email; null when unknown. */
  sender_hash: ColumnType<string | null, string | null | undefined, never>;
  status: ColumnType<'visible' | 'hidden', 'visible' | 'hidden' | undefined, 'visible' | 'hidden'>;
  hidden_reason: HiddenReason | null;
  hidden_note: string | null;
  hidden_by: string | null;
  hidden_at: Timestamp | null;
  created_at: CreatedAt;
}

/** Comments per paragraph ('' for general comments), kept as they arrive. */
export interface CommentAnchorCountsTable {
  period_id: string;
  document_id: string;
  anchor: string;
  count: Generated<number>;
  /** Of those, hidden by moderators now (kept by moderation; 0014): they await no response. */
  hidden: Generated<number>;
}

export interface CommentDispositionsTable {
  id: string;
  period_id: string;
  comment_id: string | null;
  group_id: string | null;
  outcome: DispositionOutcome;
  rationale: string;
  lang: 'en' | 'fr';
  version_id: string | null;
  anchor: string | null;
  decided_by: string | null;
  decided_at: CreatedAt;
  updated_at: Timestamp;
}

/** Comments covered by a response, per paragraph ('' for general) and outcome; kept by dispositions. */
export interface CommentOutcomeCountsTable {
  period_id: string;
  document_id: string;
  anchor: string;
  outcome: DispositionOutcome;
  count: Generated<number>;
}

export interface CommentReportsTable {
  id: string;
  comment_id: string;
  reporter_id: string | null;
  statement: string;
  status: ColumnType<'open' | 'upheld' | 'dismissed', 'open' | 'upheld' | 'dismissed' | undefined, 'open' | 'upheld' | 'dismissed'>;
  resolution: string | null;
  handled_by: string | null;
  handled_at: Timestamp | null;
  created_at: CreatedAt;
}

/** A bulk import of comments from a file (0027): who, when, and what became of its rows. */
export interface CommentImportsTable {
  id: string;
  period_id: string;
  file_name: string;
  actor_id: string | null;
  started_at: CreatedAt;
  finished_at: Timestamp | null;
  rows_read: Generated<number>;
  rows_added: Generated<number>;
  rows_skipped: Generated<number>;
  rows_refused: Generated<number>;
  /** queued (its file stored, its job waiting), running, done or failed. */
  status: ColumnType<CommentImportStatus, CommentImportStatus | undefined, CommentImportStatus>;
  format: ColumnType<'csv' | 'jsonl', 'csv' | 'jsonl' | undefined, 'csv' | 'jsonl'>;
  /** How the file came: the CLI, the web page or the bulk API. */
  channel: ColumnType<'cli' | 'web' | 'api', 'cli' | 'web' | 'api' | undefined, 'cli' | 'web' | 'api'>;
  /** The file's rows, once its first reading counted them. */
  rows_total: number | null;
  bytes_total: ColumnType<string | null, number | null | undefined, number | null>;
  /** The stored file, until its job is done with it. */
  file_path: string | null;
  /** Why it failed: an i18n key and its parameters. */
  error_key: string | null;
  error_params: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
}

/** Where an import stands. */
export type CommentImportStatus = 'queued' | 'running' | 'done' | 'failed';

/** A row an import refused: its line, its key, and why (an i18n key and its parameters). */
export interface CommentImportRefusalsTable {
  import_id: string;
  line: number;
  import_key: string;
  reason_key: string;
  reason_params: ColumnType<Record<string, unknown>, string, string>;
}

/** One chunk of an import, landed in one transaction with its audit batch event. */
export interface CommentImportBatchesTable {
  import_id: string;
  chunk: number;
  first_line: number;
  last_line: number;
  rows_added: number;
  rows_skipped: number;
  rows_refused: number;
  audit_chain: string | null;
  audit_seq: string | null;
  batch_root: string | null;
  created_at: CreatedAt;
}

/** The unlogged staging table a chunk is copied into (emptied in the same transaction). */
export interface CommentImportRowsTable {
  import_id: string;
  line: number;
  id: string;
  document_id: string;
  version_id: string;
  anchor: string | null;
  display_name: string;
  organisation: string | null;
  stakeholder_group_id: string | null;
  lang: 'en' | 'fr';
  body: string;
  body_hash: string;
  group_key: string;
  group_id: string;
  receipt: string;
  import_key: string;
  created_at: Timestamp;
  /** The row's email as domain and keyed hash (0028). */
  sender_domain: string | null;
  sender_hash: string | null;
}

/**
 * One comment sent one at a time, not yet folded into the counters (0031): the request path
 * inserts a row here instead of updating the period's and the group's rows, the
 * `comments.fold-counters` job folds them, and readers add the pending ones.
 */
export interface CommentCountDeltasTable {
  period_id: string;
  document_id: string;
  /** '' for a general comment. */
  anchor: string;
  group_id: string;
  /** The comment created its group: counts a distinct text, and nothing more on the group's size. */
  new_text: boolean;
}

/** A comment that joined a group already answered, not yet folded into disposed_count and the outcome counts (0031; written by the 0010 trigger). */
export interface CommentDisposedDeltasTable {
  period_id: string;
  document_id: string;
  anchor: string;
  outcome: DispositionOutcome;
}

/** The comments module's tables, added to the database's type (see platform/db/schema.ts). */
declare module '../../platform/db/schema.js' {
  interface DB {
    comment_periods: CommentPeriodsTable;
    comment_period_documents: CommentPeriodDocumentsTable;
    comment_groups: CommentGroupsTable;
    comments: CommentsTable;
    comment_anchor_counts: CommentAnchorCountsTable;
    comment_dispositions: CommentDispositionsTable;
    comment_outcome_counts: CommentOutcomeCountsTable;
    comment_reports: CommentReportsTable;
    comment_imports: CommentImportsTable;
    comment_import_batches: CommentImportBatchesTable;
    comment_import_rows: CommentImportRowsTable;
    comment_count_deltas: CommentCountDeltasTable;
    comment_disposed_deltas: CommentDisposedDeltasTable;
    comment_import_refusals: CommentImportRefusalsTable;
  }
}
