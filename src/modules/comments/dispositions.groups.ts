import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/roles.js';
import { authorize } from '../../platform/auth/policies.js';
import { inTransaction } from '../../platform/db/tx.js';
import { isUuid, newId } from '../../platform/lib/ids.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { recordAuditBatch } from '../../platform/audit/audit-batch.js';
import { documentById } from '../documents/index.js';
import type { DispositionOutcome } from './comments.tables.js';
import { dispositionsRepository as repo } from './dispositions.repository.js';
import { groupDispositionsRepository as groups } from './dispositions.groups.repository.js';

/**
 * One response for many groups of duplicates (a campaign), written set-based: every group
 * gets the same outcome and rationale as its own group response, so each member comment
 * shows it; members with a response of their own keep theirs. The counts move as
 * `recordDisposition` moves them for one group, in one transaction with one audit batch event.
 * The rule is asked for every document the period covers (the groups may span them).
 * @example await respondToGroups(db, actor, periodId, groupIds, { outcome: 'noted', rationale: 'Thank you.' })
 */
export async function respondToGroups(
  db: Kysely<DB>,
  actor: Actor,
  periodId: string,
  groupIds: string[],
  input: { outcome: DispositionOutcome; rationale: string },
  opts: { at?: Date } = {},
): Promise<{ groups: number }> {
  const rationale = input.rationale.trim();
  if (!rationale) throw new HttpProblem(422, 'dispositions.errors.rationaleRequired', {}, { rationale: 'dispositions.errors.rationaleRequired' });
  const period = isUuid(periodId) ? await repo.period(db, periodId) : undefined;
  if (!period) throw new HttpProblem(404, 'errors.notFound');
  const covered = await repo.periodDocuments(db, period.id);
  const docs = (await Promise.all(covered.map((c) => documentById(db, c.document_id)))).filter((d) => d !== undefined);
  for (const doc of docs) {
    if (!authorize(actor, 'comment.dispose', { processId: period.process_id, groupId: doc.group_id ?? undefined }).allowed) throw new HttpProblem(403, 'errors.forbidden');
  }
  // The rationale is written in the language of the period's (first) document, as for one group.
  const lang = docs[0]?.lang ?? 'en';
  const at = opts.at ?? new Date();
  return inTransaction(db, async (trx) => {
    const found = await groups.lockGroups(trx, period.id, groupIds);
    if (!found.length) return { groups: 0 };
    let newlyCovered = 0;
    for (const m of await groups.uncovered(trx, found)) {
      if (m.outcome === input.outcome) continue;
      if (m.outcome) await repo.bumpOutcome(trx, { periodId: period.id, documentId: m.document_id, anchor: m.anchor, outcome: m.outcome }, -m.n);
      else newlyCovered += m.n;
      await repo.bumpOutcome(trx, { periodId: period.id, documentId: m.document_id, anchor: m.anchor, outcome: input.outcome }, m.n);
    }
    await repo.bumpDisposed(trx, period.id, newlyCovered);
    const written = await groups.upsert(
      trx,
      period.id,
      found.map((g) => ({ groupId: g, id: newId(at.getTime()) })),
      { outcome: input.outcome, rationale, lang, decidedBy: actor.userId, at },
    );
    await recordAuditBatch(trx, { actorId: actor.userId, action: 'comment.dispose.groups', entityType: 'comment_period', entityId: period.id, processId: period.process_id, rows: written.map((w) => ({ ...w })) });
    return { groups: written.length };
  });
}
