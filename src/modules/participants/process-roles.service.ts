import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/roles.js';
import { inTransaction } from '../../platform/db/tx.js';
import { newId } from '../../platform/lib/ids.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { lockRoleHolders, revokeRole } from '../accounts/index.js';
import { processRolesRepository as repo, type ProcessRoleRow, type RevocationRow } from './process-roles.repository.js';
import type { RevokeRoleBody } from './participants.schema.js';

export type { ProcessRoleRow, RevocationRow };

/** Who holds which role in a process. */
export const processRoleHolders = (db: Kysely<DB>, processId: string) => repo.holders(db, processId);
/** The latest roles taken away in a process, with the reasons. */
export const processRevocations = (db: Kysely<DB>, processId: string) => repo.revocations(db, processId);

/**
 * Take a role away from someone in the process (conveners and administrators, asked by the
 * route's policy), with a reason: audited ('role.revoke', the reason under the digest) and kept
 * readable in `role_revocations`. Sessions load roles on every request, so the rights go with
 * the very next one. A role the person does not hold is 404. The last convener stays (409): a
 * process nobody convenes could only be run by a site administrator.
 */
export async function revokeProcessRole(db: Kysely<DB>, actor: Actor, processId: string, input: RevokeRoleBody): Promise<void> {
  await inTransaction(db, async (trx) => {
    if (input.role === 'convener' && !input.groupId) {
      const conveners = await lockRoleHolders(trx, { role: 'convener', processId });
      if (conveners.length === 1 && conveners[0] === input.userId) throw new HttpProblem(409, 'participants.errors.lastConvener');
    }
    const done = await revokeRole(trx, { userId: input.userId, role: input.role, processId, groupId: input.groupId ?? null, revokedBy: actor.userId, reason: input.reason });
    if (!done) throw new HttpProblem(404, 'participants.errors.roleNotHeld');
    await repo.insertRevocation(trx, { id: newId(), process_id: processId, user_id: input.userId, role: input.role, reason: input.reason, revoked_by: actor.userId });
  });
}
