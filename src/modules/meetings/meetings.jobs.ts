import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { defineJob } from '../../platform/jobs/define.js';
import { QUEUES } from '../../platform/jobs/queue.js';
import { sendReminders } from './registrations.service.js';

/** What a `meeting.reminder` job carries: the meeting, and the start time it was planned for. */
export interface MeetingReminderJob {
  meetingId: string;
  startsAt: string;
}

/**
 * Handle one `meeting.reminder` job: the day-before email to everyone holding a place.
 * Tests call this directly; in the server, pg-boss calls it when the job is due.
 */
export async function handleMeetingReminder(deps: { db: Kysely<DB>; baseUrl: string }, job: MeetingReminderJob): Promise<{ sent: number }> {
  return { sent: await sendReminders(deps.db, deps.baseUrl, job) };
}

/** The reminder job, enqueued with each meeting (meetings.service) for the day before it. */
export const meetingReminderJob = defineJob<MeetingReminderJob>({
  queue: QUEUES.meetingReminder,
  done: 'meeting reminders written',
  handle: (ctx, data) => handleMeetingReminder(ctx, data),
});
