import type { ColumnType } from 'kysely';
import type { CreatedAt, Timestamp } from '../../platform/db/columns.js';
import type { OrganisationRole } from '../../platform/auth/roles.js';

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

/** Someone who acts for an organisation, in one role: one row per person, organisation and role. */
export interface OrganisationRolesTable {
  organisation_id: string;
  user_id: string;
  role: OrganisationRole;
  granted_by: string | null;
  created_at: CreatedAt;
}

/** "I act for this organisation", asked when joining a process; a convener of it decides. */
export interface OrganisationRequestsTable {
  id: string;
  organisation_id: string;
  user_id: string;
  process_id: string;
  status: ColumnType<'pending' | 'approved' | 'refused', 'pending' | undefined, 'approved' | 'refused'>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  created_at: CreatedAt;
}

/** A role taken away in a process, and why (the convener's reason). */
export interface RoleRevocationsTable {
  id: string;
  process_id: string;
  user_id: string;
  role: string;
  reason: string;
  revoked_by: string | null;
  revoked_at: CreatedAt;
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

/** The participants module's tables, added to the database's type (see platform/db/schema.ts). */
declare module '../../platform/db/schema.js' {
  interface DB {
    organisations: OrganisationsTable;
    process_members: ProcessMembersTable;
    invitations: InvitationsTable;
    organisation_roles: OrganisationRolesTable;
    organisation_requests: OrganisationRequestsTable;
    role_revocations: RoleRevocationsTable;
  }
}
