import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { processScope, processRecords } from '../processes/index.js';
import { getGroup, groupFromParams } from '../groups/index.js';
import { AgendaBody, GroupParams, ListQuery, MeetingBody, MeetingOut, MeetingPage, MeetingParams, MinutesBody, ProcessParams, RecordingsBody } from './meetings.schema.js';
import * as meetings from './meetings.service.js';
import { presentMeeting, presentMeetingSummary } from './meetings.presenter.js';

/** Resolve `:processSlug/:meetingId` for the policy hook: the meeting's process and group. */
export const meetingFromParams = (req: FastifyRequest) => {
  const p = req.params as { processSlug: string; meetingId: string };
  return meetings.meetingScope(req.server.deps.db, p.processSlug, p.meetingId);
};

/** Meetings through the JSON API: listing, scheduling, editing, cancelling, agenda, minutes, recordings. */
export const meetingsApi: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.db;
  const deps = () => meetings.meetingsDeps(app.deps);
  const base = () => app.deps.config.baseUrl;
  const tags = ['meetings'];
  const scoped = { scope: meetingFromParams };
  /** The meeting as the API shows it after a change. */
  const present = async (processId: string, meetingId: string, req: FastifyRequest) => {
    const m = await meetings.getMeeting(db(), processId, meetingId, req.actor);
    const [agenda, counts] = await Promise.all([meetings.agendaOf(db(), m.id), meetings.countsOf(db(), m.id)]);
    return presentMeeting(m, agenda, counts, base());
  };

  app.get(
    '/processes/:processSlug/meetings',
    {
      config: { policy: 'public.read' },
      schema: { tags, summary: 'Meetings of a process, upcoming (soonest first) or past (latest first); members-only ones for members only', params: ProcessParams, querystring: ListQuery, response: { 200: MeetingPage } },
    },
    async (req) => {
      const { processId } = await processScope(db(), req.params.processSlug);
      const groupId = req.query.group ? (await getGroup(db(), processId, req.query.group)).group.id : undefined;
      const page = await meetings.listMeetings(db(), processId, req.actor, { ...req.query, groupId });
      return { items: page.items.map((m) => presentMeetingSummary(m, base())), next: page.next };
    },
  );

  app.post(
    '/processes/:processSlug/meetings',
    {
      config: { policy: 'meeting.schedule', scope: processRecords },
      schema: { tags, summary: 'Schedule a meeting of the process (conveners, oversight)', params: ProcessParams, body: MeetingBody, response: { 201: MeetingOut } },
    },
    async (req, reply) => {
      const m = await meetings.scheduleMeeting(deps(), req.actor!, req.policyContext as { processId: string }, req.body);
      return reply.status(201).send(await present(m.process_id, m.id, req));
    },
  );

  app.post(
    '/processes/:processSlug/groups/:groupSlug/meetings',
    {
      config: { policy: 'meeting.schedule', scope: groupFromParams },
      schema: { tags, summary: 'Schedule a meeting of a working group (its chairs, conveners, oversight)', params: GroupParams, body: MeetingBody, response: { 201: MeetingOut } },
    },
    async (req, reply) => {
      const m = await meetings.scheduleMeeting(deps(), req.actor!, req.policyContext as { processId: string; groupId: string }, req.body);
      return reply.status(201).send(await present(m.process_id, m.id, req));
    },
  );

  app.get(
    '/processes/:processSlug/meetings/:meetingId',
    { config: { policy: 'public.read' }, schema: { tags, summary: 'One meeting, with its agenda, minutes and registration counts', params: MeetingParams, response: { 200: MeetingOut } } },
    async (req) => present((await processScope(db(), req.params.processSlug)).processId, req.params.meetingId, req),
  );

  app.put(
    '/processes/:processSlug/meetings/:meetingId',
    {
      config: { policy: 'meeting.update', ...scoped },
      schema: { tags, summary: 'Edit or reschedule a meeting; registrants are emailed when its time, place or link changes', params: MeetingParams, body: MeetingBody, response: { 200: MeetingOut } },
    },
    async (req) => {
      await meetings.updateMeeting(deps(), req.actor!, req.policyContext.processId!, req.params.meetingId, req.body);
      return present(req.policyContext.processId!, req.params.meetingId, req);
    },
  );

  app.post(
    '/processes/:processSlug/meetings/:meetingId/cancel',
    { config: { policy: 'meeting.cancel', ...scoped }, schema: { tags, summary: 'Cancel a meeting; registrants are emailed, calendars show it cancelled', params: MeetingParams, response: { 200: MeetingOut } } },
    async (req) => {
      await meetings.cancelMeeting(deps(), req.actor!, req.policyContext.processId!, req.params.meetingId);
      return present(req.policyContext.processId!, req.params.meetingId, req);
    },
  );

  app.put(
    '/processes/:processSlug/meetings/:meetingId/agenda',
    { config: { policy: 'meeting.update', ...scoped }, schema: { tags, summary: 'Replace the agenda (items in order)', params: MeetingParams, body: AgendaBody, response: { 200: MeetingOut } } },
    async (req) => {
      await meetings.saveAgenda(deps(), req.actor!, req.policyContext.processId!, req.params.meetingId, req.body);
      return present(req.policyContext.processId!, req.params.meetingId, req);
    },
  );

  app.put(
    '/processes/:processSlug/meetings/:meetingId/minutes',
    { config: { policy: 'meeting.record', ...scoped }, schema: { tags, summary: 'Post the minutes (Markdown, English and French)', params: MeetingParams, body: MinutesBody, response: { 200: MeetingOut } } },
    async (req) => {
      await meetings.saveMinutes(deps(), req.actor!, req.policyContext.processId!, req.params.meetingId, req.body);
      return present(req.policyContext.processId!, req.params.meetingId, req);
    },
  );

  app.put(
    '/processes/:processSlug/meetings/:meetingId/recordings',
    { config: { policy: 'meeting.record', ...scoped }, schema: { tags, summary: 'Set the recording links', params: MeetingParams, body: RecordingsBody, response: { 200: MeetingOut } } },
    async (req) => {
      await meetings.saveRecordings(deps(), req.actor!, req.policyContext.processId!, req.params.meetingId, req.body.urls);
      return present(req.policyContext.processId!, req.params.meetingId, req);
    },
  );
};
