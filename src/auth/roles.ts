/** Roles held across the whole installation. */
export const SITE_ROLES = ['admin'] as const;

/**
 * Roles held within one process. Reviewer and manufacturer are here from the start because
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

export type SiteRole = (typeof SITE_ROLES)[number];
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
}

/** True for any string that names a process role. */
export function isProcessRole(s: string): s is ProcessRole {
  return (PROCESS_ROLES as readonly string[]).includes(s);
}
