import type { ColumnType } from 'kysely';
import type { CreatedAt, Timestamp } from '../../platform/db/columns.js';

type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type ConsensusTarget = 'document' | 'section' | 'recommendation';
export type Stance = 'support' | 'live_with' | 'stand_aside' | 'object';
export type ConsensusOutcome = 'consensus' | 'rough_consensus' | 'no_consensus';
export type AppealStatus = 'pending' | 'upheld' | 'rejected';

export interface ConsensusCallsTable {
  id: string;
  process_id: string;
  group_id: string | null;
  target_kind: ConsensusTarget;
  document_id: string | null;
  version_id: string | null;
  anchor: string | null;
  recommendation_id: string | null;
  question_en: string;
  question_fr: string;
  opens_at: Defaulted<Date>;
  deadline: Timestamp;
  time_zone: string;
  appeal_days: Defaulted<number>;
  status: Defaulted<'open' | 'closed'>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ConsensusOptionsTable {
  id: string;
  call_id: string;
  position: number;
  label_en: string;
  label_fr: string;
}

/** Every position stated; the current one per (call, option, member) has superseded_at null. */
export interface ConsensusPositionsTable {
  id: string;
  call_id: string;
  option_id: string;
  user_id: string;
  stakeholder_group_id: string;
  organisation_id: string | null;
  stance: Stance;
  reason: string | null;
  created_at: CreatedAt;
  superseded_at: Timestamp | null;
}

export interface ConsensusOutcomesTable {
  id: string;
  call_id: string;
  option_id: string | null;
  outcome: ConsensusOutcome;
  /** The rationale in `lang`, the language it was written in (the answers to objections are in it too). */
  rationale: string;
  lang: 'en' | 'fr';
  /** The rationale in the other language than `lang`; '' when none was given (its readers then see the original, marked). */
  rationale_translation: Defaulted<string>;
  current: Defaulted<boolean>;
  appeal_id: string | null;
  decided_by: string | null;
  decided_at: CreatedAt;
}

export interface ConsensusObjectionAnswersTable {
  outcome_id: string;
  position_id: string;
  /** The answer, in its outcome's `lang`. */
  answer: string;
  /** The answer in the other language than its outcome's `lang`; '' when none was given. */
  translation: Defaulted<string>;
}

export interface ConsensusAppealsTable {
  id: string;
  call_id: string;
  outcome_id: string;
  appellant_id: string;
  position_id: string;
  grounds: string;
  lang: 'en' | 'fr';
  filed_at: CreatedAt;
  status: Defaulted<AppealStatus>;
  answer: string | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
  changed_outcome_id: string | null;
}

/** The consensus module's tables, added to the database's type (see platform/db/schema.ts). */
declare module '../../platform/db/schema.js' {
  interface DB {
    consensus_calls: ConsensusCallsTable;
    consensus_options: ConsensusOptionsTable;
    consensus_positions: ConsensusPositionsTable;
    consensus_outcomes: ConsensusOutcomesTable;
    consensus_objection_answers: ConsensusObjectionAnswersTable;
    consensus_appeals: ConsensusAppealsTable;
  }
}
