/**
 * Every action string the codebase records (grep `recordAudit(` for `action:`), so each can be
 * told as a sentence; anything else falls back to a generic sentence showing the raw action.
 */
export const KNOWN_ACTIONS = [
  'user.create',
  'user.register',
  'user.confirmEmail',
  'user.resetPassword',
  'user.signInByLink',
  'role.grant',
  'role.revoke',
  'process.create',
  'process.update',
  'process.copy',
  'process.stakeholderGroups',
  'process.join',
  'process.leave',
  'process.invite',
  'invitation.accept',
  'organisation.create',
  'organisation.setRoles',
  'organisation.removePerson',
  'organisation.request',
  'organisation.request.approve',
  'organisation.request.refuse',
  'installation.setRoles',
  'pledge.sign',
  'group.create',
  'group.update',
  'group.join',
  'group.leave',
  'group.announce',
  'meeting.schedule',
  'meeting.update',
  'meeting.cancel',
  'meeting.agenda',
  'meeting.register',
  'meeting.unregister',
  'meeting.promote',
  'meeting.remind',
  'meeting.attendance',
  'meeting.minutes',
  'meeting.recordings',
  'call.open',
  'call.submit',
  'call.accept',
  'call.reject',
  'document.create',
  'document.update',
  'document.saveVersion',
  'file.store',
  'follow.set',
  'follow.remove',
  'commentPeriod.open',
  'commentPeriod.update',
  'comment.submit',
  'comment.hide',
  'comment.hideNotConsented',
  'comment.restore',
  'comment.report',
  'comment.report.uphold',
  'comment.report.dismiss',
  'comment.dispose',
  'comment.disposition.update',
  'consensus.open',
  'consensus.position',
  'consensus.position.change',
  'consensus.decide',
  'consensus.outcome.change',
  'consensus.appeal',
  'consensus.answerAppeal',
  'recommendation.create',
  'recommendation.update',
  'report.publish',
  'action.create',
  'action.update',
  'action.remind.due',
  'action.remind.overdue',
  'progress.report',
] as const;

/** One of the actions the code records. */
export type KnownAction = (typeof KNOWN_ACTIONS)[number];

const known = new Set<string>(KNOWN_ACTIONS);

/** The i18n key telling an action as a sentence, or undefined for an action we do not know. */
export function actionKey(action: string): string | undefined {
  // Dots would make i18next nest keys, and `comment.report` is both an action and a prefix.
  return known.has(action) ? `audit.actions.${action.replaceAll('.', '_')}` : undefined;
}

/** The prefixes the filter offers: the first word of every known action, each with a dot. */
export const ACTION_PREFIXES = [...new Set(KNOWN_ACTIONS.map((a) => a.split('.')[0]!))].map((p) => `${p}.`);
