import { z } from 'zod';
import { Slug } from '../processes/index.js';
import type { DispositionOutcome } from './comments.tables.js';

/** The responses an editor can give a comment, in the order forms offer them. */
export const OUTCOMES = ['accepted', 'partly_accepted', 'not_accepted', 'noted', 'out_of_scope'] as const satisfies readonly DispositionOutcome[];

/** The longest rationale: a response, not a second document. */
export const MAX_RATIONALE = 10_000;

const OptionalUuid = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.uuid({ error: 'errors.notFound' }).optional());

/**
 * A response to a comment or to a whole group of duplicates (exactly one of the two), with
 * a rationale (required for every outcome) and, when the text changed in answer, the
 * version and paragraph that changed. The paragraph is its anchor or its label (`4.2`).
 */
export const DispositionBody = z
  .object({
    commentId: OptionalUuid.describe('The comment answered (or give groupId)'),
    groupId: OptionalUuid.describe('The group of duplicates answered as one (or give commentId)'),
    outcome: z.enum(OUTCOMES, { error: 'dispositions.errors.outcome' }),
    rationale: z
      .string({ error: 'dispositions.errors.rationaleRequired' })
      .trim()
      .min(1, 'dispositions.errors.rationaleRequired')
      .max(MAX_RATIONALE, 'errors.text.tooLong'),
    lang: z.enum(['en', 'fr'], { error: 'dispositions.errors.lang' }).optional().describe('The rationale’s language: the document’s (the default)'),
    // A form's "no version" choice sends an empty string.
    versionNumber: z
      .preprocess(
        (v) => (v === '' || v === null ? undefined : v),
        z.coerce.number({ error: 'dispositions.errors.version' }).int('dispositions.errors.version').min(1, 'dispositions.errors.version').max(100_000, 'dispositions.errors.version').optional(),
      )
      .describe('The version of the document that changed in answer'),
    anchor: z
      .string()
      .trim()
      .max(200, 'errors.text.tooLong')
      .nullish()
      .transform((v) => v || null)
      .describe('The paragraph that changed in that version: its anchor or its label'),
  })
  .refine((b) => (b.commentId === undefined) !== (b.groupId === undefined), { message: 'dispositions.errors.target', path: ['commentId'] })
  .refine((b) => !b.anchor || b.versionNumber !== undefined, { message: 'dispositions.errors.anchorWithoutVersion', path: ['versionNumber'] });
/** A parsed DispositionBody. */
export type DispositionBody = z.infer<typeof DispositionBody>;

/** `:processSlug/:periodId` in a URL. */
export const PeriodParams = z.object({ processSlug: Slug, periodId: z.uuid({ error: 'errors.notFound' }) });

/** The keyset cursor of a list: the last id of the previous page. */
export const AfterQuery = z.object({ after: z.uuid({ error: 'dispositions.errors.cursor' }).optional().describe('Cursor: `next` from the previous page') });

/** A response as the API shows it. */
export const DispositionOut = z.object({
  id: z.uuid(),
  periodId: z.uuid(),
  commentId: z.uuid().nullable(),
  groupId: z.uuid().nullable(),
  outcome: z.enum(OUTCOMES),
  rationale: z.string(),
  lang: z.enum(['en', 'fr']),
  changed: z
    .object({ documentId: z.uuid(), versionNumber: z.number().int(), anchor: z.string().nullable(), url: z.string() })
    .nullable()
    .describe('The version and paragraph that changed in answer'),
  decidedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
/** The API's view of a response. */
export type DispositionOut = z.infer<typeof DispositionOut>;
/** A page of responses and the cursor for the next. */
export const DispositionPage = z.object({ items: z.array(DispositionOut), next: z.string().nullable() });

/** One response for many groups at once (a campaign): the outcome and rationale rules of DispositionBody. */
export const GroupsDispositionBody = z.object({
  outcome: z.enum(OUTCOMES, { error: 'dispositions.errors.outcome' }),
  rationale: z.string({ error: 'dispositions.errors.rationaleRequired' }).trim().min(1, 'dispositions.errors.rationaleRequired').max(MAX_RATIONALE, 'errors.text.tooLong'),
});
