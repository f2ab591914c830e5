import type { ColumnType } from 'kysely';
import type { CreatedAt, Timestamp } from '../../platform/db/columns.js';


export type Priority = 'high' | 'medium' | 'low';

export interface RecommendationsTable {
  id: string;
  process_id: string;
  /** "4.2"; also its permanent address. */
  number: string;
  position: number;
  title_en: string;
  title_fr: string;
  text_en: string;
  text_fr: string;
  group_id: string | null;
  document_id: string | null;
  anchor: string | null;
  priority: Priority;
  consensus_call_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** One addressee: a stakeholder group or a named organisation. */
export interface RecommendationAddresseesTable {
  id: string;
  recommendation_id: string;
  stakeholder_group_id: string | null;
  organisation_id: string | null;
}

export interface FinalReportsTable {
  process_id: string;
  document_id: string;
  published_at: ColumnType<Date, Date | string | undefined, Date | string>;
  published_by: string | null;
}

/** The recommendations module's tables, added to the database's type (see platform/db/schema.ts). */
declare module '../../platform/db/schema.js' {
  interface DB {
    recommendations: RecommendationsTable;
    recommendation_addressees: RecommendationAddresseesTable;
    final_reports: FinalReportsTable;
  }
}
