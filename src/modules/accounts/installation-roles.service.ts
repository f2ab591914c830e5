import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { INSTALLATION_ROLES, type Actor, type InstallationRole } from '../../platform/auth/roles.js';
import { inTransaction } from '../../platform/db/tx.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { installationRolesRepository as repo } from './installation-roles.repository.js';

/** Who made a change, for the row and the audit trail: nobody's account when it came from the console. */
const byId = (actor: Actor | 'console'): string | null => (actor === 'console' ? null : actor.userId);

/** Someone holding installation roles (registrar, assessor), as administrators see them. */
export interface InstallationRoleHolder {
  userId: string;
  name: string;
  email: string;
  roles: InstallationRole[];
}

/** Roles in the table's order, so lists and audit digests agree. */
function inOrder(roles: readonly InstallationRole[]): InstallationRole[] {
  return INSTALLATION_ROLES.filter((r) => roles.includes(r));
}

/** Everyone holding an installation role, one entry per person, by name. */
export async function installationRoleHolders(db: Kysely<DB>): Promise<InstallationRoleHolder[]> {
  const byUser = new Map<string, InstallationRoleHolder>();
  for (const r of await repo.holders(db)) {
    const h = byUser.get(r.user_id) ?? { userId: r.user_id, name: r.name, email: r.email, roles: [] };
    h.roles.push(r.role);
    byUser.set(r.user_id, h);
  }
  return [...byUser.values()].map((h) => ({ ...h, roles: inOrder(h.roles) })).sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
}

/**
 * Set the installation roles one person holds (none takes them all away), audited on the
 * installation chain as one event with the roles before and after. `actor` is the
 * administrator (the route's policy decided that), or 'console' for the operator at the console.
 * Returns the roles held afterwards.
 */
export async function setInstallationRoles(
  db: Kysely<DB>,
  actor: Actor | 'console',
  userId: string,
  roles: readonly InstallationRole[],
): Promise<InstallationRole[]> {
  const wanted = inOrder(roles);
  return inTransaction(db, async (trx) => {
    if (!(await repo.lockUser(trx, userId))) throw new HttpProblem(404, 'errors.notFound');
    const before = inOrder(await repo.rolesOf(trx, userId));
    const adding = wanted.filter((r) => !before.includes(r));
    const removing = before.filter((r) => !wanted.includes(r));
    if (!adding.length && !removing.length) return before;
    await repo.delete(trx, userId, removing);
    await repo.insert(
      trx,
      adding.map((role) => ({ user_id: userId, role, granted_by: byId(actor) })),
    );
    await recordAudit(trx, {
      actorId: byId(actor),
      action: 'installation.setRoles',
      entityType: 'installation_roles',
      entityId: userId,
      before: before.length ? { user_id: userId, roles: before } : null,
      after: wanted.length ? { user_id: userId, roles: wanted } : null,
    });
    return wanted;
  });
}

/** Add one installation role (the CLI's `role grant`). */
export async function grantInstallationRole(db: Kysely<DB>, actor: Actor | 'console', userId: string, role: InstallationRole): Promise<InstallationRole[]> {
  return inTransaction(db, async (trx) => {
    await repo.lockUser(trx, userId); // read the roles under the lock the change takes
    return setInstallationRoles(trx, actor, userId, [...(await repo.rolesOf(trx, userId)), role]);
  });
}

/** Take one installation role away (the CLI's `role revoke`). */
export async function revokeInstallationRole(db: Kysely<DB>, actor: Actor | 'console', userId: string, role: InstallationRole): Promise<InstallationRole[]> {
  return inTransaction(db, async (trx) => {
    await repo.lockUser(trx, userId);
    return setInstallationRoles(
      trx,
      actor,
      userId,
      (await repo.rolesOf(trx, userId)).filter((r) => r !== role),
    );
  });
}
