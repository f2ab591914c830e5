/** Roles held across the whole installation. */
export const SITE_ROLES = ['admin'] as const;

/**
 * Roles held within one process. A person who joins a process becomes a member; 'chair'
 * here means chair of at least one of its working groups (see GROUP_ROLES). Reviewer and manufacturer are here from the start because
 * labels and assessments build on them; action committee follows recommendations to done.
 */
export const PROCESS_ROLES = [
  'convener',
  'oversight',
  'chair',
  'member',
  'moderator',
  'reviewer',
  'manufacturer',
  'action_committee',
] as const;

/** Roles held within one working group: its chair, and its members (who edit its documents). */
export const GROUP_ROLES = ['chair', 'member'] as const;

export type SiteRole = (typeof SITE_ROLES)[number];
export type GroupRole = (typeof GROUP_ROLES)[number];
export type ProcessRole = (typeof PROCESS_ROLES)[number];
export type Role = SiteRole | ProcessRole;

/** Who is making a request, as the policy module sees them. */
export interface Actor {
  userId: string;
  name: string;
  email: string;
  lang: 'en' | 'fr';
  emailConfirmed: boolean;
  isAdmin: boolean;
  /** processId → roles held there. */
  processRoles: Map<string, Set<ProcessRole>>;
  /** working group id → roles held there (chair, member). */
  groupRoles: Map<string, Set<GroupRole>>;
}

/** True for any string that names a process role. */
export function isProcessRole(s: string): s is ProcessRole {
  return (PROCESS_ROLES as readonly string[]).includes(s);
}
