import { z } from 'zod';
import type { StaffRole } from './staff.repository.js';
import type { Actor } from './roles.js';

/**
 * Staff as exports and the API write it, beside a person's name (issue 10): the same role facts
 * that put the badge beside a name on the pages, so a reader of a CSV or JSON file can tell the
 * administrator from an account that took the same name. Words rather than the role table's
 * keys, for readers outside Concord.
 */
export const STAFF_ROLES_OUT = ['administrator', 'convener'] as const;
export type StaffRoleOut = (typeof STAFF_ROLES_OUT)[number];

/** What an export or the API says of a name's staff role. */
export const StaffRoleOutSchema = z
  .enum(STAFF_ROLES_OUT)
  .nullable()
  .describe(
    'Whether the person is staff where the name appears, from their roles, never from the name: "administrator" (the installation’s), "convener" (of the process; on an organisation, of any process), or null. The pages show the same as a badge beside the name.',
  );

/**
 * @example staffRoleOut('admin') // 'administrator'
 */
export function staffRoleOut(staff: StaffRole | null | undefined): StaffRoleOut | null {
  if (staff === 'admin') return 'administrator';
  if (staff === 'convener') return 'convener';
  return null;
}

/**
 * The staff role of the person making a request, from the role facts loaded with their session
 * (the same `role_assignments` rows `staffOf` reads), for an answer that names them right after
 * they acted (a position stated, a version saved) without reading the row back.
 * @example actorStaff(req.actor!, process.id) // 'convener'
 */
export function actorStaff(actor: Pick<Actor, 'isAdmin' | 'processRoles'>, processId: string): StaffRole | null {
  if (actor.isAdmin) return 'admin';
  return actor.processRoles.get(processId)?.has('convener') ? 'convener' : null;
}
