import type { Actor, GroupRole, ProcessRole } from './roles.js';

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
 * - `roles`: one of the listed process roles in the route's process, or one of the listed
 *   group roles in the route's working group (routes resolve which through `config.scope`);
 *   `confirmed: true` also asks for a confirmed email.
 * Site administrators pass every rule.
 */
export type Rule =
  | { kind: 'anyone' }
  | { kind: 'signedIn' }
  | { kind: 'confirmed' }
  | { kind: 'admin' }
  | { kind: 'roles'; process: readonly ProcessRole[]; group?: readonly GroupRole[] };

const anyone: Rule = { kind: 'anyone' };
const signedIn: Rule = { kind: 'signedIn' };
const admin: Rule = { kind: 'admin' };
const confirmed: Rule = { kind: 'confirmed' };

/**
 * A role rule.
 * @example roles(['convener', 'oversight'])            // process conveners and oversight
 * @example roles(['convener'], ['chair'])               // conveners, or chairs of this group
 */
function roles(process: readonly ProcessRole[], group: readonly GroupRole[] = []): Rule {
  return { kind: 'roles', process, group };
}

/** The policy table. Add the action here before adding the route that needs it. */
export const POLICIES = {
  /** Read anything public: pages, feeds, the API's GET endpoints, health checks. */
  'public.read': anyone,
  'account.register': anyone,
  'account.confirmEmail': anyone,
  'account.resendConfirmation': anyone,
  'account.signIn': anyone,
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
  'process.invite': roles(['convener', 'oversight']),
  'process.join': confirmed,
  'process.leave': roles(['member']),
  'invitation.accept': signedIn,
  'organisation.create': confirmed,

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

  // Accountability: the action committee turns recommendations into actions; a member who
  // represents an organisation pledges for it (checked by the service); owners (the action's
  // contact, or a member of the owner organisation — checked by the service) and the action
  // committee report progress.
  'action.create': roles(['convener', 'action_committee']),
  'action.update': roles(['convener', 'action_committee']),
  'pledge.sign': roles(['member']),
  'progress.report': roles(['convener', 'action_committee', 'member']),
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof POLICIES;

/** What the policy module answers: allowed, or why not (which decides 401 versus 403). */
export type Decision = { allowed: true } | { allowed: false; reason: 'signInRequired' | 'forbidden' | 'confirmEmail' };

/** The process and working group a request concerns, resolved by the route's `config.scope`. */
export interface PolicyContext {
  processId?: string | undefined;
  groupId?: string | undefined;
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
    case 'roles': {
      const inProcess = ctx.processId ? actor.processRoles.get(ctx.processId) : undefined;
      const inGroup = ctx.groupId ? actor.groupRoles.get(ctx.groupId) : undefined;
      const ok = rule.process.some((r) => inProcess?.has(r)) || (rule.group ?? []).some((r) => inGroup?.has(r));
      return ok ? { allowed: true } : { allowed: false, reason: 'forbidden' };
    }
  }
}

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

/** Shorthand for a yes/no answer, for views deciding whether to show a button. */
export function can(actor: Actor | null, action: Action, ctx: PolicyContext = {}): boolean {
  return authorize(actor, action, ctx).allowed;
}
