import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { staffOf, type StaffRole } from '../../platform/auth/staff.repository.js';
import type { DB } from '../../platform/db/schema.js';
import type {
  ConsensusAppealsTable,
  ConsensusCallsTable,
  ConsensusObjectionAnswersTable,
  ConsensusOptionsTable,
  ConsensusOutcomesTable,
  ConsensusPositionsTable,
} from './consensus.tables.js';

/** A call row. */
export type Call = Selectable<ConsensusCallsTable>;
/** An option row. */
export type CallOption = Selectable<ConsensusOptionsTable>;
/** A position row. */
export type Position = Selectable<ConsensusPositionsTable>;
/** A position with the name of who stated it (members are public). */
export type NamedPosition = Position & {
  name: string;
  /** The author's staff role in the call's process, loaded with the row (issue 10: staff marked where names appear). */
  staff: StaffRole | null;
};
/** An outcome row. */
export type Outcome = Selectable<ConsensusOutcomesTable>;
/** An answer to an objection, with the objection it answers and its author's name and staff role in the process. */
export type ObjectionAnswer = Selectable<ConsensusObjectionAnswersTable> & { name: string; reason: string | null; staff: StaffRole | null };
/** An appeal row with the appellant's name and staff role in the process. */
export type Appeal = Selectable<ConsensusAppealsTable> & { appellant: string; appellant_staff: StaffRole | null };

/** SQL for consensus calls, their options, positions, outcomes and appeals. */
export const consensusRepository = {
  async call(db: Kysely<DB>, id: string): Promise<Call | undefined> {
    return db.selectFrom('consensus_calls').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /**
   * A call of the process with this slug, with its options, in one query (options come back as
   * JSON: they hold no timestamps). Undefined when either is absent or the call is elsewhere.
   */
  async callInProcess(db: Kysely<DB>, processSlug: string, id: string): Promise<{ call: Call; options: CallOption[] } | undefined> {
    const row = await db
      .selectFrom('consensus_calls as c')
      .selectAll('c')
      .select(sql<CallOption[]>`(select coalesce(jsonb_agg(to_jsonb(o) order by o.position), '[]'::jsonb) from consensus_options o where o.call_id = c.id)`.as('options_json'))
      .where('c.id', '=', id)
      .where('c.process_id', '=', (eb) => eb.selectFrom('processes').select('processes.id').where('processes.slug', '=', processSlug))
      .executeTakeFirst();
    if (!row) return undefined;
    const { options_json, ...call } = row;
    return { call, options: options_json };
  },

  /**
   * The call's row locked (as lockCall) with what the member's position keeps: their stakeholder
   * group and organisation today (null when they are not a member of the call's process).
   */
  async lockCallForMember(db: Kysely<DB>, id: string, userId: string): Promise<(Call & { member: { stakeholder_group_id: string; organisation_id: string | null } | null }) | undefined> {
    const row = await db
      .selectFrom('consensus_calls as c')
      .leftJoin('process_members as m', (j) => j.onRef('m.process_id', '=', 'c.process_id').on('m.user_id', '=', userId))
      .selectAll('c')
      .select(['m.user_id as m_user_id', 'm.stakeholder_group_id as m_stakeholder_group_id', 'm.organisation_id as m_organisation_id'])
      .where('c.id', '=', id)
      // Only the call's row: a member row's lock is not wanted (and an outer join's nullable side cannot be locked).
      .forUpdate('c')
      .executeTakeFirst();
    if (!row) return undefined;
    const { m_user_id, m_stakeholder_group_id, m_organisation_id, ...call } = row;
    return { ...call, member: m_user_id && m_stakeholder_group_id ? { stakeholder_group_id: m_stakeholder_group_id, organisation_id: m_organisation_id ?? null } : null };
  },

  /** The call's row, locked: positions, the outcome and appeals of one call happen one at a time. */
  async lockCall(db: Kysely<DB>, id: string): Promise<Call | undefined> {
    return db.selectFrom('consensus_calls').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  /** A page of a process's calls, newest first (keyset on the time-ordered id). */
  async callsPage(db: Kysely<DB>, processId: string, before: string | undefined, limit: number): Promise<Call[]> {
    let q = db.selectFrom('consensus_calls').selectAll().where('process_id', '=', processId);
    if (before) q = q.where('id', '<', before);
    return q.orderBy('id', 'desc').limit(limit).execute();
  },

  async insertCall(db: Kysely<DB>, row: Insertable<ConsensusCallsTable>): Promise<Call> {
    return db.insertInto('consensus_calls').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async closeCall(db: Kysely<DB>, id: string): Promise<Call> {
    return db.updateTable('consensus_calls').set({ status: 'closed' }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },

  async insertOptions(db: Kysely<DB>, rows: Insertable<ConsensusOptionsTable>[]): Promise<CallOption[]> {
    return db.insertInto('consensus_options').values(rows).returningAll().execute();
  },

  /** The options of some calls, in their order. */
  async options(db: Kysely<DB>, callIds: string[]): Promise<CallOption[]> {
    if (callIds.length === 0) return [];
    return db.selectFrom('consensus_options').selectAll().where('call_id', 'in', callIds).orderBy('call_id').orderBy('position').execute();
  },

  /** Current positions of a call (one per member and option), with names. */
  async currentPositions(db: Kysely<DB>, callId: string): Promise<NamedPosition[]> {
    return db
      .selectFrom('consensus_positions as p')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .innerJoin('consensus_calls as c', 'c.id', 'p.call_id')
      .selectAll('p')
      .select(['u.name', staffOf('p.user_id', { column: 'c.process_id' }).as('staff')])
      .where('p.call_id', '=', callId)
      .where('p.superseded_at', 'is', null)
      .orderBy('p.id')
      .execute();
  },

  /** A member's current position on an option, locked for its replacement. */
  async currentPosition(db: Kysely<DB>, callId: string, optionId: string, userId: string): Promise<Position | undefined> {
    return db
      .selectFrom('consensus_positions')
      .selectAll()
      .where('call_id', '=', callId)
      .where('option_id', '=', optionId)
      .where('user_id', '=', userId)
      .where('superseded_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
  },

  async supersede(db: Kysely<DB>, id: string, at: Date): Promise<void> {
    await db.updateTable('consensus_positions').set({ superseded_at: at }).where('id', '=', id).execute();
  },

  async insertPosition(db: Kysely<DB>, row: Insertable<ConsensusPositionsTable>): Promise<Position> {
    return db.insertInto('consensus_positions').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async position(db: Kysely<DB>, id: string): Promise<Position | undefined> {
    return db.selectFrom('consensus_positions').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Every position of a call ever stated, newest first, a page at a time (keyset on id). */
  async history(db: Kysely<DB>, callId: string, before: string | undefined, limit: number): Promise<NamedPosition[]> {
    let q = db
      .selectFrom('consensus_positions as p')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .innerJoin('consensus_calls as c', 'c.id', 'p.call_id')
      .selectAll('p')
      .select(['u.name', staffOf('p.user_id', { column: 'c.process_id' }).as('staff')])
      .where('p.call_id', '=', callId);
    if (before) q = q.where('p.id', '<', before);
    return q.orderBy('p.id', 'desc').limit(limit).execute();
  },

  /** Every outcome of a call, the current one first, then newest first. */
  async outcomes(db: Kysely<DB>, callId: string): Promise<Outcome[]> {
    return db.selectFrom('consensus_outcomes').selectAll().where('call_id', '=', callId).orderBy('current', 'desc').orderBy('decided_at', 'desc').orderBy('id', 'desc').execute();
  },

  async currentOutcome(db: Kysely<DB>, callId: string): Promise<Outcome | undefined> {
    return db.selectFrom('consensus_outcomes').selectAll().where('call_id', '=', callId).where('current', '=', true).orderBy('id', 'desc').executeTakeFirst();
  },

  /** The current outcome of each of these calls that has one. */
  async currentOutcomes(db: Kysely<DB>, callIds: string[]): Promise<Outcome[]> {
    if (!callIds.length) return [];
    return db.selectFrom('consensus_outcomes').selectAll().where('call_id', 'in', callIds).where('current', '=', true).orderBy('id', 'desc').execute();
  },

  async insertOutcome(db: Kysely<DB>, row: Insertable<ConsensusOutcomesTable>): Promise<Outcome> {
    return db.insertInto('consensus_outcomes').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async retireOutcome(db: Kysely<DB>, id: string): Promise<void> {
    await db.updateTable('consensus_outcomes').set({ current: false }).where('id', '=', id).execute();
  },

  async insertAnswers(db: Kysely<DB>, rows: Insertable<ConsensusObjectionAnswersTable>[]): Promise<void> {
    if (rows.length) await db.insertInto('consensus_objection_answers').values(rows).execute();
  },

  /** The answers to objections of some outcomes, with the objection's reason and author. */
  async answers(db: Kysely<DB>, outcomeIds: string[]): Promise<ObjectionAnswer[]> {
    if (outcomeIds.length === 0) return [];
    return db
      .selectFrom('consensus_objection_answers as a')
      .innerJoin('consensus_positions as p', 'p.id', 'a.position_id')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .innerJoin('consensus_calls as c', 'c.id', 'p.call_id')
      .selectAll('a')
      .select(['u.name', 'p.reason', staffOf('p.user_id', { column: 'c.process_id' }).as('staff')])
      .where('a.outcome_id', 'in', outcomeIds)
      .orderBy('p.id')
      .execute();
  },

  /** The appeals of a call, oldest first. */
  async appeals(db: Kysely<DB>, callId: string): Promise<Appeal[]> {
    return db
      .selectFrom('consensus_appeals as a')
      .innerJoin('users as u', 'u.id', 'a.appellant_id')
      .innerJoin('consensus_calls as c', 'c.id', 'a.call_id')
      .selectAll('a')
      .select(['u.name as appellant', staffOf('a.appellant_id', { column: 'c.process_id' }).as('appellant_staff')])
      .where('a.call_id', '=', callId)
      .orderBy('a.id')
      .execute();
  },

  async lockAppeal(db: Kysely<DB>, id: string): Promise<Selectable<ConsensusAppealsTable> | undefined> {
    return db.selectFrom('consensus_appeals').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  async insertAppeal(db: Kysely<DB>, row: Insertable<ConsensusAppealsTable>): Promise<Selectable<ConsensusAppealsTable>> {
    return db.insertInto('consensus_appeals').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async answerAppeal(
    db: Kysely<DB>,
    id: string,
    fields: Pick<Selectable<ConsensusAppealsTable>, 'status' | 'answer' | 'answered_by' | 'answered_at' | 'changed_outcome_id'>,
  ): Promise<Selectable<ConsensusAppealsTable>> {
    return db.updateTable('consensus_appeals').set(fields).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },

  /** A pending appeal by this person against this outcome, if any. */
  async pendingAppeal(db: Kysely<DB>, outcomeId: string, appellantId: string): Promise<{ id: string } | undefined> {
    return db.selectFrom('consensus_appeals').select('id').where('outcome_id', '=', outcomeId).where('appellant_id', '=', appellantId).where('status', '=', 'pending').executeTakeFirst();
  },
};
