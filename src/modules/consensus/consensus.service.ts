import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/roles.js';
import { authorize, type PolicyContext } from '../../platform/auth/policies.js';
import { inTransaction } from '../../platform/db/tx.js';
import { isUuid, newId } from '../../platform/lib/ids.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { recordActivity } from '../follows/index.js';
import { processById, processScope, stakeholderGroupsOf } from '../processes/index.js';
import { balance, memberStakeholderGroups } from '../participants/index.js';
import { groupMemberIds, isGroupMember } from '../groups/index.js';
import { blocksOf, documentById, documentScope, getDocument, versionById, versionByNumber, type DocumentRow, type VersionRow } from '../documents/index.js';
import { recommendationsOf } from './consensus.slots.js';
import { toSecond } from '../../platform/time/zoned.js';
import { consensusRepository as repo, type Appeal, type Call, type CallOption, type NamedPosition, type Outcome, type Position } from './consensus.repository.js';
import { tallyResults, type OptionResults } from './consensus.results.js';
import type { OpenCallBody, PositionBody } from './consensus.schema.js';
import { appealsOf, outcomesOf, type OutcomeDetail } from './outcomes.service.js';

/** A call with its options, in order. */
export interface CallDetail {
  call: Call;
  options: CallOption[];
}

/** What a call is about, resolved for display: a document version (and section), or a recommendation. */
export interface CallTarget {
  document: DocumentRow | null;
  version: Pick<VersionRow, 'id' | 'number'> | null;
  /** The section's label (§ 4.2) when the call is on a section. */
  label: string | null;
  recommendation: { id: string; number: string; titleEn: string; titleFr: string } | null;
}

/** The address of a process's calls, or of one, without the language prefix. */
export const callPath = (processSlug: string, callId?: string) => `/processes/${processSlug}/consensus${callId ? `/${callId}` : ''}`;

/**
 * True while members may state and change positions: the call is open and its deadline not
 * reached. The window is half-open to the second: a position at the deadline is refused.
 */
export function acceptingPositions(call: Pick<Call, 'status' | 'deadline'>, now: Date = new Date()): boolean {
  return call.status === 'open' && now.getTime() < call.deadline.getTime();
}

/**
 * The policy scope of a call's routes: the process and the working group the call belongs to,
 * so that group's chair may decide it. An unknown call resolves to the process alone.
 */
export async function callScope(db: Kysely<DB>, processSlug: string, callId: string): Promise<PolicyContext> {
  const { processId } = await processScope(db, processSlug);
  const call = isUuid(callId) ? await repo.call(db, callId) : undefined;
  if (!call || call.process_id !== processId) return { processId };
  return { processId, groupId: call.group_id ?? undefined };
}

/**
 * The policy scope of opening a call: the process and, when the request names a document
 * (form field, JSON body or `?document=`), that document's group, so its chair may open it.
 * The body is not validated yet here; openCall asks the policy again with the real document.
 */
export async function openScope(db: Kysely<DB>, processSlug: string, docSlug: unknown, recommendationId?: unknown): Promise<PolicyContext> {
  if (typeof docSlug !== 'string' || docSlug === '' || docSlug.length > 100) {
    const scope = await processScope(db, processSlug);
    // A call on a recommendation belongs to the working group it came from, whose chair may open it.
    if (typeof recommendationId !== 'string' || !isUuid(recommendationId) || !scope.processId) return scope;
    const rec = await recommendationOf(db, scope.processId, recommendationId);
    return { ...scope, groupId: rec?.groupId ?? undefined };
  }
  return documentScope(db, processSlug, docSlug);
}

/** A call of this process with its options; 404 when absent or elsewhere. */
export async function getCall(db: Kysely<DB>, processId: string, callId: string): Promise<CallDetail> {
  const call = isUuid(callId) ? await repo.call(db, callId) : undefined;
  if (!call || call.process_id !== processId) throw new HttpProblem(404, 'errors.notFound');
  return { call, options: await repo.options(db, [call.id]) };
}

/** A page of a process's calls, newest first, and the cursor of the next page. */
export async function listCalls(db: Kysely<DB>, processId: string, after: string | undefined, limit = 50): Promise<{ items: CallDetail[]; next: string | null }> {
  const rows = await repo.callsPage(db, processId, after, limit + 1);
  const calls = rows.slice(0, limit);
  const options = await repo.options(
    db,
    calls.map((c) => c.id),
  );
  return { items: calls.map((call) => ({ call, options: options.filter((o) => o.call_id === call.id) })), next: rows.length > limit ? (calls.at(-1)?.id ?? null) : null };
}

/** A recommendation of the process by id, through the recommendations module's hook. */
async function recommendationOf(db: Kysely<DB>, processId: string, id: string): Promise<(NonNullable<CallTarget['recommendation']> & { groupId: string | null }) | null> {
  const found = (await recommendationsOf(db, processId)).find((r) => r.id === id);
  return found ? { id, number: found.number, titleEn: found.titleEn, titleFr: found.titleFr, groupId: found.groupId } : null;
}

/** What a call is about, for its page and the API. */
export async function targetOf(db: Kysely<DB>, call: Call): Promise<CallTarget> {
  if (call.target_kind === 'recommendation') {
    const rec = call.recommendation_id ? await recommendationOf(db, call.process_id, call.recommendation_id) : null;
    return { document: null, version: null, label: null, recommendation: rec && { id: rec.id, number: rec.number, titleEn: rec.titleEn, titleFr: rec.titleFr } };
  }
  const [document, version] = await Promise.all([call.document_id ? documentById(db, call.document_id) : undefined, call.version_id ? versionById(db, call.version_id) : undefined]);
  const label = call.anchor && version ? ((await blocksOf(db, version.id)).find((b) => b.anchor === call.anchor)?.label ?? call.anchor) : null;
  return { document: document ?? null, version: version ? { id: version.id, number: version.number } : null, label, recommendation: null };
}

/** The document, version and section a new call names, checked; the call's group is the document's. */
async function documentTarget(trx: Kysely<DB>, actor: Actor, processId: string, input: OpenCallBody) {
  if (!input.document) throw new HttpProblem(422, 'consensus.errors.document', {}, { document: 'consensus.errors.document' });
  const doc = await getDocument(trx, processId, input.document, actor).catch(() => {
    throw new HttpProblem(422, 'consensus.errors.document', {}, { document: 'consensus.errors.document' });
  });
  const version = await versionByNumber(trx, doc.id, input.version ?? doc.version_count);
  if (!version) throw new HttpProblem(422, 'consensus.errors.version', {}, { version: 'consensus.errors.version' });
  if (input.target === 'document') return { doc, version, anchor: null };
  const wanted = input.anchor?.trim();
  if (!wanted) throw new HttpProblem(422, 'consensus.errors.anchorRequired', {}, { anchor: 'consensus.errors.anchorRequired' });
  // People write the anchor, the label "4.2" or "§ 4.2"; the stable anchor is what is kept.
  const bare = wanted.replace(/^§\s*/, '');
  const blocks = await blocksOf(trx, version.id);
  const block = blocks.find((b) => b.anchor === wanted) ?? blocks.find((b) => b.label === wanted || b.label === bare || b.label === `§ ${bare}`);
  if (!block) throw new HttpProblem(422, 'consensus.errors.anchor', { version: version.number }, { anchor: 'consensus.errors.anchor' });
  return { doc, version, anchor: block.anchor };
}

/**
 * Open a consensus call: a chair on their group's document, the oversight committee or a
 * convener on any text of the process (and on recommendations). The deadline is kept to the
 * second and must be in the future. With `baseUrl`, the process's followers hear of it.
 * @example await openCall(db, chair, processId, { target: 'section', document: 'labels', anchor: '4.2', questionEn, questionFr, options: [{ labelEn: 'The text as written', labelFr: 'Le texte tel quel' }], deadline: '2019-03-29T17:00:00-04:00', timeZone: 'America/Toronto', appealDays: 14 })
 */
export async function openCall(db: Kysely<DB>, actor: Actor, processId: string, input: OpenCallBody, opts: { at?: Date; baseUrl?: string } = {}): Promise<CallDetail> {
  const at = opts.at ?? new Date();
  const deadline = toSecond(new Date(input.deadline));
  if (deadline.getTime() <= at.getTime()) throw new HttpProblem(422, 'consensus.errors.deadlinePast', {}, { deadline: 'consensus.errors.deadlinePast' });
  return inTransaction(db, async (trx) => {
    let target: { groupId: string | null; documentId: string | null; versionId: string | null; anchor: string | null; recommendationId: string | null; membersOnly: boolean };
    if (input.target === 'recommendation') {
      const rec = input.recommendationId ? await recommendationOf(trx, processId, input.recommendationId) : null;
      if (!rec) throw new HttpProblem(422, 'consensus.errors.recommendation', {}, { recommendationId: 'consensus.errors.recommendation' });
      target = { groupId: rec.groupId, documentId: null, versionId: null, anchor: null, recommendationId: rec.id, membersOnly: false };
    } else {
      const { doc, version, anchor } = await documentTarget(trx, actor, processId, input);
      target = { groupId: doc.group_id, documentId: doc.id, versionId: version.id, anchor, recommendationId: null, membersOnly: doc.members_only };
    }
    // Asked here too (the demo data and the pages call this): a chair only for their group's texts.
    if (!authorize(actor, 'consensus.open', { processId, groupId: target.groupId ?? undefined }).allowed) throw new HttpProblem(403, 'errors.forbidden');
    const call = await repo.insertCall(trx, {
      id: newId(at.getTime()),
      process_id: processId,
      group_id: target.groupId,
      target_kind: input.target,
      document_id: target.documentId,
      version_id: target.versionId,
      anchor: target.anchor,
      recommendation_id: target.recommendationId,
      question_en: input.questionEn,
      question_fr: input.questionFr,
      opens_at: toSecond(at),
      deadline,
      time_zone: input.timeZone,
      appeal_days: input.appealDays,
      created_by: actor.userId,
    });
    const options = await repo.insertOptions(
      trx,
      input.options.map((o, i) => ({ id: newId(at.getTime()), call_id: call.id, position: i + 1, label_en: o.labelEn, label_fr: o.labelFr })),
    );
    await recordAudit(trx, { actorId: actor.userId, action: 'consensus.open', entityType: 'consensus_call', entityId: call.id, processId, after: { ...call, options: options.map((o) => ({ ...o })) } });
    // Followers hear of public calls (the demo data passes no base URL and mails no one).
    if (opts.baseUrl !== undefined && !target.membersOnly) {
      const process = await processById(trx, processId);
      await recordActivity(
        trx,
        { processId, groupId: target.groupId, kind: 'consensus.opened', titleEn: `Consensus call: ${input.questionEn}`, titleFr: `Appel au consensus : ${input.questionFr}`, path: callPath(process.slug, call.id) },
        opts.baseUrl,
      );
    }
    return { call, options };
  });
}

/**
 * State or change a member's position on one option. Only members of the process (of the
 * working group, for a group's call) may; the member's stakeholder group and organisation
 * today are kept on the position. The old position stays, superseded; until the deadline
 * (to the second) only.
 * @example await statePosition(db, member, callId, { optionId, stance: 'object', reason: 'Section 4.2 leaves out medical devices.' })
 */
export async function statePosition(db: Kysely<DB>, actor: Actor, callId: string, input: PositionBody, opts: { at?: Date } = {}): Promise<Position> {
  const call = isUuid(callId) ? await repo.call(db, callId) : undefined;
  if (!call) throw new HttpProblem(404, 'errors.notFound');
  return statePositionOn(db, actor, { call, options: await repo.options(db, [call.id]) }, input, opts);
}

/**
 * statePosition on a call already loaded with its options (a route's scope did): inside the
 * transaction, one locked read of the call brings the member's stakeholder group with it.
 * Options never change once a call is open, so the loaded ones are checked.
 */
export async function statePositionOn(db: Kysely<DB>, actor: Actor, detail: CallDetail, input: PositionBody, opts: { at?: Date } = {}): Promise<Position> {
  const at = opts.at ?? new Date();
  const reason = input.reason?.trim() || null;
  if (input.stance === 'object' && !reason) throw new HttpProblem(422, 'consensus.errors.reasonRequired', {}, { reason: 'consensus.errors.reasonRequired' });
  return inTransaction(db, async (trx) => {
    const locked = await repo.lockCallForMember(trx, detail.call.id, actor.userId);
    if (!locked) throw new HttpProblem(404, 'errors.notFound');
    const { member, ...call } = locked;
    if (call.status === 'closed') throw new HttpProblem(409, 'consensus.errors.closed');
    if (!acceptingPositions(call, at)) throw new HttpProblem(409, 'consensus.errors.deadlinePassed');
    if (!detail.options.some((o) => o.id === input.optionId)) throw new HttpProblem(422, 'consensus.errors.option', {}, { optionId: 'consensus.errors.option' });
    if (!member) throw new HttpProblem(403, 'consensus.errors.notMember');
    // A signed-in member's groups come with the session; an actor made up by the demo data has none, so it is read.
    if (call.group_id && !actor.groupRoles.get(call.group_id)?.has('member') && !(await isGroupMember(trx, call.group_id, actor.userId))) {
      throw new HttpProblem(403, 'consensus.errors.notGroupMember');
    }
    const before = await repo.currentPosition(trx, call.id, input.optionId, actor.userId);
    // Saying the same thing twice adds nothing to the history.
    if (before && before.stance === input.stance && before.reason === reason && before.stakeholder_group_id === member.stakeholder_group_id) return before;
    if (before) await repo.supersede(trx, before.id, at);
    const after = await repo.insertPosition(trx, {
      id: newId(at.getTime()),
      call_id: call.id,
      option_id: input.optionId,
      user_id: actor.userId,
      stakeholder_group_id: member.stakeholder_group_id,
      organisation_id: member.organisation_id,
      stance: input.stance,
      reason,
      created_at: at,
    });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: before ? 'consensus.position.change' : 'consensus.position',
      entityType: 'consensus_position',
      entityId: after.id,
      processId: call.process_id,
      before: before ? { ...before } : null,
      after: { ...after },
    });
    return after;
  });
}

/** The current positions of a call (one per member and option), with names. */
export const currentPositions = (db: Kysely<DB>, callId: string) => repo.currentPositions(db, callId);

/** A page of every position ever stated on a call, newest first, and the cursor of the next. */
export async function positionHistory(db: Kysely<DB>, callId: string, after: string | undefined, limit = 100): Promise<{ items: NamedPosition[]; next: string | null }> {
  const rows = await repo.history(db, callId, after, limit + 1);
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

/**
 * Results of a call by stakeholder group, for each option: counts per stance (positions count
 * under the group they were stated from) and how many eligible members of each group have no
 * current position — the process's members, or the working group's for a group's call.
 */
export async function resultsByGroup(db: Kysely<DB>, callId: string): Promise<OptionResults[]> {
  const call = isUuid(callId) ? await repo.call(db, callId) : undefined;
  if (!call) throw new HttpProblem(404, 'errors.notFound');
  // The call names its process: its stakeholder groups are read by that id, not the process again.
  const processId = call.process_id;
  const [groups, options, positions] = await Promise.all([stakeholderGroupsOf(db, processId), repo.options(db, [call.id]), repo.currentPositions(db, call.id)]);
  const idByKey = new Map(groups.map((g) => [g.key, g.id]));
  const eligible = call.group_id ? await groupMemberIds(db, call.group_id) : undefined;
  const responderIds = [...new Set(positions.map((p) => p.user_id))];
  // One read of who is in which group, then every option is counted from it (not a query per option).
  const [everyone, groupOf] = await Promise.all([
    eligible ? undefined : balance(db, processId, groups).then((b) => new Map(b.rows.map((r) => [idByKey.get(r.key) ?? r.key, r.count]))),
    memberStakeholderGroups(db, processId, eligible ? [...new Set([...eligible, ...responderIds])] : responderIds),
  ]);
  const countByGroup = (userIds: Iterable<string>) => {
    const counts = new Map<string, number>();
    for (const id of userIds) {
      const g = groupOf.get(id);
      if (g) counts.set(g, (counts.get(g) ?? 0) + 1);
    }
    return counts;
  };
  const noResponse = new Map<string, Map<string, number>>();
  for (const o of options) {
    const responders = new Set(positions.filter((p) => p.option_id === o.id).map((p) => p.user_id));
    if (eligible) {
      noResponse.set(o.id, countByGroup(eligible.filter((id) => !responders.has(id))));
    } else {
      // Members minus the members who responded (counted by today's group, like the members).
      const answered = countByGroup(responders);
      noResponse.set(o.id, new Map([...everyone!].map(([g, n]) => [g, n - (answered.get(g) ?? 0)])));
    }
  }
  return tallyResults(
    options.map((o) => o.id),
    groups,
    positions,
    noResponse,
  );
}

/** What the final report needs of a call: the call, its current outcome and its results by group. */
export interface ConsensusSummary extends CallDetail {
  outcome: Outcome | null;
  results: OptionResults[];
}

/**
 * A call's current outcome and per-stakeholder-group results, for the final and process reports.
 * @example const { outcome, results } = await consensusSummary(db, callId)
 */
export async function consensusSummary(db: Kysely<DB>, callId: string): Promise<ConsensusSummary> {
  const call = isUuid(callId) ? await repo.call(db, callId) : undefined;
  if (!call) throw new HttpProblem(404, 'errors.notFound');
  const [options, outcome, results] = await Promise.all([repo.options(db, [call.id]), repo.currentOutcome(db, call.id), resultsByGroup(db, call.id)]);
  return { call, options, outcome: outcome ?? null, results };
}

/** The current outcome of each call that has one, in one query (for lists of recommendations). */
export async function currentOutcomes(db: Kysely<DB>, callIds: string[]): Promise<Map<string, Outcome>> {
  const out = new Map<string, Outcome>();
  // Newest first: the first seen per call is the one currentOutcome would pick.
  for (const o of await repo.currentOutcomes(db, callIds.filter(isUuid))) if (!out.has(o.call_id)) out.set(o.call_id, o);
  return out;
}

/** Everything a call's page and the API show: the call, its target, results by group, outcomes and appeals. */
export interface CallRecord {
  detail: CallDetail;
  target: CallTarget;
  results: OptionResults[];
  outcomes: OutcomeDetail[];
  appeals: Appeal[];
}

/** A call of this process with everything about it; 404 when absent or elsewhere. */
export async function callRecord(db: Kysely<DB>, processId: string, callId: string): Promise<CallRecord> {
  const detail = await getCall(db, processId, callId);
  const [target, results, outcomes, appeals] = await Promise.all([targetOf(db, detail.call), resultsByGroup(db, detail.call.id), outcomesOf(db, detail.call.id), appealsOf(db, detail.call.id)]);
  return { detail, target, results, outcomes, appeals };
}
