import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { newId } from '../../platform/lib/ids.js';
import { tFor, type Lang } from '../../platform/i18n/i18n.js';
import { mailRepository } from './mail.repository.js';

/** The messages Concord knows how to write; each has `mail.<kind>.subject` and `.body` in both languages. */
export type MailKind =
  | 'activity'
  | 'digest'
  | 'confirmEmail'
  | 'resetPassword'
  | 'signInLink'
  | 'accountExists'
  | 'invitation'
  | 'callSubmissionAccepted'
  | 'callSubmissionRejected'
  | 'meetingConfirmation'
  | 'meetingWaitlisted'
  | 'meetingPromoted'
  | 'meetingReminder'
  | 'meetingRescheduled'
  | 'meetingChanged'
  | 'meetingCancelled'
  | 'commentReceipt'
  | 'commentReported'
  | 'actionDueSoon'
  | 'actionOverdue'
  | 'actionDigest';

/**
 * Write a message to the outbox, in the recipient's language. Call it inside the
 * transaction that causes it: the message exists exactly when the change does. Delivery
 * (SMTP, when configured) happens afterwards, from the outbox.
 * @example await queueMail(trx, { to: 'a@b.c', lang: 'fr', kind: 'confirmEmail', params: { name, link } })
 */
export async function queueMail(
  db: Kysely<DB>,
  msg: { to: string; lang: Lang; kind: MailKind; params: Record<string, string>; /** An iCalendar object to attach (meetings). */ ics?: string },
): Promise<string> {
  const t = tFor(msg.lang);
  const id = newId();
  await mailRepository.insert(db, {
    id,
    to_address: msg.to.toLowerCase(),
    subject: t(`mail.${msg.kind}.subject`, msg.params),
    body_text: t(`mail.${msg.kind}.body`, msg.params),
    kind: msg.kind,
    lang: msg.lang,
    ics: msg.ics ?? null,
  });
  return id;
}
