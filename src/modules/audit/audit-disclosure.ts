import type { AuditEvent } from '../../platform/db/schema.js';
import { isKeyedDigest } from '../../platform/audit/audit.service.js';
import type { KnownAction } from './audit-actions.js';

/**
 * Whose name or id the public may see for an event:
 * - `shown`: the account acts in public (an organiser scheduling, a member joining);
 * - `withheld`: the feature keeps it private (following is a preference, registrants are
 *   published only as counts, a submission to a call may be rejected unseen, a report names
 *   no reporter, a stored file may belong to an anonymous comment);
 * - `published-name`: a comment: the name it was published under, never the account.
 */
export type ActorRule = 'shown' | 'withheld' | 'published-name';

/** What the public sees of one kind of event. */
export interface Disclosure {
  actor: ActorRule;
  /**
   * The record digested holds personal data not otherwise public (an email, someone else's
   * account id, an anonymous comment's author). Keyed digests (issue 10) may be shown; the
   * unkeyed ones written before are withheld, since a guess hashed the same way matches them.
   */
  personal: boolean;
  /** The entity id itself names the actor (a follow's id is `<account>:<process>:<group>`). */
  entityHidden?: boolean;
}

const shown: Disclosure = { actor: 'shown', personal: false };
const shownPersonal: Disclosure = { actor: 'shown', personal: true };
const withheld: Disclosure = { actor: 'withheld', personal: true };

/**
 * The one decision per event kind, used by every public output of the trail (the audit page,
 * the JSON API, and through them the browser's verifier). A `Record` over KNOWN_ACTIONS, so a
 * new kind does not compile until someone decides here what the public sees of it.
 */
export const DISCLOSURE: Record<KnownAction, Disclosure> = {
  'user.create': shownPersonal,
  'user.register': shownPersonal,
  'user.confirmEmail': shownPersonal,
  'user.resetPassword': shownPersonal,
  // When someone signs in is their own business: the public sees that an account signed in by
  // link, not which one (the entity is the account too). The event digests nothing.
  'user.signInByLink': { ...withheld, entityHidden: true },
  'role.grant': shownPersonal,
  'role.revoke': shownPersonal,
  'process.create': shown,
  'process.update': shown,
  'process.copy': shown,
  'process.stakeholderGroups': shown,
  'process.join': shownPersonal,
  'process.leave': shownPersonal,
  'process.invite': shownPersonal,
  'invitation.accept': shown,
  'organisation.create': shown,
  'organisation.setRoles': shownPersonal,
  'organisation.removePerson': shownPersonal,
  // Asking to act for an organisation is done in public, as joining is; the record holds the
  // requester's account id, and a decision the convener's and the requester's.
  'organisation.request': shownPersonal,
  'organisation.request.approve': shownPersonal,
  'organisation.request.refuse': shownPersonal,
  'installation.setRoles': shownPersonal,
  'pledge.sign': shown,
  'group.create': shown,
  'group.update': shown,
  'group.join': shown,
  'group.leave': shown,
  'group.announce': shown,
  'meeting.schedule': shown,
  'meeting.update': shown,
  'meeting.cancel': shown,
  'meeting.agenda': shown,
  'meeting.register': withheld,
  'meeting.unregister': withheld,
  'meeting.promote': shownPersonal,
  'meeting.remind': shownPersonal,
  'meeting.attendance': shownPersonal,
  'meeting.minutes': shown,
  'meeting.recordings': shown,
  'call.open': shown,
  'call.submit': withheld,
  'call.accept': shownPersonal,
  'call.reject': shownPersonal,
  'document.create': shown,
  'document.update': shown,
  'document.saveVersion': shown,
  'file.store': withheld,
  'follow.set': { ...withheld, entityHidden: true },
  'follow.remove': { ...withheld, entityHidden: true },
  'commentPeriod.open': shown,
  'commentPeriod.update': shown,
  'comment.submit': { actor: 'published-name', personal: true },
  'comment.hide': shownPersonal,
  'comment.hideNotConsented': shownPersonal,
  'comment.restore': shownPersonal,
  'comment.report': withheld,
  'comment.report.uphold': shownPersonal,
  'comment.report.dismiss': shownPersonal,
  'comment.dispose': shown,
  'comment.disposition.update': shown,
  'consensus.open': shown,
  'consensus.position': shown,
  'consensus.position.change': shown,
  'consensus.decide': shown,
  'consensus.outcome.change': shown,
  'consensus.appeal': shown,
  'consensus.answerAppeal': shown,
  'recommendation.create': shown,
  'recommendation.update': shown,
  'report.publish': shown,
  'action.create': shown,
  'action.update': shown,
  'action.remind.due': shownPersonal,
  'action.remind.overdue': shownPersonal,
  'progress.report': shown,
};

/** An action nobody decided on (a batch import, a kind from a newer version): no actor, no unkeyed digest. */
const UNDECIDED: Disclosure = withheld;

/** The decision for an action string. */
export function disclosureOf(action: string): Disclosure {
  return Object.hasOwn(DISCLOSURE, action) ? DISCLOSURE[action as KnownAction] : UNDECIDED;
}

/** Fields of the public event that may be withheld; each is one the event's hash covers. */
export type WithheldField = 'actorId' | 'entityId' | 'beforeDigest' | 'afterDigest' | 'batchRoot' | 'hash' | 'prevHash';

/**
 * The hashed fields the public may not see, with their values. A null value hides nothing
 * (anyone would guess null), so only set values are listed.
 */
function hiddenValues(e: AuditEvent): [WithheldField, string][] {
  const d = disclosureOf(e.action);
  const out: [WithheldField, string | null][] = [];
  if (d.actor !== 'shown') out.push(['actorId', e.actor_id]);
  if (d.entityHidden) out.push(['entityId', e.entity_id]);
  // A private actor's event hides its digests too, or the hash would let anyone try each
  // public member's id in turn; a personal digest is hidden unless it is keyed.
  for (const [field, digest] of [
    ['beforeDigest', e.before_digest],
    ['afterDigest', e.after_digest],
    ['batchRoot', e.batch_root],
  ] as const) {
    if (d.actor !== 'shown' || (d.personal && !isKeyedDigest(digest))) out.push([field, digest]);
  }
  return out.filter((f): f is [WithheldField, string] => f[1] !== null);
}

/**
 * Whether the event's own hash must be withheld as well: it covers every field, so if what is
 * withheld could be guessed (an account id from the member list, a record hashed without a
 * key), trying guesses against the hash would reveal it. A withheld keyed digest is the
 * unguessable part that makes publishing the hash safe; events from before keyed digests
 * (issue 10) have none and are sealed.
 */
export function isSealed(e: AuditEvent): boolean {
  const hidden = hiddenValues(e);
  if (!hidden.length) return false;
  return !hidden.some(([field, value]) => (field === 'beforeDigest' || field === 'afterDigest') && isKeyedDigest(value));
}

/** An event as any public output may show it: hashed fields, null where withheld, and which. */
export interface PublicEvent {
  chain: string;
  seq: string;
  occurredAt: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  processId: string | null;
  beforeDigest: string | null;
  afterDigest: string | null;
  batchRoot: string | null;
  batchCount: number | null;
  prevHash: string | null;
  hash: string | null;
  /** The fields set to null here though the stored event has them; the hash covers the stored values. */
  withheld: WithheldField[];
}

/**
 * The public view of an event. `prevSealed`: whether the event before it in its chain is
 * sealed, so that this event's prevHash, which is that hash, is withheld too.
 */
export function publicEvent(e: AuditEvent, prevSealed: boolean): PublicEvent {
  const hidden = hiddenValues(e);
  const withheldFields = new Set<WithheldField>(hidden.map(([f]) => f));
  if (isSealed(e)) withheldFields.add('hash');
  if (prevSealed) withheldFields.add('prevHash');
  const show = <T>(field: WithheldField, value: T): T | null => (withheldFields.has(field) ? null : value);
  return {
    chain: e.chain,
    seq: String(e.seq),
    occurredAt: new Date(e.occurred_at).toISOString(),
    actorId: show('actorId', e.actor_id),
    action: e.action,
    entityType: e.entity_type,
    entityId: show('entityId', e.entity_id),
    processId: e.process_id,
    beforeDigest: show('beforeDigest', e.before_digest),
    afterDigest: show('afterDigest', e.after_digest),
    batchRoot: show('batchRoot', e.batch_root),
    batchCount: e.batch_count,
    prevHash: show('prevHash', e.prev_hash),
    hash: show('hash', e.hash),
    withheld: [...withheldFields],
  };
}
