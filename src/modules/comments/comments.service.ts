import type { Kysely } from 'kysely';
import { tFor } from '../../platform/i18n/i18n.js';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/roles.js';
import { inTransaction } from '../../platform/db/tx.js';
import { isUuid, newId } from '../../platform/lib/ids.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { queueMail } from '../mail/index.js';
import { indexForSearch, type SearchEntryInput } from '../search/index.js';
import { processById, stakeholderGroupsOf } from '../processes/index.js';
import type { Process } from '../processes/index.js';
import type { DocumentRow } from '../documents/index.js';
import { checkUpload, type Upload, databaseFileStore, type FileStore, type StoredFile } from '../files/index.js';
import { can, canSee } from '../../platform/auth/policies.js';
import { commentsRepository as repo, type Comment, type CommentRow, type Period } from './comments.repository.js';
import type { CommentFields } from './comments.schema.js';
import { isReceipt, newReceipt } from './comments.text.js';
import { senderSignals } from './comments.sender.js';
import { duplicateKeys, ensureAnchor, ensureDisplayName, ensureOpen, ensureStakeholderGroup, pickDocument } from './comments.rules.js';
import { getPeriod, paragraphsOf, periodState, type CoveredDocument } from './periods.service.js';

/** The address of a comment's page (its permalink), without the language prefix. */
export const commentPath = (processSlug: string, commentId: string) => `/processes/${processSlug}/comments/${commentId}`;

/** Options for submitComment; the skips are for seeding demo data and benchmarks, never for people. */
export interface SubmitOptions {
  /** How it arrived: the HTML form (the default) or the single-comment API. */
  channel?: 'web' | 'api';
  /** The comment's time (back-dating demo comments); the window is checked against it. Default: now. */
  at?: Date;
  /** Take the comment whatever the window (demo data in a closed period). */
  skipWindow?: boolean;
  /** Write no acknowledgement email. */
  skipMail?: boolean;
  /** Write no audit event (bulk seeding only: one audited write per comment serialises on the chain). */
  skipAudit?: boolean;
  /** Where the email's link points. */
  baseUrl?: string;
  /** Which file store the file goes to, given the transaction. */
  storeFor?: (db: Kysely<DB>) => FileStore;
}

/** What a submission brings besides the fields: the API's idempotency key, and a file. */
export interface SubmitExtras {
  idempotencyKey?: string | undefined;
  upload?: Upload | undefined;
}

/** A submitted comment, and whether it was a replay of an earlier submission with the same key. */
export interface Submitted {
  comment: Comment;
  replayed: boolean;
}

/** True when an error is PostgreSQL's unique violation on the named constraint or index. */
function uniqueViolation(err: unknown, name: string): boolean {
  const e = err as { code?: string; constraint?: string; message?: string };
  return e?.code === '23505' && (e.constraint === name || (e.message ?? '').includes(name));
}

/** A replay must be the same comment: same text, paragraph and document. */
function sameSubmission(c: Comment, text: string, documentId: string, anchor: string | null): boolean {
  return c.body === text && c.document_id === documentId && c.anchor === anchor;
}

/** The replay of an earlier submission with this key, or a 409 when the key was used for another comment. */
function replayOrConflict(existing: Comment, text: string, documentId: string, anchor: string | null): Submitted {
  if (!sameSubmission(existing, text, documentId, anchor)) throw new HttpProblem(409, 'comments.errors.idempotencyConflict');
  return { comment: existing, replayed: true };
}

/**
 * Submit a comment on an open period. Checks (window to the second, audience, document,
 * paragraph anchor, stakeholder group, file) come first; then one transaction writes the
 * file, the duplicate group, the comment, the counts, the search entry, the audit event and
 * the acknowledgement email, so an acknowledged comment always exists. With an idempotency
 * key, a second submission by the same person returns the first comment (`replayed`) and
 * writes nothing; the same key with another text is a 409.
 *
 * Other code (demo data, benchmarks) seeds comments through this too, with `actor` null, a
 * `displayName`, and `{ at, skipWindow, skipMail, skipAudit }` as needed.
 * @example await submitComment(db, null, periodId, { text, lang: 'en', displayName: 'A. Person', anchor: null }, {}, { at, skipWindow: true, skipMail: true })
 */
export async function submitComment(
  db: Kysely<DB>,
  actor: Actor | null,
  periodId: string,
  input: CommentFields,
  extras: SubmitExtras = {},
  opts: SubmitOptions = {},
): Promise<Submitted> {
  const period = isUuid(periodId) ? await repo.periodById(db, periodId) : undefined;
  if (!period) throw new HttpProblem(404, 'errors.notFound');
  const [process, { documents }] = await Promise.all([processById(db, period.process_id), getPeriod(db, period.process_id, period.id, actor, { counts: false })]);
  return submitToPeriod(db, actor, { process, period, documents }, input, extras, opts);
}

/**
 * submitComment on records already loaded (a route's scope loaded the process, the period and
 * its documents): nothing is read again. An idempotency key is checked by the database's
 * unique index when the comment is written; a submission refused beforehand (the window
 * closed since) looks for the earlier comment, so a replay still gets it.
 */
export async function submitToPeriod(
  db: Kysely<DB>,
  actor: Actor | null,
  { process, period, documents }: { process: Process; period: Period; documents: CoveredDocument[] },
  input: CommentFields,
  extras: SubmitExtras = {},
  opts: SubmitOptions = {},
): Promise<Submitted> {
  const anchor = input.anchor ?? null;
  const paragraphs = (versionId: string) => paragraphsOf(db, versionId);
  const target = await pickDocument(documents, input.document, anchor, input.lang, paragraphs);
  const key = actor ? extras.idempotencyKey : undefined;
  const earlier = async () => (key && actor ? repo.commentByIdempotencyKey(db, actor.userId, key) : undefined);
  const at = opts.at ?? new Date();
  let displayName: string | undefined;
  let checked: (ReturnType<typeof checkUpload> & { data: Buffer }) | undefined;
  try {
    if (!opts.skipWindow) ensureOpen(period, at);
    if (outsideAudience(actor, period)) throw new HttpProblem(403, 'comments.errors.membersOnly');
    if (anchor !== null) ensureAnchor(anchor, await paragraphs(target.version.id));
    if (input.stakeholderGroupId) ensureStakeholderGroup(input.stakeholderGroupId, await stakeholderGroupsOf(db, process.id));
    displayName = ensureDisplayName(input.displayName || actor?.name);
    checked = extras.upload ? { ...checkUpload(extras.upload), data: extras.upload.data } : undefined;
  } catch (err) {
    // A replay of a comment that was taken is answered with it, whatever changed since.
    const existing = await earlier();
    if (existing) return replayOrConflict(existing, input.text, target.document.id, anchor);
    throw err;
  }
  const name = displayName;
  const write = () =>
    inTransaction(db, async (trx) => {
      const file = checked ? await (opts.storeFor ?? databaseFileStore)(trx).put({ ...checked, createdBy: actor?.userId ?? null }) : undefined;
      const { hash, group: textGroup } = duplicateKeys(input.text, target.document.id, anchor);
      const id = newId(at.getTime());
      // No lock that submitters wait on each other for: the group is created with this comment
      // or read under a share lock, and its size is counted by a delta (countComment).
      const { group, created } = await repo.enterGroup(trx, newId(at.getTime()), period.id, textGroup, id);
      // The first visible comment of a group is listed and is its primary; later exact
      // duplicates are counted on it.
      const listed = group.primary_comment_id === id;
      const comment = await repo.insertComment(trx, {
        id,
        // A text a campaign folded (its group listed again after its comments were hidden) stays folded.
        folded: listed && group.folded,
        period_id: period.id,
        document_id: target.document.id,
        version_id: target.version.id,
        anchor,
        author_id: actor?.userId ?? null,
        display_name: name,
        organisation: input.organisation || null,
        stakeholder_group_id: input.stakeholderGroupId ?? null,
        lang: input.lang,
        body: input.text,
        body_hash: hash,
        group_id: group.id,
        listed,
        file_id: file?.id ?? null,
        receipt: newReceipt(),
        idempotency_key: key ?? null,
        created_at: at,
        channel: opts.channel ?? 'web',
        received_at: at,
        // The signed-in account's email, kept only as its domain and a keyed hash.
        ...senderSignals(actor?.email),
      });
      await repo.countComment(trx, { periodId: period.id, documentId: target.document.id, anchor: anchor ?? '', groupId: group.id, newText: created });
      await indexComment(trx, comment, target.document, process, { fresh: true });
      if (!opts.skipAudit) {
        if (file) await recordAudit(trx, { actorId: actor?.userId ?? null, action: 'file.store', entityType: 'file', entityId: file.id, processId: process.id, after: { ...file } });
        await recordAudit(trx, { actorId: actor?.userId ?? null, action: 'comment.submit', entityType: 'comment', entityId: id, processId: process.id, after: { ...comment } });
      }
      if (actor && !opts.skipMail) await mailReceipt(trx, actor, comment, target.document, process, opts.baseUrl ?? '');
      return comment;
    });
  for (let attempt = 0; ; attempt++) {
    try {
      return { comment: await write(), replayed: false };
    } catch (err) {
      // Two submissions with one key raced: the second finds the first.
      if (key && actor && uniqueViolation(err, 'comments_idempotency')) {
        const existing = await earlier();
        if (existing) return replayOrConflict(existing, input.text, target.document.id, anchor);
      }
      // A receipt number drawn twice (one chance in a trillion per comment): draw again.
      if (attempt < 3 && uniqueViolation(err, 'comments_receipt_key')) continue;
      throw err;
    }
  }
}

/** The acknowledgement: receipt number and permalink, in the commenter's language. */
async function mailReceipt(trx: Kysely<DB>, actor: Actor, c: Comment, doc: DocumentRow, process: Process, baseUrl: string): Promise<void> {
  const lang = actor.lang;
  await queueMail(trx, {
    to: actor.email,
    lang,
    kind: 'commentReceipt',
    params: { name: c.display_name, receipt: c.receipt, document: doc.title.replace(/\s+/g, ' '), link: `${baseUrl}/${lang}${commentPath(process.slug, c.id)}` },
  });
}

/** A visible comment's search entry (its title names the receipt and the document); both comment paths index this. */
export function commentSearchEntry(c: Comment, doc: DocumentRow, process: Pick<Process, 'id' | 'slug'>): SearchEntryInput {
  return {
    kind: 'comment',
    refId: c.id,
    processId: process.id,
    lang: c.lang,
    title: tFor(c.lang)('comments.searchTitle', { receipt: c.receipt, title: doc.title }),
    body: c.body,
    path: commentPath(process.slug, c.id),
    membersOnly: doc.members_only,
    // Copies of one text (a campaign) are found once in search, with their count.
    groupKey: c.group_id,
  };
}

/** A visible comment in the search index. */
export async function indexComment(trx: Kysely<DB>, c: Comment, doc: DocumentRow, process: Process, opts: { fresh?: boolean } = {}): Promise<void> {
  await indexForSearch(trx, commentSearchEntry(c, doc, process), opts);
}

/** A comment of this process with its group size and response; 404 when absent or elsewhere. */
export async function getComment(db: Kysely<DB>, processId: string, commentId: string, actor: Actor | null): Promise<{ row: CommentRow; period: Period; documents: CoveredDocument[] }> {
  const row = isUuid(commentId) ? await repo.commentRow(db, commentId) : undefined;
  if (!row) throw new HttpProblem(404, 'errors.notFound');
  const { period, documents } = await getPeriod(db, processId, row.period_id, actor);
  if (!documents.some((d) => d.document.id === row.document_id)) throw new HttpProblem(404, 'errors.notFound');
  return { row, period, documents };
}

/** The page of the comment a receipt number names (case-insensitive); 404 when none. */
export async function receiptPath(db: Kysely<DB>, receipt: string): Promise<string> {
  const c = isReceipt(receipt.trim()) ? await repo.commentByReceipt(db, receipt.trim().toUpperCase()) : undefined;
  const period = c ? await repo.periodById(db, c.period_id) : undefined;
  if (!c || !period) throw new HttpProblem(404, 'errors.notFound');
  return commentPath((await processById(db, period.process_id)).slug, c.id);
}


/**
 * A comment's file; 404 when there is none, or when the comment is hidden and the viewer is
 * not one of the process's moderators.
 */
export async function commentFile(
  db: Kysely<DB>,
  processId: string,
  commentId: string,
  actor: Actor | null,
  storeFor: (db: Kysely<DB>) => FileStore = databaseFileStore,
): Promise<{ file: { meta: StoredFile; data: Buffer }; isPublic: boolean }> {
  const { row } = await getComment(db, processId, commentId, actor);
  const visible = row.status === 'visible';
  if (!row.file_id || (!visible && !can(actor, 'comment.moderate', { processId }))) throw new HttpProblem(404, 'errors.notFound');
  const file = await storeFor(db).get(row.file_id);
  if (!file) throw new HttpProblem(404, 'errors.notFound');
  return { file, isPublic: visible };
}

/** A file's name and size for a comment's download link (never the bytes). */
export const fileMeta = (db: Kysely<DB>, fileId: string) => repo.fileMeta(db, fileId);

/**
 * Why this person cannot comment on the period now (an i18n key), or undefined when they can:
 * the window, then the audience. The submission checks the same things again.
 */
export async function commentRefusal(db: Kysely<DB>, actor: Actor | null, period: Period, now: Date = new Date()): Promise<string | undefined> {
  const state = periodState(period, now);
  if (state !== 'open') return `comments.refusal.${state}`;
  return outsideAudience(actor, period) ? 'comments.refusal.membersOnly' : undefined;
}

/**
 * True when the period is for members only and this person is not one. The policy's canSee
 * decides: joining gives the 'member' role, which the actor carries, so no read is needed.
 * (A signed-out visitor is stopped by the route's policy before this.)
 */
function outsideAudience(actor: Actor | null, period: Period): boolean {
  return !!actor && !canSee(actor, { processId: period.process_id, membersOnly: period.audience === 'members' });
}
