import { can } from '../../platform/auth/policies.js';
import { LOCALES, type Lang } from '../../platform/i18n/i18n.js';
import { pick } from '../../platform/i18n/pick.js';
import { formatInstant } from '../../platform/time/zoned.js';
import { localPath, type ModelCtx } from '../../platform/web/context.js';
import type { Crumb } from '../../platform/web/components/breadcrumb.js';
import { namedSentence, personName, type NamedSentenceModel, type PersonNameModel } from '../../platform/web/components/person-name.js';
import { canRead, type DocumentRow } from '../documents/index.js';
import { processCrumb, type Process } from '../processes/index.js';
import type { Appeal, Call, CallOption, NamedPosition } from './consensus.repository.js';
import type { OptionResults } from './consensus.results.js';
import type { AppealStatus, ConsensusOutcome, Stance } from './consensus.tables.js';
import { targetPath } from './consensus.presenter.js';
import { acceptingPositions, callPath, type CallDetail, type CallRecord, type CallTarget } from './consensus.service.js';
import { answerField, answerTranslationField, appealDeadline } from './outcomes.service.js';
import type { Viewer } from './viewer.service.js';

/**
 * Page presenters: records in, the model a view lays out (in the reader's language, with the
 * `can…` flags the page needs) out. The API's presenter is consensus.presenter.ts.
 */

/**
 * How long until an instant, in the largest whole unit ("in 3 days", « dans 3 jours »).
 * @example timeLeft('en', new Date('2019-03-29T21:00:00Z'), new Date('2019-03-26T20:00:00Z')) // 'in 3 days'
 */
export function timeLeft(lang: Lang, until: Date, now: Date): string {
  const s = Math.max(0, Math.floor((until.getTime() - now.getTime()) / 1000));
  const f = new Intl.RelativeTimeFormat(LOCALES[lang], { numeric: 'always' });
  if (s >= 86_400) return f.format(Math.floor(s / 86_400), 'day');
  if (s >= 3600) return f.format(Math.floor(s / 3600), 'hour');
  if (s >= 60) return f.format(Math.floor(s / 60), 'minute');
  return f.format(s, 'second');
}

/** Where a call stands: closed, past its deadline (not yet decided), or open with the time left. */
export interface DeadlineModel {
  state: 'closed' | 'pastDeadline' | 'open';
  /** The deadline in the call's zone, in the reader's language. */
  deadline: string;
  zone: string;
  /** While open: "in 3 days"; else empty. */
  left: string;
}

function deadlineOf(lang: Lang, call: Call, now: Date): DeadlineModel {
  const deadline = formatInstant(lang, call.deadline, call.time_zone);
  const state = call.status === 'closed' ? 'closed' : now.getTime() >= call.deadline.getTime() ? 'pastDeadline' : 'open';
  return { state, deadline, zone: call.time_zone, left: state === 'open' ? timeLeft(lang, call.deadline, now) : '' };
}

/** A call in the list of a process's calls. */
export interface CallCardModel {
  id: string;
  question: string;
  path: string;
  deadline: DeadlineModel;
}

/** A process's consensus calls, newest first, and (for those who may) where to open one. */
export interface CallsPageModel {
  processCrumb: Crumb;
  calls: CallCardModel[];
  olderPath: string | null;
  /** The documents the reader may open a call on, by title. */
  openOnDocuments: { id: string; title: string; path: string }[];
  /** Opening a call on a recommendation, for conveners and oversight; else null. */
  openOnRecommendationPath: string | null;
}

export function callsPage(r: { process: Process; calls: CallDetail[]; next: string | null; documents: DocumentRow[]; now: Date }, ctx: ModelCtx): CallsPageModel {
  const { lang, actor } = ctx;
  const { process } = r;
  const base = callPath(process.slug);
  return {
    processCrumb: processCrumb(lang, process),
    calls: r.calls.map(({ call }) => ({ id: call.id, question: pick(lang, call, 'question'), path: localPath(lang, callPath(process.slug, call.id)), deadline: deadlineOf(lang, call, r.now) })),
    olderPath: r.next ? `${localPath(lang, base)}?after=${r.next}` : null,
    openOnDocuments: r.documents
      .filter((d) => can(actor, 'consensus.open', { processId: process.id, groupId: d.group_id ?? undefined }))
      .map((d) => ({ id: d.id, title: d.title, path: localPath(lang, `${base}/new?document=${encodeURIComponent(d.slug)}`) })),
    openOnRecommendationPath: can(actor, 'consensus.open', { processId: process.id }) ? localPath(lang, `${base}/new?target=recommendation`) : null,
  };
}

/** What a call is about: a link (or plain text when it has no page), or "a members-only text". */
export type TargetModel = { membersOnly: true } | { membersOnly: false; text: string; path: string | null };

function targetOf(ctx: ModelCtx, processSlug: string, call: Call, target: CallTarget): TargetModel {
  const { t, lang } = ctx;
  let text: string;
  if (target.recommendation) {
    text = t('consensus.target.recommendation', { number: target.recommendation.number, title: pick(lang, target.recommendation, 'title') });
  } else if (target.document && !canRead(target.document, ctx.actor)) {
    // The call is public; a members-only text's title is not.
    return { membersOnly: true };
  } else if (target.document && target.version) {
    text = target.label
      ? t('consensus.target.section', { title: target.document.title, version: target.version.number, label: target.label })
      : t('consensus.target.document', { title: target.document.title, version: target.version.number });
  } else {
    text = t('consensus.target.unknown');
  }
  const path = targetPath(processSlug, call, target);
  return { membersOnly: false, text, path: path ? localPath(lang, path) : null };
}

/** One option's position form: the stance chosen (the failed form's, else one's own) and the reason. */
export interface PositionFormModel {
  optionId: string;
  label: string;
  /** One's current stance on the option, or null. */
  current: Stance | null;
  /** The stance to show checked. */
  stance: string | undefined;
  reason: string;
  /** Errors keyed `stance-<optionId>` / `reason-<optionId>`. */
  errors: Record<string, string>;
}

/** A failed position form: which option, what was sent, and the errors by field. */
export interface FailedPosition {
  optionId: string;
  values: Record<string, string | undefined>;
  errors: Record<string, string>;
}

/** A text as a page shows it, and the language it is in (its `lang` when that is not the page's). */
export interface TextInLang {
  text: string;
  lang: Lang;
}

/**
 * A text written in one language, with its translation into the other (or ''), as a reader of
 * `reader` sees it: in their language when it is there, otherwise the original, in its own.
 * @example inReaderLang('fr', 'Agreed.', 'en', 'Adopté.') // { text: 'Adopté.', lang: 'fr' }
 * @example inReaderLang('fr', 'Agreed.', 'en', '') // { text: 'Agreed.', lang: 'en' }
 */
export function inReaderLang(reader: Lang, original: string, originalLang: Lang, translation: string): TextInLang {
  if (reader !== originalLang && translation) return { text: translation, lang: reader };
  return { text: original, lang: originalLang };
}

/** One outcome: what was determined, why, and the answer to each objection. */
export interface OutcomeModel {
  id: string;
  current: boolean;
  outcome: ConsensusOutcome;
  decidedAt: string;
  /** The appeal that led to it, or null. */
  appealId: string | null;
  /** The option adopted, in the reader's language, or null. */
  adopted: string | null;
  /** The rationale in the reader's language when it was written or translated into it, else in the original's. */
  rationale: TextInLang;
  /** Each answered objection: "Objection by <name>:" (with the staff badge), its reason and the answer (chosen as the rationale is). */
  answers: { positionId: string; objectionBy: NamedSentenceModel; reason: string | null; answer: TextInLang }[];
}

/** An appeal with its answer. */
export interface AppealModel {
  id: string;
  /** "Appeal by <name>, filed on <date>", the name with its staff badge. */
  by: NamedSentenceModel;
  filedAt: string;
  /** The outcome appealed, when it is on the page. */
  appealed: { id: string; outcome: ConsensusOutcome } | null;
  grounds: string;
  lang: Lang;
  status: AppealStatus;
  answeredAt: string | null;
  answer: string | null;
  changedOutcomeId: string | null;
  /** While pending: when the appeal window ends. */
  windowEnds: string | null;
  /** While pending, for the oversight committee: where to answer it. */
  answerPath: string | null;
}

/** A position in the history. */
export interface HistoryRowModel {
  id: string;
  when: string;
  /** Who stated it, with the staff badge when they are the administrator or the process's convener. */
  person: PersonNameModel;
  option: string | null;
  stance: Stance;
  superseded: boolean;
  reason: string | null;
}

/** A call's page. */
export interface CallPageModel {
  question: string;
  listPath: string;
  target: TargetModel;
  deadline: DeadlineModel;
  appealDays: number;
  /** A working group's call (its members state positions) rather than the process's. */
  ofGroup: boolean;
  options: { id: string; label: string }[];
  results: { id: string; option: string; results: OptionResults }[];
  /** While positions are taken: the forms (members), or why not (signed in or not); else null. */
  position: { kind: 'forms'; action: string; forms: PositionFormModel[]; errors: Record<string, string> } | { kind: 'notEligible' } | { kind: 'signIn' } | null;
  outcomes: OutcomeModel[];
  /** Recording the outcome, for the call's chair while it is open; else null. */
  recordOutcomePath: string | null;
  appeals: AppealModel[];
  /** Filing an appeal, for an objector within the window; else null. */
  appealPath: string | null;
  history: { rows: HistoryRowModel[]; olderPath: string | null };
}

/** Everything the call page is made from. */
export interface CallPageRecords {
  process: Process;
  record: CallRecord;
  history: { items: NamedPosition[]; next: string | null };
  viewer: Viewer;
  failed?: FailedPosition | undefined;
  now: Date;
}

/** An option's label in the reader's language, by id. */
function optionLabeller(lang: Lang, options: CallOption[]): (id: string | null) => string | null {
  const byId = new Map(options.map((o) => [o.id, pick(lang, o, 'label')]));
  return (id) => (id ? (byId.get(id) ?? null) : null);
}

export function callPage(r: CallPageRecords, ctx: ModelCtx): CallPageModel {
  const { lang, actor } = ctx;
  const { process, record, viewer, failed, now } = r;
  const { call, options } = record.detail;
  const base = callPath(process.slug, call.id);
  const label = optionLabeller(lang, options);
  const open = acceptingPositions(call, now);
  const at = (d: Date) => formatInstant(lang, d, call.time_zone);
  return {
    question: pick(lang, call, 'question'),
    listPath: localPath(lang, callPath(process.slug)),
    target: targetOf(ctx, process.slug, call, record.target),
    deadline: deadlineOf(lang, call, now),
    appealDays: call.appeal_days,
    ofGroup: !!call.group_id,
    options: options.map((o) => ({ id: o.id, label: pick(lang, o, 'label') })),
    results: record.results.map((res, i) => ({ id: `results-${i + 1}`, option: label(res.optionId) ?? '', results: res })),
    position: !open
      ? null
      : viewer.eligible
        ? {
            kind: 'forms',
            action: localPath(lang, `${base}/position`),
            errors: failed?.errors ?? {},
            forms: options.map((o) => {
              const mine = viewer.mine.get(o.id);
              const mineFailed = failed?.optionId === o.id ? failed : undefined;
              return {
                optionId: o.id,
                label: pick(lang, o, 'label'),
                current: mine?.stance ?? null,
                stance: mineFailed?.values.stance ?? mine?.stance,
                reason: (mineFailed ? mineFailed.values.reason : (mine?.reason ?? '')) ?? '',
                errors: mineFailed?.errors ?? {},
              };
            }),
          }
        : actor
          ? { kind: 'notEligible' }
          : { kind: 'signIn' },
    outcomes: record.outcomes.map((o) => ({
      id: o.outcome.id,
      current: o.outcome.current,
      outcome: o.outcome.outcome,
      decidedAt: at(o.outcome.decided_at),
      appealId: o.outcome.appeal_id,
      adopted: label(o.outcome.option_id),
      rationale: inReaderLang(lang, o.outcome.rationale, o.outcome.lang, o.outcome.rationale_translation),
      answers: o.answers.map((a) => ({
        positionId: a.position_id,
        objectionBy: namedSentence(ctx.t, 'consensus.outcome.objectionBy', {}, 'name', personName(ctx.t, a.name, a.staff)),
        reason: a.reason,
        answer: inReaderLang(lang, a.answer, o.outcome.lang, a.translation),
      })),
    })),
    recordOutcomePath: viewer.canDecide && call.status === 'open' ? localPath(lang, `${base}/outcome`) : null,
    appeals: record.appeals.map((a) => {
      const appealed = record.outcomes.find((o) => o.outcome.id === a.outcome_id);
      return {
        id: a.id,
        by: namedSentence(ctx.t, 'consensus.appeal.by', { at: at(a.filed_at) }, 'name', personName(ctx.t, a.appellant, a.appellant_staff)),
        filedAt: at(a.filed_at),
        appealed: appealed ? { id: appealed.outcome.id, outcome: appealed.outcome.outcome } : null,
        grounds: a.grounds,
        lang: a.lang,
        status: a.status,
        answeredAt: a.answered_at ? at(a.answered_at) : null,
        answer: a.answer,
        changedOutcomeId: a.changed_outcome_id,
        windowEnds: appealed && a.status === 'pending' ? at(appealDeadline(call, appealed.outcome)) : null,
        answerPath: viewer.canAnswer && a.status === 'pending' ? localPath(lang, `${base}/appeals/${a.id}/answer`) : null,
      };
    }),
    appealPath: viewer.canAppeal ? localPath(lang, `${base}/appeal`) : null,
    history: {
      rows: r.history.items.map((p) => ({ id: p.id, when: at(p.created_at), person: personName(ctx.t, p.name, p.staff), option: label(p.option_id), stance: p.stance, superseded: !!p.superseded_at, reason: p.reason })),
      olderPath: r.history.next ? `${localPath(lang, base)}?after=${r.history.next}#history` : null,
    },
  };
}

/** The form that opens a call: on a document's version (or a section), or on a recommendation. */
export interface CallFormPageModel {
  listPath: string;
  action: string;
  /** The process's zone, the deadline's unless the form says otherwise. */
  zone: string;
  /** The document the call is on, with its versions newest first; null for a recommendation. */
  document: { title: string; slug: string; versions: number[]; current: number } | null;
  recommendations: { id: string; label: string }[];
}

export function callFormPage(r: { process: Process; document: DocumentRow | null; recommendations: { id: string; number: string; titleEn: string; titleFr: string }[] }, ctx: ModelCtx): CallFormPageModel {
  const { lang } = ctx;
  const { process, document: doc } = r;
  return {
    listPath: localPath(lang, callPath(process.slug)),
    action: localPath(lang, `${callPath(process.slug)}/new${doc ? `?document=${encodeURIComponent(doc.slug)}` : '?target=recommendation'}`),
    zone: process.timezone,
    document: doc ? { title: doc.title, slug: doc.slug, versions: Array.from({ length: doc.version_count }, (_, i) => doc.version_count - i), current: doc.version_count } : null,
    recommendations: doc ? [] : r.recommendations.map((rec) => ({ id: rec.id, label: `${rec.number} ${pick(lang, rec, 'title')}` })),
  };
}

/** What every decision form shows: the call it is about and where it posts. */
interface DecisionFormBase {
  question: string;
  callPath: string;
  action: string;
  /** The language a text is said to be written in unless the form says otherwise. */
  defaultLang: Lang;
}

/** The chair's outcome form. */
export interface OutcomeFormPageModel extends DecisionFormBase {
  options: { id: string; label: string }[];
  /** Every current objection, with the field its answer goes in. */
  objections: { id: string; name: string; option: string; reason: string | null; field: string; translationField: string }[];
}

function decisionBase(ctx: ModelCtx, process: Process, detail: CallDetail, rest: string): DecisionFormBase {
  const base = callPath(process.slug, detail.call.id);
  return { question: pick(ctx.lang, detail.call, 'question'), callPath: localPath(ctx.lang, base), action: localPath(ctx.lang, `${base}${rest}`), defaultLang: ctx.lang };
}

export function outcomeFormPage(r: { process: Process; detail: CallDetail; objections: NamedPosition[] }, ctx: ModelCtx): OutcomeFormPageModel {
  const label = optionLabeller(ctx.lang, r.detail.options);
  return {
    ...decisionBase(ctx, r.process, r.detail, '/outcome'),
    options: r.detail.options.map((o) => ({ id: o.id, label: pick(ctx.lang, o, 'label') })),
    objections: r.objections.map((o) => ({ id: o.id, name: o.name, option: label(o.option_id) ?? '', reason: o.reason, field: answerField(o.id), translationField: answerTranslationField(o.id) })),
  };
}

/** An objector's appeal form. */
export type AppealFormPageModel = DecisionFormBase;

export function appealFormPage(r: { process: Process; detail: CallDetail }, ctx: ModelCtx): AppealFormPageModel {
  return decisionBase(ctx, r.process, r.detail, '/appeal');
}

/** The oversight committee's answer to an appeal. */
export interface AnswerFormPageModel extends DecisionFormBase {
  options: { id: string; label: string }[];
  appeal: { appellant: string; grounds: string; lang: Lang };
}

export function answerFormPage(r: { process: Process; detail: CallDetail; appeal: Appeal }, ctx: ModelCtx): AnswerFormPageModel {
  return {
    ...decisionBase(ctx, r.process, r.detail, `/appeals/${r.appeal.id}/answer`),
    options: r.detail.options.map((o) => ({ id: o.id, label: pick(ctx.lang, o, 'label') })),
    appeal: { appellant: r.appeal.appellant, grounds: r.appeal.grounds, lang: r.appeal.lang },
  };
}
