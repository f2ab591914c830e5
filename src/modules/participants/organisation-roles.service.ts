import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { ORGANISATION_ROLES, type Actor, type OrganisationRole } from '../../platform/auth/roles.js';
import type { StaffRole } from '../../platform/auth/staff.repository.js';
import { inTransaction } from '../../platform/db/tx.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { accountsRepository } from '../accounts/index.js';
import { organisationRolesRepository as repo } from './organisation-roles.repository.js';
import { clockNow } from '../../platform/time/story-clock.js';

/** Who made a change, for the row and the audit trail: nobody's account when it came from the console. */
const byId = (actor: Actor | 'console'): string | null => (actor === 'console' ? null : actor.userId);

/** Someone who acts for an organisation, with every role they hold for it. */
export interface OrganisationPerson {
  userId: string;
  name: string;
  roles: OrganisationRole[];
  /** When they first took a role for it. */
  since: Date;
  /** Their staff role on the installation (administrator, or convener of a process), from role facts, never the name. */
  staff: StaffRole | null;
}

/** Who acts for an organisation, one entry per person, by name. */
export async function organisationPeople(db: Kysely<DB>, organisationId: string): Promise<OrganisationPerson[]> {
  const out: OrganisationPerson[] = [];
  for (const r of await repo.holders(db, organisationId)) {
    const last = out.at(-1);
    if (last?.userId === r.user_id) {
      last.roles.push(r.role);
      if (r.created_at < last.since) last.since = r.created_at;
    } else {
      out.push({ userId: r.user_id, name: r.name, roles: [r.role], since: r.created_at, staff: r.staff });
    }
  }
  for (const p of out) p.roles = inOrder(p.roles);
  return out;
}

/** The confirmed roles one person holds for an organisation (none: they do not act for it). */
export function organisationRolesOf(db: Kysely<DB>, organisationId: string, userId: string): Promise<OrganisationRole[]> {
  return repo.rolesOf(db, organisationId, userId);
}

/** Roles in the table's order (owner, manufacturer, assessor), so lists and audit digests agree. */
function inOrder(roles: readonly OrganisationRole[]): OrganisationRole[] {
  return ORGANISATION_ROLES.filter((r) => roles.includes(r));
}

/**
 * Set the roles one person holds for an organisation (none removes them), audited on the
 * installation chain as one event with the roles before and after. `actor` is 'console' for
 * the operator at the console (`concord role`), who, like an administrator, may leave an
 * organisation without owners; an owner may not remove the last owner (someone must be able
 * to manage who acts for it). Returns the roles held afterwards.
 */
export async function setOrganisationRoles(
  db: Kysely<DB>,
  actor: Actor | 'console',
  organisationId: string,
  userId: string,
  roles: readonly OrganisationRole[],
): Promise<OrganisationRole[]> {
  const wanted = inOrder(roles);
  return inTransaction(db, async (trx) => {
    if (!(await repo.lockOrganisation(trx, organisationId))) throw new HttpProblem(404, 'errors.notFound');
    const user = await accountsRepository.findById(trx, userId);
    if (!user) throw new HttpProblem(404, 'participants.errors.noSuchPerson');
    const before = inOrder(await repo.rolesOf(trx, organisationId, userId));
    const adding = wanted.filter((r) => !before.includes(r));
    const removing = before.filter((r) => !wanted.includes(r));
    if (!adding.length && !removing.length) return before;
    if (removing.includes('owner') && !(actor === 'console' || actor.isAdmin) && (await repo.countOwners(trx, organisationId)) <= 1) {
      throw new HttpProblem(409, 'participants.errors.lastOwner');
    }
    await repo.delete(trx, organisationId, userId, removing);
    await repo.insert(
      trx,
      adding.map((role) => ({ organisation_id: organisationId, user_id: userId, role, granted_by: byId(actor), created_at: clockNow() })),
    );
    await recordAudit(trx, {
      actorId: byId(actor),
      action: wanted.length ? 'organisation.setRoles' : 'organisation.removePerson',
      entityType: 'organisation_roles',
      entityId: `${organisationId}:${userId}`,
      before: before.length ? { organisation_id: organisationId, user_id: userId, roles: before } : null,
      after: wanted.length ? { organisation_id: organisationId, user_id: userId, roles: wanted } : null,
    });
    return wanted;
  });
}

/**
 * Add one role to those a person holds for an organisation, or take one away: the roles are
 * read under the lock the change takes, so two changes at once cannot drop each other's.
 */
async function changeOrganisationRole(
  db: Kysely<DB>,
  actor: Actor | 'console',
  organisationId: string,
  userId: string,
  role: OrganisationRole,
  change: 'grant' | 'revoke',
): Promise<OrganisationRole[]> {
  return inTransaction(db, async (trx) => {
    await repo.lockOrganisation(trx, organisationId);
    const held = await repo.rolesOf(trx, organisationId, userId);
    return setOrganisationRoles(trx, actor, organisationId, userId, change === 'grant' ? [...held, role] : held.filter((r) => r !== role));
  });
}

/** Add one role to those a person holds for an organisation (the CLI's `role grant --organisation`). */
export function grantOrganisationRole(db: Kysely<DB>, actor: Actor | 'console', organisationId: string, userId: string, role: OrganisationRole): Promise<OrganisationRole[]> {
  return changeOrganisationRole(db, actor, organisationId, userId, role, 'grant');
}

/** Take one role away from a person for an organisation (the CLI's `role revoke --organisation`). */
export function revokeOrganisationRole(db: Kysely<DB>, actor: Actor | 'console', organisationId: string, userId: string, role: OrganisationRole): Promise<OrganisationRole[]> {
  return changeOrganisationRole(db, actor, organisationId, userId, role, 'revoke');
}

/**
 * Set a person's roles by their email address (the organisation page's form, where an owner
 * knows the address, not the account id). An unknown address is a field error.
 */
export async function setOrganisationRolesByEmail(
  db: Kysely<DB>,
  actor: Actor,
  organisationId: string,
  email: string,
  roles: readonly OrganisationRole[],
): Promise<OrganisationRole[]> {
  const user = await accountsRepository.findByEmail(db, email);
  if (!user) throw new HttpProblem(422, 'participants.errors.noAccount', { email }, { email: 'participants.errors.noAccount' });
  return setOrganisationRoles(db, actor, organisationId, user.id, roles);
}
