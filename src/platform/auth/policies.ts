import { PROCESS_ROLE_RANK, type Actor, type GroupRole, type InstallationRole, type OrganisationRole, type ProcessRole } from './roles.js';

/**
 * Who may do what, in one table. Every route names one of these actions in its config
 * (`config: { policy: 'account.signOut' }`); app.ts refuses to register a route without one,
 * and the route-walk test checks each route's answers against this table for every role.
 *
 * A rule is one of:
 * - `anyone`: signed in or not (reading public pages, registering, signing in);
 * - `signedIn`: any account;
 * - `confirmed`: an account whose email is confirmed;
 * - `admin`: site administrators only;
 * - `roles`: any one of the listed roles, each in its own scope:
 *   - `process`: held in the route's process,
 *   - `group`: held in the route's working group,
 *   - `organisation`: held for the organisation the route acts on,
 *   - `installation`: held across the installation (needs no context).
 *   Routes resolve the process, group and organisation through `config.scope`; a scope over
 *   many records gives one context per record and every one must pass (`authorizeAll`).
 * Site administrators pass every rule.
 */
export type Rule =
  | { kind: 'anyone' }
  | { kind: 'signedIn' }
  | { kind: 'confirmed' }
  | { kind: 'admin' }
  | ({ kind: 'roles' } & RoleSpec);

/** The roles a `roles` rule lets through, by scope; a scope left out lets nobody through on its account. */
export interface RoleSpec {
  process?: readonly ProcessRole[];
  group?: readonly GroupRole[];
  organisation?: readonly OrganisationRole[];
  installation?: readonly InstallationRole[];
}

const anyone: Rule = { kind: 'anyone' };
const signedIn: Rule = { kind: 'signedIn' };
const admin: Rule = { kind: 'admin' };
const confirmed: Rule = { kind: 'confirmed' };

/**
 * A role rule: process roles (and group roles) as two lists, or any scopes as an object.
 * @example roles(['convener', 'oversight'])                          // process conveners and oversight
 * @example roles(['convener'], ['chair'])                             // conveners, or chairs of this group
 * @example roles({ organisation: ['owner'] })                         // owners of the route's organisation
 * @example roles({ installation: ['registrar'], organisation: ['manufacturer'] }) // either
 */
function roles(spec: RoleSpec): Rule;
function roles(process: readonly ProcessRole[], group?: readonly GroupRole[]): Rule;
function roles(first: RoleSpec | readonly ProcessRole[], group: readonly GroupRole[] = []): Rule {
  return isRoleList(first) ? { kind: 'roles', process: first, group } : { kind: 'roles', ...first };
}

function isRoleList(x: RoleSpec | readonly ProcessRole[]): x is readonly ProcessRole[] {
  return Array.isArray(x);
}

/** The policy table. Add the action here before adding the route that needs it. */
export const POLICIES = {
  /** Read anything public: pages, feeds, the API's GET endpoints, health checks. */
  'public.read': anyone,
  'account.register': anyone,
  'account.confirmEmail': anyone,
  'account.resendConfirmation': anyone,
  'account.signIn': anyone,
  'account.requestSignInLink': anyone,
  'account.signInWithLink': anyone,
  'account.requestPasswordReset': anyone,
  'account.resetPassword': anyone,
  'account.signOut': signedIn,
  'account.readSelf': signedIn,
  'account.updateSelf': signedIn,
  'admin.readOutbox': admin,
  'admin.readUsers': admin,

  // Processes
  'process.create': admin,
  'process.update': roles(['convener', 'oversight']),
  'process.copy': roles(['convener', 'oversight']),
  'process.manageStakeholders': roles(['convener', 'oversight']),
  /** Invite someone with a role: never a role above the inviter's own (see mayGrant). */
  'process.invite': roles(['convener', 'oversight']),
  /** Take a role away from someone in the process, with a reason (audited). */
  'process.revokeRole': roles(['convener']),
  'process.join': confirmed,
  'process.leave': roles(['member']),
  'invitation.accept': signedIn,
  'organisation.create': confirmed,
  /** Add and remove who acts for an organisation (owners, manufacturers, assessors): its owners. */
  'organisation.manageRoles': roles({ organisation: ['owner'] }),
  /**
   * Act in an organisation's name (sign its pledges, report on its actions and pledges): a
   * confirmed role for it — added by an owner, or approved by a convener. Naming an
   * organisation when joining a process confirms nothing. Asked with `organisationId`.
   */
  'organisation.actFor': roles({ organisation: ['owner', 'representative', 'manufacturer', 'assessor'] }),
  /** Approve or refuse "I act for this organisation" requests made when joining the process. */
  'organisation.decideRequest': roles(['convener']),
  /** Grant and take away installation roles (registrar, assessor): administrators only. */
  'installation.manageRoles': admin,

  // Working groups
  'group.create': roles(['convener', 'oversight']),
  'group.update': roles(['convener', 'oversight'], ['chair']),
  'group.join': roles(['member']),
  'group.leave': roles(['member'], ['chair']),
  'group.addMember': roles(['convener'], ['chair']),
  'group.announce': roles(['convener'], ['chair']),

  // Following
  'follow.set': confirmed,
  'follow.remove': signedIn,

  // Calls for input
  'call.open': roles(['convener', 'oversight']),
  'call.submit': confirmed,
  /** Accept or reject submissions, and see those not yet public. */
  'call.moderate': roles(['moderator', 'oversight']),

  // Meetings: conveners and oversight for the process's meetings, chairs for their group's
  // (a meeting's scope is its process and its group).
  'meeting.schedule': roles(['convener', 'oversight'], ['chair']),
  'meeting.update': roles(['convener', 'oversight'], ['chair']),
  'meeting.cancel': roles(['convener', 'oversight'], ['chair']),
  /** Post minutes and recordings. */
  'meeting.record': roles(['convener', 'oversight'], ['chair']),
  /** Mark who attended, and see who registered. */
  'meeting.attendance': roles(['convener', 'oversight'], ['chair']),
  'meeting.register': confirmed,
  'meeting.unregister': signedIn,

  // Documents: a working group's members (and chair) edit its documents; the oversight
  // committee (and conveners) edit the process's own. A document route's scope carries the
  // document's group, so group roles only count for that group's documents.
  'document.create': roles(['convener', 'oversight'], ['chair', 'member']),
  'document.edit': roles(['convener', 'oversight'], ['chair', 'member']),

  // Comment periods and comments
  'commentPeriod.open': roles(['convener', 'oversight']),
  'commentPeriod.update': roles(['convener', 'oversight']),
  /** Members-only periods are checked by the service (membership is not a role in scope). */
  'comment.submit': confirmed,
  /** "This was sent in my name without my consent." */
  'comment.report': confirmed,
  /** Hide or restore comments, handle consent reports, see who sent what. */
  'comment.moderate': roles(['moderator', 'oversight']),
  /** Import comments from a file (CSV, JSON Lines) collected elsewhere: the process's conveners and moderators. */
  'comment.import': roles(['convener', 'moderator']),
  /** Review a period's detected campaigns and ask for a new detection (issue 11). */
  'campaign.review': roles(['convener', 'moderator', 'oversight']),
  /** Record a response to a comment: the document's editors. */
  'comment.dispose': roles(['convener', 'oversight'], ['chair', 'member']),

  // Consensus: chairs run calls in their group, the oversight committee (and conveners) on
  // the process's own texts; members state positions (membership checked by the service,
  // which also keeps the stakeholder group they hold); objectors appeal to the oversight
  // committee, which answers.
  'consensus.open': roles(['convener', 'oversight'], ['chair']),
  'consensus.decide': roles(['convener', 'oversight'], ['chair']),
  'consensus.position': roles(['member']),
  'consensus.appeal': roles(['member']),
  'consensus.answerAppeal': roles(['convener', 'oversight']),

  // Recommendations and the final report: the oversight committee (and conveners).
  'recommendation.create': roles(['convener', 'oversight']),
  'recommendation.update': roles(['convener', 'oversight']),
  'report.publish': roles(['convener', 'oversight']),

  // Accountability: the action committee turns recommendations into actions; a member with a
  // confirmed role for an organisation ('organisation.actFor', asked by the service with the
  // organisation) pledges for it and reports on its actions and pledges; the action committee
  // reports on any.
  'action.create': roles(['convener', 'action_committee']),
  'action.update': roles(['convener', 'action_committee']),
  'pledge.sign': roles(['member']),
  'progress.report': roles(['convener', 'action_committee', 'member']),
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof POLICIES;

/** What the policy module answers: allowed, or why not (which decides 401 versus 403). */
export type Decision = { allowed: true } | { allowed: false; reason: 'signInRequired' | 'forbidden' | 'confirmEmail' };

/**
 * What one record a request concerns places it in: its process, working group and
 * organisation, resolved by the route's `config.scope`. Installation roles need no context.
 */
export interface PolicyContext {
  processId?: string | undefined;
  groupId?: string | undefined;
  organisationId?: string | undefined;
}


/** True when the string names an action in the table. */
export function isAction(s: unknown): s is Action {
  return typeof s === 'string' && Object.hasOwn(POLICIES, s);
}

/**
 * Decide whether an actor (null when signed out) may perform an action.
 * @example authorize(null, 'account.signOut') // { allowed: false, reason: 'signInRequired' }
 */
export function authorize(actor: Actor | null, action: Action, ctx: PolicyContext = {}): Decision {
  const rule: Rule = POLICIES[action];
  if (rule.kind === 'anyone') return { allowed: true };
  if (!actor) return { allowed: false, reason: 'signInRequired' };
  if (actor.isAdmin) return { allowed: true };
  switch (rule.kind) {
    case 'signedIn':
      return { allowed: true };
    case 'confirmed':
      return actor.emailConfirmed ? { allowed: true } : { allowed: false, reason: 'confirmEmail' };
    case 'admin':
      return { allowed: false, reason: 'forbidden' };
    case 'roles':
      return holdsAny(actor, rule, ctx) ? { allowed: true } : { allowed: false, reason: 'forbidden' };
  }
}

/** True when the actor holds one of the rule's roles in the scope the context names. */
function holdsAny(actor: Actor, rule: RoleSpec, ctx: PolicyContext): boolean {
  const inProcess = ctx.processId ? actor.processRoles.get(ctx.processId) : undefined;
  const inGroup = ctx.groupId ? actor.groupRoles.get(ctx.groupId) : undefined;
  const inOrganisation = ctx.organisationId ? actor.organisationRoles.get(ctx.organisationId) : undefined;
  return (
    (rule.process ?? []).some((r) => inProcess?.has(r)) ||
    (rule.group ?? []).some((r) => inGroup?.has(r)) ||
    (rule.organisation ?? []).some((r) => inOrganisation?.has(r)) ||
    (rule.installation ?? []).some((r) => actor.installationRoles.has(r))
  );
}

/** The answer for a request that touches many records: allowed for all, or which were refused. */
export type BatchDecision =
  | { allowed: true; decided: number }
  | {
      allowed: false;
      reason: Refusal;
      /** Positions (in the contexts given) of the records refused, in order. */
      refused: number[];
      /** How many distinct contexts were decided (one decision each). */
      decided: number;
    };

type Refusal = Extract<Decision, { allowed: false }>['reason'];

/** One key per distinct context, so records in the same process, group and organisation share a decision. */
function contextKey(ctx: PolicyContext): string {
  return `${ctx.processId ?? ''}|${ctx.groupId ?? ''}|${ctx.organisationId ?? ''}`;
}

/**
 * Decide an action on many records at once (bulk moderation, a campaign, a batch of labels):
 * the contexts are deduplicated, each distinct one is decided once, and the answer says which
 * records were refused. The request is allowed only when every record is. An empty list is
 * decided as one empty context, so a rule that needs a role in a scope refuses it.
 * A refusal's reason is the one that tells the person what to do first: sign in, then
 * confirm the email, then (forbidden) nothing they can do.
 * @example authorizeAll(actor, 'label.publish', labels.map((l) => ({ organisationId: l.organisation_id })))
 */
export function authorizeAll(actor: Actor | null, action: Action, contexts: readonly PolicyContext[]): BatchDecision {
  if (contexts.length === 0) {
    const d = authorize(actor, action, {});
    return d.allowed ? { allowed: true, decided: 1 } : { allowed: false, reason: d.reason, refused: [], decided: 1 };
  }
  const decisions = new Map<string, Decision>();
  const refused: number[] = [];
  let reason: Refusal | undefined;
  contexts.forEach((ctx, i) => {
    const key = contextKey(ctx);
    let d = decisions.get(key);
    if (!d) {
      d = authorize(actor, action, ctx);
      decisions.set(key, d);
    }
    if (d.allowed) return;
    refused.push(i);
    if (!reason || REFUSAL_ORDER.indexOf(d.reason) < REFUSAL_ORDER.indexOf(reason)) reason = d.reason;
  });
  return reason ? { allowed: false, reason, refused, decided: decisions.size } : { allowed: true, decided: decisions.size };
}

const REFUSAL_ORDER: readonly Refusal[] = ['signInRequired', 'confirmEmail', 'forbidden'];

/** A record that may be for the members of a process only: a meeting, a document, a comment period… */
export interface ProcessRecord {
  processId: string;
  membersOnly: boolean;
}

/**
 * The one visibility question: may this person see this record? Public records, everyone;
 * members-only ones, anyone with a role in the record's process (joining gives 'member') and
 * site administrators. Meetings, documents, comment periods, search and reports all ask this.
 * @example canSee(actor, { processId: doc.process_id, membersOnly: doc.members_only })
 */
export function canSee(actor: Actor | null, record: ProcessRecord): boolean {
  if (!record.membersOnly) return true;
  return !!actor && (actor.isAdmin || actor.processRoles.has(record.processId));
}

/**
 * May the actor give this role in this process (by invitation)? Only a role at or below the
 * highest they hold there (PROCESS_ROLE_RANK): an oversight member cannot make anyone — their
 * own second address included — a convener. Site administrators may give any.
 * @example mayGrant(oversightMember, processId, 'convener') // false
 */
export function mayGrant(actor: Pick<Actor, 'isAdmin' | 'processRoles'> | null, processId: string, role: ProcessRole): boolean {
  if (!actor) return false;
  if (actor.isAdmin) return true;
  const held = [...(actor.processRoles.get(processId) ?? [])];
  return held.some((r) => PROCESS_ROLE_RANK[r] >= PROCESS_ROLE_RANK[role]);
}

/** Shorthand for a yes/no answer, for views deciding whether to show a button. */
export function can(actor: Actor | null, action: Action, ctx: PolicyContext = {}): boolean {
  return authorize(actor, action, ctx).allowed;
}
