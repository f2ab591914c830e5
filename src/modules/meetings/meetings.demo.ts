import type { DemoSeeder } from '../../platform/demo/seeders.js';
import { jobsSchemaFor } from '../../platform/jobs/queue.js';
import { groupMemberIds } from '../groups/index.js';
import { MeetingBody } from './meetings.schema.js';
import { saveAgenda, saveMinutes, saveRecordings, scheduleMeeting } from './meetings.service.js';
import { register, setAttendance } from './registrations.service.js';
import { toInstant } from '../../platform/time/zoned.js';
import { dayOf, daysAfter, demoActor, frenchTypography, seeded } from '../../platform/demo/kit.js';
import { DEMO_MEETINGS, demoMinutes, LIVE_MEETING } from './meetings.demo.texts.js';

/** A demo agenda as the form gives it: each title in both languages, the French with French spacing. */
function agendaItems(agenda: readonly (readonly [string, string, string, number])[]) {
  return agenda.map(([title, titleFr, presenter, minutes]) => ({ title, titleFr: frenchTypography(titleFr), presenter, durationMinutes: minutes, documentUrl: null }));
}

/**
 * The demo's meetings, 2018–April 2019: plenaries, workshops and the working groups' calls,
 * each with its agenda, registrations in the week before, attendance (drawn from the story's
 * random sequence), recording and minutes. Then the live process's next meeting, ten days after the demo is loaded, with the
 * first registrations (the demo sign-ins may add theirs).
 */
export const meetingsDemo: DemoSeeder = {
  after: ['participants', 'groups'],
  async seed(ctx) {
    const { db, admin } = ctx;
    const process = ctx.get('process');
    const groupIds = ctx.get('workingGroups');
    const deps = { db, baseUrl: ctx.baseUrl, jobsSchema: jobsSchemaFor(ctx.schema) };
    const people = ctx.get('people');
    const allIds = people.map((p) => p.user.id);
    const personById = new Map([...people.map((p) => [p.user.id, p.user] as const), [ctx.member.id, ctx.member] as const]);
    // Who registered but did not come: drawn from a sequence of its own, so the shared one (and
    // with it who attended) is what it was before registrations were seeded.
    const noShow = seeded(2020);
    for (const [i, m] of DEMO_MEETINGS.entries()) {
      const groupId = m.group ? groupIds.get(m.group) : undefined;
      // Announced with its agenda two weeks ahead; attendance, recording and minutes the day after.
      const startsAt = toInstant(m.startsAt, m.timeZone);
      ctx.storyAt(daysAfter(startsAt, -14));
      const body = MeetingBody.parse({
        titleEn: m.titleEn,
        titleFr: frenchTypography(m.titleFr),
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
      await saveAgenda(deps, admin, process.id, meeting.id, { items: agendaItems(m.agenda) });
      const candidates = groupId ? await groupMemberIds(db, groupId) : allIds;
      const attended = candidates.filter(() => ctx.rand() < 0.6);
      // Everyone who came had registered in the week before, and a few more who did not come.
      const registrants = candidates.filter((id) => attended.includes(id) || noShow() < 0.15);
      for (const [k, id] of registrants.entries()) {
        const regAt = daysAfter(startsAt, -7 + (k / registrants.length) * 6);
        ctx.storyAt(regAt);
        await register(db, ctx.baseUrl, demoActor(personById.get(id)!, { in: process.id, roles: ['member'] }), meeting.id, { showName: noShow() < 0.5 }, regAt, { skipMail: true });
      }
      const markedAt = daysAfter(toInstant(m.endsAt, m.timeZone), 1);
      ctx.storyAt(markedAt);
      await setAttendance(db, admin, process.id, meeting.id, attended, markedAt);
      await saveRecordings(deps, admin, process.id, meeting.id, [`https://video.concord.example/iot-2018/meeting-${i + 1}`]);
      const minutes = demoMinutes(m, attended.length);
      await saveMinutes(deps, admin, process.id, meeting.id, { minutesEn: minutes.en, minutesFr: frenchTypography(minutes.fr) });
    }

    const live = ctx.get('liveProcess');
    const day = dayOf(daysAfter(ctx.now, LIVE_MEETING.inDays));
    ctx.storyAt(daysAfter(ctx.now, -6));
    const next = await scheduleMeeting(
      deps,
      admin,
      { processId: live.id },
      MeetingBody.parse({
        titleEn: LIVE_MEETING.titleEn,
        titleFr: frenchTypography(LIVE_MEETING.titleFr),
        format: 'hybrid',
        venue: 'Ottawa Public Library, Main Branch',
        address: '120 Metcalfe Street, Ottawa, ON',
        joinUrl: 'https://meet.concord.example/iot-labels/1',
        streamUrl: 'https://stream.concord.example/iot-labels/1',
        startsAt: `${day}T${LIVE_MEETING.start}`,
        endsAt: `${day}T${LIVE_MEETING.end}`,
        timeZone: 'America/Toronto',
        languages: 'both',
        visibility: 'public',
        capacity: 80,
      }),
    );
    await saveAgenda(deps, admin, live.id, next.id, { items: agendaItems(LIVE_MEETING.agenda) });
    for (const [i, p] of ctx.get('livePeople').slice(0, 12).entries()) {
      const regAt = daysAfter(ctx.now, -5 + i * 0.4);
      ctx.storyAt(regAt);
      await register(db, ctx.baseUrl, demoActor(p.user, { in: live.id, roles: ['member'] }), next.id, { showName: p.user.preferred_lang === 'en' }, regAt);
    }
  },
};
