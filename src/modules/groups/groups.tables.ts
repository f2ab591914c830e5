import type { CreatedAt, Timestamp } from '../../platform/db/columns.js';

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

/** The groups module's tables, added to the database's type (see platform/db/schema.ts). */
declare module '../../platform/db/schema.js' {
  interface DB {
    working_groups: WorkingGroupsTable;
    working_group_members: WorkingGroupMembersTable;
    announcements: AnnouncementsTable;
  }
}
