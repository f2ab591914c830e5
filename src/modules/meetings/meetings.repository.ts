import { type Kysely, type Selectable, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { staffOf, type StaffRole } from '../../platform/auth/staff.repository.js';
import type { MeetingAgendaItemsTable, MeetingRegistrationsTable, MeetingsTable } from './meetings.tables.js';

/** A meeting row. */
export type Meeting = Selectable<MeetingsTable>;
/** One agenda item row. */
export type AgendaItem = Selectable<MeetingAgendaItemsTable>;
/** One registration row. */
export type Registration = Selectable<MeetingRegistrationsTable>;
/** A meeting with the slugs its addresses need. */
export type MeetingRow = Meeting & { process_slug: string; group_slug: string | null };
/** A registration with the person's name and how to write to them. */
/** A registration with the person's name, address, language and staff role in the meeting's process (issue 10). */
export type Registrant = Registration & { name: string; email: string; preferred_lang: 'en' | 'fr'; staff: StaffRole | null };

/** An attendee named in public, and whether they are staff of the meeting's process. */
export interface NamedAttendee {
  name: string;
  staff: StaffRole | null;
}

/** Which meetings a list shows, and from where (a keyset cursor on start time then id). */
export interface ListFilter {
  processId: string;
  groupId?: string | undefined;
  when: 'upcoming' | 'past';
  includeMembersOnly: boolean;
  after?: { startsAt: Date; id: string } | undefined;
  limit: number;
  now: Date;
}

type Editable = Omit<Meeting, 'id' | 'process_id' | 'created_at' | 'updated_at' | 'sequence' | 'reminder_job_id' | 'created_by'>;

const withSlugs = (db: Kysely<DB>) =>
  db
    .selectFrom('meetings as m')
    .innerJoin('processes as p', 'p.id', 'm.process_id')
    .leftJoin('working_groups as g', 'g.id', 'm.group_id')
    .selectAll('m')
    .select(['p.slug as process_slug', 'g.slug as group_slug']);

/** SQL for meetings, their agendas, registrations and attendance. */
export const meetingsRepository = {
  async byId(db: Kysely<DB>, id: string): Promise<MeetingRow | undefined> {
    return withSlugs(db).where('m.id', '=', id).executeTakeFirst();
  },

  /** Lock the meeting row for the rest of the transaction: registrations count against its capacity. */
  async lock(trx: Kysely<DB>, id: string): Promise<Meeting | undefined> {
    return trx.selectFrom('meetings').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  async insert(db: Kysely<DB>, row: Omit<Meeting, 'created_at' | 'updated_at' | 'sequence' | 'reminder_job_id'>): Promise<Meeting> {
    return db.insertInto('meetings').values({ ...row, sequence: 0, reminder_job_id: null, updated_at: new Date() }).returningAll().executeTakeFirstOrThrow();
  },

  /** Change a meeting; every change raises its iCalendar SEQUENCE, so calendars replace their copy. */
  async update(db: Kysely<DB>, id: string, set: Partial<Editable>): Promise<Meeting> {
    return db
      .updateTable('meetings')
      .set((eb) => ({ ...set, sequence: eb('sequence', '+', 1), updated_at: new Date() }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async setReminderJob(db: Kysely<DB>, id: string, jobId: string | null): Promise<void> {
    await db.updateTable('meetings').set({ reminder_job_id: jobId }).where('id', '=', id).execute();
  },

  /** One page of a process's (or a group's) meetings: upcoming soonest first, past latest first. */
  async list(db: Kysely<DB>, f: ListFilter): Promise<MeetingRow[]> {
    const upcoming = f.when === 'upcoming';
    let q = withSlugs(db).where('m.process_id', '=', f.processId);
    if (f.groupId) q = q.where('m.group_id', '=', f.groupId);
    if (!f.includeMembersOnly) q = q.where('m.visibility', '=', 'public');
    q = upcoming ? q.where('m.ends_at', '>', f.now) : q.where('m.ends_at', '<=', f.now);
    if (f.after) {
      const { startsAt, id } = f.after;
      q = upcoming ? q.where(sql<boolean>`(m.starts_at, m.id) > (${startsAt}, ${id})`) : q.where(sql<boolean>`(m.starts_at, m.id) < (${startsAt}, ${id})`);
    }
    const dir = upcoming ? 'asc' : 'desc';
    return q.orderBy('m.starts_at', dir).orderBy('m.id', dir).limit(f.limit).execute();
  },

  /** Every meeting of a process or group by start time, for feeds and the CLI (a process holds tens to hundreds). */
  async all(db: Kysely<DB>, processId: string, f: { groupId?: string | undefined; includeMembersOnly: boolean }): Promise<MeetingRow[]> {
    let q = withSlugs(db).where('m.process_id', '=', processId);
    if (!f.includeMembersOnly) q = q.where('m.visibility', '=', 'public');
    if (f.groupId) q = q.where('m.group_id', '=', f.groupId);
    return q.orderBy('m.starts_at').orderBy('m.id').execute();
  },

  async agenda(db: Kysely<DB>, meetingId: string): Promise<AgendaItem[]> {
    return db.selectFrom('meeting_agenda_items').selectAll().where('meeting_id', '=', meetingId).orderBy('position').execute();
  },

  async replaceAgenda(db: Kysely<DB>, meetingId: string, items: Omit<AgendaItem, 'meeting_id'>[]): Promise<void> {
    await db.deleteFrom('meeting_agenda_items').where('meeting_id', '=', meetingId).execute();
    if (items.length) await db.insertInto('meeting_agenda_items').values(items.map((i) => ({ ...i, meeting_id: meetingId }))).execute();
  },

  async registration(db: Kysely<DB>, meetingId: string, userId: string): Promise<Registration | undefined> {
    return db.selectFrom('meeting_registrations').selectAll().where('meeting_id', '=', meetingId).where('user_id', '=', userId).executeTakeFirst();
  },

  async insertRegistration(db: Kysely<DB>, row: Omit<Registration, 'reminded_at'>): Promise<Registration> {
    return db.insertInto('meeting_registrations').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async deleteRegistration(db: Kysely<DB>, meetingId: string, userId: string): Promise<Registration | undefined> {
    return db.deleteFrom('meeting_registrations').where('meeting_id', '=', meetingId).where('user_id', '=', userId).returningAll().executeTakeFirst();
  },

  /** Registered and waitlisted counts of one meeting: a small aggregate over an indexed range. */
  async counts(db: Kysely<DB>, meetingId: string): Promise<{ registered: number; waitlisted: number }> {
    const rows = await db
      .selectFrom('meeting_registrations')
      .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('meeting_id', '=', meetingId)
      .groupBy('status')
      .execute();
    const n = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
    return { registered: n('registered'), waitlisted: n('waitlisted') };
  },

  /** A waitlisted registration's place in the queue, from 1. */
  async waitlistPosition(db: Kysely<DB>, meetingId: string, registrationId: string): Promise<number> {
    const r = await db
      .selectFrom('meeting_registrations')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('meeting_id', '=', meetingId)
      .where('status', '=', 'waitlisted')
      .where('id', '<=', registrationId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  /** The first people on the waiting list, in the order they asked. */
  async nextWaitlisted(db: Kysely<DB>, meetingId: string, limit: number): Promise<Registration[]> {
    if (limit <= 0) return [];
    return db.selectFrom('meeting_registrations').selectAll().where('meeting_id', '=', meetingId).where('status', '=', 'waitlisted').orderBy('id').limit(limit).execute();
  },

  async promote(db: Kysely<DB>, ids: string[]): Promise<void> {
    if (ids.length) await db.updateTable('meeting_registrations').set({ status: 'registered' }).where('id', 'in', ids).execute();
  },

  /**
   * Everyone registered or waiting, with their names and addresses, in registration order.
   * Their language is the one they chose on joining the meeting's process, else their account's.
   */
  async registrants(db: Kysely<DB>, meetingId: string, userId?: string): Promise<Registrant[]> {
    let q = db
      .selectFrom('meeting_registrations as r')
      .innerJoin('meetings as m', 'm.id', 'r.meeting_id')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .leftJoin('process_members as pm', (j) => j.onRef('pm.process_id', '=', 'm.process_id').onRef('pm.user_id', '=', 'r.user_id'))
      .selectAll('r')
      .select(['u.name', 'u.email', sql<'en' | 'fr'>`coalesce(pm.preferred_lang, u.preferred_lang)`.as('preferred_lang'), staffOf('r.user_id', { column: 'm.process_id' }).as('staff')])
      .where('r.meeting_id', '=', meetingId);
    if (userId) q = q.where('r.user_id', '=', userId);
    return q.orderBy('r.id').execute();
  },

  async markReminded(db: Kysely<DB>, ids: string[]): Promise<void> {
    if (ids.length) await db.updateTable('meeting_registrations').set({ reminded_at: new Date() }).where('id', 'in', ids).execute();
  },

  /** A meeting that moves needs its reminders again. */
  async resetReminders(db: Kysely<DB>, meetingId: string): Promise<void> {
    await db.updateTable('meeting_registrations').set({ reminded_at: null }).where('meeting_id', '=', meetingId).execute();
  },

  async attendeeIds(db: Kysely<DB>, meetingId: string): Promise<string[]> {
    return (await db.selectFrom('meeting_attendance').select('user_id').where('meeting_id', '=', meetingId).execute()).map((r) => r.user_id);
  },

  /** Who attended each of these meetings. */
  async attendanceOf(db: Kysely<DB>, meetingIds: string[]): Promise<{ meeting_id: string; user_id: string }[]> {
    if (!meetingIds.length) return [];
    return db.selectFrom('meeting_attendance').select(['meeting_id', 'user_id']).where('meeting_id', 'in', meetingIds).execute();
  },

  async addAttendance(db: Kysely<DB>, rows: { id: string; meeting_id: string; user_id: string; marked_by: string | null; created_at: Date }[]): Promise<void> {
    if (rows.length) await db.insertInto('meeting_attendance').values(rows).onConflict((oc) => oc.doNothing()).execute();
  },

  async removeAttendance(db: Kysely<DB>, meetingId: string, userIds: string[]): Promise<void> {
    if (userIds.length) await db.deleteFrom('meeting_attendance').where('meeting_id', '=', meetingId).where('user_id', 'in', userIds).execute();
  },

  /**
   * Attendees who agreed, at registration, to be named, with whether each is staff of the
   * meeting's process (issue 10: the badge comes from role facts, in this same statement).
   */
  async namedAttendees(db: Kysely<DB>, meetingId: string): Promise<NamedAttendee[]> {
    return db
      .selectFrom('meeting_attendance as a')
      .innerJoin('meeting_registrations as r', (j) => j.onRef('r.meeting_id', '=', 'a.meeting_id').onRef('r.user_id', '=', 'a.user_id'))
      .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .select(['u.name', staffOf('a.user_id', { column: 'm.process_id' }).as('staff')])
      .where('a.meeting_id', '=', meetingId)
      .where('r.show_name', '=', true)
      .orderBy('u.name')
      .execute();
  },

  /**
   * People a chair may mark as present: the registrants, anyone already marked, and the
   * members of the meeting's group (of the whole process, for a process's own meeting).
   */
  async attendanceCandidates(db: Kysely<DB>, m: { id: string; process_id: string; group_id: string | null }): Promise<{ user_id: string; name: string }[]> {
    const meetingId = m.id;
    // A union of ids, then the users by primary key: never a walk over every account.
    return db
      .selectFrom('users as u')
      .select(['u.id as user_id', 'u.name'])
      .where('u.id', 'in', (eb) => {
        const ids = eb
          .selectFrom('meeting_registrations')
          .select('user_id')
          .where('meeting_id', '=', meetingId)
          .union(eb.selectFrom('meeting_attendance').select('user_id').where('meeting_id', '=', meetingId));
        return m.group_id
          ? ids.union(eb.selectFrom('working_group_members').select('user_id').where('group_id', '=', m.group_id))
          : ids.union(eb.selectFrom('process_members').select('user_id').where('process_id', '=', m.process_id));
      })
      .orderBy('u.name')
      .orderBy('u.id')
      .execute();
  },
};
