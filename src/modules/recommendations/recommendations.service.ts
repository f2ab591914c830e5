import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/roles.js';
import { authorize, type PolicyContext } from '../../platform/auth/policies.js';
import { inTransaction } from '../../platform/db/tx.js';
import { newId } from '../../platform/lib/ids.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { processScope, stakeholderGroupsOf } from '../processes/index.js';
import { listGroups } from '../groups/index.js';
import { organisations, organisationsByIds } from '../participants/index.js';
import { blocksOf, documentById, getDocument, type DocumentRow } from '../documents/index.js';
import { consensusSummary, currentOutcomes } from '../consensus/index.js';
import type { ConsensusOutcome, RecommendationSubject } from '../consensus/index.js';
import type { CreateRecommendationBody, RecommendationFields } from './recommendations.schema.js';
import { recommendationsRepository as repo, type AddresseeRow, type RecommendationRow } from './recommendations.repository.js';

/** Who should act on a recommendation, with its name in both languages. */
export interface Addressee {
  kind: 'stakeholder_group' | 'organisation';
  id: string;
  nameEn: string;
  nameFr: string;
}

/** A recommendation with everything a page or the API shows about it (names resolved). */
export interface RecommendationDetail {
  row: RecommendationRow;
  group: { id: string; slug: string; nameEn: string; nameFr: string } | null;
  section: { documentId: string; documentSlug: string; documentTitle: string; documentLang: 'en' | 'fr'; anchor: string | null; label: string | null } | null;
  addressees: Addressee[];
}

/** The outcome of the consensus call behind a recommendation: null while none is declared. */
export interface ConsensusResult {
  callId: string;
  outcome: ConsensusOutcome | null;
  decidedAt: Date | null;
}

/** The address of a process's recommendations, or of one, without the language prefix. */
export function recommendationPath(processSlug: string, number?: string): string {
  return `/processes/${processSlug}/recommendations${number === undefined ? '' : `/${encodeURIComponent(number)}`}`;
}

/** Numbers that are addresses of pages of their own. */
const RESERVED_NUMBERS = new Set(['new']);

/** The policy scope of every recommendation route: the process. */
export const recommendationScope = (db: Kysely<DB>, processSlug: string): Promise<PolicyContext> => processScope(db, processSlug);

/** Turn rows into details, resolving groups, sections and addressees through their features' services. */
async function detailsOf(db: Kysely<DB>, processId: string, rows: RecommendationRow[]): Promise<RecommendationDetail[]> {
  if (rows.length === 0) return [];
  const addressees = await repo.addressees(
    db,
    rows.map((r) => r.id),
  );
  const orgIds = addressees.flatMap((a) => a.organisation_id ?? []);
  const [groups, stakeholderGroups, orgs] = await Promise.all([
    listGroups(db, processId),
    stakeholderGroupsOf(db, processId),
    organisationsByIds(db, orgIds),
  ]);
  const docIds = [...new Set(rows.map((r) => r.document_id).filter((d): d is string => d !== null))];
  const docs = new Map<string, DocumentRow>();
  const labels = new Map<string, string>();
  for (const id of docIds) {
    const d = await documentById(db, id);
    if (d) docs.set(id, d);
    // Readers know a section by its label (4.2, ¶ 3); an anchor the current version dropped has none.
    if (d?.current_version_id) for (const b of await blocksOf(db, d.current_version_id)) labels.set(`${id}#${b.anchor}`, b.label);
  }
  const groupById = new Map(groups.map((g) => [g.group.id, g.group]));
  const sgById = new Map(stakeholderGroups.map((s) => [s.id, s]));
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const named = (a: AddresseeRow): Addressee | undefined => {
    if (a.stakeholder_group_id) {
      const s = sgById.get(a.stakeholder_group_id);
      return s && { kind: 'stakeholder_group', id: s.id, nameEn: s.name_en, nameFr: s.name_fr };
    }
    const o = a.organisation_id ? orgById.get(a.organisation_id) : undefined;
    return o && { kind: 'organisation', id: o.id, nameEn: o.name, nameFr: o.name };
  };
  return rows.map((row) => {
    const g = row.group_id ? groupById.get(row.group_id) : undefined;
    const d = row.document_id ? docs.get(row.document_id) : undefined;
    return {
      row,
      group: g ? { id: g.id, slug: g.slug, nameEn: g.name_en, nameFr: g.name_fr } : null,
      section: d
        ? {
            documentId: d.id,
            documentSlug: d.slug,
            documentTitle: d.title,
            documentLang: d.lang,
            anchor: row.anchor,
            label: row.anchor ? (labels.get(`${d.id}#${row.anchor}`) ?? null) : null,
          }
        : null,
      // Stakeholder groups first (in the process's order), then organisations by name.
      addressees: addressees
        .filter((a) => a.recommendation_id === row.id)
        .map(named)
        .filter((a): a is Addressee => a !== undefined)
        .sort((x, y) => (x.kind === y.kind ? (x.kind === 'organisation' ? x.nameEn.localeCompare(y.nameEn) : 0) : x.kind === 'stakeholder_group' ? -1 : 1)),
    };
  });
}

/** A process's recommendations in order, ready for a presenter (names of groups, sections and addressees resolved). */
/** The process's recommendations as consensus calls see them (lent to consensus through the manifest). */
export async function recommendationSubjects(db: Kysely<DB>, processId: string): Promise<RecommendationSubject[]> {
  return (await repo.byProcess(db, processId)).map((r) => ({ id: r.id, number: r.number, titleEn: r.title_en, titleFr: r.title_fr, groupId: r.group_id }));
}

export async function listRecommendations(db: Kysely<DB>, processId: string): Promise<RecommendationDetail[]> {
  return detailsOf(db, processId, await repo.byProcess(db, processId));
}

/** One recommendation by its number, ready for a presenter; 404 when the process has none with that number. */
export async function getRecommendation(db: Kysely<DB>, processId: string, number: string): Promise<RecommendationDetail> {
  const row = await repo.byNumber(db, processId, number);
  if (!row) throw new HttpProblem(404, 'errors.notFound');
  const [detail] = await detailsOf(db, processId, [row]);
  return detail!;
}

/**
 * The outcomes of the consensus calls behind these recommendations, by call id, from the
 * consensus feature (one summary per call: for a page or a report, not for every list).
 */
export async function consensusResults(db: Kysely<DB>, details: RecommendationDetail[]): Promise<Map<string, ConsensusResult>> {
  const callIds = [...new Set(details.flatMap((d) => d.row.consensus_call_id ?? []))];
  const outcomes = await currentOutcomes(db, callIds);
  return new Map(
    callIds.map((callId) => {
      const o = outcomes.get(callId);
      return [callId, { callId, outcome: o?.outcome ?? null, decidedAt: o?.decided_at ?? null }];
    }),
  );
}

/** Group, section and addressees checked against the process; what the row stores. */
async function resolveFields(trx: Kysely<DB>, actor: Actor, processId: string, input: RecommendationFields) {
  let groupId: string | null = null;
  if (input.group) {
    const group = (await listGroups(trx, processId)).find((g) => g.group.slug === input.group);
    if (!group) throw new HttpProblem(422, 'recommendations.errors.noSuchGroup', {}, { group: 'recommendations.errors.noSuchGroup' });
    groupId = group.group.id;
  }
  let documentId: string | null = null;
  let anchor: string | null = null;
  if (input.anchor && !input.document)
    throw new HttpProblem(422, 'recommendations.errors.anchorWithoutDocument', {}, { document: 'recommendations.errors.anchorWithoutDocument' });
  if (input.document) {
    const doc = await getDocument(trx, processId, input.document, actor).catch(() => undefined);
    if (!doc) throw new HttpProblem(422, 'recommendations.errors.noSuchDocument', {}, { document: 'recommendations.errors.noSuchDocument' });
    documentId = doc.id;
    if (input.anchor) {
      // People write the anchor, the label "4.2" or "§ 4.2"; the stable anchor is what is kept.
      const blocks = doc.current_version_id ? await blocksOf(trx, doc.current_version_id) : [];
      const bare = input.anchor.replace(/^§\s*/, '');
      const block =
        blocks.find((b) => b.anchor === input.anchor) ?? blocks.find((b) => b.label === input.anchor || b.label === bare || b.label === `§ ${bare}`);
      if (!block) throw new HttpProblem(422, 'recommendations.errors.noSuchAnchor', {}, { anchor: 'recommendations.errors.noSuchAnchor' });
      anchor = block.anchor;
    }
  }
  if (input.consensusCallId) {
    const summary = await consensusSummary(trx, input.consensusCallId).catch(() => undefined);
    if (summary?.call.process_id !== processId)
      throw new HttpProblem(422, 'recommendations.errors.consensusCall', {}, { consensusCallId: 'recommendations.errors.consensusCall' });
  }
  const stakeholderGroups = await stakeholderGroupsOf(trx, processId);
  const sgIds = [...new Set(input.stakeholderGroupIds)];
  if (sgIds.some((id) => !stakeholderGroups.some((s) => s.id === id)))
    throw new HttpProblem(422, 'recommendations.errors.stakeholderGroup', {}, { stakeholderGroupIds: 'recommendations.errors.stakeholderGroup' });
  const orgIds = [...new Set(input.organisationIds)];
  if (orgIds.length) {
    const known = new Set((await organisations(trx)).map((o) => o.id));
    if (orgIds.some((id) => !known.has(id)))
      throw new HttpProblem(422, 'recommendations.errors.organisation', {}, { organisationIds: 'recommendations.errors.organisation' });
  }
  const fields = {
    title_en: input.titleEn,
    title_fr: input.titleFr,
    text_en: input.textEn,
    text_fr: input.textFr,
    priority: input.priority,
    group_id: groupId,
    document_id: documentId,
    anchor,
    consensus_call_id: input.consensusCallId ?? null,
  };
  return { fields, sgIds, orgIds };
}

/** The addressee rows of a recommendation. */
function addresseeRows(recommendationId: string, sgIds: string[], orgIds: string[]) {
  return [
    ...sgIds.map((id) => ({ id: newId(), recommendation_id: recommendationId, stakeholder_group_id: id, organisation_id: null })),
    ...orgIds.map((id) => ({ id: newId(), recommendation_id: recommendationId, stakeholder_group_id: null, organisation_id: id })),
  ];
}

/** Refuse an actor the rule does not allow: the service is called by the API, the pages and the demo data. */
function allow(actor: Actor, action: 'recommendation.create' | 'recommendation.update', processId: string): void {
  if (!authorize(actor, action, { processId }).allowed) throw new HttpProblem(403, 'errors.forbidden');
}

/** A database refusal a person can fix (a taken number in a race, an unknown consensus call), as a 4xx; other errors rethrow. */
function asProblem(err: unknown): never {
  const e = err as { code?: string; constraint?: string; message?: string };
  const names = `${e.constraint ?? ''} ${e.message ?? ''}`;
  if (e.code === '23505' && names.includes('recommendations_number'))
    throw new HttpProblem(409, 'recommendations.errors.numberTaken', {}, { number: 'recommendations.errors.numberTaken' });
  if (e.code === '23503' && names.includes('consensus_call'))
    throw new HttpProblem(422, 'recommendations.errors.consensusCall', {}, { consensusCallId: 'recommendations.errors.consensusCall' });
  throw err;
}

/**
 * Create a recommendation with its addressees, in one transaction with its audit event.
 * The number must be free in the process: it is the recommendation's permanent address.
 * @example await createRecommendation(db, actor, processId, { number: '4.2', titleEn, titleFr, textEn, textFr, priority: 'high', group: 'labelling', document: 'outcomes-report', anchor: '4.2', stakeholderGroupIds: [sg.id], organisationIds: [] })
 */
export async function createRecommendation(
  db: Kysely<DB>,
  actor: Actor,
  processId: string,
  input: CreateRecommendationBody,
  opts: { at?: Date } = {},
): Promise<RecommendationDetail> {
  allow(actor, 'recommendation.create', processId);
  if (RESERVED_NUMBERS.has(input.number.toLowerCase()))
    throw new HttpProblem(422, 'recommendations.errors.numberReserved', {}, { number: 'recommendations.errors.numberReserved' });
  const at = opts.at ?? new Date();
  const row = await inTransaction(db, async (trx) => {
    if (await repo.byNumber(trx, processId, input.number))
      throw new HttpProblem(409, 'recommendations.errors.numberTaken', { number: input.number }, { number: 'recommendations.errors.numberTaken' });
    const { fields, sgIds, orgIds } = await resolveFields(trx, actor, processId, input);
    const id = newId(at.getTime());
    const position = await repo.nextPosition(trx, processId);
    const created = await repo.insert(trx, {
      id,
      process_id: processId,
      number: input.number,
      position,
      ...fields,
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
    });
    await repo.replaceAddressees(trx, id, addresseeRows(id, sgIds, orgIds));
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'recommendation.create',
      entityType: 'recommendation',
      entityId: id,
      processId,
      after: { ...created, stakeholderGroupIds: sgIds, organisationIds: orgIds },
    });
    return created;
  }).catch(asProblem);
  return getRecommendation(db, processId, row.number);
}

/** Change what a recommendation says, where it came from and who should act (its number stays), audited. */
export async function updateRecommendation(
  db: Kysely<DB>,
  actor: Actor,
  processId: string,
  number: string,
  input: RecommendationFields,
  opts: { at?: Date } = {},
): Promise<RecommendationDetail> {
  allow(actor, 'recommendation.update', processId);
  await inTransaction(db, async (trx) => {
    const before = await repo.byNumber(trx, processId, number);
    if (!before) throw new HttpProblem(404, 'errors.notFound');
    const beforeAddressees = await repo.addressees(trx, [before.id]);
    const { fields, sgIds, orgIds } = await resolveFields(trx, actor, processId, input);
    const after = await repo.update(trx, before.id, { ...fields, updated_at: opts.at ?? new Date() });
    await repo.replaceAddressees(trx, before.id, addresseeRows(before.id, sgIds, orgIds));
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'recommendation.update',
      entityType: 'recommendation',
      entityId: before.id,
      processId,
      before: {
        ...before,
        stakeholderGroupIds: beforeAddressees.flatMap((a) => a.stakeholder_group_id ?? []),
        organisationIds: beforeAddressees.flatMap((a) => a.organisation_id ?? []),
      },
      after: { ...after, stakeholderGroupIds: sgIds, organisationIds: orgIds },
    });
  }).catch(asProblem);
  return getRecommendation(db, processId, number);
}
