/** Site administration: every action, everywhere (a row of `role_assignments` without a process). */
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

/**
 * The order of authority in a process, lowest first; site administrators stand above all.
 * Nobody grants a role ranked above the highest they hold (policies.ts's mayGrant):
 * member = manufacturer < reviewer = moderator = chair = action_committee < oversight < convener < admin.
 */
export const PROCESS_ROLE_RANK: Readonly<Record<ProcessRole, number>> = {
  member: 1,
  manufacturer: 1,
  reviewer: 2,
  moderator: 2,
  chair: 2,
  action_committee: 2,
  oversight: 3,
  convener: 4,
};

/** Roles held within one working group: its chair, and its members (who edit its documents). */
export const GROUP_ROLES = ['chair', 'member'] as const;

/**
 * Roles held for one organisation (a manufacturer, a lab): who acts for it, and as what.
 * - `owner`: decides who acts for the organisation (adds and removes the people below);
 * - `representative`: speaks for it in a process (signs its pledges, reports on its actions),
 *   added by an owner or approved by a convener on request — joining a process "for" an
 *   organisation grants nothing by itself;
 * - `manufacturer`: submits the organisation's device models, assessments and labels;
 * - `assessor`: reviews assessments as the organisation (a test lab's reviewer).
 * Held in `organisation_roles` (participants module), granted by an owner or an administrator.
 */
export const ORGANISATION_ROLES = ['owner', 'representative', 'manufacturer', 'assessor'] as const;

/**
 * Roles held across the whole installation, beside site administration (which stays `admin`):
 * - `registrar`: runs the device registry (publishes, suspends and revokes its entries);
 * - `assessor`: reviews assessments for any organisation (the installation's own reviewers).
 * Held in `installation_roles`, granted by administrators only.
 */
export const INSTALLATION_ROLES = ['registrar', 'assessor'] as const;

export type SiteRole = (typeof SITE_ROLES)[number];
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];
export type InstallationRole = (typeof INSTALLATION_ROLES)[number];
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
  /** organisation id → roles held for it (owner, manufacturer, assessor). */
  organisationRoles: Map<string, Set<OrganisationRole>>;
  /** Roles held across the installation (registrar, assessor); site admin is `isAdmin`. */
  installationRoles: Set<InstallationRole>;
}

/** True for any string that names a process role. */
export function isProcessRole(s: string): s is ProcessRole {
  return (PROCESS_ROLES as readonly string[]).includes(s);
}

/** True for any string that names an organisation role. */
export function isOrganisationRole(s: string): s is OrganisationRole {
  return (ORGANISATION_ROLES as readonly string[]).includes(s);
}

/** True for any string that names an installation role. */
export function isInstallationRole(s: string): s is InstallationRole {
  return (INSTALLATION_ROLES as readonly string[]).includes(s);
}
