import { z } from 'zod';
import { StaffRoleOutSchema } from '../../platform/auth/staff.presenter.js';
import { dateField } from '../../platform/time/time-fields.js';
import { displayText } from '../../platform/lib/display-text.js';
import { httpUrl } from '../../platform/lib/http-url.js';
import { Slug } from '../processes/index.js';
import type { ProgressStatus } from './accountability.tables.js';

/** Every status a progress report may give, in the order forms offer them. */
export const STATUSES = ['not_started', 'on_track', 'at_risk', 'late', 'done', 'dropped'] as const satisfies readonly ProgressStatus[];

/** The statuses that must say why (the table's check agrees). */
export const NEEDS_REASON: readonly ProgressStatus[] = ['at_risk', 'late', 'dropped'];

/** The statuses after which nothing is owed any more: never overdue, never reminded. */
export const CLOSED: readonly ProgressStatus[] = ['done', 'dropped'];

const Text = (max: number) => z.string({ error: 'errors.text.required' }).trim().min(1, 'errors.text.required').max(max, 'errors.text.tooLong');
const DateOnly = dateField('accountability.errors.date');
/** A form's empty choice is an empty string; the API may send null. */
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** The longest texts its forms take, in characters: checked here, stated and set as maxlength in the forms. */
export const TEXT_LIMITS = { measure: 2000, pledge: 5000, body: 10_000, reason: 5000 } as const;
/** An action, as the action committee writes it (creation and edit take the same fields). */
export const ActionBody = z.object({
  recommendationId: z.uuid({ error: 'accountability.errors.recommendation' }).describe('The recommendation this action carries out'),
  titleEn: displayText(300),
  titleFr: displayText(300),
  ownerOrganisationId: z.uuid({ error: 'accountability.errors.organisation' }).describe('The organisation that owns the action'),
  contactUserId: z.preprocess(blankToUndefined, z.uuid({ error: 'accountability.errors.contact' }).optional()).describe('The person who answers for it: a member representing the owner organisation'),
  dueOn: DateOnly.describe('Due date, YYYY-MM-DD, read in the process’s time zone'),
  measureEn: Text(TEXT_LIMITS.measure).describe('How everyone will know it is done'),
  measureFr: Text(TEXT_LIMITS.measure),
});
/** A parsed ActionBody. */
export type ActionBody = z.infer<typeof ActionBody>;

/** A pledge: an organisation's public commitment to a recommendation. */
export const PledgeBody = z.object({
  recommendationId: z.uuid({ error: 'accountability.errors.recommendation' }),
  organisationId: z.preprocess(blankToUndefined, z.uuid({ error: 'accountability.errors.organisation' }).optional()).describe('The organisation pledging: the signer’s own (the default)'),
  text: Text(TEXT_LIMITS.pledge),
  lang: z.enum(['en', 'fr'], { error: 'accountability.errors.lang' }),
  dueOn: z.preprocess(blankToUndefined, DateOnly.optional()).describe('By when, if the pledge says'),
});
/** A parsed PledgeBody. */
export type PledgeBody = z.infer<typeof PledgeBody>;

/** An http or https address; anything else (javascript:, file:) is refused. */
const EvidenceUrl = httpUrl('accountability.errors.evidenceUrl');

/** A progress report on an action or a pledge. */
export const ProgressBody = z
  .object({
    status: z.enum(STATUSES, { error: 'accountability.errors.status' }),
    body: z.string().trim().max(TEXT_LIMITS.body, 'errors.text.tooLong').default(''),
    reason: z.preprocess(blankToUndefined, z.string().trim().max(TEXT_LIMITS.reason, 'errors.text.tooLong').optional()),
    lang: z.enum(['en', 'fr'], { error: 'accountability.errors.lang' }),
    evidenceUrls: z.array(EvidenceUrl).max(20).default([]).describe('Links to evidence (http or https only)'),
  })
  .refine((b) => !NEEDS_REASON.includes(b.status) || !!b.reason, { message: 'accountability.errors.reasonRequired', path: ['reason'] });
/** A parsed ProgressBody. */
export type ProgressBody = z.infer<typeof ProgressBody>;

/** `:processSlug` in a URL. */
export const ProcessParams = z.object({ processSlug: Slug });
/** `:processSlug/:actionId`. */
export const ActionParams = z.object({ processSlug: Slug, actionId: z.uuid({ error: 'errors.notFound' }) });
/** `:processSlug/:pledgeId`. */
export const PledgeParams = z.object({ processSlug: Slug, pledgeId: z.uuid({ error: 'errors.notFound' }) });
/** The keyset cursor of a list. */
export const AfterQuery = z.object({ after: z.uuid({ error: 'errors.cursor' }).optional().describe('Cursor: `next` from the previous page') });

const Bilingual = z.object({ en: z.string(), fr: z.string() });

/** A progress report as the API shows it. */
export const ReportOut = z.object({
  id: z.uuid(),
  status: z.enum(STATUSES),
  body: z.string(),
  reason: z.string().nullable(),
  lang: z.enum(['en', 'fr']),
  evidenceUrls: z.array(z.string()),
  author: z.string().nullable(),
  authorStaffRole: StaffRoleOutSchema,
  capacity: z
    .object({ as: z.string(), organisation: z.object({ id: z.uuid(), name: z.string() }).nullable() })
    .nullable()
    .describe('In what capacity the author wrote: a role for the organisation (owner, representative…), or action_committee, convener, admin; null in reports from before capacities were kept'),
  reportedAt: z.iso.datetime(),
});

/** An action as the API shows it. */
export const ActionOut = z.object({
  id: z.uuid(),
  recommendationId: z.uuid(),
  title: Bilingual,
  owner: z.object({ id: z.uuid(), name: z.string() }),
  contact: z.object({ id: z.uuid(), name: z.string(), staffRole: StaffRoleOutSchema }).nullable(),
  dueOn: z.string(),
  measure: Bilingual,
  status: z.enum(STATUSES),
  statusAt: z.iso.datetime(),
  overdue: z.boolean(),
  reports: z.array(ReportOut).optional(),
});

/** A pledge as the API shows it. */
export const PledgeOut = z.object({
  id: z.uuid(),
  recommendationId: z.uuid(),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  text: z.string(),
  lang: z.enum(['en', 'fr']),
  dueOn: z.string().nullable(),
  status: z.enum(STATUSES),
  statusAt: z.iso.datetime(),
  overdue: z.boolean(),
  signedBy: z.string(),
  signedByStaffRole: StaffRoleOutSchema,
  signedAs: z.string().nullable().describe('The role the signer held for the organisation (owner, representative…), or admin'),
  signedAt: z.iso.datetime(),
  reports: z.array(ReportOut).optional(),
});

/** A page of actions and the cursor for the next. */
export const ActionPage = z.object({ items: z.array(ActionOut), next: z.string().nullable() });
/** A page of pledges and the cursor for the next. */
export const PledgePage = z.object({ items: z.array(PledgeOut), next: z.string().nullable() });
