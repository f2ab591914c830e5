import { icalCalendar, type IcalEvent } from '../../platform/lib/ical.js';
import { tFor, type Lang } from '../../platform/i18n/i18n.js';
import type { MeetingRow } from './meetings.repository.js';
import { meetingUid, meetingUrl } from './links.js';

/** Where a meeting happens, in words: the venue and address, or that it is online. */
export function meetingLocation(m: MeetingRow, lang: Lang): string {
  const place = [m.venue, m.address].filter(Boolean).join(', ');
  if (m.format === 'virtual') return place || tFor(lang)('meetings.formats.virtual');
  return place;
}

/**
 * One meeting as a calendar event in a language: a stable UID, its SEQUENCE, CANCELLED when
 * it is, and a URL back to its page.
 */
export function meetingEvent(m: MeetingRow, lang: Lang, baseUrl: string): IcalEvent {
  const t = tFor(lang);
  const url = meetingUrl(baseUrl, lang, m.process_slug, m.id);
  const description = [
    lang === 'fr' ? m.description_fr : m.description_en,
    m.join_url ? `${t('meetings.fields.joinUrl')}: ${m.join_url}` : '',
    m.stream_url ? `${t('meetings.fields.streamUrl')}: ${m.stream_url}` : '',
    url,
  ]
    .filter(Boolean)
    .join('\n\n');
  const location = meetingLocation(m, lang);
  return {
    uid: meetingUid(m.id),
    sequence: m.sequence,
    status: m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    start: m.starts_at,
    end: m.ends_at,
    timeZone: m.timezone,
    summary: lang === 'fr' ? m.title_fr : m.title_en,
    description,
    ...(location ? { location } : {}),
    url,
    created: m.created_at,
    lastModified: m.updated_at,
  };
}

/**
 * A calendar of meetings. A subscribed feed carries no METHOD; a single meeting sent by email
 * or downloaded is PUBLISHed (no organiser to reply to, so no REQUEST).
 */
export function meetingsCalendar(meetings: MeetingRow[], lang: Lang, baseUrl: string, name: string, opts: { publish?: boolean } = {}): string {
  return icalCalendar({ name, events: meetings.map((m) => meetingEvent(m, lang, baseUrl)), ...(opts.publish ? { method: 'PUBLISH' as const } : {}) });
}
