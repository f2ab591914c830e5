import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { ProcessPhasesTable, ProcessesTable, StakeholderGroupsTable } from './processes.tables.js';
import { clockNow } from '../../platform/time/story-clock.js';

export type Process = Selectable<ProcessesTable>;
export type Phase = Selectable<ProcessPhasesTable>;
export type StakeholderGroup = Selectable<StakeholderGroupsTable>;

/** SQL for processes, their phases and their stakeholder groups. */
export const processesRepository = {
  async bySlug(db: Kysely<DB>, slug: string): Promise<Process | undefined> {
    return db.selectFrom('processes').selectAll().where('slug', '=', slug).executeTakeFirst();
  },

  /**
   * A process with its phases and stakeholder groups, in position order, in one statement (the
   * two lists as JSON arrays): nearly every process page starts here, and on the embedded
   * database each statement costs a round through the engine whatever it reads. The lists
   * hold what the row-per-row queries below return: dates as 'YYYY-MM-DD', target shares as
   * the numeric's text ('0.2500'), as node-postgres reads them.
   */
  async detailBySlug(db: Kysely<DB>, slug: string): Promise<(Process & { phases: Phase[]; stakeholder_groups: StakeholderGroup[] }) | undefined> {
    return db
      .selectFrom('processes as p')
      .selectAll('p')
      .select([
        sql<Phase[]>`(select coalesce(json_agg(ph order by ph.position), '[]'::json)
          from (select id, process_id, position, kind, name_en, name_fr, starts_on::text as starts_on, ends_on::text as ends_on
                from process_phases where process_id = p.id) ph)`.as('phases'),
        sql<StakeholderGroup[]>`(select coalesce(json_agg(g order by g.position), '[]'::json)
          from (select id, process_id, key, name_en, name_fr, target_share::text as target_share, position
                from stakeholder_groups where process_id = p.id) g)`.as('stakeholder_groups'),
      ])
      .where('p.slug', '=', slug)
      .executeTakeFirst();
  },

  async byId(db: Kysely<DB>, id: string): Promise<Process | undefined> {
    return db.selectFrom('processes').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Newest first. The number of processes on one installation stays small (tens). */
  async list(db: Kysely<DB>): Promise<Process[]> {
    return db.selectFrom('processes').selectAll().orderBy('created_at', 'desc').execute();
  },

  /** Stamped with clockNow(): the story's time when the demo loads its history, now otherwise. */
  async insert(db: Kysely<DB>, row: Omit<Process, 'created_at' | 'updated_at'>): Promise<Process> {
    const at = clockNow();
    return db.insertInto('processes').values({ ...row, created_at: at, updated_at: at }).returningAll().executeTakeFirstOrThrow();
  },

  async update(db: Kysely<DB>, id: string, set: Partial<Omit<Process, 'id' | 'created_at'>>): Promise<Process> {
    return db.updateTable('processes').set({ ...set, updated_at: clockNow() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },

  async phases(db: Kysely<DB>, processId: string): Promise<Phase[]> {
    return db.selectFrom('process_phases').selectAll().where('process_id', '=', processId).orderBy('position').execute();
  },

  async replacePhases(db: Kysely<DB>, processId: string, phases: Omit<Phase, 'process_id'>[]): Promise<void> {
    await db.deleteFrom('process_phases').where('process_id', '=', processId).execute();
    if (phases.length) await db.insertInto('process_phases').values(phases.map((p) => ({ ...p, process_id: processId }))).execute();
  },

  async stakeholderGroups(db: Kysely<DB>, processId: string): Promise<StakeholderGroup[]> {
    return db.selectFrom('stakeholder_groups').selectAll().where('process_id', '=', processId).orderBy('position').execute();
  },

  async insertStakeholderGroups(db: Kysely<DB>, rows: StakeholderGroup[]): Promise<void> {
    if (rows.length) await db.insertInto('stakeholder_groups').values(rows).execute();
  },

  async updateStakeholderGroup(db: Kysely<DB>, id: string, set: Partial<Pick<StakeholderGroup, 'name_en' | 'name_fr' | 'target_share' | 'position'>>): Promise<void> {
    await db.updateTable('stakeholder_groups').set(set).where('id', '=', id).execute();
  },
};
