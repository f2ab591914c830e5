import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/roles.js';
import { inTransaction } from '../../platform/db/tx.js';
import { isUuid, newId } from '../../platform/lib/ids.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { organisationRequestsRepository as repo, type PendingRequestRow } from './organisation-requests.repository.js';
import { organisationRolesRepository as roles } from './organisation-roles.repository.js';
import { grantOrganisationRole } from './organisation-roles.service.js';

export type { PendingRequestRow };

/**
 * Record "I act for this organisation" when someone joins a process naming an organisation they
 * hold no role for. Naming it grants nothing: a convener of the process decides (or one of the
 * organisation's owners adds them). Nothing is recorded when they already hold a role for it, or
 * already asked. Runs inside the join's transaction.
 */
export async function requestToActFor(db: Kysely<DB>, actor: Actor, processId: string, organisationId: string): Promise<void> {
  if ((await roles.rolesOf(db, organisationId, actor.userId)).length) return;
  if (await repo.pending(db, organisationId, actor.userId)) return;
  const row = await repo.insert(db, { id: newId(), organisation_id: organisationId, user_id: actor.userId, process_id: processId });
  await recordAudit(db, { actorId: actor.userId, action: 'organisation.request', entityType: 'organisation_request', entityId: row.id, processId, after: { ...row } });
}

/** The requests a process's conveners have to decide, oldest first. */
export function pendingRequests(db: Kysely<DB>, processId: string): Promise<PendingRequestRow[]> {
  return repo.pendingIn(db, processId);
}

/**
 * Approve (the person becomes a representative of the organisation) or refuse a request made
 * in this process; audited with who decided. A request of another process, or already decided,
 * is not found (404) or in conflict (409).
 */
export async function decideRequest(db: Kysely<DB>, actor: Actor, processId: string, requestId: string, decision: 'approve' | 'refuse'): Promise<void> {
  await inTransaction(db, async (trx) => {
    const req = isUuid(requestId) ? await repo.lock(trx, requestId) : undefined;
    if (!req || req.process_id !== processId) throw new HttpProblem(404, 'errors.notFound');
    if (req.status !== 'pending') throw new HttpProblem(409, 'participants.errors.alreadyDecided');
    const status = decision === 'approve' ? 'approved' : 'refused';
    await repo.decide(trx, req.id, status, actor.userId);
    await recordAudit(trx, { actorId: actor.userId, action: decision === 'approve' ? 'organisation.request.approve' : 'organisation.request.refuse', entityType: 'organisation_request', entityId: req.id, processId, before: { status: req.status }, after: { status, organisation_id: req.organisation_id, user_id: req.user_id } });
    if (decision === 'approve') await grantOrganisationRole(trx, actor, req.organisation_id, req.user_id, 'representative');
  });
}
