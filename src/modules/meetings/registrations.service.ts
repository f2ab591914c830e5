import type { Kysely } from 'kysely';
import { inTransaction } from '../../platform/db/tx.js';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/roles.js';
import { newId } from '../../platform/lib/ids.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { StakeholderGroup } from '../processes/index.js';
import { balance, memberStakeholderGroups, type BalanceRow } from '../participants/index.js';
import { meetingsRepository as repo, type Meeting, type NamedAttendee, type Registrant, type Registration } from './meetings.repository.js';
import type { RegisterBody } from './meetings.schema.js';
import { mailAboutMeeting } from './meetings.mail.js';
import { canSee } from '../../platform/auth/policies.js';

/** A registration and, on the waiting list, its place (from 1). */
export interface RegistrationState {
  registration: Registration;
  position: number | null;
}

/** The person's registration for a meeting, with their place on the waiting list; undefined when none. */
export async function registrationOf(db: Kysely<DB>, meetingId: string, userId: string): Promise<RegistrationState | undefined> {
  const registration = await repo.registration(db, meetingId, userId);
  if (!registration) return undefined;
  return { registration, position: registration.status === 'waitlisted' ? await repo.waitlistPosition(db, meetingId, registration.id) : null };
}

/**
 * Register the signed-in person. Past capacity they join the waiting list. They get an email
 * (with the .ics when they hold a place). Registering again changes nothing. `skipMail` is for
 * seeding history (the demo's past meetings), never for people.
 */
export async function register(db: Kysely<DB>, baseUrl: string, actor: Actor, meetingId: string, input: RegisterBody, now = new Date(), opts: { skipMail?: boolean } = {}): Promise<RegistrationState> {
  return inTransaction(db, async (trx) => {
    const m = await repo.lock(trx, meetingId);
    if (!m || !canSee(actor, { processId: m.process_id, membersOnly: m.visibility === 'members' })) throw new HttpProblem(404, 'errors.notFound');
    if (m.status === 'cancelled') throw new HttpProblem(409, 'meetings.errors.cancelled');
    if (m.ends_at <= now) throw new HttpProblem(409, 'meetings.errors.over');
    const existing = await registrationOf(trx, meetingId, actor.userId);
    if (existing) return existing;
    const { registered } = await repo.counts(trx, meetingId);
    const status = m.capacity === null || registered < m.capacity ? 'registered' : 'waitlisted';
    const registration = await repo.insertRegistration(trx, { id: newId(), meeting_id: meetingId, user_id: actor.userId, status, show_name: input.showName, created_at: now });
    await recordAudit(trx, { actorId: actor.userId, action: 'meeting.register', entityType: 'meeting_registration', entityId: registration.id, processId: m.process_id, after: { ...registration } });
    if (opts.skipMail) return { registration, position: status === 'waitlisted' ? await repo.waitlistPosition(trx, meetingId, registration.id) : null };
    const row = (await repo.byId(trx, meetingId))!;
    const [me] = await repo.registrants(trx, meetingId, actor.userId);
    await mailAboutMeeting(trx, baseUrl, row, { email: me!.email, name: me!.name, lang: me!.preferred_lang, status }, status === 'registered' ? 'meetingConfirmation' : 'meetingWaitlisted');
    return { registration, position: status === 'waitlisted' ? await repo.waitlistPosition(trx, meetingId, registration.id) : null };
  });
}

/** Give up a place (or leave the waiting list); a freed place goes to the next person waiting. */
export async function unregister(db: Kysely<DB>, baseUrl: string, actor: Actor, meetingId: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const m = await repo.lock(trx, meetingId);
    if (!m) throw new HttpProblem(404, 'errors.notFound');
    const gone = await repo.deleteRegistration(trx, meetingId, actor.userId);
    if (!gone) return;
    await recordAudit(trx, { actorId: actor.userId, action: 'meeting.unregister', entityType: 'meeting_registration', entityId: gone.id, processId: m.process_id, before: { ...gone } });
    if (gone.status === 'registered') await promoteWaitlisted(trx, baseUrl, actor.userId, m);
  });
}

/**
 * Fill free places from the waiting list, in the order people asked, and tell each one (with
 * the .ics). Call with the meeting row locked.
 */
export async function promoteWaitlisted(trx: Kysely<DB>, baseUrl: string, actorId: string | null, m: Meeting): Promise<number> {
  if (m.status === 'cancelled') return 0;
  const { registered, waitlisted } = await repo.counts(trx, m.id);
  const free = m.capacity === null ? waitlisted : Math.min(waitlisted, m.capacity - registered);
  const next = await repo.nextWaitlisted(trx, m.id, free);
  if (next.length === 0) return 0;
  await repo.promote(
    trx,
    next.map((r) => r.id),
  );
  const row = (await repo.byId(trx, m.id))!;
  const people = new Map((await repo.registrants(trx, m.id)).map((r) => [r.id, r]));
  for (const r of next) {
    await recordAudit(trx, { actorId, action: 'meeting.promote', entityType: 'meeting_registration', entityId: r.id, processId: m.process_id, before: { ...r }, after: { ...r, status: 'registered' } });
    const p = people.get(r.id)!;
    await mailAboutMeeting(trx, baseUrl, row, { email: p.email, name: p.name, lang: p.preferred_lang, status: 'registered' }, 'meetingPromoted');
  }
  return next.length;
}

/** Everyone registered or waiting, in registration order. */
export const registrantsOf = (db: Kysely<DB>, meetingId: string): Promise<Registrant[]> => repo.registrants(db, meetingId);
/** People a chair may mark as present. */
export const attendanceCandidates = (db: Kysely<DB>, m: Meeting) => repo.attendanceCandidates(db, m);
/** The people marked as present. */
export const attendeeIds = (db: Kysely<DB>, meetingId: string) => repo.attendeeIds(db, meetingId);

/**
 * Record who attended, replacing the list before: only registrants and members of the
 * meeting's group (or process) can be marked, and only once the meeting has started.
 */
export async function setAttendance(db: Kysely<DB>, actor: Actor, processId: string, meetingId: string, userIds: string[], now = new Date()): Promise<void> {
  await inTransaction(db, async (trx) => {
    const m = await repo.lock(trx, meetingId);
    if (!m || m.process_id !== processId) throw new HttpProblem(404, 'errors.notFound');
    if (m.starts_at > now) throw new HttpProblem(409, 'meetings.errors.notStarted');
    const allowed = new Set((await repo.attendanceCandidates(trx, m)).map((c) => c.user_id));
    const wanted = [...new Set(userIds)];
    if (wanted.some((id) => !allowed.has(id))) throw new HttpProblem(422, 'meetings.errors.notCandidate', {}, { userIds: 'meetings.errors.notCandidate' });
    const before = await repo.attendeeIds(trx, meetingId);
    await repo.addAttendance(
      trx,
      wanted.filter((id) => !before.includes(id)).map((user_id) => ({ id: newId(), meeting_id: meetingId, user_id, marked_by: actor.userId, created_at: now })),
    );
    await repo.removeAttendance(
      trx,
      meetingId,
      before.filter((id) => !wanted.includes(id)),
    );
    await recordAudit(trx, { actorId: actor.userId, action: 'meeting.attendance', entityType: 'meeting', entityId: meetingId, processId, before: { attendees: [...before].sort() }, after: { attendees: [...wanted].sort() } });
  });
}

/** Attendance as the public sees it: the total, counts by stakeholder group, and the names of those who agreed. */
export interface AttendanceSummary {
  total: number;
  rows: BalanceRow[];
  /** Those who agreed to be named, with their staff role in the process (for the badge). */
  names: NamedAttendee[];
}

/** Who attended, counted by stakeholder group (people outside the process count in the total only). */
export async function attendanceSummary(db: Kysely<DB>, processId: string, meetingId: string, groups: StakeholderGroup[]): Promise<AttendanceSummary> {
  const ids = await repo.attendeeIds(db, meetingId);
  const [bal, names] = await Promise.all([balance(db, processId, groups, ids), repo.namedAttendees(db, meetingId)]);
  return { total: ids.length, rows: bal.rows, names };
}

/**
 * Attendance of many meetings at once, for reports: per meeting, how many attended and how
 * many of them per stakeholder group (by group key; people who are not members count in the
 * total only, as in attendanceSummary). Two queries whatever the number of meetings.
 */
export async function attendanceByMeeting(db: Kysely<DB>, processId: string, meetingIds: string[], groups: StakeholderGroup[]): Promise<Map<string, { total: number; byGroup: Map<string, number> }>> {
  const rows = await repo.attendanceOf(db, meetingIds);
  const groupOf = await memberStakeholderGroups(db, processId, [...new Set(rows.map((r) => r.user_id))]);
  const keyOf = new Map(groups.map((g) => [g.id, g.key]));
  const out = new Map(meetingIds.map((id) => [id, { total: 0, byGroup: new Map<string, number>() }]));
  for (const r of rows) {
    const m = out.get(r.meeting_id)!;
    m.total++;
    const key = keyOf.get(groupOf.get(r.user_id) ?? '');
    if (key) m.byGroup.set(key, (m.byGroup.get(key) ?? 0) + 1);
  }
  return out;
}

/**
 * The `meeting.reminder` job: write the day-before reminder to everyone holding a place who
 * has not had one. A job for a time the meeting no longer has, or for a cancelled meeting,
 * does nothing; running twice sends nothing twice.
 */
export async function sendReminders(db: Kysely<DB>, baseUrl: string, job: { meetingId: string; startsAt: string }): Promise<number> {
  return inTransaction(db, async (trx) => {
    const m = await repo.lock(trx, job.meetingId);
    if (!m || m.status === 'cancelled' || m.starts_at.toISOString() !== job.startsAt) return 0;
    const due = (await repo.registrants(trx, m.id)).filter((r) => r.status === 'registered' && r.reminded_at === null);
    if (due.length === 0) return 0;
    const row = (await repo.byId(trx, m.id))!;
    for (const r of due) await mailAboutMeeting(trx, baseUrl, row, { email: r.email, name: r.name, lang: r.preferred_lang, status: 'registered' }, 'meetingReminder');
    await repo.markReminded(
      trx,
      due.map((r) => r.id),
    );
    await recordAudit(trx, { actorId: null, action: 'meeting.remind', entityType: 'meeting', entityId: m.id, processId: m.process_id, after: { reminded: due.map((r) => r.id) } });
    return due.length;
  });
}
