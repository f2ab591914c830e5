import { formRows, formTexts, nestForm } from '../../platform/web/forms.js';
import type { AgendaItem, Meeting } from './meetings.repository.js';
import { AGENDA_ROWS, RECORDING_ROWS } from './meetings.schema.js';
import type { AgendaRowValues } from './views/manage.views.js';
import type { MeetingFormValues } from './views/meeting-form.view.js';
import { wallTime } from '../../platform/time/zoned.js';

type Flat = Record<string, string | string[] | undefined>;

/** A submitted field as one string (a repeated name arrives as a list). */
const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/** The meeting form's fields, as typed. */
export function meetingFormValues(flat: Flat): MeetingFormValues {
  return Object.fromEntries(Object.entries(flat).map(([k, v]) => [k, one(v)]));
}

/** A meeting as its edit form shows it: times on the wall clock of its zone. */
export function meetingToValues(m: Meeting): MeetingFormValues {
  return {
    titleEn: m.title_en,
    titleFr: m.title_fr,
    descriptionEn: m.description_en,
    descriptionFr: m.description_fr,
    format: m.format,
    venue: m.venue,
    address: m.address,
    joinUrl: m.join_url ?? '',
    streamUrl: m.stream_url ?? '',
    startsAt: wallTime(m.starts_at, m.timezone),
    endsAt: wallTime(m.ends_at, m.timezone),
    timeZone: m.timezone,
    languages: m.languages,
    visibility: m.visibility,
    capacity: m.capacity === null ? '' : String(m.capacity),
  };
}

const blankRow = (): AgendaRowValues => ({ title: '', titleFr: '', presenter: '', durationMinutes: '', documentUrl: '' });

/** The agenda rows a form shows: the items, then blank rows up to the fixed number. */
export function agendaRows(items: AgendaRowValues[]): AgendaRowValues[] {
  const rows = [...items];
  while (rows.length < Math.max(AGENDA_ROWS, items.length + 3)) rows.push(blankRow());
  return rows;
}

/** Agenda items as rows. */
export function agendaToRows(items: AgendaItem[]): AgendaRowValues[] {
  return items.map((i) => ({ title: i.title, titleFr: i.title_fr, presenter: i.presenter, durationMinutes: i.duration_minutes === null ? '' : String(i.duration_minutes), documentUrl: i.document_url ?? '' }));
}

/** The submitted agenda rows that say something (empty rows are dropped, so row k is item k). */
export function submittedAgendaRows(flat: Flat): AgendaRowValues[] {
  return formRows(nestForm(flat), 'items')
    .map((r): AgendaRowValues => ({ title: r?.title ?? '', titleFr: r?.titleFr ?? '', presenter: r?.presenter ?? '', durationMinutes: r?.durationMinutes ?? '', documentUrl: r?.documentUrl ?? '' }))
    .filter((r) => Object.values(r).some((v: string) => v.trim()));
}

/** The recording fields: the links there are, then blank fields up to the fixed number. */
export function recordingRows(urls: string[]): string[] {
  const rows = [...urls];
  while (rows.length < Math.max(RECORDING_ROWS, urls.length + 1)) rows.push('');
  return rows;
}

/** The submitted recording links, empty fields dropped. */
export function submittedRecordings(flat: Flat): string[] {
  return formTexts(nestForm(flat), 'urls')
    .map((u) => (u ?? '').trim())
    .filter(Boolean);
}

/** The ticked people of the attendance form (one checkbox name, many values). */
export function submittedAttendees(flat: Flat): string[] {
  const v = flat.userIds;
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/**
 * What a save of the minutes would erase: each language whose posted minutes the form now
 * leaves empty. A form submitted blank by mistake must not wipe a meeting's record silently.
 */
export function minutesCleared(m: Pick<Meeting, 'minutes_en' | 'minutes_fr'>, next: { minutesEn: string; minutesFr: string }): ('en' | 'fr')[] {
  const out: ('en' | 'fr')[] = [];
  if (m.minutes_en.trim() && !next.minutesEn.trim()) out.push('en');
  if (m.minutes_fr.trim() && !next.minutesFr.trim()) out.push('fr');
  return out;
}

/** True when the submitted form holds the confirmation asked before erasing. */
export const clearConfirmed = (flat: Flat): boolean => one(flat.confirmClear) === 'yes';
