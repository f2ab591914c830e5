import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { ORGANISATION_ROLES, type Actor } from '../../platform/auth/roles.js';
import { authorize } from '../../platform/auth/policies.js';
import { inTransaction } from '../../platform/db/tx.js';
import { isUuid, newId } from '../../platform/lib/ids.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { membership, organisationRolesOf } from '../participants/index.js';
import { listRecommendations } from '../recommendations/index.js';
import { NEEDS_REASON, type ActionBody, type PledgeBody, type ProgressBody } from './accountability.schema.js';
import { accountabilityRepository as repo, type ActionRow, type PledgeRow, type RecommendationRef } from './accountability.repository.js';

/** Optional settings for the writers: `at` back-dates the record (the demo's 2019–2021 history). */
export interface WriteOptions {
  at?: Date | undefined;
  /** Record both reminders as sent at `at`: history loaded after the fact must not mail its owners today. */
  remindersSent?: boolean | undefined;
}

/** True when the actor sits on the action committee of the process (or convenes it, or is an administrator). */
export function isCommittee(actor: Actor | null, processId: string): boolean {
  return authorize(actor, 'action.update', { processId }).allowed;
}

/** A recommendation of the process; 404 (on the field) when it is another process's or absent. */
export async function recommendationIn(db: Kysely<DB>, processId: string, id: string): Promise<RecommendationRef> {
  const rec = isUuid(id) ? await repo.recommendation(db, id) : undefined;
  if (!rec || rec.process_id !== processId) throw new HttpProblem(404, 'accountability.errors.recommendation', {}, { recommendationId: 'accountability.errors.recommendation' });
  return rec;
}

/** The recommendations of a process in their order, read through the recommendations feature's service. */
export async function recommendationsOf(db: Kysely<DB>, processId: string): Promise<RecommendationRef[]> {
  return (await listRecommendations(db, processId)).map(({ row }) => ({ id: row.id, process_id: row.process_id, number: row.number, position: row.position, title_en: row.title_en, title_fr: row.title_fr }));
}

/** One action with its names; 404 when absent or in another process. */
export async function getAction(db: Kysely<DB>, processId: string, actionId: string): Promise<ActionRow> {
  const [a] = isUuid(actionId) ? await repo.actions(db, processId, { id: actionId }) : [];
  if (!a) throw new HttpProblem(404, 'errors.notFound');
  return a;
}

/** One pledge with its names; 404 when absent or in another process. */
export async function getPledge(db: Kysely<DB>, processId: string, pledgeId: string): Promise<PledgeRow> {
  const [p] = isUuid(pledgeId) ? await repo.pledges(db, processId, { id: pledgeId }) : [];
  if (!p) throw new HttpProblem(404, 'errors.notFound');
  return p;
}

/** A page of a process's actions by id (keyset), and the cursor of the next page. */
export async function listActions(db: Kysely<DB>, processId: string, after: string | undefined, limit = 100): Promise<{ items: ActionRow[]; next: string | null }> {
  const rows = await repo.actions(db, processId, { after, limit: limit + 1 });
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

/** A page of a process's pledges by id (keyset), and the cursor of the next page. */
export async function listPledges(db: Kysely<DB>, processId: string, after: string | undefined, limit = 100): Promise<{ items: PledgeRow[]; next: string | null }> {
  const rows = await repo.pledges(db, processId, { after, limit: limit + 1 });
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

/** The progress history of some actions and pledges, oldest first. */
export const reportsOf = (db: Kysely<DB>, processId: string, f: { actionIds?: string[]; pledgeIds?: string[] }) => repo.reports(db, processId, f);

/**
 * The organisation a process member named when joining, if any: an affiliation shown beside
 * their name, and the default organisation of their pledges — never a right by itself.
 */
async function affiliationOf(db: Kysely<DB>, processId: string, userId: string): Promise<string | null> {
  return (await membership(db, processId, userId))?.organisation_id ?? null;
}

/**
 * The capacity in which the actor acts for an organisation: the first confirmed role they hold
 * for it (owner, representative, manufacturer, assessor), or 'admin' for site administrators;
 * null when the policy refuses (no confirmed role — naming the organisation on joining is not one).
 */
export function capacityFor(actor: Actor | null, organisationId: string): string | null {
  if (!authorize(actor, 'organisation.actFor', { organisationId }).allowed) return null;
  const held = actor!.organisationRoles.get(organisationId);
  return ORGANISATION_ROLES.find((r) => held?.has(r)) ?? 'admin';
}

/** The capacity in which the actor reports as the action committee (or a convener, or an administrator), or null. */
function committeeCapacity(actor: Actor, processId: string): string | null {
  if (!isCommittee(actor, processId)) return null;
  if (actor.isAdmin) return 'admin';
  return actor.processRoles.get(processId)?.has('action_committee') ? 'action_committee' : 'convener';
}

/** Who acted and as what on a report: for the organisation when they hold a confirmed role, else as the committee. */
export interface Capacity {
  acting_organisation_id: string | null;
  acting_as: string;
}

/** The capacity of a report on something an organisation owns, or null when the actor may not write it. */
function reportCapacity(actor: Actor | null, processId: string, organisationId: string): Capacity | null {
  if (!actor) return null;
  const forOrg = capacityFor(actor, organisationId);
  if (forOrg && forOrg !== 'admin') return { acting_organisation_id: organisationId, acting_as: forOrg };
  const committee = committeeCapacity(actor, processId);
  return committee ? { acting_organisation_id: null, acting_as: committee } : null;
}

/** The refusal of a write for an organisation the actor holds no confirmed role for. */
const notConfirmed = () => new HttpProblem(403, 'accountability.errors.notConfirmed', {}, { organisationId: 'accountability.errors.notConfirmed' });

/**
 * Check the owner organisation and the contact of an action: the contact must hold a confirmed
 * role for the owner (they receive its reminders and answer for it).
 */
async function checkOwner(db: Kysely<DB>, input: ActionBody): Promise<void> {
  if (!(await repo.organisationName(db, input.ownerOrganisationId))) {
    throw new HttpProblem(422, 'accountability.errors.organisation', {}, { ownerOrganisationId: 'accountability.errors.organisation' });
  }
  if (input.contactUserId && !(await organisationRolesOf(db, input.ownerOrganisationId, input.contactUserId)).length) {
    throw new HttpProblem(422, 'accountability.errors.contactNotOwner', {}, { contactUserId: 'accountability.errors.contactNotOwner' });
  }
}

const actionColumns = (input: ActionBody) => ({
  recommendation_id: input.recommendationId,
  title_en: input.titleEn,
  title_fr: input.titleFr,
  owner_organisation_id: input.ownerOrganisationId,
  contact_user_id: input.contactUserId ?? null,
  due_on: input.dueOn,
  measure_en: input.measureEn,
  measure_fr: input.measureFr,
});

/**
 * Turn a recommendation into an action (the action committee and conveners).
 * @example await createAction(db, actor, processId, { recommendationId, titleEn, titleFr, ownerOrganisationId, contactUserId, dueOn: '2020-06-30', measureEn, measureFr }, { at: new Date('2019-11-02T15:00:00Z'), remindersSent: true })
 */
export async function createAction(db: Kysely<DB>, actor: Actor, processId: string, input: ActionBody, opts: WriteOptions = {}): Promise<ActionRow> {
  if (!authorize(actor, 'action.create', { processId }).allowed) throw new HttpProblem(403, 'errors.forbidden');
  const at = opts.at ?? new Date();
  const id = await inTransaction(db, async (trx) => {
    await recommendationIn(trx, processId, input.recommendationId);
    await checkOwner(trx, input);
    const reminded = opts.remindersSent ? { reminded_due_at: at, reminded_overdue_at: at } : {};
    const row = await repo.insertAction(trx, { id: newId(at.getTime()), process_id: processId, ...actionColumns(input), ...reminded, status_at: at, created_by: actor.userId, created_at: at, updated_at: at });
    await recordAudit(trx, { actorId: actor.userId, action: 'action.create', entityType: 'action', entityId: row.id, processId, after: { ...row } });
    return row.id;
  });
  return getAction(db, processId, id);
}

/**
 * Change an action's fields (the action committee and conveners). Its status only changes
 * through progress reports. A new due date clears the reminders already sent for the old one.
 */
export async function updateAction(db: Kysely<DB>, actor: Actor, processId: string, actionId: string, input: ActionBody): Promise<ActionRow> {
  if (!authorize(actor, 'action.update', { processId }).allowed) throw new HttpProblem(403, 'errors.forbidden');
  await inTransaction(db, async (trx) => {
    const before = isUuid(actionId) ? await repo.lockAction(trx, actionId) : undefined;
    if (!before || before.process_id !== processId) throw new HttpProblem(404, 'errors.notFound');
    await recommendationIn(trx, processId, input.recommendationId);
    await checkOwner(trx, input);
    const moved = before.due_on !== input.dueOn;
    const after = await repo.updateAction(trx, actionId, { ...actionColumns(input), updated_at: new Date(), ...(moved ? { reminded_due_at: null, reminded_overdue_at: null } : {}) });
    await recordAudit(trx, { actorId: actor.userId, action: 'action.update', entityType: 'action', entityId: actionId, processId, before: { ...before }, after: { ...after } });
  });
  return getAction(db, processId, actionId);
}

/**
 * Sign a pledge in an organisation's name: the one given, or by default the one the signer named
 * when joining. The policy ('organisation.actFor') is asked with that organisation: without a
 * confirmed role for it the signer is refused (403) with a message saying how to get one. The
 * pledge keeps the role they signed in.
 * @example await signPledge(db, actor, processId, { recommendationId, text: 'We will…', lang: 'en', dueOn: '2021-03-31' }, { at: new Date('2020-01-15T14:00:00Z') })
 */
export async function signPledge(db: Kysely<DB>, actor: Actor, processId: string, input: PledgeBody, opts: WriteOptions = {}): Promise<PledgeRow> {
  const at = opts.at ?? new Date();
  const id = await inTransaction(db, async (trx) => {
    await recommendationIn(trx, processId, input.recommendationId);
    const own = input.organisationId ?? (await affiliationOf(trx, processId, actor.userId));
    if (!own) throw new HttpProblem(403, 'accountability.errors.notRepresenting', {}, { organisationId: 'accountability.errors.notRepresenting' });
    // An administrator passes the policy for any id: an unknown organisation is a field error, not a 500.
    if (!(await repo.organisationName(trx, own))) throw new HttpProblem(422, 'accountability.errors.organisation', {}, { organisationId: 'accountability.errors.organisation' });
    const as = capacityFor(actor, own);
    if (!as) throw notConfirmed();
    const row = await repo.insertPledge(trx, {
      id: newId(at.getTime()),
      process_id: processId,
      recommendation_id: input.recommendationId,
      organisation_id: own,
      text: input.text,
      lang: input.lang,
      due_on: input.dueOn ?? null,
      status_at: at,
      signed_by: actor.userId,
      signed_as: as,
      signed_at: at,
    });
    await recordAudit(trx, { actorId: actor.userId, action: 'pledge.sign', entityType: 'pledge', entityId: row.id, processId, after: { ...row } });
    return row.id;
  });
  return getPledge(db, processId, id);
}

/**
 * True when the actor may report on an action: someone with a confirmed role for its owner
 * organisation (its contact must hold one), or the committee.
 */
export function mayReportOnAction(actor: Actor | null, a: { process_id: string; owner_organisation_id: string }): boolean {
  return reportCapacity(actor, a.process_id, a.owner_organisation_id) !== null;
}

/** True when the actor may report on a pledge: someone with a confirmed role for its organisation, or the committee. */
export function mayReportOnPledge(actor: Actor | null, p: { process_id: string; organisation_id: string }): boolean {
  return reportCapacity(actor, p.process_id, p.organisation_id) !== null;
}

/** The checks every report passes, whatever its target: a reason when the status needs one. */
function checkReport(input: ProgressBody): void {
  if (NEEDS_REASON.includes(input.status) && !input.reason?.trim()) {
    throw new HttpProblem(422, 'accountability.errors.reasonRequired', {}, { reason: 'accountability.errors.reasonRequired' });
  }
}

const reportColumns = (input: ProgressBody) => ({ status: input.status, body: input.body, reason: input.reason?.trim() || null, lang: input.lang, evidence_urls: [...new Set(input.evidenceUrls)] });

/**
 * Post a progress report on an action; the action's status becomes the latest report's.
 * Reports are kept as written (a trigger refuses changes), so the history stays visible.
 * @example await reportOnAction(db, actor, processId, actionId, { status: 'on_track', body: 'Draft published.', lang: 'en', evidenceUrls: ['https://example.org/draft'] }, { at: new Date('2020-03-01T12:00:00Z') })
 */
export async function reportOnAction(db: Kysely<DB>, actor: Actor, processId: string, actionId: string, input: ProgressBody, opts: WriteOptions = {}) {
  checkReport(input);
  const at = opts.at ?? new Date();
  return inTransaction(db, async (trx) => {
    const a = isUuid(actionId) ? await repo.lockAction(trx, actionId) : undefined;
    if (!a || a.process_id !== processId) throw new HttpProblem(404, 'errors.notFound');
    const by = reportCapacity(actor, processId, a.owner_organisation_id);
    if (!by) throw notConfirmed();
    const row = await repo.insertReport(trx, { id: newId(at.getTime()), process_id: processId, action_id: a.id, pledge_id: null, ...reportColumns(input), ...by, author_id: actor.userId, reported_at: at });
    const latest = (await repo.latestReport(trx, { actionId: a.id }))!;
    await repo.setActionStatus(trx, a.id, latest.status, latest.reported_at);
    await recordAudit(trx, { actorId: actor.userId, action: 'progress.report', entityType: 'progress_report', entityId: row.id, processId, after: { ...row } });
    return row;
  });
}

/** Post a progress report on a pledge; the pledge's status becomes the latest report's. */
export async function reportOnPledge(db: Kysely<DB>, actor: Actor, processId: string, pledgeId: string, input: ProgressBody, opts: WriteOptions = {}) {
  checkReport(input);
  const at = opts.at ?? new Date();
  return inTransaction(db, async (trx) => {
    const p = isUuid(pledgeId) ? await repo.lockPledge(trx, pledgeId) : undefined;
    if (!p || p.process_id !== processId) throw new HttpProblem(404, 'errors.notFound');
    const by = reportCapacity(actor, processId, p.organisation_id);
    if (!by) throw notConfirmed();
    const row = await repo.insertReport(trx, { id: newId(at.getTime()), process_id: processId, action_id: null, pledge_id: p.id, ...reportColumns(input), ...by, author_id: actor.userId, reported_at: at });
    const latest = (await repo.latestReport(trx, { pledgeId: p.id }))!;
    await repo.setPledgeStatus(trx, p.id, latest.status, latest.reported_at);
    await recordAudit(trx, { actorId: actor.userId, action: 'progress.report', entityType: 'progress_report', entityId: row.id, processId, after: { ...row } });
    return row;
  });
}

/** What a reader may do on the tracker: act as the committee, and pledge for the organisation they named on joining (when confirmed for it). */
export interface TrackerRights {
  committee: boolean;
  userId: string | null;
  organisationId: string | null;
}

/** The reader's rights on a process's tracker (one membership read, whatever the number of actions). */
export async function trackerRights(db: Kysely<DB>, actor: Actor | null, processId: string): Promise<TrackerRights> {
  if (!actor) return { committee: false, userId: null, organisationId: null };
  const own = await affiliationOf(db, processId, actor.userId);
  return { committee: isCommittee(actor, processId), userId: actor.userId, organisationId: own && capacityFor(actor, own) ? own : null };
}

/** An organisation's name; 404 when there is none with that id. */
export async function organisationName(db: Kysely<DB>, id: string): Promise<string> {
  const name = isUuid(id) ? await repo.organisationName(db, id) : undefined;
  if (name === undefined) throw new HttpProblem(404, 'errors.notFound');
  return name;
}
