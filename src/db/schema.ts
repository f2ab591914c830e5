import type { FollowsTables } from '../modules/follows/follows.tables.js';
import type { DocumentsTables } from '../modules/documents/documents.tables.js';
import type { CommentsTables } from '../modules/comments/comments.tables.js';
import type { SearchTables } from '../modules/search/search.tables.js';
import type { ConsensusTables } from '../modules/consensus/consensus.tables.js';
import type { RecommendationsTables } from '../modules/recommendations/recommendations.tables.js';
import type { AccountabilityTables } from '../modules/accountability/accountability.tables.js';
import type { SigningTables } from '../platform/signing/signing.tables.js';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** A timestamp column: read as Date, written as Date or ISO string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in by default. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/** People with an account. Email is stored lower-cased; uniqueness is on that form. */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  preferred_lang: 'en' | 'fr';
  email_confirmed_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** Every role a person holds: site-wide (process_id null) or within one process. */
export interface RoleAssignmentsTable {
  id: string;
  user_id: string;
  role: string;
  process_id: string | null;
  /** The working group a chair chairs; null for every other role. */
  group_id: string | null;
  granted_by: string | null;
  created_at: CreatedAt;
}

/** Server-side sessions; only the SHA-256 of the cookie token is stored. */
export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
  user_agent: string | null;
}

/** One-time tokens sent by email (confirmation, password reset); stored hashed. */
export interface EmailTokensTable {
  id: string;
  user_id: string;
  purpose: 'confirm_email' | 'reset_password';
  token_hash: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: CreatedAt;
}

/** Every email Concord sends is written here first: the admin outbox, and the delivery queue. */
export interface OutboxMessagesTable {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  kind: string;
  lang: string;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
  /** An iCalendar object sent with the message (meetings), or null. */
  ics: ColumnType<string | null, string | null | undefined, string | null>;
  /** While a sender holds it; a message whose lease ran out is offered again. */
  leased_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** The append-only, hash-chained record of every change. */
export interface AuditEventsTable {
  /** The chain: `legacy` (closed, before 0016), `installation`, or `process:<uuid>`. */
  chain: ColumnType<string, string, never>;
  /** Position in its chain, from 1. */
  seq: ColumnType<string, string | number, never>;
  occurred_at: Timestamp;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  process_id: string | null;
  before_digest: string | null;
  after_digest: string | null;
  prev_hash: string;
  hash: string;
  /** A batch event's Merkle root over its rows' digests (recordAuditBatch); null otherwise. */
  batch_root: string | null;
  /** How many rows a batch event covers; null for a single change. */
  batch_count: number | null;
}

/** Each audit chain's head: appends lock only their own chain's row. */
export interface AuditChainsTable {
  id: string;
  process_id: string | null;
  head_seq: ColumnType<string, string | number | undefined, string | number>;
  head_hash: string;
  closed_at: Timestamp | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

/** A chain's head as signed with the installation key (a JWS over {chain, seq, hash, at}). */
export interface AuditSignedHeadsTable {
  id: Generated<string>;
  chain: string;
  seq: ColumnType<string, string | number, never>;
  hash: string;
  signed_at: Timestamp;
  kid: string;
  jws: string;
}

/** Fixed-window counters for throttling (sign-in per account and per address). */
export interface ThrottlesTable {
  key: string;
  window_start: Timestamp;
  count: number;
}

/** Installation-wide settings, such as the cookie-signing secret shared by all app servers. */
export interface SettingsTable {
  key: string;
  value: string;
}

/** A multistakeholder process: the unit everything else belongs to. */
export interface ProcessesTable {
  id: string;
  slug: string;
  title_en: string;
  title_fr: string;
  summary_en: string;
  summary_fr: string;
  description_en: string;
  description_fr: string;
  /** 'open': anyone with an account may join; 'invitation': only people invited. */
  registration: 'open' | 'invitation';
  timezone: string;
  template_source_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** The phases of a process, in order, with their dates. */
export interface ProcessPhasesTable {
  id: string;
  process_id: string;
  position: number;
  kind: string;
  name_en: string;
  name_fr: string;
  /** Calendar dates, read as 'YYYY-MM-DD' strings (see the pg type parser in client.ts). */
  starts_on: string;
  ends_on: string;
}

/** A process's stakeholder groups and the share of members each should have. */
export interface StakeholderGroupsTable {
  id: string;
  process_id: string;
  key: string;
  name_en: string;
  name_fr: string;
  /** numeric(5,4), read as a string by pg; null when no target is set. */
  target_share: string | number | null;
  position: number;
}

/** Organisations people represent; shared across processes. */
export interface OrganisationsTable {
  id: string;
  name: string;
  /** The kind of organisation: one of the default stakeholder group keys. */
  sector: string;
  website: string | null;
  country: string;
  province: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

/** A person taking part in a process, for an organisation, in a stakeholder group. */
export interface ProcessMembersTable {
  id: string;
  process_id: string;
  user_id: string;
  organisation_id: string | null;
  stakeholder_group_id: string;
  preferred_lang: 'en' | 'fr';
  joined_at: CreatedAt;
}

/** An emailed invitation to join a process with a role. */
export interface InvitationsTable {
  id: string;
  process_id: string;
  email: string;
  role: string;
  token_hash: string;
  invited_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
}

/** A self-selected working group with its charter. */
export interface WorkingGroupsTable {
  id: string;
  process_id: string;
  slug: string;
  name_en: string;
  name_fr: string;
  charter_en: string;
  charter_fr: string;
  status: 'forming' | 'active' | 'concluded';
  position: number;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** Who is in a working group (chairs are role assignments with the group's id). */
export interface WorkingGroupMembersTable {
  id: string;
  group_id: string;
  user_id: string;
  joined_at: CreatedAt;
}

/** A notice a chair posts to a working group. */
export interface AnnouncementsTable {
  id: string;
  group_id: string;
  author_id: string | null;
  title: string;
  body: string;
  lang: string;
  created_at: CreatedAt;
}

/** Uploaded files, stored in the database so that app servers keep no state of their own. */
export interface FilesTable {
  id: string;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  data: Buffer;
  created_by: string | null;
  created_at: CreatedAt;
}

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
  title: string;
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

/** The whole database as Kysely sees it. */
export interface DB extends FollowsTables, DocumentsTables, CommentsTables, SearchTables, ConsensusTables, RecommendationsTables, AccountabilityTables, SigningTables {
  processes: ProcessesTable;
  process_phases: ProcessPhasesTable;
  stakeholder_groups: StakeholderGroupsTable;
  organisations: OrganisationsTable;
  process_members: ProcessMembersTable;
  invitations: InvitationsTable;
  working_groups: WorkingGroupsTable;
  working_group_members: WorkingGroupMembersTable;
  announcements: AnnouncementsTable;
  meetings: MeetingsTable;
  meeting_agenda_items: MeetingAgendaItemsTable;
  meeting_registrations: MeetingRegistrationsTable;
  meeting_attendance: MeetingAttendanceTable;
  files: FilesTable;
  calls: CallsTable;
  call_submissions: CallSubmissionsTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  email_tokens: EmailTokensTable;
  outbox_messages: OutboxMessagesTable;
  audit_events: AuditEventsTable;
  audit_chains: AuditChainsTable;
  audit_signed_heads: AuditSignedHeadsTable;
  throttles: ThrottlesTable;
  settings: SettingsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Session = Selectable<SessionsTable>;
export type OutboxMessage = Selectable<OutboxMessagesTable>;
export type AuditEvent = Selectable<AuditEventsTable>;
export type AuditChain = Selectable<AuditChainsTable>;
export type AuditSignedHead = Selectable<AuditSignedHeadsTable>;
