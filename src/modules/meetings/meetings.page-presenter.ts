import { can } from '../../platform/auth/policies.js';
import { formatNumber, type Lang } from '../../platform/i18n/i18n.js';
import { otherLang, pick } from '../../platform/i18n/pick.js';
import { formatSpan } from '../../platform/time/zoned.js';
import { localPath, type ModelCtx } from '../../platform/web/context.js';
import type { Crumb } from '../../platform/web/components/breadcrumb.js';
import { personName, type PersonNameModel } from '../../platform/web/components/person-name.js';
import type { Process } from '../processes/index.js';
import type { AgendaItem, MeetingRow } from './meetings.repository.js';
import type { AttendanceSummary, RegistrationState } from './registrations.service.js';
import { feedPath, meetingIcsPath, meetingPath } from './links.js';
import { isLive } from './time.js';
import { presenterLabel } from './presenter-roles.js';

/**
 * Page presenters: records in, the model a view lays out (in the reader's language, with the
 * `can…` flags the page needs) out. The API's presenter is meetings.presenter.ts.
 */

/** A meeting in a list: title, time in its zone, format, and any status worth a word. */
export interface MeetingItemModel {
  id: string;
  title: string;
  path: string;
  cancelled: boolean;
  live: boolean;
  membersOnly: boolean;
  /** Start and end in the meeting's zone, in the reader's language. */
  when: string;
  format: MeetingRow['format'];
}

/** The calendar feed and, for those allowed, the link to schedule a meeting. */
export interface FeedModel {
  /** The feed is a working group's (else the process's). */
  ofGroup: boolean;
  feedPath: string;
  /** Null when the reader may not schedule meetings here. */
  schedulePath: string | null;
}

/** A working group as these pages need it (the groups module imports this one, so not its type). */
export interface GroupRecord {
  id: string;
  slug: string;
  name_en: string;
  name_fr: string;
}

/** Where a list of meetings is: its process, and the working group when it is one group's. */
export interface MeetingsPlace {
  process: Pick<Process, 'id' | 'slug'>;
  group?: Pick<GroupRecord, 'id' | 'slug'> | undefined;
}

export function meetingItems(meetings: MeetingRow[], ctx: ModelCtx, now: Date = new Date()): MeetingItemModel[] {
  const { lang } = ctx;
  return meetings.map((m) => ({
    id: m.id,
    title: pick(lang, m, 'title'),
    path: localPath(lang, meetingPath(m.process_slug, m.id)),
    cancelled: m.status === 'cancelled',
    live: isLive(m, now),
    membersOnly: m.visibility === 'members',
    when: formatSpan(lang, m.starts_at, m.ends_at, m.timezone),
    format: m.format,
  }));
}

function feed(place: MeetingsPlace, ctx: ModelCtx): FeedModel {
  const { process, group } = place;
  const scope = group ? { processId: process.id, groupId: group.id } : { processId: process.id };
  const newPath = group ? `/processes/${process.slug}/groups/${group.slug}/meetings/new` : `/processes/${process.slug}/meetings/new`;
  return {
    ofGroup: !!group,
    feedPath: feedPath(process.slug, ctx.lang, group?.slug),
    schedulePath: can(ctx.actor, 'meeting.schedule', scope) ? localPath(ctx.lang, newPath) : null,
  };
}

/** The meetings section of a working group's page. */
export interface GroupMeetingsModel {
  upcoming: MeetingItemModel[];
  past: MeetingItemModel[];
  allPath: string;
  feed: FeedModel;
}

export function groupMeetingsModel(r: { place: Required<MeetingsPlace>; upcoming: MeetingRow[]; past: MeetingRow[] }, ctx: ModelCtx): GroupMeetingsModel {
  return {
    upcoming: meetingItems(r.upcoming, ctx),
    past: meetingItems(r.past, ctx),
    allPath: localPath(ctx.lang, `/processes/${r.place.process.slug}/meetings?group=${r.place.group.slug}`),
    feed: feed(r.place, ctx),
  };
}

/** The meetings section of a process's page. */
export interface ProcessMeetingsModel {
  upcoming: MeetingItemModel[];
  allPath: string;
  feed: FeedModel;
}

export function processMeetingsModel(r: { process: Pick<Process, 'id' | 'slug'>; upcoming: MeetingRow[] }, ctx: ModelCtx): ProcessMeetingsModel {
  return { upcoming: meetingItems(r.upcoming, ctx), allPath: localPath(ctx.lang, `/processes/${r.process.slug}/meetings`), feed: feed({ process: r.process }, ctx) };
}

/** All meetings of a process (or of one group), each list paged on its own. */
export interface MeetingListPageModel {
  processTitle: string;
  processPath: string;
  /** The working group whose meetings these are, or null for the whole process. */
  group: { name: string; path: string } | null;
  feed: FeedModel;
  upcoming: MeetingItemModel[];
  past: MeetingItemModel[];
  laterHref: string | null;
  earlierHref: string | null;
}

export interface MeetingListRecords {
  process: Process;
  group: GroupRecord | undefined;
  upcoming: MeetingRow[];
  past: MeetingRow[];
  laterHref: string | undefined;
  earlierHref: string | undefined;
}

export function meetingListPage(r: MeetingListRecords, ctx: ModelCtx): MeetingListPageModel {
  const { lang } = ctx;
  const processPath = localPath(lang, `/processes/${r.process.slug}`);
  return {
    processTitle: pick(lang, r.process, 'title'),
    processPath,
    group: r.group ? { name: pick(lang, r.group, 'name'), path: localPath(lang, `/processes/${r.process.slug}/groups/${r.group.slug}`) } : null,
    feed: feed({ process: r.process, group: r.group }, ctx),
    upcoming: meetingItems(r.upcoming, ctx),
    past: meetingItems(r.past, ctx),
    laterHref: r.laterHref ?? null,
    earlierHref: r.earlierHref ?? null,
  };
}

/** What a visitor can do about attending, decided on the server. */
export type RegistrationModel =
  /** Registered or waiting: their place, and the form to give it up. */
  | { kind: 'mine'; registered: boolean; position: number; action: string }
  /** Signed out: sign in and come back. */
  | { kind: 'signIn'; path: string }
  /** Signed in without a confirmed email. */
  | { kind: 'confirmEmail' }
  /** The form (to the waiting list when full). */
  | { kind: 'form'; action: string; full: boolean }
  /** Cancelled or over: nothing to do. */
  | { kind: 'closed' };

/** One agenda item. */
export interface AgendaItemModel {
  id: string;
  number: number;
  /** In the reader's language, or in English when there is no French title. */
  title: string;
  /** The language the title is written in, for its `lang` when it is not the page's. */
  titleLang: Lang;
  presenter: string;
  /** Minutes, formatted; empty when not given. */
  duration: string;
  documentUrl: string | null;
}

/** After a meeting: recordings, minutes and attendance. */
export interface AfterMeetingModel {
  recordingUrls: string[];
  /** The minutes in the reader's language, or else in the other one (`lang` set), or null. */
  minutes: { text: string; lang: Lang | null } | null;
  attendance: { total: number; totalText: string; rows: { key: string; name: string; count: string }[]; /** Those who agreed to be named, each with its staff badge. */ names: PersonNameModel[] };
}

/** A meeting's page. */
export interface MeetingPageModel {
  title: string;
  trail: Crumb[];
  cancelled: boolean;
  /** While under way: the stream and the link to join. */
  live: { streamUrl: string | null; joinUrl: string | null } | null;
  facts: {
    when: string;
    format: MeetingRow['format'];
    /** Venue and address; empty when none. */
    place: string;
    joinUrl: string | null;
    streamUrl: string | null;
    languages: MeetingRow['languages'];
    visibility: MeetingRow['visibility'];
    registered: number;
    registeredText: string;
    /** Null when places are not limited. */
    capacityText: string | null;
    waitlisted: number;
    waitlistedText: string;
  };
  icsPath: string;
  registration: RegistrationModel;
  /** The management links the reader may follow (null: not for them, or not now). */
  manage: Record<'edit' | 'agenda' | 'minutes' | 'attendance' | 'cancel', string | null>;
  /** Markdown in the reader's language; empty when none. */
  description: string;
  agenda: AgendaItemModel[];
  after: AfterMeetingModel | null;
}

/** Everything the meeting page is made from. */
export interface MeetingPageRecords {
  m: MeetingRow;
  process: Process;
  group: GroupRecord | undefined;
  agenda: AgendaItem[];
  counts: { registered: number; waitlisted: number };
  mine: RegistrationState | undefined;
  attendance: AttendanceSummary | undefined;
  now: Date;
}

/**
 * Whether the meeting is live, over or ahead is decided here from `now`: live shows the
 * stream, over shows recordings, minutes and attendance.
 */
export function meetingPage(r: MeetingPageRecords, ctx: ModelCtx): MeetingPageModel {
  const { lang, actor } = ctx;
  const { m, now } = r;
  const base = meetingPath(m.process_slug, m.id);
  const scope = { processId: m.process_id, ...(m.group_id ? { groupId: m.group_id } : {}) };
  const cancelled = m.status === 'cancelled';
  const over = m.ends_at <= now;
  const open = !cancelled && !over;
  const full = m.capacity !== null && r.counts.registered >= m.capacity;
  const may = (action: 'meeting.update' | 'meeting.record' | 'meeting.attendance' | 'meeting.cancel', path: string, unlessCancelled = false) =>
    (!unlessCancelled || !cancelled) && can(actor, action, scope) ? localPath(lang, `${base}${path}`) : null;
  const groupName = r.group ? pick(lang, r.group, 'name') : null;
  const registration: RegistrationModel = r.mine
    ? { kind: 'mine', registered: r.mine.registration.status === 'registered', position: r.mine.position ?? 1, action: localPath(lang, `${base}/unregister`) }
    : !open
      ? { kind: 'closed' }
      : !actor
        ? { kind: 'signIn', path: localPath(lang, `/sign-in?next=${encodeURIComponent(localPath(lang, base))}`) }
        : !can(actor, 'meeting.register')
          ? { kind: 'confirmEmail' }
          : { kind: 'form', action: localPath(lang, `${base}/register`), full };
  const minutes = pick(lang, m, 'minutes');
  const otherMinutes = pick(otherLang(lang), m, 'minutes');
  const a = r.attendance;
  return {
    title: pick(lang, m, 'title'),
    trail: [
      { href: localPath(lang, `/processes/${m.process_slug}`), label: pick(lang, r.process, 'title') },
      ...(m.group_slug && groupName ? [{ href: localPath(lang, `/processes/${m.process_slug}/groups/${m.group_slug}`), label: groupName }] : []),
      { href: localPath(lang, `/processes/${m.process_slug}/meetings`), label: ctx.t('meetings.title') },
    ],
    cancelled,
    live: isLive(m, now) ? { streamUrl: m.stream_url, joinUrl: m.join_url } : null,
    facts: {
      when: formatSpan(lang, m.starts_at, m.ends_at, m.timezone),
      format: m.format,
      place: [m.venue, m.address].filter(Boolean).join(', '),
      joinUrl: m.join_url,
      streamUrl: m.stream_url,
      languages: m.languages,
      visibility: m.visibility,
      registered: r.counts.registered,
      registeredText: formatNumber(lang, r.counts.registered),
      capacityText: m.capacity === null ? null : formatNumber(lang, m.capacity),
      waitlisted: r.counts.waitlisted,
      waitlistedText: formatNumber(lang, r.counts.waitlisted),
    },
    icsPath: meetingIcsPath(m.id, lang),
    registration,
    manage: {
      edit: may('meeting.update', '/edit', true),
      agenda: may('meeting.update', '/agenda', true),
      minutes: may('meeting.record', '/minutes'),
      attendance: may('meeting.attendance', '/attendance'),
      cancel: may('meeting.cancel', '/cancel', true),
    },
    description: pick(lang, m, 'description'),
    agenda: r.agenda.map((i) => ({
      id: i.id,
      number: i.position + 1,
      ...(lang === 'fr' && i.title_fr ? { title: i.title_fr, titleLang: 'fr' as const } : { title: i.title, titleLang: 'en' as const }),
      presenter: presenterLabel(ctx.t, i.presenter),
      duration: i.duration_minutes === null ? '' : formatNumber(lang, i.duration_minutes),
      documentUrl: i.document_url,
    })),
    after:
      a && (over || m.recording_urls.length > 0 || m.minutes_en || m.minutes_fr || a.total > 0)
        ? {
            recordingUrls: m.recording_urls,
            minutes: minutes ? { text: minutes, lang: null } : otherMinutes ? { text: otherMinutes, lang: otherLang(lang) } : null,
            attendance: {
              total: a.total,
              totalText: formatNumber(lang, a.total),
              rows: a.rows.map((row) => ({ key: row.key, name: pick(lang, row, 'name'), count: formatNumber(lang, row.count) })),
              names: a.names.map((n) => personName(ctx.t, n.name, n.staff)),
            },
          }
        : null,
  };
}
