import { z } from 'zod';
import { instantField } from '../../platform/time/time-fields.js';
import { optionalDisplayText } from '../../platform/lib/display-text.js';
import { TimeZoneSchema } from '../../platform/lib/time-zone.js';
import { StaffRoleOutSchema } from '../../platform/auth/staff.presenter.js';
import { Slug } from '../processes/index.js';
import { MAX_COMMENT_CHARS } from './comments.text.js';

/** Where a comment period stands at an instant. */
export const PERIOD_STATES = ['upcoming', 'open', 'closed'] as const;
/** One of PERIOD_STATES. */
export type PeriodState = (typeof PERIOD_STATES)[number];

/** Who may comment: anyone with a confirmed email, or the process's members only. */
export const AUDIENCES = ['confirmed', 'members'] as const;

/** Why a moderator hides a comment. */
/** How a comment arrived. */
export const COMMENT_CHANNELS = ['web', 'api', 'bulk'] as const;

export const HIDDEN_REASONS = ['spam', 'abuse', 'off_topic', 'personal_information', 'not_consented'] as const;

/** The listing's status filter: answered (a disposition exists), awaiting one, or hidden. */
export const STATUS_FILTERS = ['answered', 'awaiting', 'hidden'] as const;
/** One of STATUS_FILTERS. */
export type StatusFilter = (typeof STATUS_FILTERS)[number];

const Text = (max: number, required = true) =>
  required
    ? z.string({ error: 'errors.text.required' }).trim().min(1, 'errors.text.required').max(max, 'errors.text.tooLong')
    : z.string().trim().max(max, 'errors.text.tooLong').default('');

/** An instant with its offset, e.g. 2019-02-25T09:00:00-05:00; kept to the second. */
const Instant = instantField('comments.errors.dateTime').meta({ example: '2019-02-25T09:00:00-05:00' });

/** The longest texts its forms take, in characters: checked here, stated and set as maxlength in the forms. */
export const TEXT_LIMITS = { instructions: 10_000, note: 2000, statement: 5000 } as const;
/** Opening a comment period on one version of a document (and, by default, of its translations). */
export const OpenPeriodBody = z
  .object({
    document: Slug.describe('The document’s short name'),
    version: z.coerce.number({ error: 'comments.errors.version' }).int('comments.errors.version').positive('comments.errors.version').optional().describe('Version number; the current one when absent'),
    includeTranslations: z.boolean().default(true).describe('Cover the same version number of each translation too'),
    opensAt: Instant,
    closesAt: Instant,
    timeZone: TimeZoneSchema.describe('The zone the times were announced in; pages show them in it'),
    instructionsEn: Text(TEXT_LIMITS.instructions, false),
    instructionsFr: Text(TEXT_LIMITS.instructions, false),
    audience: z.enum(AUDIENCES, { error: 'comments.errors.audience' }).default('confirmed'),
  })
  .refine((b) => Date.parse(b.closesAt) > Date.parse(b.opensAt), { message: 'comments.errors.window', path: ['closesAt'] });
/** A parsed OpenPeriodBody. */
export type OpenPeriodBody = z.infer<typeof OpenPeriodBody>;

/** Changing a period: move its closing time, its instructions or who may comment. */
export const UpdatePeriodBody = z.object({
  closesAt: Instant.optional(),
  instructionsEn: z.string().trim().max(TEXT_LIMITS.instructions, 'errors.text.tooLong').optional(),
  instructionsFr: z.string().trim().max(TEXT_LIMITS.instructions, 'errors.text.tooLong').optional(),
  audience: z.enum(AUDIENCES, { error: 'comments.errors.audience' }).optional(),
});
/** A parsed UpdatePeriodBody. */
export type UpdatePeriodBody = z.infer<typeof UpdatePeriodBody>;

/** A comment's fields, from the form or the API. */
export const CommentFields = z.object({
  document: Slug.optional().describe('The document commented on; the first the period covers when absent'),
  anchor: z
    .string()
    .trim()
    .max(200, 'comments.errors.anchor')
    .nullish()
    .transform((a) => a || null)
    .describe('A paragraph’s anchor in the covered version; null or absent for a general comment'),
  text: z
    .string({ error: 'comments.errors.textRequired' })
    .trim()
    .min(1, 'comments.errors.textRequired')
    .max(MAX_COMMENT_CHARS, 'comments.errors.textTooLong')
    .describe(`Plain text, ${MAX_COMMENT_CHARS} characters at most`),
  displayName: optionalDisplayText(200, 'errors.name.tooLong').describe('The name to show; the account’s when absent'),
  organisation: z.string().trim().max(200, 'errors.text.tooLong').optional(),
  stakeholderGroupId: z.uuid({ error: 'comments.errors.stakeholderGroup' }).optional().describe('Self-declared, one of the process’s stakeholder groups'),
  lang: z.enum(['en', 'fr'], { error: 'comments.errors.lang' }),
});
/** Parsed CommentFields. */
export type CommentFields = z.infer<typeof CommentFields>;

/** A file sent through the JSON API: its name and its bytes in base64. */
export const FileUpload = z.object({
  name: z.string().trim().min(1, 'errors.text.required').max(255, 'errors.text.tooLong'),
  contentBase64: z.base64({ error: 'comments.errors.base64' }),
});

/** Submitting a comment through the API. */
export const SubmitCommentBody = CommentFields.extend({ file: FileUpload.optional() });
/** A parsed SubmitCommentBody. */
export type SubmitCommentBody = z.infer<typeof SubmitCommentBody>;

/** The API's Idempotency-Key header: a replay with the same key returns the same comment. */
export const IdempotencyHeaders = z.object({
  'idempotency-key': z.string().min(1, 'comments.errors.idempotencyKey').max(200, 'comments.errors.idempotencyKey').optional(),
});

/** A moderator hides a comment, with a reason and an optional note. */
export const HideBody = z.object({
  reason: z.enum(HIDDEN_REASONS, { error: 'comments.errors.reason' }),
  note: z.string().trim().max(TEXT_LIMITS.note, 'errors.text.tooLong').default(''),
});
/** A parsed HideBody. */
export type HideBody = z.infer<typeof HideBody>;

/** "This was sent in my name without my consent." */
export const ReportBody = z.object({ statement: Text(TEXT_LIMITS.statement) });
/** A parsed ReportBody. */
export type ReportBody = z.infer<typeof ReportBody>;

/** A moderator's answer to a consent report; upholding hides the comment as not consented. */
export const ReportDecisionBody = z.object({
  decision: z.enum(['uphold', 'dismiss'], { error: 'comments.errors.decision' }),
  resolution: z.string().trim().max(2000, 'errors.text.tooLong').default(''),
});
/** A parsed ReportDecisionBody. */
export type ReportDecisionBody = z.infer<typeof ReportDecisionBody>;

const Uuid = z.uuid({ error: 'errors.notFound' });
/** `:processSlug/:periodId` in a URL. */
export const PeriodParams = z.object({ processSlug: Slug, periodId: Uuid });
/** `:processSlug/:commentId` in a URL. */
export const CommentParams = z.object({ processSlug: Slug, commentId: Uuid });
/** `:processSlug/:reportId` in a URL. */
export const ReportParams = z.object({ processSlug: Slug, reportId: Uuid });

/** The listing's filters and its keyset cursor (after or before an id, or the last page). */
export const ListQuery = z.object({
  document: z.string().trim().max(80).optional(),
  anchor: z.string().trim().max(200).optional().describe('A paragraph anchor; "general" for comments on the whole document'),
  stakeholderGroup: z.string().trim().max(60).optional().describe('A stakeholder group id'),
  lang: z.enum(['en', 'fr', '']).optional(),
  status: z.enum([...STATUS_FILTERS, '']).optional(),
  campaign: z
    .string()
    .trim()
    .max(60)
    .optional()
    .describe('A campaign id: every text of that campaign. Without it each campaign found by detection is listed once, by its representative text with its counts'),
  after: z.uuid({ error: 'errors.cursor' }).optional(),
  before: z.uuid({ error: 'errors.cursor' }).optional(),
  last: z.enum(['1', 'true']).optional().describe('The last page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
/** A parsed ListQuery. */
export type ListQuery = z.infer<typeof ListQuery>;

const Stamp = z.iso.datetime();

/** A comment period as the API shows it. */
export const PeriodOut = z.object({
  id: z.uuid(),
  process: z.string(),
  documents: z.array(z.object({ slug: z.string(), title: z.string(), lang: z.enum(['en', 'fr']), version: z.number().int(), url: z.string() })),
  opensAt: Stamp,
  closesAt: Stamp,
  timeZone: z.string(),
  state: z.enum(PERIOD_STATES),
  instructions: z.object({ en: z.string(), fr: z.string() }),
  audience: z.enum(AUDIENCES),
  commentCount: z.number().int().describe('Every comment received, hidden ones included'),
  hiddenCount: z.number().int().describe('Comments hidden by moderators: they await no response'),
  disposedCount: z.number().int().describe('Visible comments with a response; all are answered when it equals commentCount − hiddenCount'),
  url: z.string(),
});
/** The API's view of a period. */
export type PeriodOut = z.infer<typeof PeriodOut>;
/** A list of periods. */
export const PeriodListOut = z.object({ items: z.array(PeriodOut) });

/** A comment as the API shows it; a hidden one is a tombstone (no text, no name). */
export const CommentOut = z.object({
  id: z.uuid(),
  receipt: z.string(),
  periodId: z.uuid(),
  document: z.string(),
  anchor: z.string().nullable(),
  displayName: z.string().nullable(),
  organisation: z.string().nullable(),
  stakeholderGroupId: z.uuid().nullable(),
  lang: z.enum(['en', 'fr']),
  text: z.string().nullable(),
  status: z.enum(['visible', 'hidden']),
  hiddenReason: z.enum(HIDDEN_REASONS).nullable(),
  hiddenAt: Stamp.nullable(),
  duplicates: z.object({ groupId: z.uuid(), size: z.number().int(), primaryId: z.uuid().nullable() }),
  campaign: z
    .object({
      id: z.uuid(),
      comments: z.number().int().describe('Every comment of the campaign'),
      texts: z.number().int().describe('Its distinct texts'),
      url: z.string().describe('The listing of all its texts'),
    })
    .nullable()
    .describe('The campaign the last detection put this text in, with its counts; a listing shows each campaign once, by its representative text'),
  file: z.object({ url: z.string() }).nullable(),
  response: z.object({ outcome: z.string(), rationale: z.string(), lang: z.enum(['en', 'fr']) }).nullable(),
  createdAt: Stamp.describe('When it was submitted: for an imported comment, the time its file gives'),
  channel: z.enum(COMMENT_CHANNELS).describe('How it arrived: web (the HTML form), api (this API) or bulk (a file import)'),
  receivedAt: Stamp.describe('When Concord received it (for an imported comment, when its import landed it)'),
  url: z.string(),
  staffRole: StaffRoleOutSchema,
});
/** The API's view of a comment. */
export type CommentOut = z.infer<typeof CommentOut>;

/** A page of comments with the cursors of its neighbours (null at either end). */
export const CommentPageOut = z.object({
  items: z.array(CommentOut),
  next: z.string().nullable().describe('Pass as `after` for the next page'),
  previous: z.string().nullable().describe('Pass as `before` for the previous page'),
});

/** A consent report as moderators see it. */
export const ReportOut = z.object({
  id: z.uuid(),
  commentId: z.uuid(),
  statement: z.string(),
  status: z.enum(['open', 'upheld', 'dismissed']),
  resolution: z.string().nullable(),
  createdAt: Stamp,
  handledAt: Stamp.nullable(),
});
/** The API's view of a report. */
export type ReportOut = z.infer<typeof ReportOut>;
/** A list of reports. */
export const ReportListOut = z.object({ items: z.array(ReportOut) });
