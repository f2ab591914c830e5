import type { CreatedAt, Timestamp } from '../../platform/db/columns.js';


/** Something that happened in a process, for its feed and its followers. */
export interface ActivityTable {
  id: string;
  process_id: string;
  group_id: string | null;
  /** e.g. meeting.scheduled, meeting.minutes, meeting.recording, call.opened, group.announcement */
  kind: string;
  title_en: string;
  title_fr: string;
  /** The page it concerns, without the language prefix: `/processes/x/meetings/…`. */
  path: string;
  occurred_at: CreatedAt;
}

/** Someone following a process (group_id null) or one of its working groups. */
export interface FollowsTable {
  id: string;
  user_id: string;
  process_id: string;
  group_id: string | null;
  mode: 'immediate' | 'digest';
  digest_sent_until: Timestamp;
  created_at: CreatedAt;
}

/** The follows module's tables, added to the database's type (see platform/db/schema.ts). */
declare module '../../platform/db/schema.js' {
  interface DB {
    activity: ActivityTable;
    follows: FollowsTable;
  }
}
