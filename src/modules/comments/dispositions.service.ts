import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/roles.js';
import { authorize, type PolicyContext } from '../../platform/auth/policies.js';
import { inTransaction } from '../../platform/db/tx.js';
import { isUuid, newId } from '../../platform/lib/ids.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { processScope } from '../processes/index.js';
import { blocksOf, documentById, versionById, versionByNumber, type DocumentRow, type VersionRow } from '../documents/index.js';
import type { DispositionOutcome } from './comments.tables.js';
import { dispositionsRepository as repo, type Disposition } from './dispositions.repository.js';

/**
 * What a response says. Exactly one target: a comment, or a group of duplicates (every
 * comment has a group, a lone one a group of one). The changed paragraph is named by version
 * (id or number, of the target's document or a translation the period covers) and anchor or
 * label; `lang` defaults to the document's language and must be it.
 */
export interface DispositionInput {
  commentId?: string | undefined;
  groupId?: string | undefined;
  outcome: DispositionOutcome;
  rationale: string;
  lang?: 'en' | 'fr' | undefined;
  versionId?: string | null | undefined;
  versionNumber?: number | null | undefined;
  anchor?: string | null | undefined;
}

/**
 * The policy scope of a period's routes: the process and the working group that owns the
 * period's (first) document, so its chair and members may respond. An unknown period
 * resolves to the process alone; the handler then answers 404.
 */
export async function dispositionScope(db: Kysely<DB>, processSlug: string, periodId: string): Promise<PolicyContext> {
  const { processId } = await processScope(db, processSlug);
  const period = isUuid(periodId) ? await repo.period(db, periodId) : undefined;
  if (!period || period.process_id !== processId) return { processId };
  const [first] = await repo.periodDocuments(db, period.id);
  const doc = first ? await documentById(db, first.document_id) : undefined;
  return { processId, groupId: doc?.group_id ?? undefined };
}

/** The comment a response is about: the comment itself, or its group's listed comment. */
async function targetOf(trx: Kysely<DB>, periodId: string, input: DispositionInput) {
  if (input.commentId) {
    const comment = isUuid(input.commentId) ? await repo.comment(trx, input.commentId) : undefined;
    if (!comment || comment.period_id !== periodId) throw new HttpProblem(404, 'dispositions.errors.noSuchComment', {}, { commentId: 'dispositions.errors.noSuchComment' });
    const group = await repo.lockGroup(trx, comment.group_id);
    if (!group) throw new HttpProblem(404, 'dispositions.errors.noSuchComment');
    return { comment, group };
  }
  const group = input.groupId && isUuid(input.groupId) ? await repo.lockGroup(trx, input.groupId) : undefined;
  // A group whose comments are all hidden has no primary; its earliest comment stands for it.
  const primaryId = group ? (group.primary_comment_id ?? (await repo.firstMember(trx, group.id))) : undefined;
  const comment = primaryId ? await repo.comment(trx, primaryId) : undefined;
  if (!group || group.period_id !== periodId || !comment) throw new HttpProblem(404, 'dispositions.errors.noSuchComment', {}, { groupId: 'dispositions.errors.noSuchComment' });
  return { comment, group };
}

/**
 * The version and paragraph that changed, checked: the version must belong to a document the
 * period covers (a later version of it is the usual case), the paragraph must be in it.
 */
async function changeOf(trx: Kysely<DB>, coveredIds: Set<string>, doc: DocumentRow, input: DispositionInput): Promise<{ version: VersionRow | null; anchor: string | null }> {
  let version: VersionRow | undefined;
  if (input.versionId) version = await versionById(trx, input.versionId);
  else if (input.versionNumber != null) version = await versionByNumber(trx, doc.id, input.versionNumber);
  else if (input.anchor) throw new HttpProblem(422, 'dispositions.errors.anchorWithoutVersion', {}, { versionNumber: 'dispositions.errors.anchorWithoutVersion' });
  else return { version: null, anchor: null };
  if (!version || !coveredIds.has(version.document_id)) {
    throw new HttpProblem(422, 'dispositions.errors.version', {}, { versionNumber: 'dispositions.errors.version' });
  }
  const wanted = input.anchor?.trim();
  if (!wanted) return { version, anchor: null };
  const blocks = await blocksOf(trx, version.id);
  // People write "4.2" or "§ 4.2"; headings without a number have labels such as "§ Scope".
  const bare = wanted.replace(/^§\s*/, '');
  const block = blocks.find((b) => b.anchor === wanted) ?? blocks.find((b) => b.label === wanted) ?? blocks.find((b) => b.label === bare);
  if (!block) throw new HttpProblem(422, 'dispositions.errors.anchor', { version: version.number }, { anchor: 'dispositions.errors.anchor' });
  return { version, anchor: block.anchor };
}

/**
 * Record the response to a comment or to a group of duplicates, or change the one already
 * there (one per target). Every outcome needs a rationale, written in the document's language.
 *
 * Counting rule (comment_periods.disposed_count and the per-paragraph outcome counts): every
 * visible comment counts once, under its own response when it has one, else under its
 * group's; a hidden one is not counted (moderation takes it out and puts it back, see
 * `countOnModeration`), since it awaits no response. So
 * a group response covers the members without a response of their own, and a member's own
 * response later moves that member from the group's outcome to its own without changing the
 * total. All of it happens under the group's row lock, in one transaction with the audit event.
 * A comment that joins an answered group later is counted by a trigger on insert (0010), as a
 * delta the `comments.fold-counters` job folds (0031); readers add the pending ones.
 * @example await recordDisposition(db, actor, periodId, { groupId, outcome: 'accepted', rationale: 'Done in §4.2.', versionNumber: 3, anchor: '4.2' })
 */
export async function recordDisposition(db: Kysely<DB>, actor: Actor, periodId: string, input: DispositionInput, opts: { at?: Date } = {}): Promise<Disposition> {
  const rationale = input.rationale.trim();
  if (!rationale) throw new HttpProblem(422, 'dispositions.errors.rationaleRequired', {}, { rationale: 'dispositions.errors.rationaleRequired' });
  if (!input.commentId === !input.groupId) throw new HttpProblem(422, 'dispositions.errors.target', {}, { commentId: 'dispositions.errors.target' });
  const period = isUuid(periodId) ? await repo.period(db, periodId) : undefined;
  if (!period) throw new HttpProblem(404, 'errors.notFound');
  return inTransaction(db, async (trx) => {
    const covered = await repo.periodDocuments(trx, period.id);
    const { comment, group } = await targetOf(trx, period.id, input);
    const doc = await documentById(trx, comment.document_id);
    if (!doc) throw new HttpProblem(404, 'errors.notFound');
    // The service is called by the API, the pages and the demo data: the rule is asked here
    // too, with the scope of the comment's document.
    if (!authorize(actor, 'comment.dispose', { processId: period.process_id, groupId: doc.group_id ?? undefined }).allowed) {
      throw new HttpProblem(403, 'errors.forbidden');
    }
    const lang = input.lang ?? doc.lang;
    if (lang !== doc.lang) throw new HttpProblem(422, 'dispositions.errors.lang', { lang: doc.lang }, { lang: 'dispositions.errors.lang' });
    const change = await changeOf(trx, new Set(covered.map((c) => c.document_id)), doc, input);
    const at = opts.at ?? new Date();
    const fields = { outcome: input.outcome, rationale, lang, version_id: change.version?.id ?? null, anchor: change.anchor, decided_by: actor.userId, updated_at: at };

    const before = input.commentId ? await repo.byComment(trx, comment.id) : await repo.byGroup(trx, group.id);
    // Which comments this response covers, per paragraph, and under which outcome they counted before.
    const moves: { documentId: string; anchor: string; n: number; from: DispositionOutcome | null }[] = [];
    // A hidden comment may be answered, but it is not counted: it awaits no response.
    if (input.commentId && comment.status === 'visible') {
      const groupResponse = before ? undefined : await repo.byGroup(trx, group.id);
      moves.push({ documentId: comment.document_id, anchor: comment.anchor ?? '', n: 1, from: before?.outcome ?? groupResponse?.outcome ?? null });
    } else if (!input.commentId) {
      for (const m of await repo.uncoveredMembers(trx, group.id)) moves.push({ documentId: m.document_id, anchor: m.anchor, n: m.n, from: before?.outcome ?? null });
    }
    let newlyCovered = 0;
    for (const m of moves) {
      if (m.from === input.outcome) continue;
      if (m.from) await repo.bumpOutcome(trx, { periodId: period.id, documentId: m.documentId, anchor: m.anchor, outcome: m.from }, -m.n);
      else newlyCovered += m.n;
      await repo.bumpOutcome(trx, { periodId: period.id, documentId: m.documentId, anchor: m.anchor, outcome: input.outcome }, m.n);
    }
    await repo.bumpDisposed(trx, period.id, newlyCovered);

    const after = before
      ? await repo.update(trx, before.id, fields)
      : await repo.insert(trx, {
          id: newId(at.getTime()),
          period_id: period.id,
          comment_id: input.commentId ? comment.id : null,
          group_id: input.commentId ? null : group.id,
          ...fields,
          decided_at: at,
        });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: before ? 'comment.disposition.update' : 'comment.dispose',
      entityType: 'comment_disposition',
      entityId: after.id,
      processId: period.process_id,
      before: before ? { ...before } : null,
      after: { ...after },
    });
    return after;
  });
}

/**
 * Keep the response counts when a comment is hidden (-1) or restored (1): a hidden comment is
 * not counted, so an answered one leaves its outcome's count on hiding and comes back on
 * restoring. Called by moderation under the group's row lock, the lock responses take.
 */
export async function countOnModeration(trx: Kysely<DB>, c: { id: string; period_id: string; document_id: string; anchor: string | null; group_id: string }, delta: 1 | -1): Promise<void> {
  const response = (await repo.byComment(trx, c.id)) ?? (await repo.byGroup(trx, c.group_id));
  if (!response) return;
  await repo.bumpOutcome(trx, { periodId: c.period_id, documentId: c.document_id, anchor: c.anchor ?? '', outcome: response.outcome }, delta);
  await repo.bumpDisposed(trx, c.period_id, delta);
}

/** The counts recomputed from the rows (a scan): for checks and repair, never for a page. */
export const recountDispositions = (db: Kysely<DB>, periodId: string) => repo.recount(db, periodId);

/** Replace a period's kept counts by a recount, in one transaction (repair). */
export async function repairDispositionCounts(db: Kysely<DB>, periodId: string): Promise<void> {
  await inTransaction(db, async (trx) => repo.storeCounts(trx, periodId, await repo.recount(trx, periodId)));
}

/** A page of a period's responses to comments on the given (readable) documents by id, and the cursor of the next page. */
export async function listDispositions(db: Kysely<DB>, periodId: string, documentIds: string[], after: string | undefined, limit = 100): Promise<{ items: Disposition[]; next: string | null }> {
  const rows = await repo.page(db, periodId, documentIds, after, limit + 1);
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
