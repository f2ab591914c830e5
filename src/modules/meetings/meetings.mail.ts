import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { tFor, type Lang } from '../../platform/i18n/i18n.js';
import { queueMail, type MailKind } from '../mail/index.js';
import { meetingLocation, meetingsCalendar } from './meetings.ical.js';
import type { MeetingRow } from './meetings.repository.js';
import { meetingUrl } from './links.js';
import { formatSpan } from '../../platform/time/zoned.js';

/** Someone to write to about a meeting, and whether they hold a place (or wait for one). */
export interface Recipient {
  email: string;
  name: string;
  lang: Lang;
  status: 'registered' | 'waitlisted';
}

/** The lines every meeting email repeats: when, where, how to join, in the reader's language. */
function details(m: MeetingRow, lang: Lang): string {
  const t = tFor(lang);
  return [
    `${t('meetings.mail.when')}: ${formatSpan(lang, m.starts_at, m.ends_at, m.timezone)}`,
    `${t('meetings.mail.where')}: ${meetingLocation(m, lang) || '—'}`,
    m.join_url ? `${t('meetings.fields.joinUrl')}: ${m.join_url}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * Write one meeting email, in the recipient's language. People who hold a place get the
 * meeting's .ics attached (same UID, current SEQUENCE and STATUS), so their calendar adds,
 * moves or cancels it; people on the waiting list get words only.
 */
export async function mailAboutMeeting(trx: Kysely<DB>, baseUrl: string, m: MeetingRow, to: Recipient, kind: MailKind): Promise<void> {
  const lang = to.lang;
  const title = lang === 'fr' ? m.title_fr : m.title_en;
  await queueMail(trx, {
    to: to.email,
    lang,
    kind,
    params: { name: to.name, title, details: details(m, lang), link: meetingUrl(baseUrl, lang, m.process_slug, m.id) },
    ...(to.status === 'registered' ? { ics: meetingsCalendar([m], lang, baseUrl, title, { publish: true }) } : {}),
  });
}
