import { z } from 'zod';
import { StaffRoleOutSchema } from '../../platform/auth/staff.presenter.js';
import { instantField } from '../../platform/time/time-fields.js';
import { TimeZoneSchema } from '../../platform/lib/time-zone.js';
import { Slug } from '../processes/index.js';
import type { AppealStatus, ConsensusOutcome, ConsensusTarget, Stance } from './consensus.tables.js';

/** The longest texts its forms take, in characters: checked here, stated and set as maxlength in the forms. */
export const TEXT_LIMITS = { question: 2000, reason: 5000, decision: 10_000 } as const;

/** What a call can be about, in the order the form offers them. */
export const TARGETS = ['document', 'section', 'recommendation'] as const satisfies readonly ConsensusTarget[];
/** The positions a member can state on an option, from warmest to coldest. */
export const STANCES = ['support', 'live_with', 'stand_aside', 'object'] as const satisfies readonly Stance[];
/** What the chair can determine. */
export const OUTCOMES = ['consensus', 'rough_consensus', 'no_consensus'] as const satisfies readonly ConsensusOutcome[];
/** How the oversight committee can answer an appeal. */
export const APPEAL_ANSWERS = ['upheld', 'rejected'] as const satisfies readonly Exclude<AppealStatus, 'pending'>[];
/** The most options a call may offer (a question, not a ballot). */
export const MAX_OPTIONS = 10;

const Text = (max: number) => z.string({ error: 'errors.text.required' }).trim().min(1, 'errors.text.required').max(max, 'errors.text.tooLong');
const Lang = z.enum(['en', 'fr'], { error: 'errors.field.invalid' });
/** An instant with its offset, kept to the second. */
const Instant = instantField('consensus.errors.dateTime').meta({ example: '2019-03-29T17:00:00-04:00' });
const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'errors.text.tooLong')
    .nullish()
    .transform((v) => v || null);
/** A text's version in the other language: optional, '' when absent (readers of that language then see the original, marked). */
const Translation = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'errors.text.tooLong')
    .nullish()
    .transform((v) => v ?? '');

/** One option of a call, labelled in both languages. */
export const OptionInput = z.object({ labelEn: Text(500), labelFr: Text(500) });

/**
 * Opening a call on a document version (the current one when no version is given), on one
 * of its sections (an anchor or a label such as `4.2` in that version), or on a recommendation.
 */
export const OpenCallBody = z.object({
  target: z.enum(TARGETS, { error: 'consensus.errors.target' }),
  document: Slug.optional().describe('The document’s short name (document and section targets)'),
  version: z.coerce.number({ error: 'consensus.errors.version' }).int('consensus.errors.version').positive('consensus.errors.version').optional().describe('Version number; the current one when absent'),
  anchor: OptionalText(200).describe('The section: its anchor or its label in that version'),
  recommendationId: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.uuid({ error: 'consensus.errors.recommendation' }).optional()),
  questionEn: Text(TEXT_LIMITS.question),
  questionFr: Text(TEXT_LIMITS.question),
  options: z.array(OptionInput, { error: 'consensus.errors.options' }).min(1, 'consensus.errors.options').max(MAX_OPTIONS, 'consensus.errors.tooManyOptions'),
  deadline: Instant,
  timeZone: TimeZoneSchema.describe('The zone the deadline was announced in; pages show it in it'),
  appealDays: z.coerce.number({ error: 'consensus.errors.appealDays' }).int('consensus.errors.appealDays').min(0, 'consensus.errors.appealDays').max(90, 'consensus.errors.appealDays').default(14),
});
/** A parsed OpenCallBody. */
export type OpenCallBody = z.infer<typeof OpenCallBody>;

/** A member's position on one option; an objection needs its reason (checked by the service: 422). */
export const PositionBody = z.object({
  optionId: z.uuid({ error: 'consensus.errors.option' }),
  stance: z.enum(STANCES, { error: 'consensus.errors.stance' }),
  reason: OptionalText(TEXT_LIMITS.reason).describe('Why; required for an objection'),
});
/** A parsed PositionBody. */
export type PositionBody = z.infer<typeof PositionBody>;

/** The chair's determination, with an answer to every objection standing at the close. */
export const OutcomeBody = z.object({
  outcome: z.enum(OUTCOMES, { error: 'consensus.errors.outcome' }),
  optionId: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.uuid({ error: 'consensus.errors.option' }).optional()).describe('The option the determination adopts, if any'),
  rationale: Text(TEXT_LIMITS.decision).describe('Why: in `lang`, as are the answers'),
  lang: Lang.optional().describe('The language the rationale and the answers are written in; the request’s by default'),
  rationaleTranslation: Translation(TEXT_LIMITS.decision).describe('The rationale in the other language than `lang` (optional: its readers see the original, marked, while there is none)'),
  answers: z
    .array(
      z.object({
        positionId: z.uuid({ error: 'errors.notFound' }),
        answer: z.string().trim().max(TEXT_LIMITS.reason, 'errors.text.tooLong').describe('The answer, in `lang`'),
        translation: Translation(TEXT_LIMITS.reason).describe('The answer in the other language than `lang` (optional)'),
      }),
    )
    .max(5000)
    .default([])
    .describe('One answer per current objection'),
});
/** A parsed OutcomeBody. */
export type OutcomeBody = z.infer<typeof OutcomeBody>;

/** An objector's appeal of the determination to the oversight committee. */
export const AppealBody = z.object({
  grounds: Text(TEXT_LIMITS.decision),
  positionId: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.uuid({ error: 'errors.notFound' }).optional()).describe('The objection appealed on; the appellant’s first when absent'),
  lang: Lang.optional(),
});
/** A parsed AppealBody. */
export type AppealBody = z.infer<typeof AppealBody>;

/** The oversight committee's answer to an appeal, and a changed outcome when it upholds one. */
export const AppealAnswerBody = z.object({
  status: z.enum(APPEAL_ANSWERS, { error: 'consensus.errors.appealStatus' }),
  answer: Text(TEXT_LIMITS.decision),
  lang: Lang.optional(),
  changedOutcome: z
    .object({
      outcome: z.enum(OUTCOMES, { error: 'consensus.errors.outcome' }),
      optionId: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.uuid({ error: 'consensus.errors.option' }).optional()),
      rationale: Text(TEXT_LIMITS.decision).describe('Why, in `lang` (the answer’s language)'),
      rationaleTranslation: Translation(TEXT_LIMITS.decision).describe('The rationale in the other language than `lang` (optional)'),
    })
    .optional()
    .describe('Only with status upheld: the outcome that replaces the appealed one'),
});
/** A parsed AppealAnswerBody. */
export type AppealAnswerBody = z.infer<typeof AppealAnswerBody>;

/** `:processSlug/:callId` in a URL. */
export const CallParams = z.object({ processSlug: Slug, callId: z.uuid({ error: 'errors.notFound' }) });
/** `:processSlug/:callId/:appealId` in a URL. */
export const AppealParams = CallParams.extend({ appealId: z.uuid({ error: 'errors.notFound' }) });
/** `:processSlug` in a URL. */
export const ProcessParams = z.object({ processSlug: Slug });
/** The keyset cursor of a list: the last id of the previous page. */
export const AfterQuery = z.object({ after: z.uuid({ error: 'consensus.errors.cursor' }).optional().describe('Cursor: `next` from the previous page') });

const Both = z.object({ en: z.string(), fr: z.string() });
const Stamp = z.iso.datetime();

/** A call as the API shows it. */
export const CallOut = z.object({
  id: z.uuid(),
  groupId: z.uuid().nullable(),
  target: z.object({
    kind: z.enum(TARGETS),
    documentId: z.uuid().nullable(),
    versionNumber: z.number().int().nullable(),
    anchor: z.string().nullable(),
    recommendationId: z.uuid().nullable(),
    url: z.string().nullable(),
  }),
  question: Both,
  options: z.array(z.object({ id: z.uuid(), position: z.number().int(), label: Both })),
  opensAt: Stamp,
  deadline: Stamp,
  timeZone: z.string(),
  appealDays: z.number().int(),
  status: z.enum(['open', 'closed']),
  acceptingPositions: z.boolean().describe('Open and before its deadline'),
  url: z.string(),
});
/** The API's view of a call. */
export type CallOut = z.infer<typeof CallOut>;
/** A page of calls and the cursor for the next. */
export const CallPage = z.object({ items: z.array(CallOut), next: z.string().nullable() });

const Counts = z.object({ support: z.number().int(), live_with: z.number().int(), stand_aside: z.number().int(), object: z.number().int(), noResponse: z.number().int() });
/** Results of one option, by stakeholder group. */
export const OptionResultsOut = z.object({
  optionId: z.uuid(),
  groups: z.array(Counts.extend({ stakeholderGroupId: z.uuid(), key: z.string(), name: Both })),
  totals: Counts,
});

/** A position as the API shows it (members are public, so names are too). */
export const PositionOut = z.object({
  id: z.uuid(),
  optionId: z.uuid(),
  userId: z.uuid(),
  name: z.string(),
  staffRole: StaffRoleOutSchema,
  stakeholderGroupId: z.uuid(),
  organisationId: z.uuid().nullable(),
  stance: z.enum(STANCES),
  reason: z.string().nullable(),
  createdAt: Stamp,
  supersededAt: Stamp.nullable(),
});
/** A page of positions, newest first. */
export const PositionPage = z.object({ items: z.array(PositionOut), next: z.string().nullable() });

/** A determination with its answers to objections. */
export const OutcomeOut = z.object({
  id: z.uuid(),
  optionId: z.uuid().nullable(),
  outcome: z.enum(OUTCOMES),
  rationale: z.string().describe('In `lang`, the language it was written in'),
  lang: z.enum(['en', 'fr']).describe('The language of the rationale and of the answers'),
  rationaleTranslation: z.string().nullable().describe('The rationale in the other language than `lang`; null when there is none'),
  current: z.boolean(),
  appealId: z.uuid().nullable(),
  decidedAt: Stamp,
  objectionAnswers: z.array(
    z.object({
      positionId: z.uuid(),
      name: z.string().describe('Who stated the objection answered'),
      staffRole: StaffRoleOutSchema,
      reason: z.string().nullable(),
      answer: z.string().describe('In the outcome’s `lang`'),
      translation: z.string().nullable().describe('The answer in the other language than the outcome’s `lang`; null when there is none'),
    }),
  ),
});

/** An appeal and, once given, its answer. */
export const AppealOut = z.object({
  id: z.uuid(),
  outcomeId: z.uuid(),
  positionId: z.uuid(),
  appellant: z.string(),
  appellantStaffRole: StaffRoleOutSchema,
  grounds: z.string(),
  lang: z.enum(['en', 'fr']),
  filedAt: Stamp,
  status: z.enum(['pending', 'upheld', 'rejected']),
  answer: z.string().nullable(),
  answeredAt: Stamp.nullable(),
  changedOutcomeId: z.uuid().nullable(),
  appealableUntil: Stamp.describe('The end of the appeal window of the outcome appealed'),
});

/** A call with its results by stakeholder group, its outcomes (the current first) and appeals. */
export const CallDetailOut = CallOut.extend({
  results: z.array(OptionResultsOut),
  outcome: OutcomeOut.nullable(),
  outcomes: z.array(OutcomeOut),
  appeals: z.array(AppealOut),
});
