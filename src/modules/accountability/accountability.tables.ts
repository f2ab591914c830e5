import type { ColumnType } from 'kysely';
import type { CreatedAt, Timestamp } from '../../platform/db/columns.js';

type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type ProgressStatus = 'not_started' | 'on_track' | 'at_risk' | 'late' | 'done' | 'dropped';

/** A date column (no time): read and written as 'YYYY-MM-DD'. */
type DateOnly = ColumnType<string, string, string>;

export interface ActionsTable {
  id: string;
  process_id: string;
  recommendation_id: string;
  title_en: string;
  title_fr: string;
  owner_organisation_id: string;
  contact_user_id: string | null;
  due_on: DateOnly;
  measure_en: string;
  measure_fr: string;
  /** Copied from the latest progress report. */
  status: Defaulted<ProgressStatus>;
  status_at: Defaulted<Date>;
  reminded_due_at: Timestamp | null;
  reminded_overdue_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface PledgesTable {
  id: string;
  process_id: string;
  recommendation_id: string;
  organisation_id: string;
  text: string;
  lang: 'en' | 'fr';
  due_on: DateOnly | null;
  status: Defaulted<ProgressStatus>;
  status_at: Defaulted<Date>;
  signed_by: string;
  /** The role the signer held for the organisation when signing (null before capacities were kept). */
  signed_as: ColumnType<string | null, string | null | undefined, string | null>;
  signed_at: CreatedAt;
}

/** An update on an action or a pledge; kept as written. */
export interface ProgressReportsTable {
  id: string;
  process_id: string;
  action_id: string | null;
  pledge_id: string | null;
  status: ProgressStatus;
  body: Defaulted<string>;
  reason: string | null;
  lang: 'en' | 'fr';
  evidence_urls: Defaulted<string[]>;
  author_id: string | null;
  /** The organisation the author wrote for, when they wrote as one of its people. */
  acting_organisation_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The capacity: an organisation role, or action_committee, convener, admin (null in older rows). */
  acting_as: ColumnType<string | null, string | null | undefined, string | null>;
  reported_at: CreatedAt;
}

/** The accountability module's tables, added to the database's type (see platform/db/schema.ts). */
declare module '../../platform/db/schema.js' {
  interface DB {
    actions: ActionsTable;
    pledges: PledgesTable;
    progress_reports: ProgressReportsTable;
  }
}
