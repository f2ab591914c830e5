import type { CreatedAt, Timestamp } from '../../platform/db/columns.js';

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

/** The processes module's tables, added to the database's type (see platform/db/schema.ts). */
declare module '../../platform/db/schema.js' {
  interface DB {
    processes: ProcessesTable;
    process_phases: ProcessPhasesTable;
    stakeholder_groups: StakeholderGroupsTable;
  }
}
