import type { Kysely } from 'kysely';
import { inTransaction } from '../../platform/db/tx.js';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/roles.js';
import { newId } from '../../platform/lib/ids.js';
import { tFor } from '../../platform/i18n/i18n.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { grantRole } from '../accounts/index.js';
import { DEFAULT_STAKEHOLDER_KEYS, PHASE_KINDS, type CreateProcessBody, type PhaseInput, type UpdateProcessBody } from './processes.schema.js';
import { processesRepository as repo, type Phase, type Process, type StakeholderGroup } from './processes.repository.js';

/** A process with what its page and the API show alongside it. */
export interface ProcessDetail {
  process: Process;
  phases: Phase[];
  stakeholderGroups: StakeholderGroup[];
}

/** Today's date in a zone, as 'YYYY-MM-DD' (en-CA formats dates that way). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * The day a process is read as of: today in its zone, or, once its last phase has ended, that
 * phase's last day. A finished process's figures (what is overdue, what is late) then say what
 * they said when it ended, not how many years have passed since.
 */
export function asOfDay(phases: readonly Pick<Phase, 'ends_on'>[], timeZone: string, now: Date = new Date()): string {
  const today = todayIn(timeZone, now);
  const end = phases.reduce<string | undefined>((max, p) => (max === undefined || p.ends_on > max ? p.ends_on : max), undefined);
  return end !== undefined && end < today ? end : today;
}

/** asOfDay for a process, its phases read from the database. */
export async function processAsOfDay(db: Kysely<DB>, process: Pick<Process, 'id' | 'timezone'>, now: Date = new Date()): Promise<string> {
  return asOfDay(await repo.phases(db, process.id), process.timezone, now);
}

/**
 * The phase a process is in today (in the process's own time zone): the one whose dates
 * contain today, else none. Phases may overlap; the later-starting one wins.
 */
export function currentPhase(phases: Phase[], timeZone: string, now: Date = new Date()): Phase | undefined {
  const today = todayIn(timeZone, now);
  return phases.filter((p) => p.starts_on <= today && today <= p.ends_on).at(-1);
}

/** The default phase names in both languages, for the creation form. */
export function defaultPhaseNames(): { kind: (typeof PHASE_KINDS)[number]; en: string; fr: string }[] {
  return PHASE_KINDS.filter((k) => k !== 'other').map((kind) => ({ kind, en: tFor('en')(`processes.phaseKinds.${kind}`), fr: tFor('fr')(`processes.phaseKinds.${kind}`) }));
}

/** The columns a convener sets, from the API's field names. */
function processColumns(input: UpdateProcessBody) {
  return {
    title_en: input.titleEn,
    title_fr: input.titleFr,
    summary_en: input.summaryEn,
    summary_fr: input.summaryFr,
    description_en: input.descriptionEn,
    description_fr: input.descriptionFr,
    registration: input.registration,
    timezone: input.timezone,
  };
}

function phaseRows(phases: PhaseInput[]): Omit<Phase, 'process_id'>[] {
  return phases.map((p, i) => ({ id: newId(), position: i, kind: p.kind, name_en: p.nameEn, name_fr: p.nameFr, starts_on: p.startsOn, ends_on: p.endsOn }));
}

/**
 * Load a process by slug with its phases and stakeholder groups; 404 when absent. Each call
 * reads: a route gets it once through its scope (processRecords) and hands the record on.
 */
export async function getProcess(db: Kysely<DB>, slug: string): Promise<ProcessDetail> {
  const row = await repo.detailBySlug(db, slug);
  if (!row) throw new HttpProblem(404, 'errors.notFound');
  const { phases, stakeholder_groups: stakeholderGroups, ...process } = row;
  return { process, phases, stakeholderGroups };
}

/** A process by id; 404 when absent. */
export async function processById(db: Kysely<DB>, id: string): Promise<Process> {
  const p = await repo.byId(db, id);
  if (!p) throw new HttpProblem(404, 'errors.notFound');
  return p;
}

/** Just the ids a policy needs, for route scope resolvers. */
export async function processScope(db: Kysely<DB>, slug: string): Promise<{ processId: string }> {
  return { processId: (await processBySlug(db, slug)).id };
}

/** The stakeholder groups of a process, in order (when a page needs them and not the phases). */
export const stakeholderGroupsOf = (db: Kysely<DB>, processId: string): Promise<StakeholderGroup[]> => repo.stakeholderGroups(db, processId);

/** The process row alone, for route scopes that load what they act on; 404 when absent. */
export async function processBySlug(db: Kysely<DB>, slug: string): Promise<Process> {
  const process = await repo.bySlug(db, slug);
  if (!process) throw new HttpProblem(404, 'errors.notFound');
  return process;
}

export function listProcesses(db: Kysely<DB>): Promise<Process[]> {
  return repo.list(db);
}

/**
 * Create a process with its phases and the six default stakeholder groups; the creator
 * becomes its convener.
 */
export async function createProcess(db: Kysely<DB>, actor: Actor | null, input: CreateProcessBody, opts: { templateSourceId?: string | null } = {}): Promise<Process> {
  return inTransaction(db, async (trx) => {
    if (await repo.bySlug(trx, input.slug)) throw new HttpProblem(409, 'errors.slug.taken', { slug: input.slug }, { slug: 'errors.slug.taken' });
    const process = await repo.insert(trx, {
      id: newId(),
      slug: input.slug,
      ...processColumns(input),
      template_source_id: opts.templateSourceId ?? null,
      created_by: actor?.userId ?? null,
    });
    await repo.replacePhases(trx, process.id, phaseRows(input.phases));
    if (!opts.templateSourceId) {
      const en = tFor('en');
      const fr = tFor('fr');
      await repo.insertStakeholderGroups(
        trx,
        DEFAULT_STAKEHOLDER_KEYS.map((key, position) => ({
          id: newId(),
          process_id: process.id,
          key,
          name_en: en(`processes.stakeholders.${key}`),
          name_fr: fr(`processes.stakeholders.${key}`),
          target_share: null,
          position,
        })),
      );
    }
    await recordAudit(trx, { actorId: actor?.userId ?? null, action: 'process.create', entityType: 'process', entityId: process.id, processId: process.id, after: { ...process, phases: input.phases } });
    if (actor) await grantRole(trx, { userId: actor.userId, role: 'convener', processId: process.id, grantedBy: actor.userId });
    return process;
  });
}

/** Change a process's texts, settings and (when given) its phases. */
export async function updateProcess(db: Kysely<DB>, actor: Actor, processId: string, input: UpdateProcessBody): Promise<Process> {
  return inTransaction(db, async (trx) => {
    const before = await repo.byId(trx, processId);
    if (!before) throw new HttpProblem(404, 'errors.notFound');
    const beforePhases = await repo.phases(trx, processId);
    const after = await repo.update(trx, processId, processColumns(input));
    if (input.phases) await repo.replacePhases(trx, processId, phaseRows(input.phases));
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'process.update',
      entityType: 'process',
      entityId: processId,
      processId,
      before: { ...before, phases: beforePhases },
      after: { ...after, phases: input.phases ?? beforePhases },
    });
    return after;
  });
}

/** Set the names and target shares of a process's stakeholder groups, and add new ones. */
export async function saveStakeholderGroups(
  db: Kysely<DB>,
  actor: Actor,
  processId: string,
  groups: { id?: string | undefined; key?: string | undefined; nameEn: string; nameFr: string; targetShare: number | null }[],
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await repo.stakeholderGroups(trx, processId);
    const total = groups.reduce((s, g) => s + (g.targetShare ?? 0), 0);
    if (total > 1.0001) throw new HttpProblem(422, 'errors.stakeholders.targetsOver', {}, { targets: 'errors.stakeholders.targetsOver' });
    let position = 0;
    for (const g of groups) {
      const existing = g.id ? before.find((b) => b.id === g.id) : undefined;
      if (existing) {
        await repo.updateStakeholderGroup(trx, existing.id, { name_en: g.nameEn, name_fr: g.nameFr, target_share: g.targetShare, position: position++ });
      } else {
        const key = (g.key ?? g.nameEn).toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 40) || `group_${position}`;
        if (before.some((b) => b.key === key)) throw new HttpProblem(409, 'errors.stakeholders.duplicate', { name: g.nameEn });
        await repo.insertStakeholderGroups(trx, [{ id: newId(), process_id: processId, key, name_en: g.nameEn, name_fr: g.nameFr, target_share: g.targetShare, position: position++ }]);
      }
    }
    const after = await repo.stakeholderGroups(trx, processId);
    await recordAudit(trx, { actorId: actor.userId, action: 'process.stakeholderGroups', entityType: 'process', entityId: processId, processId, before: { groups: before }, after: { groups: after } });
  });
}
