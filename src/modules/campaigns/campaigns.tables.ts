import type { ColumnType } from 'kysely';
import type { Timestamp } from '../../platform/db/columns.js';
import type { CampaignKind } from './campaigns.detect.js';

/** bigint counts come back from pg as strings; they are read as numbers (counts stay far below 2^53). */
type Count = ColumnType<string | number, number | bigint, number | bigint>;

/** One detection over a period (0030): when, with which seeds and threshold, and what it found. */
export interface CampaignRunsTable {
  id: string;
  period_id: string;
  started_at: Timestamp;
  finished_at: Timestamp;
  /** The detector's version, e.g. 'concord-campaigns/1'. */
  algorithm: string;
  /** The MinHash seeds used, 8 hex digits each, so signatures of later runs can be compared. */
  minhash_seeds: string;
  near_threshold: number;
  /** Distinct texts (comment groups) read. */
  texts: number;
  campaigns: number;
}

/** A campaign found in a period, with its counts kept (member_count follows the groups' sizes). */
export interface CampaignsTable {
  id: string;
  period_id: string;
  run_id: string;
  kind: CampaignKind;
  /** The group whose text stands for the campaign (its largest not personalised one). */
  representative_group_id: string;
  member_count: Count;
  text_count: number;
  group_count: number;
  personalised_count: number;
}

/** A comment group (a distinct text in a paragraph) held by a campaign. */
export interface CampaignGroupsTable {
  group_id: string;
  campaign_id: string;
  /** The group's size, kept by a trigger on comment_groups. */
  size: number;
  /** The sender's own note when the text is the letter plus a note; null otherwise. */
  personal: string | null;
  /** Where the note starts in the text (UTF-16 offset), or null when it is in pieces. */
  personal_offset: number | null;
}

/** A campaign's members counted by stakeholder group, channel or day, as of its detection run. */
export interface CampaignFacetsTable {
  campaign_id: string;
  facet: 'group' | 'channel' | 'day';
  key: string;
  count: Count;
}

/** A campaign's flood signals as of its detection run (0033): the comments face's `Signals`, as JSON. */
export interface CampaignSignalsTable {
  campaign_id: string;
  signals: ColumnType<unknown, string, string>;
}

/** The campaigns module's tables, added to the database's type (see platform/db/schema.ts). */
declare module '../../platform/db/schema.js' {
  interface DB {
    campaign_runs: CampaignRunsTable;
    campaigns: CampaignsTable;
    campaign_groups: CampaignGroupsTable;
    campaign_facets: CampaignFacetsTable;
    campaign_signals: CampaignSignalsTable;
  }
}
