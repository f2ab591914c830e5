import { z } from 'zod';
import { StaffRoleOutSchema } from '../../platform/auth/staff.presenter.js';
import { wallOrInstantField } from '../../platform/time/time-fields.js';
import { displayText, optionalDisplayText } from '../../platform/lib/display-text.js';
import { httpUrl, optionalHttpUrl } from '../../platform/lib/http-url.js';
import { TimeZoneSchema } from '../../platform/lib/time-zone.js';
import { Slug } from '../processes/index.js';
import { MEETING_ID } from './meetings.access.js';

/** How people attend: in the room, online, or either. */
export const MEETING_FORMATS = ['in_person', 'virtual', 'hybrid'] as const;
/** The language(s) a meeting is held in. */
export const MEETING_LANGUAGES = ['en', 'fr', 'both'] as const;
/** Who may see a meeting: anyone, or the process's members only. */
export const MEETING_VISIBILITIES = ['public', 'members'] as const;
/** A meeting is scheduled until it is cancelled; nothing is deleted. */
export const MEETING_STATUSES = ['scheduled', 'cancelled'] as const;
/** How many agenda rows the form offers at least (no JavaScript to add one). */
export const AGENDA_ROWS = 12;
/** The longest texts a meeting's forms take, in characters (stated in the forms too). */
export const TEXT_LIMITS = { description: 20_000, minutes: 100_000 } as const;
/** How many recording links the form offers. */
export const RECORDING_ROWS = 5;

const OptionalText = (max: number) => z.string().trim().max(max, 'errors.text.tooLong').default('');

/** An http(s) address, or nothing (an empty form field reads as nothing). */
const OptionalUrl = optionalHttpUrl('meetings.errors.url');

/** A whole number in a range, or nothing (an empty form field reads as nothing). */
const OptionalCount = (max: number, key: string) =>
  z.preprocess((v) => (v === '' || v === undefined ? null : v), z.coerce.number({ error: key }).int(key).min(1, key).max(max, key).nullable());

/**
 * A start or end: a wall-clock time in the meeting's zone ('2019-04-18T09:00', what a
 * datetime-local field sends), or an instant with its offset ('2019-04-18T13:00:00Z').
 */
const DateTimeInput = wallOrInstantField('meetings.errors.dateTime').meta({ example: '2019-04-18T09:00' });

const TimeZone = TimeZoneSchema;

/** What a chair sets when scheduling or editing a meeting. */
export const MeetingBody = z.object({
  titleEn: displayText(200),
  titleFr: displayText(200),
  descriptionEn: OptionalText(TEXT_LIMITS.description),
  descriptionFr: OptionalText(TEXT_LIMITS.description),
  format: z.enum(MEETING_FORMATS, { error: 'errors.field.invalid' }),
  venue: OptionalText(300),
  address: OptionalText(500),
  joinUrl: OptionalUrl,
  streamUrl: OptionalUrl,
  startsAt: DateTimeInput,
  endsAt: DateTimeInput,
  timeZone: TimeZone,
  languages: z.enum(MEETING_LANGUAGES, { error: 'errors.field.invalid' }).default('both'),
  visibility: z.enum(MEETING_VISIBILITIES, { error: 'errors.field.invalid' }).default('public'),
  capacity: OptionalCount(100_000, 'meetings.errors.capacity'),
});
/** A meeting as scheduled or edited. */
export type MeetingBody = z.infer<typeof MeetingBody>;

/** One agenda item as a chair writes it. */
export const AgendaItemInput = z.object({
  title: displayText(300).describe('The title in English'),
  titleFr: optionalDisplayText(300).describe('The title in French; French readers see the English one while there is none'),
  presenter: OptionalText(200),
  durationMinutes: OptionalCount(1440, 'meetings.errors.duration'),
  documentUrl: OptionalUrl,
});
/** One agenda item as a chair writes it. */
export type AgendaItemInput = z.infer<typeof AgendaItemInput>;

/** The whole agenda, in order; it replaces the one before. */
/** Saying yes to erasing what is stored (an empty agenda, or minutes emptied in a language); without it that is a 409. */
const ConfirmClear = z.boolean().optional().describe('Erase the agenda or minutes already stored (an empty agenda, or minutes emptied in a language); without it, that is refused with 409');
export const AgendaBody = z.object({ items: z.array(AgendaItemInput).max(50), confirmClear: ConfirmClear });
/** The whole agenda, in order. */
export type AgendaBody = z.infer<typeof AgendaBody>;

/** The minutes in both languages (Markdown). */
export const MinutesBody = z.object({ minutesEn: OptionalText(TEXT_LIMITS.minutes), minutesFr: OptionalText(TEXT_LIMITS.minutes), confirmClear: ConfirmClear });
/** The minutes in both languages (Markdown). */
export type MinutesBody = z.infer<typeof MinutesBody>;

/** The recording links, replacing the ones before. */
export const RecordingsBody = z.object({ urls: z.array(httpUrl('meetings.errors.url')).max(20) });
/** The recording links, replacing the ones before. */
export type RecordingsBody = z.infer<typeof RecordingsBody>;

/** Registering: whether the person may be named among attendees (off unless ticked). */
export const RegisterBody = z.object({ showName: z.boolean().default(false).describe('Agree to be named in the public attendance list') });
/** Registering: whether the person may be named among attendees. */
export type RegisterBody = z.infer<typeof RegisterBody>;

/** Who attended, as a chair ticks them. */
export const AttendanceBody = z.object({ userIds: z.array(z.uuid()).max(5000).describe('Everyone who attended; replaces the list before') });
/** Who attended, as a chair ticks them. */
export type AttendanceBody = z.infer<typeof AttendanceBody>;

/** `:processSlug`. */
export const ProcessParams = z.object({ processSlug: Slug });
/** `:processSlug/:groupSlug`. */
export const GroupParams = z.object({ processSlug: Slug, groupSlug: Slug });
/** `:processSlug/:meetingId`. */
export const MeetingParams = z.object({ processSlug: Slug, meetingId: z.uuid({ error: 'errors.notFound' }) });
/** `:meetingId` alone (the .ics address). */
export const MeetingIdParams = z.object({ meetingId: z.uuid({ error: 'errors.notFound' }) });

/** Which meetings a list shows, and the cursor to continue from. */
export const ListQuery = z.object({
  when: z.enum(['upcoming', 'past']).default('upcoming'),
  group: Slug.optional().describe('Only the meetings of this working group'),
  after: z.string().max(300).optional().describe('Cursor: `next` from the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
/** Which meetings a list shows, and the cursor to continue from. */
export type ListQuery = z.infer<typeof ListQuery>;

const Bilingual = z.object({ en: z.string(), fr: z.string() });

/** One agenda item as the API shows it. */
export const AgendaItemOut = z.object({ title: z.string(), titleFr: z.string().nullable(), presenter: z.string(), durationMinutes: z.number().int().nullable(), documentUrl: z.string().nullable() });

/** One meeting as the API shows it. */
export const MeetingOut = z.object({
  id: z.uuid(),
  uid: z.string().describe('The iCalendar UID'),
  processSlug: z.string(),
  groupSlug: z.string().nullable(),
  title: Bilingual,
  description: Bilingual,
  format: z.enum(MEETING_FORMATS),
  venue: z.string(),
  address: z.string(),
  joinUrl: z.string().nullable(),
  streamUrl: z.string().nullable(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  timeZone: z.string(),
  local: z.object({ start: z.string(), end: z.string() }).describe('Wall-clock times in the meeting’s zone'),
  languages: z.enum(MEETING_LANGUAGES),
  visibility: z.enum(MEETING_VISIBILITIES),
  capacity: z.number().int().nullable(),
  status: z.enum(MEETING_STATUSES),
  sequence: z.number().int(),
  live: z.boolean(),
  agenda: z.array(AgendaItemOut),
  recordings: z.array(z.string()),
  minutes: Bilingual,
  registered: z.number().int(),
  waitlisted: z.number().int(),
  url: z.string(),
  ics: z.string(),
});
/** One meeting as the API shows it. */
export type MeetingOut = z.infer<typeof MeetingOut>;

/** A page of meetings and the cursor for the next. */
export const MeetingPage = z.object({ items: z.array(MeetingOut.omit({ agenda: true, minutes: true, registered: true, waitlisted: true })), next: z.string().nullable() });

/** A person's registration: their place, or their rank on the waiting list. */
export const RegistrationOut = z.object({ status: z.enum(['registered', 'waitlisted']), showName: z.boolean(), position: z.number().int().nullable().describe('Place on the waiting list, from 1') });

/** Registrants as chairs see them. */
export const RegistrantsOut = z.object({
  items: z.array(z.object({ userId: z.uuid(), name: z.string(), staffRole: StaffRoleOutSchema, status: z.enum(['registered', 'waitlisted']), showName: z.boolean(), attended: z.boolean() })),
});

/** Attendance as the public sees it. */
export const AttendanceOut = z.object({
  total: z.number().int(),
  groups: z.array(z.object({ key: z.string(), name: Bilingual, count: z.number().int() })),
  names: z.array(z.string()).describe('Attendees who agreed to be named; `people` gives the same names, in the same order, each with its staff role'),
  people: z
    .array(z.object({ name: z.string(), staffRole: StaffRoleOutSchema }))
    .describe('The attendees of `names`, in the same order, each with whether they are staff of the process (beside `names`, which stays a list of strings)'),
});

/** An answer that is a sentence in the request's language. */
export const Message = z.object({ message: z.string() });

/** The meetings list's keyset cursor: the last meeting's start and id. */
export const MeetingCursor = z.object({ s: z.iso.datetime(), id: z.string().regex(MEETING_ID) });
