import { z } from 'zod';
import { instantField } from '../../platform/time/time-fields.js';
import { displayText, optionalDisplayText } from '../../platform/lib/display-text.js';
import { Bilingual, Slug } from '../processes/index.js';

/** Where a call stands at a given instant. */
export const CALL_STATES = ['upcoming', 'open', 'closed'] as const;
/** One of CALL_STATES. */
export type CallState = (typeof CALL_STATES)[number];

/** Where a submission stands: only accepted ones are public. */
export const SUBMISSION_STATUSES = ['pending', 'accepted', 'rejected'] as const;
/** One of SUBMISSION_STATUSES. */
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

const Text = (max: number, required = true) =>
  required
    ? z.string({ error: 'errors.text.required' }).trim().min(1, 'errors.text.required').max(max, 'errors.text.tooLong')
    : z.string().trim().max(max, 'errors.text.tooLong').default('');

/** An instant with its offset, e.g. 2019-02-25T09:00:00-05:00; stored to the second. */
const Instant = instantField('calls.errors.dateTime').meta({ example: '2019-02-25T09:00:00-05:00' });

/** The longest texts its forms take, in characters: checked here, stated and set as maxlength in the forms. */
export const TEXT_LIMITS = { description: 20_000, text: 100_000, reason: 2000 } as const;
/** Opening a call: texts in both languages (Markdown descriptions) and its window. */
export const OpenCallBody = z
  .object({
    titleEn: displayText(200),
    titleFr: displayText(200),
    descriptionEn: Text(TEXT_LIMITS.description, false),
    descriptionFr: Text(TEXT_LIMITS.description, false),
    opensAt: Instant,
    closesAt: Instant,
  })
  .refine((b) => Date.parse(b.closesAt) > Date.parse(b.opensAt), { message: 'calls.errors.window', path: ['closesAt'] });
/** A parsed OpenCallBody. */
export type OpenCallBody = z.infer<typeof OpenCallBody>;

/**
 * A report's fields, whether they come from the form or the API. The organisation is an
 * existing one by id, or free text; the content is text, a file, or both (checked with the file).
 */
export const SubmissionFields = z.object({
  title: displayText(300),
  lang: z.enum(['en', 'fr'], { error: 'calls.errors.lang' }),
  organisationId: z.uuid({ error: 'errors.organisation.pick' }).optional(),
  organisationName: optionalDisplayText(200),
  text: z.string().trim().max(TEXT_LIMITS.text, 'errors.text.tooLong').default(''),
});
/** Parsed SubmissionFields. */
export type SubmissionFields = z.infer<typeof SubmissionFields>;

/** A file sent through the JSON API: its name and its bytes in base64. */
export const FileUpload = z.object({
  name: z.string().trim().min(1, 'errors.text.required').max(255, 'errors.text.tooLong'),
  contentBase64: z.base64({ error: 'calls.errors.base64' }),
});

/** Submitting a report through the API. */
export const SubmitBody = SubmissionFields.extend({ file: FileUpload.optional() });
/** A parsed SubmitBody. */
export type SubmitBody = z.infer<typeof SubmitBody>;

/** A moderator's decision; rejecting needs a reason, which the submitter is told. */
export const ModerateBody = z
  .object({
    decision: z.enum(['accept', 'reject'], { error: 'calls.errors.decision' }),
    reason: z.string().trim().max(TEXT_LIMITS.reason, 'errors.text.tooLong').default(''),
  })
  .refine((b) => b.decision === 'accept' || b.reason.length > 0, { message: 'calls.errors.reasonRequired', path: ['reason'] });
/** A parsed ModerateBody. */
export type ModerateBody = z.infer<typeof ModerateBody>;

/** `:processSlug/:callId` in a URL. */
export const CallParams = z.object({ processSlug: Slug, callId: z.uuid({ error: 'errors.notFound' }) });
/** `:processSlug/:callId/:submissionId` in a URL. */
export const SubmissionParams = CallParams.extend({ submissionId: z.uuid({ error: 'errors.notFound' }) });

/** A call as the API shows it; `state` is where it stands now. */
export const CallOut = z.object({
  id: z.uuid(),
  process: z.string().describe('The process’s short name'),
  title: Bilingual,
  description: Bilingual,
  opensAt: z.iso.datetime(),
  closesAt: z.iso.datetime(),
  state: z.enum(CALL_STATES),
  acceptedCount: z.number().int(),
  url: z.string(),
});
/** The API's view of a call. */
export type CallOut = z.infer<typeof CallOut>;
/** A list of calls. */
export const CallListOut = z.object({ items: z.array(CallOut) });

/** A submission as the API shows it; the submitter is not named. */
export const SubmissionOut = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  title: z.string(),
  lang: z.enum(['en', 'fr']),
  organisation: z.object({ id: z.uuid().nullable(), name: z.string() }).nullable(),
  text: z.string().describe('Markdown'),
  file: z.object({ name: z.string(), mediaType: z.string(), size: z.number().int(), sha256: z.string(), url: z.string() }).nullable(),
  status: z.enum(SUBMISSION_STATUSES),
  moderationReason: z.string().nullable(),
  createdAt: z.iso.datetime(),
  moderatedAt: z.iso.datetime().nullable(),
  url: z.string(),
});
/** The API's view of a submission. */
export type SubmissionOut = z.infer<typeof SubmissionOut>;
/** A list of submissions. */
export const SubmissionListOut = z.object({ items: z.array(SubmissionOut) });
