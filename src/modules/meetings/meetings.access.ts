import type { Actor } from '../../platform/auth/roles.js';

/** A meeting id as the routes accept it; anything else is simply not found. */
export const MEETING_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when the person may see members-only meetings of the process: any role there (joining gives 'member'). */
export function seesMembersOnly(actor: Actor | null, processId: string): boolean {
  return !!actor && (actor.isAdmin || actor.processRoles.has(processId));
}
