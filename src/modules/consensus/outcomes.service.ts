import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/roles.js';
import { authorize } from '../../platform/auth/policies.js';
import { inTransaction } from '../../platform/db/tx.js';
import { isUuid, newId } from '../../platform/lib/ids.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { consensusRepository as repo, type Appeal, type Call, type ObjectionAnswer, type Outcome } from './consensus.repository.js';
import type { AppealAnswerBody, AppealBody, OutcomeBody } from './consensus.schema.js';
import type { ConsensusAppealsTable } from './consensus.tables.js';

const DAY_MS = 86_400_000;

/** An outcome with its answers to objections. */
export interface OutcomeDetail {
  outcome: Outcome;
  answers: ObjectionAnswer[];
}

/** The end of an outcome's appeal window (exclusive): appeal_days after it was decided. */
export function appealDeadline(call: Pick<Call, 'appeal_days'>, outcome: Pick<Outcome, 'decided_at'>): Date {
  return new Date(outcome.decided_at.getTime() + call.appeal_days * DAY_MS);
}

/** True while an objector may still appeal this outcome. */
export function appealOpen(call: Pick<Call, 'appeal_days'>, outcome: Pick<Outcome, 'decided_at'>, now: Date = new Date()): boolean {
  return now.getTime() < appealDeadline(call, outcome).getTime();
}

/**
 * What recordOutcome takes: the API's body with its language settled; the translations may be
 * left out by callers other than the API (the demo, tests), as the API lets its clients do.
 */
export type OutcomeInput = Omit<OutcomeBody, 'rationaleTranslation' | 'answers'> & {
  lang: 'en' | 'fr';
  rationaleTranslation?: string;
  answers: { positionId: string; answer: string; translation?: string }[];
};

/** The form field (and API error key) of the answer to one objection. */
export const answerField = (positionId: string) => `answer-${positionId}`;
/** The form field of the answer's translation into the other language. */
export const answerTranslationField = (positionId: string) => `answerTranslation-${positionId}`;

/** A call of a known id, locked; 404 otherwise. */
async function lockedCall(trx: Kysely<DB>, callId: string): Promise<Call> {
  const call = isUuid(callId) ? await repo.lockCall(trx, callId) : undefined;
  if (!call) throw new HttpProblem(404, 'errors.notFound');
  return call;
}

/** Refuse an option that is not one of the call's. */
async function checkOption(trx: Kysely<DB>, callId: string, optionId: string | undefined, field: string): Promise<string | null> {
  if (!optionId) return null;
  const options = await repo.options(trx, [callId]);
  if (!options.some((o) => o.id === optionId)) throw new HttpProblem(422, 'consensus.errors.option', {}, { [field]: 'consensus.errors.option' });
  return optionId;
}

/**
 * The chair (or the oversight committee, or a convener) records the determination and closes
 * the call. Every objection standing (current positions that object) needs an answer; one
 * missing refuses the whole outcome (422), so the record never has a silent objection.
 * Recording may happen before the deadline: closing the call stops positions.
 * The rationale and the answers are in `lang`; each may carry its version in the other language.
 * @example await recordOutcome(db, chair, callId, { outcome: 'rough_consensus', rationale: '…', lang: 'en', rationaleTranslation: '…', answers: [{ positionId, answer: 'Medical devices are out of scope (see §1).', translation: 'Les dispositifs médicaux sont hors du champ (voir §1).' }] })
 */
export async function recordOutcome(db: Kysely<DB>, actor: Actor, callId: string, input: OutcomeInput, opts: { at?: Date } = {}): Promise<OutcomeDetail> {
  const at = opts.at ?? new Date();
  return inTransaction(db, async (trx) => {
    const call = await lockedCall(trx, callId);
    if (!authorize(actor, 'consensus.decide', { processId: call.process_id, groupId: call.group_id ?? undefined }).allowed) throw new HttpProblem(403, 'errors.forbidden');
    if (call.status === 'closed') throw new HttpProblem(409, 'consensus.errors.alreadyDecided');
    const optionId = await checkOption(trx, call.id, input.optionId, 'optionId');
    const objections = (await repo.currentPositions(trx, call.id)).filter((p) => p.stance === 'object');
    const given = new Map(input.answers.map((a) => [a.positionId, a.answer.trim()]));
    const translations = new Map(input.answers.map((a) => [a.positionId, (a.translation ?? '').trim()]));
    const strays = [...given.keys()].filter((id) => !objections.some((o) => o.id === id));
    if (strays.length) throw new HttpProblem(422, 'consensus.errors.notAnObjection', {}, { answers: 'consensus.errors.notAnObjection' });
    const missing = objections.filter((o) => !given.get(o.id));
    if (missing.length) {
      throw new HttpProblem(
        422,
        'consensus.errors.objectionsUnanswered',
        { count: missing.length },
        Object.fromEntries(missing.map((o) => [answerField(o.id), 'consensus.errors.answerRequired'])),
      );
    }
    const outcome = await repo.insertOutcome(trx, {
      id: newId(at.getTime()),
      call_id: call.id,
      option_id: optionId,
      outcome: input.outcome,
      rationale: input.rationale,
      lang: input.lang,
      rationale_translation: input.rationaleTranslation ?? '',
      current: true,
      appeal_id: null,
      decided_by: actor.userId,
      decided_at: at,
    });
    await repo.insertAnswers(
      trx,
      objections.map((o) => ({ outcome_id: outcome.id, position_id: o.id, answer: given.get(o.id)!, translation: translations.get(o.id) ?? '' })),
    );
    await repo.closeCall(trx, call.id);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'consensus.decide',
      entityType: 'consensus_outcome',
      entityId: outcome.id,
      processId: call.process_id,
      before: { ...call },
      after: { ...outcome, answers: objections.map((o) => ({ positionId: o.id, answer: given.get(o.id)!, translation: translations.get(o.id) ?? '' })) },
    });
    return { outcome, answers: await repo.answers(trx, [outcome.id]) };
  });
}

/**
 * A member whose objection stood at the close appeals the current outcome to the oversight
 * committee, within the call's appeal window (409 after). One pending appeal per person and outcome.
 * @example await fileAppeal(db, objector, callId, { grounds: 'The answer to my objection does not address §4.2.', lang: 'en' })
 */
export async function fileAppeal(db: Kysely<DB>, actor: Actor, callId: string, input: AppealBody & { lang: 'en' | 'fr' }, opts: { at?: Date } = {}): Promise<Selectable<ConsensusAppealsTable>> {
  const at = opts.at ?? new Date();
  return inTransaction(db, async (trx) => {
    const call = await lockedCall(trx, callId);
    const outcome = await repo.currentOutcome(trx, call.id);
    if (!outcome) throw new HttpProblem(409, 'consensus.errors.noOutcome');
    if (!appealOpen(call, outcome, at)) throw new HttpProblem(409, 'consensus.errors.appealWindowClosed', { count: call.appeal_days });
    // Positions are frozen once the call is closed, so the current ones are those at the close.
    const mine = (await repo.currentPositions(trx, call.id)).filter((p) => p.user_id === actor.userId && p.stance === 'object');
    const position = input.positionId ? mine.find((p) => p.id === input.positionId) : mine[0];
    if (!position) throw new HttpProblem(403, 'consensus.errors.notObjector');
    if (await repo.pendingAppeal(trx, outcome.id, actor.userId)) throw new HttpProblem(409, 'consensus.errors.appealPending');
    const appeal = await repo.insertAppeal(trx, {
      id: newId(at.getTime()),
      call_id: call.id,
      outcome_id: outcome.id,
      appellant_id: actor.userId,
      position_id: position.id,
      grounds: input.grounds,
      lang: input.lang,
      filed_at: at,
    });
    await recordAudit(trx, { actorId: actor.userId, action: 'consensus.appeal', entityType: 'consensus_appeal', entityId: appeal.id, processId: call.process_id, after: { ...appeal } });
    return appeal;
  });
}

/**
 * The oversight committee answers an appeal. Upholding it may replace the outcome: the new
 * outcome becomes current, the appealed one stays on the record, no longer current, and the
 * appeal links to its replacement.
 * @example await answerAppeal(db, oversight, callId, appealId, { status: 'upheld', answer: '…', lang: 'en', changedOutcome: { outcome: 'no_consensus', rationale: '…' } })
 */
export async function answerAppeal(
  db: Kysely<DB>,
  actor: Actor,
  callId: string,
  appealId: string,
  input: AppealAnswerBody & { lang: 'en' | 'fr' },
  opts: { at?: Date } = {},
): Promise<{ appeal: Selectable<ConsensusAppealsTable>; changed: Outcome | null }> {
  const at = opts.at ?? new Date();
  return inTransaction(db, async (trx) => {
    const call = await lockedCall(trx, callId);
    if (!authorize(actor, 'consensus.answerAppeal', { processId: call.process_id }).allowed) throw new HttpProblem(403, 'errors.forbidden');
    const before = isUuid(appealId) ? await repo.lockAppeal(trx, appealId) : undefined;
    if (!before || before.call_id !== call.id) throw new HttpProblem(404, 'errors.notFound');
    if (before.status !== 'pending') throw new HttpProblem(409, 'consensus.errors.appealAnswered');
    if (input.changedOutcome && input.status !== 'upheld') throw new HttpProblem(422, 'consensus.errors.changeNeedsUpheld', {}, { 'changedOutcome.outcome': 'consensus.errors.changeNeedsUpheld' });
    let changed: Outcome | null = null;
    if (input.changedOutcome) {
      const optionId = await checkOption(trx, call.id, input.changedOutcome.optionId, 'changedOutcome.optionId');
      const current = await repo.currentOutcome(trx, call.id);
      // The old outcome stops being current before the new one starts (one current per call).
      if (current) await repo.retireOutcome(trx, current.id);
      changed = await repo.insertOutcome(trx, {
        id: newId(at.getTime()),
        call_id: call.id,
        option_id: optionId,
        outcome: input.changedOutcome.outcome,
        rationale: input.changedOutcome.rationale,
        lang: input.lang,
        rationale_translation: input.changedOutcome.rationaleTranslation ?? '',
        current: true,
        appeal_id: before.id,
        decided_by: actor.userId,
        decided_at: at,
      });
      await recordAudit(trx, {
        actorId: actor.userId,
        action: 'consensus.outcome.change',
        entityType: 'consensus_outcome',
        entityId: changed.id,
        processId: call.process_id,
        before: current ? { ...current } : null,
        after: { ...changed },
      });
    }
    const appeal = await repo.answerAppeal(trx, before.id, { status: input.status, answer: input.answer, answered_by: actor.userId, answered_at: at, changed_outcome_id: changed?.id ?? null });
    await recordAudit(trx, { actorId: actor.userId, action: 'consensus.answerAppeal', entityType: 'consensus_appeal', entityId: appeal.id, processId: call.process_id, before: { ...before }, after: { ...appeal } });
    return { appeal, changed };
  });
}

/** Every outcome of a call (the current first) with its answers to objections. */
export async function outcomesOf(db: Kysely<DB>, callId: string): Promise<OutcomeDetail[]> {
  const outcomes = await repo.outcomes(db, callId);
  const answers = await repo.answers(
    db,
    outcomes.map((o) => o.id),
  );
  return outcomes.map((outcome) => ({ outcome, answers: answers.filter((a) => a.outcome_id === outcome.id) }));
}

/** The appeals of a call, oldest first, with appellants' names. */
export const appealsOf = (db: Kysely<DB>, callId: string): Promise<Appeal[]> => repo.appeals(db, callId);
