import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Process, StakeholderGroup } from '../processes/index.js';
import { processAsOfDay } from '../processes/index.js';
import { CLOSED } from './accountability.schema.js';
import { recommendationsOf } from './accountability.service.js';
import type { ProgressStatus } from './accountability.tables.js';
import { accountabilityRepository as repo, type ActionRow, type PledgeRow, type RecommendationRef, type ReportRow } from './accountability.repository.js';

/** An action on the tracker: whether it is overdue or late, who owns it by stakeholder group, and its history. */
export interface TrackedAction extends ActionRow {
  overdue: boolean;
  late: boolean;
  stakeholderGroupId: string | null;
  reports: ReportRow[];
}
/** A pledge on the tracker, with its history. */
export interface TrackedPledge extends PledgeRow {
  overdue: boolean;
  reports: ReportRow[];
}
/** One recommendation's part of the tracker. */
export interface TrackerSection {
  recommendation: RecommendationRef;
  actions: TrackedAction[];
  pledges: TrackedPledge[];
}
/** Counts of recommendations: with an owner (at least one action), done, late. */
export interface Figures {
  withOwner: number;
  done: number;
  late: number;
}
/** The figures for one stakeholder group (the owner organisations' group). */
export interface GroupFigures extends Figures {
  id: string;
  key: string;
  nameEn: string;
  nameFr: string;
}
/** The public tracker of a process, as of a day in its time zone. */
export interface Tracker {
  today: string;
  total: number;
  overall: Figures;
  byGroup: GroupFigures[];
  sections: TrackerSection[];
}

/**
 * Overdue: the due date has passed (today, in the process's zone, is after it) and the work
 * is neither done nor dropped.
 * @example isOverdue('2020-06-30', 'on_track', '2020-07-01') // true
 */
export function isOverdue(dueOn: string | null, status: ProgressStatus, today: string): boolean {
  return dueOn !== null && dueOn < today && !CLOSED.includes(status);
}

/**
 * The stakeholder group an organisation stands for in a process. An organisation has no group
 * of its own: its members each joined in one, and usually all in the same. When they differ
 * (a company whose staff sit in industry and one in academia), the group most of its members
 * chose is the fairest single answer, and ties go to the group listed first, so the answer is
 * stable from one day to the next. An organisation with no members here has none.
 * @example groupOfOrganisation([{ stakeholder_group_id: 'a', n: 1 }, { stakeholder_group_id: 'b', n: 2 }], ['a', 'b']) // 'b'
 */
export function groupOfOrganisation(counts: { stakeholder_group_id: string; n: number }[], order: string[]): string | null {
  let best: { id: string; n: number; pos: number } | null = null;
  for (const c of counts) {
    const pos = order.indexOf(c.stakeholder_group_id);
    const rank = pos === -1 ? order.length : pos;
    if (!best || c.n > best.n || (c.n === best.n && rank < best.pos)) best = { id: c.stakeholder_group_id, n: c.n, pos: rank };
  }
  return best?.id ?? null;
}

/**
 * Count recommendations among some actions: with an owner (one action or more), done (every
 * action done or dropped, at least one done), late (one action or more late or overdue).
 */
export function figuresOf(sections: { actions: Pick<TrackedAction, 'status' | 'late'>[] }[]): Figures {
  const f: Figures = { withOwner: 0, done: 0, late: 0 };
  for (const s of sections) {
    if (s.actions.length === 0) continue;
    f.withOwner++;
    if (s.actions.every((a) => CLOSED.includes(a.status)) && s.actions.some((a) => a.status === 'done')) f.done++;
    if (s.actions.some((a) => a.late)) f.late++;
  }
  return f;
}

/** Group a list by a key. */
function byKey<T>(items: T[], key: (x: T) => string | null): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    if (k === null) continue;
    const list = m.get(k) ?? [];
    list.push(x);
    m.set(k, list);
  }
  return m;
}

/**
 * The tracker of a process as of `now` (its date read in the process's zone; for a process
 * whose last phase has ended, as of that phase's last day: see processAsOfDay): per
 * recommendation what was promised, by when, what was reported and what is overdue, with the
 * summary figures overall and by stakeholder group. With `organisationId`, only that
 * organisation's actions and pledges, and only the recommendations they concern.
 */
export async function buildTracker(db: Kysely<DB>, process: Process, groups: StakeholderGroup[], opts: { now?: Date; organisationId?: string } = {}): Promise<Tracker> {
  const today = await processAsOfDay(db, process, opts.now ?? new Date());
  const only = opts.organisationId ? { organisationId: opts.organisationId } : {};
  const [recs, actions, pledges, orgGroups] = await Promise.all([
    recommendationsOf(db, process.id),
    repo.actions(db, process.id, only),
    repo.pledges(db, process.id, only),
    repo.organisationGroups(db, process.id),
  ]);
  const reports = await repo.reports(db, process.id, { actionIds: actions.map((a) => a.id), pledgeIds: pledges.map((p) => p.id) });
  const byAction = byKey(reports, (r) => r.action_id);
  const byPledge = byKey(reports, (r) => r.pledge_id);
  const order = groups.map((g) => g.id);
  const countsByOrg = byKey(
    orgGroups.map((r) => ({ organisation_id: r.organisation_id!, stakeholder_group_id: r.stakeholder_group_id, n: Number(r.n) })),
    (r) => r.organisation_id,
  );
  const tracked: TrackedAction[] = actions.map((a) => {
    const overdue = isOverdue(a.due_on, a.status, today);
    return { ...a, overdue, late: overdue || a.status === 'late', stakeholderGroupId: groupOfOrganisation(countsByOrg.get(a.owner_organisation_id) ?? [], order), reports: byAction.get(a.id) ?? [] };
  });
  const trackedPledges: TrackedPledge[] = pledges.map((p) => ({ ...p, overdue: isOverdue(p.due_on, p.status, today), reports: byPledge.get(p.id) ?? [] }));
  const actionsByRec = byKey(tracked, (a) => a.recommendation_id);
  const pledgesByRec = byKey(trackedPledges, (p) => p.recommendation_id);
  const all = recs.map((r) => ({ recommendation: r, actions: sortByDue(actionsByRec.get(r.id) ?? []), pledges: pledgesByRec.get(r.id) ?? [] }));
  const byGroup = groups.map((g) => ({
    id: g.id,
    key: g.key,
    nameEn: g.name_en,
    nameFr: g.name_fr,
    ...figuresOf(all.map((s) => ({ actions: s.actions.filter((a) => a.stakeholderGroupId === g.id) }))),
  }));
  const sections = opts.organisationId ? all.filter((s) => s.actions.length > 0 || s.pledges.length > 0) : all;
  return { today, total: recs.length, overall: figuresOf(all), byGroup, sections };
}

/** Actions by due date, then by id. */
function sortByDue(list: TrackedAction[]): TrackedAction[] {
  return list.sort((a, b) => (a.due_on === b.due_on ? a.id.localeCompare(b.id) : a.due_on < b.due_on ? -1 : 1));
}
