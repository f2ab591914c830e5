import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { staffOf, type StaffRole } from '../../platform/auth/staff.repository.js';
import type { DB } from '../../platform/db/schema.js';
import type { ActionsTable, PledgesTable, ProgressReportsTable, ProgressStatus } from './accountability.tables.js';

/** An action with the names the tracker shows beside it. */
export type ActionRow = Selectable<ActionsTable> & { owner_name: string; contact_name: string | null; contact_staff: StaffRole | null };
/** A pledge with its organisation's and signer's names. */
export type PledgeRow = Selectable<PledgesTable> & { organisation_name: string; signer_name: string; signer_staff: StaffRole | null };
/** A progress report with its author's name. */
/** A report with its author's name and the name of the organisation they wrote for (if any). */
export type ReportRow = Selectable<ProgressReportsTable> & {
  author_name: string | null;
  acting_organisation_name: string | null;
  /** The author's staff role in the process, loaded by `reports` (issue 10: staff marked where names appear). */
  author_staff: StaffRole | null;
};
/** What the tracker needs of a recommendation. */
export interface RecommendationRef {
  id: string;
  process_id: string;
  number: string;
  position: number;
  title_en: string;
  title_fr: string;
}
/** Someone to email. */
export interface MailTarget {
  user_id: string;
  email: string;
  name: string;
  lang: 'en' | 'fr';
}

/** SQL for actions, pledges and progress reports. */
export const accountabilityRepository = {
  // TODO: use the recommendations service once it exports one: it finds a recommendation by
  // number only (getRecommendation), and actions, pledges and jobs hold its id.
  async recommendation(db: Kysely<DB>, id: string): Promise<RecommendationRef | undefined> {
    return db.selectFrom('recommendations').select(['id', 'process_id', 'number', 'position', 'title_en', 'title_fr']).where('id', '=', id).executeTakeFirst();
  },

  async organisationName(db: Kysely<DB>, id: string): Promise<string | undefined> {
    return (await db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst())?.name;
  },

  /** Actions of a process with names, optionally one action, one organisation's, or a page by id. */
  actions(db: Kysely<DB>, processId: string, f: { id?: string; organisationId?: string; after?: string | undefined; limit?: number } = {}) {
    let q = db
      .selectFrom('actions as a')
      .innerJoin('organisations as o', 'o.id', 'a.owner_organisation_id')
      .leftJoin('users as u', 'u.id', 'a.contact_user_id')
      .selectAll('a')
      .select(['o.name as owner_name', 'u.name as contact_name', staffOf('a.contact_user_id', { column: 'a.process_id' }).as('contact_staff')])
      .where('a.process_id', '=', processId);
    if (f.id) q = q.where('a.id', '=', f.id);
    if (f.organisationId) q = q.where('a.owner_organisation_id', '=', f.organisationId);
    if (f.after) q = q.where('a.id', '>', f.after);
    q = q.orderBy('a.id');
    if (f.limit) q = q.limit(f.limit);
    return q.execute() as Promise<ActionRow[]>;
  },

  async insertAction(db: Kysely<DB>, row: Insertable<ActionsTable>): Promise<Selectable<ActionsTable>> {
    return db.insertInto('actions').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async lockAction(db: Kysely<DB>, id: string): Promise<Selectable<ActionsTable> | undefined> {
    return db.selectFrom('actions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  async updateAction(db: Kysely<DB>, id: string, set: Updateable<ActionsTable>): Promise<Selectable<ActionsTable>> {
    return db.updateTable('actions').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },

  /** Pledges of a process with names, optionally one pledge, one organisation's, or a page by id. */
  pledges(db: Kysely<DB>, processId: string, f: { id?: string; organisationId?: string; after?: string | undefined; limit?: number } = {}) {
    let q = db
      .selectFrom('pledges as p')
      .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
      .innerJoin('users as u', 'u.id', 'p.signed_by')
      .selectAll('p')
      .select(['o.name as organisation_name', 'u.name as signer_name', staffOf('p.signed_by', { column: 'p.process_id' }).as('signer_staff')])
      .where('p.process_id', '=', processId);
    if (f.id) q = q.where('p.id', '=', f.id);
    if (f.organisationId) q = q.where('p.organisation_id', '=', f.organisationId);
    if (f.after) q = q.where('p.id', '>', f.after);
    q = q.orderBy('p.id');
    if (f.limit) q = q.limit(f.limit);
    return q.execute() as Promise<PledgeRow[]>;
  },

  async insertPledge(db: Kysely<DB>, row: Insertable<PledgesTable>): Promise<Selectable<PledgesTable>> {
    return db.insertInto('pledges').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async lockPledge(db: Kysely<DB>, id: string): Promise<Selectable<PledgesTable> | undefined> {
    return db.selectFrom('pledges').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  async insertReport(db: Kysely<DB>, row: Insertable<ProgressReportsTable>): Promise<Selectable<ProgressReportsTable>> {
    return db.insertInto('progress_reports').values(row).returningAll().executeTakeFirstOrThrow();
  },

  /** The latest report on an action or a pledge by its date (a back-dated report may arrive after a newer one). */
  async latestReport(db: Kysely<DB>, target: { actionId: string } | { pledgeId: string }): Promise<Selectable<ProgressReportsTable> | undefined> {
    let q = db.selectFrom('progress_reports').selectAll();
    q = 'actionId' in target ? q.where('action_id', '=', target.actionId) : q.where('pledge_id', '=', target.pledgeId);
    return q.orderBy('reported_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  },

  async setActionStatus(db: Kysely<DB>, id: string, status: ProgressStatus, at: Date): Promise<void> {
    await db.updateTable('actions').set({ status, status_at: at }).where('id', '=', id).execute();
  },

  async setPledgeStatus(db: Kysely<DB>, id: string, status: ProgressStatus, at: Date): Promise<void> {
    await db.updateTable('pledges').set({ status, status_at: at }).where('id', '=', id).execute();
  },

  /** Reports of a process (optionally of some actions or pledges only, or since a time), oldest first. */
  reports(db: Kysely<DB>, processId: string, f: { actionIds?: string[]; pledgeIds?: string[]; since?: Date } = {}): Promise<ReportRow[]> {
    let q = db
      .selectFrom('progress_reports as r')
      .leftJoin('users as u', 'u.id', 'r.author_id')
      .leftJoin('organisations as ao', 'ao.id', 'r.acting_organisation_id')
      .selectAll('r')
      .select(['u.name as author_name', 'ao.name as acting_organisation_name', staffOf('r.author_id', { column: 'r.process_id' }).as('author_staff')])
      .where('r.process_id', '=', processId);
    if (f.actionIds || f.pledgeIds) {
      const a = f.actionIds ?? [];
      const p = f.pledgeIds ?? [];
      if (a.length === 0 && p.length === 0) return Promise.resolve([]);
      q = q.where((eb) => eb.or([...(a.length ? [eb('r.action_id', 'in', a)] : []), ...(p.length ? [eb('r.pledge_id', 'in', p)] : [])]));
    }
    if (f.since) q = q.where('r.reported_at', '>=', f.since);
    return q.orderBy('r.reported_at').orderBy('r.id').execute();
  },

  /** How many members each organisation has in each stakeholder group of a process. */
  organisationGroups(db: Kysely<DB>, processId: string) {
    return db
      .selectFrom('process_members')
      .select(['organisation_id', 'stakeholder_group_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('process_id', '=', processId)
      .where('organisation_id', 'is not', null)
      .groupBy(['organisation_id', 'stakeholder_group_id'])
      .execute();
  },

  /** Open actions (not done or dropped) due on or before a date and not yet reminded as overdue, everywhere, with their process's zone and slug. */
  openActionsDueBy(db: Kysely<DB>, lastDate: string) {
    return db
      .selectFrom('actions as a')
      .innerJoin('processes as p', 'p.id', 'a.process_id')
      .selectAll('a')
      .select(['p.timezone', 'p.slug as process_slug'])
      .where('a.status', 'not in', ['done', 'dropped'])
      .where('a.due_on', '<=', lastDate)
      // Once told it is overdue, an action is owed no more reminders (the due-soon one is past).
      .where('a.reminded_overdue_at', 'is', null)
      .orderBy('a.id')
      .execute();
  },

  async markReminded(db: Kysely<DB>, id: string, set: { reminded_due_at?: Date; reminded_overdue_at?: Date }): Promise<void> {
    await db.updateTable('actions').set(set).where('id', '=', id).execute();
  },

  async user(db: Kysely<DB>, id: string): Promise<MailTarget | undefined> {
    return db.selectFrom('users').select(['id as user_id', 'email', 'name', 'preferred_lang as lang']).where('id', '=', id).executeTakeFirst();
  },

  /**
   * The members of a process who represent an organisation, in the language they chose there:
   * confirmed to act for it (a row in `organisation_roles`), not merely naming it on joining,
   * which anyone can (issue 10).
   */
  organisationMembers(db: Kysely<DB>, processId: string, organisationId: string): Promise<MailTarget[]> {
    return db
      .selectFrom('process_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id as user_id', 'u.email', 'u.name', 'm.preferred_lang as lang'])
      .where('m.process_id', '=', processId)
      .where('m.organisation_id', '=', organisationId)
      .where((eb) => eb.exists(eb.selectFrom('organisation_roles as r').select('r.user_id').whereRef('r.user_id', '=', 'm.user_id').where('r.organisation_id', '=', organisationId)))
      .orderBy('u.id')
      .execute();
  },

  /** People holding the action committee role in a process. */
  committee(db: Kysely<DB>, processId: string): Promise<MailTarget[]> {
    return db
      .selectFrom('role_assignments as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['u.id as user_id', 'u.email', 'u.name', 'u.preferred_lang as lang'])
      .where('r.process_id', '=', processId)
      .where('r.role', '=', 'action_committee')
      .distinct()
      .orderBy('u.id')
      .execute();
  },

  /** Processes that have at least one action, for the weekly digest. */
  processesWithActions(db: Kysely<DB>) {
    return db
      .selectFrom('processes as p')
      .select(['p.id', 'p.slug', 'p.timezone', 'p.title_en', 'p.title_fr'])
      .where((eb) => eb.exists(eb.selectFrom('actions as a').select('a.id').whereRef('a.process_id', '=', 'p.id')))
      .orderBy('p.id')
      .execute();
  },
};
