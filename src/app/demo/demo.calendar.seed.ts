import type { Kysely } from 'kysely';
import type { DB, User } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/roles.js';
import { MeetingBody, saveAgenda, saveMinutes, saveRecordings, scheduleMeeting, setAttendance } from '../../modules/meetings/index.js';
import { groupMemberIds } from '../../modules/groups/index.js';
import { getCall, moderate, openCall, submit } from '../../modules/calls/index.js';
import type { Process } from '../../modules/processes/index.js';
import { jobsSchemaFor } from '../../platform/jobs/queue.js';
import { DEMO_CALL, DEMO_MEETINGS, demoMinutes } from './demo.calendar.js';

/**
 * The demo's meetings (agendas, recordings, minutes, attendance) and its call for input
 * with the three accepted reports.
 */
export async function seedCalendar(
  db: Kysely<DB>,
  ctx: { admin: Actor; process: Process; groupIds: Map<string, string>; people: { user: User; sector: string; org: string }[]; baseUrl: string; schema?: string | undefined; rand: () => number },
): Promise<void> {
  const deps = { db, baseUrl: ctx.baseUrl, jobsSchema: jobsSchemaFor(ctx.schema) };
  const { admin, process } = ctx;
  const allIds = ctx.people.map((p) => p.user.id);
  for (const [i, m] of DEMO_MEETINGS.entries()) {
    const groupId = m.group ? ctx.groupIds.get(m.group) : undefined;
    const body = MeetingBody.parse({
      titleEn: m.titleEn,
      titleFr: m.titleFr,
      format: m.format,
      venue: m.venue,
      address: m.address,
      joinUrl: m.format === 'in_person' ? null : `https://meet.concord.example/iot-2018/${i + 1}`,
      streamUrl: m.format === 'virtual' ? null : `https://stream.concord.example/iot-2018/${i + 1}`,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      timeZone: m.timeZone,
      languages: 'both',
      visibility: 'public',
      capacity: m.format === 'virtual' ? null : 150,
    });
    const meeting = await scheduleMeeting(deps, admin, { processId: process.id, groupId }, body);
    await saveAgenda(deps, admin, process.id, meeting.id, { items: m.agenda.map(([title, presenter, minutes]) => ({ title, presenter, durationMinutes: minutes, documentUrl: null })) });
    const candidates = groupId ? await groupMemberIds(db, groupId) : allIds;
    const attended = candidates.filter(() => ctx.rand() < 0.6);
    await setAttendance(db, admin, process.id, meeting.id, attended);
    await saveRecordings(deps, admin, process.id, meeting.id, [`https://video.concord.example/iot-2018/meeting-${i + 1}`]);
    const minutes = demoMinutes(m, attended.length);
    await saveMinutes(deps, admin, process.id, meeting.id, { minutesEn: minutes.en, minutesFr: minutes.fr });
  }

  const call = await openCall(db, admin, process.id, DEMO_CALL, ctx.baseUrl);
  for (const r of DEMO_CALL.reports) {
    const author = ctx.people.find((p) => p.org === r.organisation) ?? ctx.people[0]!;
    const actor: Actor = { userId: author.user.id, name: author.user.name, email: author.user.email, lang: author.user.preferred_lang, emailConfirmed: true, isAdmin: false, processRoles: new Map(), groupRoles: new Map(), organisationRoles: new Map(), installationRoles: new Set() };
    const submission = await submit(db, actor, process, call.id, { title: r.title, lang: r.lang, organisationName: r.organisation, text: r.text }, undefined, { now: new Date(r.at) });
    await moderate(db, admin, process, await getCall(db, process.id, call.id), submission.id, { decision: 'accept', reason: '' }, ctx.baseUrl);
  }
}
