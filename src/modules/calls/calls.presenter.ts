import type { Call, SubmissionRow } from './calls.repository.js';
import type { CallOut, SubmissionOut } from './calls.schema.js';
import type { CallSummary } from './calls.service.js';

/** Where a call's page is, under a language. */
export const callPath = (processSlug: string, callId: string) => `/processes/${processSlug}/calls/${callId}`;
/** Where a submission's page is, under a language. */
export const submissionPath = (processSlug: string, callId: string, id: string) => `${callPath(processSlug, callId)}/submissions/${id}`;

/** The API's view of a call, with bilingual fields as {en, fr}. */
export function presentCall(s: CallSummary, processSlug: string, baseUrl: string): CallOut {
  const c = s.call;
  return {
    id: c.id,
    process: processSlug,
    title: { en: c.title_en, fr: c.title_fr },
    description: { en: c.description_en, fr: c.description_fr },
    opensAt: c.opens_at.toISOString(),
    closesAt: c.closes_at.toISOString(),
    state: s.state,
    acceptedCount: s.acceptedCount,
    url: `${baseUrl}/en${callPath(processSlug, c.id)}`,
  };
}

/**
 * The API's view of a submission. The submitter is not named: reports speak for their
 * organisation, and a person's name is theirs to publish.
 */
export function presentSubmission(s: SubmissionRow, call: Call, processSlug: string, baseUrl: string): SubmissionOut {
  const path = submissionPath(processSlug, call.id, s.id);
  return {
    id: s.id,
    callId: call.id,
    title: s.title,
    lang: s.lang,
    organisation: s.organisation_label ? { id: s.organisation_id, name: s.organisation_label } : null,
    text: s.body,
    file:
      s.file_id && s.file_name
        ? { name: s.file_name, mediaType: s.file_media_type ?? '', size: s.file_size ?? 0, sha256: s.file_sha256 ?? '', url: `${baseUrl}/api/v1${path}/file` }
        : null,
    status: s.status,
    moderationReason: s.moderation_reason,
    createdAt: s.created_at.toISOString(),
    moderatedAt: s.moderated_at ? s.moderated_at.toISOString() : null,
    url: `${baseUrl}/${s.lang}${path}`,
  };
}
