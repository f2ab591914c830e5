import type { Lang } from '../../platform/i18n/i18n.js';

/** Where a meeting's page lives, without the language prefix. */
export function meetingPath(processSlug: string, meetingId: string): string {
  return `/processes/${processSlug}/meetings/${meetingId}`;
}

/** A meeting page's full address, for emails and calendars. */
export function meetingUrl(baseUrl: string, lang: Lang, processSlug: string, meetingId: string): string {
  return `${baseUrl}/${lang}${meetingPath(processSlug, meetingId)}`;
}

/** The .ics of one meeting (plain https, no webcal:, so any browser or calendar can follow it). */
export function meetingIcsPath(meetingId: string, lang: Lang): string {
  return `/api/v1/meetings/${meetingId}.ics?lang=${lang}`;
}

/** The calendar feed of a process, or of one of its working groups. */
export function feedPath(processSlug: string, lang: Lang, groupSlug?: string | null): string {
  return `/api/v1/processes/${processSlug}${groupSlug ? `/groups/${groupSlug}` : ''}/calendar.ics?lang=${lang}`;
}

/** The iCalendar UID of a meeting: stable across edits, so calendars update rather than duplicate. */
export function meetingUid(meetingId: string): string {
  return `meeting-${meetingId}@concord`;
}
