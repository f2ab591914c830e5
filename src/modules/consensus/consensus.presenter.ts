import type { z } from 'zod';
import { staffRoleOut } from '../../platform/auth/staff.presenter.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { documentPath } from '../documents/index.js';
import { recommendationHref } from './consensus.slots.js';
import type { Appeal, NamedPosition } from './consensus.repository.js';
import type { OptionResults } from './consensus.results.js';
import type { AppealOut, CallDetailOut, CallOut, OptionResultsOut, OutcomeOut, PositionOut } from './consensus.schema.js';
import { acceptingPositions, callPath, type CallDetail, type CallRecord, type CallTarget } from './consensus.service.js';
import { appealDeadline, type OutcomeDetail } from './outcomes.service.js';

/** The page a call's target lives on, without the language prefix; null when unknown. */
export function targetPath(processSlug: string, call: CallDetail['call'], target: CallTarget): string | null {
  if (target.recommendation) return recommendationHref(processSlug, target.recommendation.number);
  if (!target.document || !target.version) return null;
  return `${documentPath(processSlug, target.document.slug)}/versions/${target.version.number}${call.anchor ? `#${call.anchor}` : ''}`;
}

/** The API's view of a call; the target's address only when it was resolved. */
export function presentCall(d: CallDetail, processSlug: string, baseUrl: string, lang: Lang, target?: CallTarget, now: Date = new Date()): z.infer<typeof CallOut> {
  const { call } = d;
  const path = target ? targetPath(processSlug, call, target) : null;
  return {
    id: call.id,
    groupId: call.group_id,
    target: {
      kind: call.target_kind,
      documentId: call.document_id,
      versionNumber: target?.version?.number ?? null,
      anchor: call.anchor,
      recommendationId: call.recommendation_id,
      url: path ? `${baseUrl}/${lang}${path}` : null,
    },
    question: { en: call.question_en, fr: call.question_fr },
    options: d.options.map((o) => ({ id: o.id, position: o.position, label: { en: o.label_en, fr: o.label_fr } })),
    opensAt: call.opens_at.toISOString(),
    deadline: call.deadline.toISOString(),
    timeZone: call.time_zone,
    appealDays: call.appeal_days,
    status: call.status,
    acceptingPositions: acceptingPositions(call, now),
    url: `${baseUrl}/${lang}${callPath(processSlug, call.id)}`,
  };
}

/** One option's results by stakeholder group. */
export function presentResults(r: OptionResults): z.infer<typeof OptionResultsOut> {
  return {
    optionId: r.optionId,
    groups: r.groups.map((g) => ({
      stakeholderGroupId: g.stakeholderGroupId,
      key: g.key,
      name: { en: g.nameEn, fr: g.nameFr },
      support: g.support,
      live_with: g.live_with,
      stand_aside: g.stand_aside,
      object: g.object,
      noResponse: g.noResponse,
    })),
    totals: { ...r.totals },
  };
}

/** A position as the API shows it. */
export function presentPosition(p: NamedPosition): z.infer<typeof PositionOut> {
  return {
    id: p.id,
    optionId: p.option_id,
    userId: p.user_id,
    name: p.name,
    staffRole: staffRoleOut(p.staff),
    stakeholderGroupId: p.stakeholder_group_id,
    organisationId: p.organisation_id,
    stance: p.stance,
    reason: p.reason,
    createdAt: p.created_at.toISOString(),
    supersededAt: p.superseded_at ? p.superseded_at.toISOString() : null,
  };
}

/** An outcome with its answers to objections. */
export function presentOutcome(o: OutcomeDetail): z.infer<typeof OutcomeOut> {
  return {
    id: o.outcome.id,
    optionId: o.outcome.option_id,
    outcome: o.outcome.outcome,
    rationale: o.outcome.rationale,
    lang: o.outcome.lang,
    rationaleTranslation: o.outcome.rationale_translation || null,
    current: o.outcome.current,
    appealId: o.outcome.appeal_id,
    decidedAt: o.outcome.decided_at.toISOString(),
    objectionAnswers: o.answers.map((a) => ({ positionId: a.position_id, name: a.name, staffRole: staffRoleOut(a.staff), reason: a.reason, answer: a.answer, translation: a.translation || null })),
  };
}

/** An appeal with the end of the window of the outcome it appeals. */
export function presentAppeal(a: Appeal, call: CallDetail['call'], outcomes: OutcomeDetail[]): z.infer<typeof AppealOut> {
  const appealed = outcomes.find((o) => o.outcome.id === a.outcome_id)?.outcome;
  return {
    id: a.id,
    outcomeId: a.outcome_id,
    positionId: a.position_id,
    appellant: a.appellant,
    appellantStaffRole: staffRoleOut(a.appellant_staff),
    grounds: a.grounds,
    lang: a.lang,
    filedAt: a.filed_at.toISOString(),
    status: a.status,
    answer: a.answer,
    answeredAt: a.answered_at ? a.answered_at.toISOString() : null,
    changedOutcomeId: a.changed_outcome_id,
    appealableUntil: (appealed ? appealDeadline(call, appealed) : a.filed_at).toISOString(),
  };
}

/** The API's full view of a call. */
export function presentCallDetail(r: CallRecord, processSlug: string, baseUrl: string, lang: Lang): z.infer<typeof CallDetailOut> {
  const outcomes = r.outcomes.map(presentOutcome);
  return {
    ...presentCall(r.detail, processSlug, baseUrl, lang, r.target),
    results: r.results.map(presentResults),
    outcome: outcomes.find((o) => o.current) ?? null,
    outcomes,
    appeals: r.appeals.map((a) => presentAppeal(a, r.detail.call, r.outcomes)),
  };
}
