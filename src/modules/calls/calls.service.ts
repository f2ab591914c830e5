import type { Kysely } from 'kysely';
import { processById } from '../processes/index.js';
import { recordActivity } from '../follows/index.js';
import { inTransaction } from '../../platform/db/tx.js';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/roles.js';
import { can } from '../../platform/auth/policies.js';
import { isUuid, newId } from '../../platform/lib/ids.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { tFor } from '../../platform/i18n/i18n.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { accountsRepository } from '../accounts/index.js';
import { queueMail } from '../mail/index.js';
import { participantsRepository } from '../participants/index.js';
import type { Process } from '../processes/index.js';
import { checkUpload, type Upload, databaseFileStore, type FileStore, type StoredFile } from '../files/index.js';
import { callsRepository as repo, type Call, type Submission, type SubmissionRow } from './calls.repository.js';
import type { CallState, ModerateBody, OpenCallBody, SubmissionFields } from './calls.schema.js';
import { callState } from './calls.time.js';
import { bothLangs, toSecond } from '../../platform/time/zoned.js';

/** A call with where it stands now and how many reports it has published. */
export interface CallSummary {
  call: Call;
  state: CallState;
  acceptedCount: number;
}

/** Which file store a change writes to, given its transaction; the database by default. */
export type StoreFor = (db: Kysely<DB>) => FileStore;

/** The calls of a process, latest first, with their state at `now`. */
export async function listCalls(db: Kysely<DB>, processId: string, now: Date = new Date()): Promise<CallSummary[]> {
  const [calls, counts] = await Promise.all([repo.byProcess(db, processId), repo.acceptedCounts(db, processId)]);
  return calls.map((call) => ({ call, state: callState(call, now), acceptedCount: counts.get(call.id) ?? 0 }));
}

/** One call with its state at `now` and its number of published reports. */
export async function summarise(db: Kysely<DB>, call: Call, now: Date = new Date()): Promise<CallSummary> {
  const counts = await repo.acceptedCounts(db, call.process_id);
  return { call, state: callState(call, now), acceptedCount: counts.get(call.id) ?? 0 };
}

/** A call of this process; 404 when absent or in another process. */
export async function getCall(db: Kysely<DB>, processId: string, callId: string): Promise<Call> {
  const call = isUuid(callId) ? await repo.byId(db, callId) : undefined;
  if (!call || call.process_id !== processId) throw new HttpProblem(404, 'errors.notFound');
  return call;
}

/** The oversight committee opens a call on a process; its window is kept to the second. */
export async function openCall(db: Kysely<DB>, actor: Actor, processId: string, input: OpenCallBody, baseUrl: string): Promise<Call> {
  return inTransaction(db, async (trx) => {
    const call = await repo.insert(trx, {
      id: newId(),
      process_id: processId,
      title_en: input.titleEn,
      title_fr: input.titleFr,
      description_en: input.descriptionEn,
      description_fr: input.descriptionFr,
      opens_at: toSecond(new Date(input.opensAt)),
      closes_at: toSecond(new Date(input.closesAt)),
      created_by: actor.userId,
    });
    await recordAudit(trx, { actorId: actor.userId, action: 'call.open', entityType: 'call', entityId: call.id, processId, after: { ...call } });
    const process = await processById(trx, processId);
    await recordActivity(
      trx,
      { processId, kind: 'call.opened', titleEn: tFor('en')('calls.activityOpened', { title: call.title_en }), titleFr: tFor('fr')('calls.activityOpened', { title: call.title_fr }), path: `/processes/${process.slug}/calls/${call.id}` },
      baseUrl,
    );
    return call;
  });
}

/** Refuse unless the call is open at `now`, saying when it opens or when it closed. */
function ensureOpen(call: Call, process: Process, now: Date): void {
  const state = callState(call, now);
  if (state === 'upcoming') throw new HttpProblem(409, 'calls.errors.notYetOpen', { when: bothLangs(call.opens_at, process.timezone) });
  if (state === 'closed') throw new HttpProblem(409, 'calls.errors.closed', { when: bothLangs(call.closes_at, process.timezone) });
}

/**
 * Submit a report to an open call: text, a file, or both. The file is checked (size, type by
 * content) before the transaction; the file, the submission and their audit events commit
 * together. Submissions start pending.
 */
export async function submit(
  db: Kysely<DB>,
  actor: Actor,
  process: Process,
  callId: string,
  input: SubmissionFields,
  upload: Upload | undefined,
  opts: { now?: Date; storeFor?: StoreFor } = {},
): Promise<Submission> {
  const call = await getCall(db, process.id, callId);
  const now = opts.now ?? new Date();
  ensureOpen(call, process, now);
  if (!input.text && !upload) throw new HttpProblem(422, 'calls.errors.textOrFile', {}, { text: 'calls.errors.textOrFile' });
  const checked = upload ? { ...checkUpload(upload), data: upload.data } : undefined;
  const storeFor = opts.storeFor ?? databaseFileStore;
  return inTransaction(db, async (trx) => {
    if (input.organisationId && !(await participantsRepository.organisation(trx, input.organisationId))) {
      throw new HttpProblem(422, 'errors.organisation.pick', {}, { organisationId: 'errors.organisation.pick' });
    }
    let file: StoredFile | undefined;
    if (checked) {
      file = await storeFor(trx).put({ ...checked, createdBy: actor.userId });
      await recordAudit(trx, { actorId: actor.userId, action: 'file.store', entityType: 'file', entityId: file.id, processId: process.id, after: { ...file } });
    }
    const submission = await repo.insertSubmission(trx, {
      id: newId(),
      call_id: call.id,
      submitter_id: actor.userId,
      title: input.title,
      lang: input.lang,
      organisation_id: input.organisationId ?? null,
      organisation_name: input.organisationId ? null : input.organisationName || null,
      body: input.text,
      file_id: file?.id ?? null,
      created_at: now,
    });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'call.submit',
      entityType: 'call_submission',
      entityId: submission.id,
      processId: process.id,
      after: { ...submission, file_sha256: file?.sha256 ?? null },
    });
    return submission;
  });
}

/** Accepted submissions are public; the others only to their submitter and the process's moderators. */
export function canSeeSubmission(actor: Actor | null, processId: string, s: Pick<Submission, 'status' | 'submitter_id'>): boolean {
  if (s.status === 'accepted') return true;
  return actor !== null && (actor.userId === s.submitter_id || can(actor, 'call.moderate', { processId }));
}

/** One submission with its details, as this person may see it; 404 when absent or not theirs to see. */
export async function submissionFor(db: Kysely<DB>, actor: Actor | null, call: Call, submissionId: string): Promise<SubmissionRow> {
  const [row] = isUuid(submissionId) ? await repo.detailed(db, { callId: call.id, id: submissionId }) : [];
  // Not visible reads as absent, so the existence of a pending report is not revealed either.
  if (!row || !canSeeSubmission(actor, call.process_id, row)) throw new HttpProblem(404, 'errors.notFound');
  return row;
}

/** The public list: accepted submissions, oldest first. */
export const acceptedSubmissions = (db: Kysely<DB>, callId: string) => repo.detailed(db, { callId, statuses: ['accepted'] });
/** Everything sent to a call, for its moderators. */
export const allSubmissions = (db: Kysely<DB>, callId: string) => repo.detailed(db, { callId });
/** What one person has sent to a call, whatever its status. */
export const submissionsBy = (db: Kysely<DB>, callId: string, userId: string) => repo.detailed(db, { callId, submitterId: userId });

/**
 * A moderator accepts or rejects a submission (a decision can be changed; every one is
 * audited). Nothing is deleted: rejection keeps the record with its reason. The submitter is
 * told by email, in their language, when the status changes.
 */
export async function moderate(
  db: Kysely<DB>,
  actor: Actor,
  process: Process,
  call: Call,
  submissionId: string,
  input: ModerateBody,
  baseUrl: string,
  /** `at`: when it was decided, for a history loaded after the fact (the demo's story); now otherwise. */
  opts: { at?: Date } = {},
): Promise<Submission> {
  return inTransaction(db, async (trx) => {
    const before = isUuid(submissionId) ? await repo.submission(trx, submissionId, true) : undefined;
    if (!before || before.call_id !== call.id) throw new HttpProblem(404, 'errors.notFound');
    const status = input.decision === 'accept' ? 'accepted' : 'rejected';
    const after = await repo.moderate(trx, before.id, { status, moderation_reason: input.reason || null, moderated_by: actor.userId, moderated_at: opts.at ?? new Date() });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: `call.${input.decision}`,
      entityType: 'call_submission',
      entityId: after.id,
      processId: process.id,
      before: { ...before },
      after: { ...after },
    });
    const submitter = before.submitter_id ? await accountsRepository.findById(trx, before.submitter_id) : undefined;
    if (submitter && before.status !== status) {
      const lang = submitter.preferred_lang;
      await queueMail(trx, {
        to: submitter.email,
        lang,
        kind: status === 'accepted' ? 'callSubmissionAccepted' : 'callSubmissionRejected',
        params: {
          name: submitter.name,
          // A subject line is one line, whatever was typed into the title.
          title: after.title.replace(/\s+/g, ' '),
          call: lang === 'fr' ? call.title_fr : call.title_en,
          reason: after.moderation_reason ?? '',
          link: `${baseUrl}/${lang}/processes/${process.slug}/calls/${call.id}/submissions/${after.id}`,
        },
      });
    }
    return after;
  });
}

/** A submission's file with whether it is public; 404 when there is none or it is not visible. */
export async function submissionFile(
  db: Kysely<DB>,
  actor: Actor | null,
  call: Call,
  submissionId: string,
  storeFor: StoreFor = databaseFileStore,
): Promise<{ file: { meta: StoredFile; data: Buffer }; isPublic: boolean }> {
  const row = await submissionFor(db, actor, call, submissionId);
  const file = row.file_id ? await storeFor(db).get(row.file_id) : undefined;
  if (!file) throw new HttpProblem(404, 'errors.notFound');
  return { file, isPublic: row.status === 'accepted' };
}
