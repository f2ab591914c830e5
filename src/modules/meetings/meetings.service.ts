import type { Kysely } from 'kysely';
import { inTransaction } from '../../platform/db/tx.js';
import type { DB } from '../../platform/db/schema.js';
import type { AppDeps } from '../../platform/http/types.js';
import type { Actor } from '../../platform/auth/roles.js';
import { canSee, type PolicyContext } from '../../platform/auth/policies.js';
import { newId } from '../../platform/lib/ids.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
import { QUEUES, cancelJob, enqueue, jobsSchemaFor } from '../../platform/jobs/queue.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { recordActivity } from '../follows/index.js';
import { tFor } from '../../platform/i18n/i18n.js';
import { processScope } from '../processes/index.js';
import { meetingsRepository as repo, type AgendaItem, type Meeting, type MeetingRow } from './meetings.repository.js';
import { MeetingCursor, type AgendaBody, type MeetingBody, type MinutesBody } from './meetings.schema.js';
import { mailAboutMeeting } from './meetings.mail.js';
import { promoteWaitlisted } from './registrations.service.js';
import { wallProblem } from '../../platform/time/time-fields.js';
import { toInstant } from '../../platform/time/zoned.js';
import { MEETING_ID } from './meetings.access.js';
import { indexMeeting } from './meetings.search.js';

/** What the meeting services need: the database, where links point, and pg-boss's schema. */
export interface MeetingsDeps {
  db: Kysely<DB>;
  baseUrl: string;
  jobsSchema: string;
}

/** The meeting services' deps from the app's. */
export function meetingsDeps(app: AppDeps): MeetingsDeps {
  return { db: app.db, baseUrl: app.config.baseUrl, jobsSchema: jobsSchemaFor(app.schema) };
}

/** Reminders go out this long before a meeting starts. */
export const REMINDER_LEAD_MS = 86_400_000;

/**
 * The policy scope of a meeting route: its process and, for a group's meeting, its group.
 * An unknown meeting answers by the process's policy alone, so a refused caller gets 401/403
 * and learns nothing; the handler then answers 404.
 */
export async function meetingScope(db: Kysely<DB>, processSlug: string, meetingId: string): Promise<PolicyContext> {
  const { processId } = await processScope(db, processSlug);
  const m = MEETING_ID.test(meetingId) ? await repo.byId(db, meetingId) : undefined;
  return m && m.process_id === processId ? { processId, groupId: m.group_id ?? undefined } : { processId };
}

/** A meeting of a process as a viewer may see it; 404 when absent, elsewhere, or members-only to an outsider. */
export async function getMeeting(db: Kysely<DB>, processId: string, meetingId: string, actor: Actor | null): Promise<MeetingRow> {
  const m = MEETING_ID.test(meetingId) ? await repo.byId(db, meetingId) : undefined;
  if (!m || m.process_id !== processId) throw new HttpProblem(404, 'errors.notFound');
  if (!canSee(actor, { processId, membersOnly: m.visibility === 'members' })) throw new HttpProblem(404, 'errors.notFound');
  return m;
}

/** A meeting by id alone (the .ics address carries no process); same visibility rule. */
export async function getMeetingById(db: Kysely<DB>, meetingId: string, actor: Actor | null): Promise<MeetingRow> {
  const m = MEETING_ID.test(meetingId) ? await repo.byId(db, meetingId) : undefined;
  if (!m) throw new HttpProblem(404, 'errors.notFound');
  return getMeeting(db, m.process_id, meetingId, actor);
}

/** A page of a process's (or group's) meetings a viewer may see; `next` is the cursor for the following page. */
export async function listMeetings(
  db: Kysely<DB>,
  processId: string,
  actor: Actor | null,
  f: { when: 'upcoming' | 'past'; groupId?: string | undefined; after?: string | undefined; limit: number },
  now = new Date(),
): Promise<{ items: MeetingRow[]; next: string | null }> {
  const c = f.after ? decodeCursor(MeetingCursor, f.after) : undefined;
  const after = c ? { startsAt: new Date(c.s), id: c.id } : undefined;
  const rows = await repo.list(db, { processId, groupId: f.groupId, when: f.when, includeMembersOnly: canSee(actor, { processId, membersOnly: true }), after, limit: f.limit + 1, now });
  const items = rows.slice(0, f.limit);
  const last = items.at(-1);
  const next = rows.length > f.limit && last ? encodeCursor({ s: last.starts_at.toISOString(), id: last.id }) : null;
  return { items, next };
}

/** Every public meeting of a process or group, for its calendar feed (members-only ones never appear). */
export const feedMeetings = (db: Kysely<DB>, processId: string, groupId?: string): Promise<MeetingRow[]> => repo.all(db, processId, { groupId, includeMembersOnly: false });

/** Every meeting of a process by start time, members-only ones on request (the CLI, run by an operator). */
export const allMeetings = (db: Kysely<DB>, processId: string, includeMembersOnly: boolean): Promise<MeetingRow[]> => repo.all(db, processId, { includeMembersOnly });

/** A meeting's agenda, in order. */
export const agendaOf = (db: Kysely<DB>, meetingId: string): Promise<AgendaItem[]> => repo.agenda(db, meetingId);
/** How many hold a place and how many wait. */
export const countsOf = (db: Kysely<DB>, meetingId: string) => repo.counts(db, meetingId);

/** The instants a body names; 422 on a time that does not parse or does not exist in the zone, or an end not after the start. */
function times(input: MeetingBody): { starts_at: Date; ends_at: Date } {
  // A time the clocks skip is refused with the one that exists, never moved an hour silently.
  const gap = wallProblem('startsAt', input.startsAt, input.timeZone) ?? wallProblem('endsAt', input.endsAt, input.timeZone);
  if (gap) throw gap;
  const starts = toInstant(input.startsAt, input.timeZone);
  const ends = toInstant(input.endsAt, input.timeZone);
  if (Number.isNaN(starts.getTime())) throw new HttpProblem(422, 'meetings.errors.dateTime', {}, { startsAt: 'meetings.errors.dateTime' });
  if (Number.isNaN(ends.getTime())) throw new HttpProblem(422, 'meetings.errors.dateTime', {}, { endsAt: 'meetings.errors.dateTime' });
  if (ends <= starts) throw new HttpProblem(422, 'meetings.errors.endBeforeStart', {}, { endsAt: 'meetings.errors.endBeforeStart' });
  return { starts_at: starts, ends_at: ends };
}

function columns(input: MeetingBody) {
  return {
    title_en: input.titleEn,
    title_fr: input.titleFr,
    description_en: input.descriptionEn,
    description_fr: input.descriptionFr,
    format: input.format,
    venue: input.venue,
    address: input.address,
    join_url: input.joinUrl,
    stream_url: input.streamUrl,
    timezone: input.timeZone,
    languages: input.languages,
    visibility: input.visibility,
    capacity: input.capacity,
    ...times(input),
  };
}

/** (Re)plan the day-before reminder: the old job is cancelled, a new one queued when the time is still ahead. */
async function planReminder(trx: Kysely<DB>, deps: MeetingsDeps, m: Meeting, now = new Date()): Promise<void> {
  if (m.reminder_job_id) await cancelJob(trx, deps.jobsSchema, QUEUES.meetingReminder, m.reminder_job_id);
  const remindAt = new Date(m.starts_at.getTime() - REMINDER_LEAD_MS);
  const jobId =
    m.status === 'scheduled' && remindAt > now ? await enqueue(trx, deps.jobsSchema, QUEUES.meetingReminder, { meetingId: m.id, startsAt: m.starts_at.toISOString() }, { startAfter: remindAt }) : null;
  await repo.setReminderJob(trx, m.id, jobId);
}

/** Lock a meeting of a process for a change; 404 when it is not that process's, 409 when cancelled. */
async function lockForChange(trx: Kysely<DB>, processId: string, meetingId: string, opts: { allowCancelled?: boolean } = {}): Promise<Meeting> {
  const m = MEETING_ID.test(meetingId) ? await repo.lock(trx, meetingId) : undefined;
  if (!m || m.process_id !== processId) throw new HttpProblem(404, 'errors.notFound');
  if (m.status === 'cancelled' && !opts.allowCancelled) throw new HttpProblem(409, 'meetings.errors.cancelled');
  return m;
}

/** Tell everyone registered or waiting, each in their language. */
async function tellRegistrants(trx: Kysely<DB>, deps: MeetingsDeps, meetingId: string, kind: 'meetingRescheduled' | 'meetingChanged' | 'meetingCancelled'): Promise<void> {
  const row = (await repo.byId(trx, meetingId))!;
  for (const r of await repo.registrants(trx, meetingId)) {
    await mailAboutMeeting(trx, deps.baseUrl, row, { email: r.email, name: r.name, lang: r.preferred_lang, status: r.status }, kind);
  }
}

/**
 * Tell the followers of the process (and of the meeting's group) that something happened to a
 * meeting. Members-only meetings are never announced: followers include the public.
 */
async function announce(trx: Kysely<DB>, deps: MeetingsDeps, m: Meeting, kind: 'scheduled' | 'minutes' | 'recording'): Promise<void> {
  if (m.visibility !== 'public') return;
  const row = (await repo.byId(trx, m.id))!;
  const title = (lang: 'en' | 'fr') => tFor(lang)(`meetings.activity.${kind}`, { title: lang === 'fr' ? m.title_fr : m.title_en });
  await recordActivity(trx, { processId: m.process_id, groupId: m.group_id, kind: `meeting.${kind}`, titleEn: title('en'), titleFr: title('fr'), path: `/processes/${row.process_slug}/meetings/${m.id}` }, deps.baseUrl);
}

/** Schedule a meeting of a process, or of one of its groups (scope from the route). */
export async function scheduleMeeting(deps: MeetingsDeps, actor: Actor, scope: { processId: string; groupId?: string | undefined }, input: MeetingBody): Promise<Meeting> {
  return inTransaction(deps.db, async (trx) => {
    const m = await repo.insert(trx, { id: newId(), process_id: scope.processId, group_id: scope.groupId ?? null, ...columns(input), status: 'scheduled', recording_urls: [], minutes_en: '', minutes_fr: '', created_by: actor.userId });
    await recordAudit(trx, { actorId: actor.userId, action: 'meeting.schedule', entityType: 'meeting', entityId: m.id, processId: m.process_id, after: { ...m } });
    await planReminder(trx, deps, m);
    await announce(trx, deps, m, 'scheduled');
    await indexMeeting(trx, m.id);
    return m;
  });
}

/**
 * Edit or reschedule a meeting. A new time resets and re-plans reminders and tells every
 * registrant (with the updated .ics); a new place, format or link tells them too; more room
 * promotes people from the waiting list.
 */
export async function updateMeeting(deps: MeetingsDeps, actor: Actor, processId: string, meetingId: string, input: MeetingBody): Promise<Meeting> {
  return inTransaction(deps.db, async (trx) => {
    const before = await lockForChange(trx, processId, meetingId);
    const after = await repo.update(trx, meetingId, columns(input));
    await recordAudit(trx, { actorId: actor.userId, action: 'meeting.update', entityType: 'meeting', entityId: meetingId, processId, before: { ...before }, after: { ...after } });
    const moved = before.starts_at.getTime() !== after.starts_at.getTime() || before.ends_at.getTime() !== after.ends_at.getTime() || before.timezone !== after.timezone;
    const changed = (['format', 'venue', 'address', 'join_url'] as const).some((k) => before[k] !== after[k]);
    if (moved) {
      await repo.resetReminders(trx, meetingId);
      await planReminder(trx, deps, after);
    }
    if (moved || changed) await tellRegistrants(trx, deps, meetingId, moved ? 'meetingRescheduled' : 'meetingChanged');
    if (after.capacity === null || (before.capacity !== null && after.capacity > before.capacity)) await promoteWaitlisted(trx, deps.baseUrl, actor.userId, after);
    await indexMeeting(trx, meetingId);
    return after;
  });
}

/** Cancel a meeting: STATUS:CANCELLED with a new SEQUENCE, no reminder, and every registrant told. */
export async function cancelMeeting(deps: MeetingsDeps, actor: Actor, processId: string, meetingId: string): Promise<Meeting> {
  return inTransaction(deps.db, async (trx) => {
    const before = await lockForChange(trx, processId, meetingId);
    const after = await repo.update(trx, meetingId, { status: 'cancelled' });
    await recordAudit(trx, { actorId: actor.userId, action: 'meeting.cancel', entityType: 'meeting', entityId: meetingId, processId, before: { ...before }, after: { ...after } });
    await planReminder(trx, deps, after);
    await tellRegistrants(trx, deps, meetingId, 'meetingCancelled');
    // Still findable, marked cancelled: people look for what happened to a meeting.
    await indexMeeting(trx, meetingId);
    return after;
  });
}

/** Replace the agenda with these items, in this order. */
export async function saveAgenda(deps: MeetingsDeps, actor: Actor, processId: string, meetingId: string, input: AgendaBody): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    await lockForChange(trx, processId, meetingId);
    const before = await repo.agenda(trx, meetingId);
    // Never lose a held meeting's record by accident: erasing what is stored must be said (the
    // form asks first; the API gets a 409). Checked under the lock, so it holds for a race too.
    if (input.items.length === 0 && before.length > 0 && !input.confirmClear) throw new HttpProblem(409, 'meetings.errors.clearAgendaUnconfirmed');
    const items = input.items.map((i, position) => ({ id: newId(), position, title: i.title, title_fr: i.titleFr ?? '', presenter: i.presenter, duration_minutes: i.durationMinutes, document_url: i.documentUrl }));
    await repo.replaceAgenda(trx, meetingId, items);
    await repo.update(trx, meetingId, {});
    await recordAudit(trx, { actorId: actor.userId, action: 'meeting.agenda', entityType: 'meeting', entityId: meetingId, processId, before: { items: before }, after: { items } });
    await indexMeeting(trx, meetingId);
  });
}

/** Post or correct the minutes, in both languages (a cancelled meeting may still have minutes). */
export async function saveMinutes(deps: MeetingsDeps, actor: Actor, processId: string, meetingId: string, input: MinutesBody): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    const before = await lockForChange(trx, processId, meetingId, { allowCancelled: true });
    const emptied = (was: string, next: string) => was.trim() !== '' && next.trim() === '';
    if ((emptied(before.minutes_en, input.minutesEn) || emptied(before.minutes_fr, input.minutesFr)) && !input.confirmClear) throw new HttpProblem(409, 'meetings.errors.clearMinutesUnconfirmed');
    const after = await repo.update(trx, meetingId, { minutes_en: input.minutesEn, minutes_fr: input.minutesFr });
    await recordAudit(trx, { actorId: actor.userId, action: 'meeting.minutes', entityType: 'meeting', entityId: meetingId, processId, before: { ...before }, after: { ...after } });
    // Followers hear when minutes first appear, not about every correction.
    if (!before.minutes_en && !before.minutes_fr && (after.minutes_en || after.minutes_fr)) await announce(trx, deps, after, 'minutes');
    await indexMeeting(trx, meetingId);
  });
}

/** Set the recording links. */
export async function saveRecordings(deps: MeetingsDeps, actor: Actor, processId: string, meetingId: string, urls: string[]): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    const before = await lockForChange(trx, processId, meetingId, { allowCancelled: true });
    const after = await repo.update(trx, meetingId, { recording_urls: [...new Set(urls)] });
    await recordAudit(trx, { actorId: actor.userId, action: 'meeting.recordings', entityType: 'meeting', entityId: meetingId, processId, before: { ...before }, after: { ...after } });
    if (after.recording_urls.some((u) => !before.recording_urls.includes(u))) await announce(trx, deps, after, 'recording');
  });
}
