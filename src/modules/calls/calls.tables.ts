import type { CreatedAt, Timestamp } from '../../platform/db/columns.js';

/** A call for input on a process: open between two instants. */
export interface CallsTable {
  id: string;
  process_id: string;
  title_en: string;
  title_fr: string;
  description_en: string;
  description_fr: string;
  opens_at: Timestamp;
  closes_at: Timestamp;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** A report sent to a call; public once a moderator accepts it, never deleted. */
export interface CallSubmissionsTable {
  id: string;
  call_id: string;
  submitter_id: string | null;
  title: string;
  lang: 'en' | 'fr';
  organisation_id: string | null;
  organisation_name: string | null;
  body: string;
  file_id: string | null;
  status: 'pending' | 'accepted' | 'rejected';
  moderation_reason: string | null;
  moderated_by: string | null;
  moderated_at: Timestamp | null;
  created_at: CreatedAt;
}

/** The calls module's tables, added to the database's type (see platform/db/schema.ts). */
declare module '../../platform/db/schema.js' {
  interface DB {
    calls: CallsTable;
    call_submissions: CallSubmissionsTable;
  }
}
