import { staffRoleOut } from '../../platform/auth/staff.presenter.js';
import type { AgendaItem, MeetingRow } from './meetings.repository.js';
import type { MeetingOut } from './meetings.schema.js';
import type { AttendanceSummary, RegistrationState } from './registrations.service.js';
import { meetingUid, meetingUrl } from './links.js';
import { isLive } from './time.js';
import { wallTime } from '../../platform/time/zoned.js';

/** The API's view of a meeting in a list (no agenda, minutes or counts: those cost a query each). */
export function presentMeetingSummary(m: MeetingRow, baseUrl: string, now: Date = new Date()): Omit<MeetingOut, 'agenda' | 'minutes' | 'registered' | 'waitlisted'> {
  return {
    id: m.id,
    uid: meetingUid(m.id),
    processSlug: m.process_slug,
    groupSlug: m.group_slug,
    title: { en: m.title_en, fr: m.title_fr },
    description: { en: m.description_en, fr: m.description_fr },
    format: m.format,
    venue: m.venue,
    address: m.address,
    joinUrl: m.join_url,
    streamUrl: m.stream_url,
    startsAt: m.starts_at.toISOString(),
    endsAt: m.ends_at.toISOString(),
    timeZone: m.timezone,
    local: { start: wallTime(m.starts_at, m.timezone), end: wallTime(m.ends_at, m.timezone) },
    languages: m.languages,
    visibility: m.visibility,
    capacity: m.capacity,
    status: m.status,
    sequence: m.sequence,
    live: isLive(m, now),
    recordings: m.recording_urls,
    url: meetingUrl(baseUrl, 'en', m.process_slug, m.id),
    ics: `${baseUrl}/api/v1/meetings/${m.id}.ics`,
  };
}

/** The API's view of one meeting, with its agenda, minutes and registration counts. */
export function presentMeeting(m: MeetingRow, agenda: AgendaItem[], counts: { registered: number; waitlisted: number }, baseUrl: string, now: Date = new Date()): MeetingOut {
  return {
    ...presentMeetingSummary(m, baseUrl, now),
    agenda: agenda.map((i) => ({ title: i.title, titleFr: i.title_fr || null, presenter: i.presenter, durationMinutes: i.duration_minutes, documentUrl: i.document_url })),
    minutes: { en: m.minutes_en, fr: m.minutes_fr },
    ...counts,
  };
}

/** The API's view of a person's registration. */
export function presentRegistration(s: RegistrationState) {
  return { status: s.registration.status, showName: s.registration.show_name, position: s.position };
}

/** The API's view of attendance: counts by stakeholder group and the names people agreed to show. */
export function presentAttendance(a: AttendanceSummary) {
  return { total: a.total, groups: a.rows.map((r) => ({ key: r.key, name: { en: r.nameEn, fr: r.nameFr }, count: r.count })), names: a.names.map((n) => n.name), people: a.names.map((n) => ({ name: n.name, staffRole: staffRoleOut(n.staff) })) };
}
