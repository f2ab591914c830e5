import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { SigningKeysTable } from '../signing/signing.tables.js';
import type { CreatedAt, Timestamp } from './columns.js';
import type { InstallationRole } from '../auth/roles.js';

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

/**
 * Roles held across the whole installation (registrar, assessor), beside site administration,
 * which stays a row of `role_assignments`. One row per person and role.
 */
export interface InstallationRolesTable {
  user_id: string;
  role: InstallationRole;
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

/** What an emailed one-time token is for (`sign_in` since the accounts module's 0023). */
export type EmailTokenPurpose = 'confirm_email' | 'reset_password' | 'sign_in';

/** One-time tokens sent by email (confirmation, password reset, sign-in link); stored hashed. */
export interface EmailTokensTable {
  id: string;
  user_id: string;
  purpose: EmailTokenPurpose;
  token_hash: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: CreatedAt;
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
  created_at: CreatedAt;
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

/** The whole database as Kysely sees it. */
/**
 * The database as Kysely sees it. The frame declares its own tables here; each module adds
 * its tables from its `<module>.tables.ts` by augmenting this interface
 * (`declare module '../../platform/db/schema.js' { interface DB { … } }`), so the frame
 * imports no module and a new module edits no central list.
 */
export interface DB {
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  installation_roles: InstallationRolesTable;
  sessions: SessionsTable;
  email_tokens: EmailTokensTable;
  audit_events: AuditEventsTable;
  audit_chains: AuditChainsTable;
  audit_signed_heads: AuditSignedHeadsTable;
  signing_keys: SigningKeysTable;
  throttles: ThrottlesTable;
  settings: SettingsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Session = Selectable<SessionsTable>;
export type AuditEvent = Selectable<AuditEventsTable>;
export type AuditChain = Selectable<AuditChainsTable>;
export type AuditSignedHead = Selectable<AuditSignedHeadsTable>;
