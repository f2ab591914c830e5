import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getProcess, processScope } from '../processes/index.js';
import { staffRoleOut } from '../../platform/auth/staff.presenter.js';
import { AttendanceBody, AttendanceOut, Message, MeetingParams, RegisterBody, RegistrantsOut, RegistrationOut } from './meetings.schema.js';
import { getMeeting } from './meetings.service.js';
import * as registrations from './registrations.service.js';
import { presentAttendance, presentRegistration } from './meetings.presenter.js';
import { meetingFromParams } from './meetings.routes.js';

/** Registration (with a waiting list) and attendance through the JSON API. */
export const registrationsApi: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.db;
  const base = () => app.deps.config.baseUrl;
  const tags = ['meetings'];
  const scoped = { scope: meetingFromParams };

  app.post(
    '/processes/:processSlug/meetings/:meetingId/registration',
    {
      config: { policy: 'meeting.register' },
      schema: { tags, summary: 'Register for a meeting (confirmed email; members-only meetings: process members). Past capacity you join the waiting list', params: MeetingParams, body: RegisterBody, response: { 200: RegistrationOut } },
    },
    async (req) => {
      const m = await getMeeting(db(), (await processScope(db(), req.params.processSlug)).processId, req.params.meetingId, req.actor);
      return presentRegistration(await registrations.register(db(), base(), req.actor!, m.id, req.body));
    },
  );

  app.delete(
    '/processes/:processSlug/meetings/:meetingId/registration',
    { config: { policy: 'meeting.unregister' }, schema: { tags, summary: 'Give up your place (the next person waiting gets it)', params: MeetingParams, response: { 200: Message } } },
    async (req) => {
      const m = await getMeeting(db(), (await processScope(db(), req.params.processSlug)).processId, req.params.meetingId, req.actor);
      await registrations.unregister(db(), base(), req.actor!, m.id);
      return { message: req.t('meetings.unregistered') };
    },
  );

  app.get(
    '/processes/:processSlug/meetings/:meetingId/registrations',
    { config: { policy: 'meeting.attendance', ...scoped }, schema: { tags, summary: 'Who registered or waits, and who attended (chairs, conveners)', params: MeetingParams, response: { 200: RegistrantsOut } } },
    async (req) => {
      const m = await getMeeting(db(), req.policyContext.processId!, req.params.meetingId, req.actor);
      const [people, attended] = await Promise.all([registrations.registrantsOf(db(), m.id), registrations.attendeeIds(db(), m.id)]);
      return { items: people.map((r) => ({ userId: r.user_id, name: r.name, staffRole: staffRoleOut(r.staff), status: r.status, showName: r.show_name, attended: attended.includes(r.user_id) })) };
    },
  );

  app.put(
    '/processes/:processSlug/meetings/:meetingId/attendance',
    { config: { policy: 'meeting.attendance', ...scoped }, schema: { tags, summary: 'Record who attended (registrants and group members), replacing the list', params: MeetingParams, body: AttendanceBody, response: { 200: AttendanceOut } } },
    async (req) => {
      const processId = req.policyContext.processId!;
      await registrations.setAttendance(db(), req.actor!, processId, req.params.meetingId, req.body.userIds);
      const d = await getProcess(db(), req.params.processSlug);
      return presentAttendance(await registrations.attendanceSummary(db(), processId, req.params.meetingId, d.stakeholderGroups));
    },
  );

  app.get(
    '/processes/:processSlug/meetings/:meetingId/attendance',
    { config: { policy: 'public.read' }, schema: { tags, summary: 'Attendance by stakeholder group, and the names of those who agreed to be named', params: MeetingParams, response: { 200: AttendanceOut } } },
    async (req) => {
      const d = await getProcess(db(), req.params.processSlug);
      const m = await getMeeting(db(), d.process.id, req.params.meetingId, req.actor);
      return presentAttendance(await registrations.attendanceSummary(db(), d.process.id, m.id, d.stakeholderGroups));
    },
  );
};
