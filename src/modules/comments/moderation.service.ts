import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/roles.js';
import { inTransaction } from '../../platform/db/tx.js';
import { isUuid, newId } from '../../platform/lib/ids.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { queueMail } from '../mail/index.js';
import { removeFromSearch } from '../search/index.js';
import { processById } from '../processes/index.js';
import { accountsRepository, roleHolders } from '../accounts/index.js';
import { documentById } from '../documents/index.js';
import { commentsRepository as repo, type Comment, type CommentReport } from './comments.repository.js';
import type { HideBody, ReportDecisionBody } from './comments.schema.js';
import { indexComment } from './comments.service.js';
import { countOnModeration } from './dispositions.service.js';
import { periodPath } from './periods.service.js';
import { signalsRepository, type SignalScope } from './signals.repository.js';
import { BURST_MIN, DISPOSABLE_DOMAINS, SIGNALS_TOP, summariseSignals, type Signals } from './comments.signals.js';

/** A comment and its group locked, group first (the order every writer takes them in). */
async function lockForModeration(trx: Kysely<DB>, processId: string, commentId: string) {
  const peek = isUuid(commentId) ? await repo.commentById(trx, commentId) : undefined;
  const period = peek ? await repo.periodById(trx, peek.period_id) : undefined;
  if (!peek || !period || period.process_id !== processId) throw new HttpProblem(404, 'errors.notFound');
  const group = (await repo.groupById(trx, peek.group_id, true))!;
  const comment = (await repo.commentById(trx, commentId, true))!;
  return { comment, group, period };
}


/**
 * A moderator hides a comment with a reason. The record stays; the public sees a tombstone.
 * Hiding never hides anyone else's comment: when the hidden one was its group's primary, it
 * stays listed (as the tombstone) and the earliest visible duplicate becomes the primary and
 * is listed in its own right.
 */
export async function hideComment(
  db: Kysely<DB>,
  actor: Actor,
  processId: string,
  commentId: string,
  input: HideBody,
  /** `at`: when it was hidden, for a history loaded after the fact (the demo's story); now otherwise. */
  opts: { action?: string; at?: Date } = {},
): Promise<Comment> {
  return inTransaction(db, async (trx) => {
    const { comment: before, group } = await lockForModeration(trx, processId, commentId);
    if (before.status === 'hidden') throw new HttpProblem(409, 'comments.errors.alreadyHidden');
    const after = await repo.hide(trx, before.id, { reason: input.reason, note: input.note || null, by: actor.userId, at: opts.at ?? new Date() });
    await countOnModeration(trx, before, -1);
    if (group.primary_comment_id === before.id) {
      const next = await repo.earliestVisible(trx, group.id);
      if (next) await repo.setListed(trx, next, true);
      await repo.updateGroup(trx, group.id, { primary_comment_id: next ?? null });
    }
    await removeFromSearch(trx, 'comment', before.id);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: opts.action ?? 'comment.hide',
      entityType: 'comment',
      entityId: before.id,
      processId,
      before: { ...before },
      after: { ...after },
    });
    return after;
  });
}

/**
 * A moderator restores a hidden comment. The rule: a group's primary is always its earliest
 * visible comment. So the restored comment takes the primary place back when it is earlier
 * than the current primary (which is then counted on it again), and otherwise becomes one of
 * the duplicates counted on the primary (its tombstone leaves the listing).
 */
export async function restoreComment(db: Kysely<DB>, actor: Actor, processId: string, commentId: string): Promise<Comment> {
  return inTransaction(db, async (trx) => {
    const { comment: before, group } = await lockForModeration(trx, processId, commentId);
    if (before.status !== 'hidden') throw new HttpProblem(409, 'comments.errors.notHidden');
    const current = group.primary_comment_id;
    const becomesPrimary = current === null || current === before.id || before.id < current;
    if (becomesPrimary && current && current !== before.id) await repo.setListed(trx, current, false);
    const after = await repo.restore(trx, before.id, becomesPrimary);
    await countOnModeration(trx, before, 1);
    if (becomesPrimary) await repo.updateGroup(trx, group.id, { primary_comment_id: before.id });
    const process = await processById(trx, processId);
    await indexComment(trx, after, (await documentById(trx, after.document_id))!, process);
    await recordAudit(trx, { actorId: actor.userId, action: 'comment.restore', entityType: 'comment', entityId: before.id, processId, before: { ...before }, after: { ...after } });
    return after;
  });
}

/**
 * "This was sent in my name without my consent": the report is kept for a moderator, and the
 * process's moderators are told by email (in their language) with a link to the queue.
 */
export async function reportComment(db: Kysely<DB>, actor: Actor, processId: string, commentId: string, statement: string, baseUrl: string): Promise<CommentReport> {
  return inTransaction(db, async (trx) => {
    const comment = isUuid(commentId) ? await repo.commentById(trx, commentId) : undefined;
    const period = comment ? await repo.periodById(trx, comment.period_id) : undefined;
    if (!comment || !period || period.process_id !== processId) throw new HttpProblem(404, 'errors.notFound');
    const report = await repo.insertReport(trx, { id: newId(), comment_id: comment.id, reporter_id: actor.userId, statement });
    await recordAudit(trx, { actorId: actor.userId, action: 'comment.report', entityType: 'comment_report', entityId: report.id, processId, after: { ...report } });
    const process = await processById(trx, processId);
    for (const m of await roleHolders(trx, { role: 'moderator', processId })) {
      const user = await accountsRepository.findById(trx, m.user_id);
      if (!user) continue;
      const lang = user.preferred_lang;
      await queueMail(trx, {
        to: user.email,
        lang,
        kind: 'commentReported',
        params: { name: user.name, receipt: comment.receipt, link: `${baseUrl}/${lang}${periodPath(process.slug, period.id)}/moderation` },
      });
    }
    return report;
  });
}

/**
 * A moderator answers a consent report: upholding hides the comment as not consented (when it
 * is still visible); dismissing keeps it. Either way the report is closed with who and when.
 */
export async function decideReport(db: Kysely<DB>, actor: Actor, processId: string, reportId: string, input: ReportDecisionBody): Promise<CommentReport> {
  return inTransaction(db, async (trx) => {
    const before = isUuid(reportId) ? await repo.reportById(trx, reportId, true) : undefined;
    const comment = before ? await repo.commentById(trx, before.comment_id) : undefined;
    const period = comment ? await repo.periodById(trx, comment.period_id) : undefined;
    if (!before || !comment || !period || period.process_id !== processId) throw new HttpProblem(404, 'errors.notFound');
    if (before.status !== 'open') throw new HttpProblem(409, 'comments.errors.reportHandled');
    if (input.decision === 'uphold' && comment.status === 'visible') {
      await hideComment(trx, actor, processId, comment.id, { reason: 'not_consented', note: input.resolution }, { action: 'comment.hideNotConsented' });
    }
    const after = await repo.handleReport(trx, before.id, {
      status: input.decision === 'uphold' ? 'upheld' : 'dismissed',
      resolution: input.resolution || null,
      by: actor.userId,
      at: new Date(),
    });
    await recordAudit(trx, { actorId: actor.userId, action: `comment.report.${input.decision}`, entityType: 'comment_report', entityId: after.id, processId, before: { ...before }, after: { ...after } });
    return after;
  });
}

/** Open consent reports on a period's comments, oldest first (the moderation queue). */
export const openReports = (db: Kysely<DB>, periodId: string) => repo.openReports(db, periodId, 200);
/** The latest hidden comments of a period. */
export const recentlyHidden = (db: Kysely<DB>, periodId: string) => repo.recentlyHidden(db, periodId, 50);
/** The reports on one comment (for its moderators). */
export const reportsOn = (db: Kysely<DB>, commentId: string) => repo.reportsOn(db, commentId);

/**
 * The flood signals of a set of comments (a period's, or some of its duplicate groups: one
 * campaign's distinct texts). They inform moderators; they never hide a comment.
 */
export async function floodSignals(db: Kysely<DB>, scope: SignalScope): Promise<Signals> {
  const counts = await signalsRepository.counts(db, scope, { burstMin: BURST_MIN, limit: SIGNALS_TOP, disposable: DISPOSABLE_DOMAINS });
  return summariseSignals(counts);
}

/**
 * The flood signals of several sets of duplicate groups at once (each of a period's
 * campaigns, counted when detection stores them, so a campaign's page reads them from its
 * row instead of its million comments). `groupIds[i]` belongs to set `sets[i]`.
 * @example (await setsFloodSignals(db, periodId, [g1, g2, g3], [0, 0, 1])).get(0)?.total
 */
export async function setsFloodSignals(db: Kysely<DB>, periodId: string, groupIds: string[], sets: number[]): Promise<Map<number, Signals>> {
  const counts = await signalsRepository.setCounts(db, periodId, groupIds, sets, { burstMin: BURST_MIN, limit: SIGNALS_TOP, disposable: DISPOSABLE_DOMAINS });
  return new Map([...counts].map(([set, c]) => [set, summariseSignals(c)]));
}

