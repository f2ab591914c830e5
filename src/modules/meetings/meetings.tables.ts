import type { ColumnType } from 'kysely';
import type { CreatedAt, Timestamp } from '../../platform/db/columns.js';

/** A meeting of a process, or of one of its working groups. */
export interface MeetingsTable {
  id: string;
  process_id: string;
  group_id: string | null;
  title_en: string;
  title_fr: string;
  description_en: string;
  description_fr: string;
  format: 'in_person' | 'virtual' | 'hybrid';
  venue: string;
  address: string;
  join_url: string | null;
  stream_url: string | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  /** The IANA zone the meeting is held in; times are shown in it. */
  timezone: string;
  languages: 'en' | 'fr' | 'both';
  visibility: 'public' | 'members';
  capacity: number | null;
  status: 'scheduled' | 'cancelled';
  /** iCalendar SEQUENCE: raised on every change, so calendars replace their copy. */
  sequence: number;
  recording_urls: string[];
  minutes_en: string;
  minutes_fr: string;
  /** The pending pg-boss reminder job, cancelled when the meeting moves or is cancelled. */
  reminder_job_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** One item of a meeting's agenda, in order. */
export interface MeetingAgendaItemsTable {
  id: string;
  meeting_id: string;
  position: number;
  /** The title in English (or in the one language the chair wrote it in). */
  title: string;
  /** The title in French; '' when none was given (French readers then see the English one, marked). */
  title_fr: ColumnType<string, string | undefined, string>;
  presenter: string;
  duration_minutes: number | null;
  document_url: string | null;
}

/** A person registered for a meeting, or on its waiting list. */
export interface MeetingRegistrationsTable {
  id: string;
  meeting_id: string;
  user_id: string;
  status: 'registered' | 'waitlisted';
  /** Whether the person agreed to be named in the public attendance list. */
  show_name: boolean;
  reminded_at: Timestamp | null;
  created_at: CreatedAt;
}

/** Who attended a meeting, as its chairs marked it. */
export interface MeetingAttendanceTable {
  id: string;
  meeting_id: string;
  user_id: string;
  marked_by: string | null;
  created_at: CreatedAt;
}

/** The meetings module's tables, added to the database's type (see platform/db/schema.ts). */
declare module '../../platform/db/schema.js' {
  interface DB {
    meetings: MeetingsTable;
    meeting_agenda_items: MeetingAgendaItemsTable;
    meeting_registrations: MeetingRegistrationsTable;
    meeting_attendance: MeetingAttendanceTable;
  }
}
